/** `coprod map --format yaml`: the JSON model as YAML, for people who keep results beside their log. */
import { dump } from 'js-yaml';
import type { MapResult } from '../../core/map-log.js';
import { mapJson } from './model.js';

export function formatYaml(result: MapResult): string {
  return dump(mapJson(result), { lineWidth: 100, noRefs: true });
}
