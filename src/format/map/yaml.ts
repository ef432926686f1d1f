/**
 * `coprod map --format yaml`: the JSON model as YAML, for people who keep results beside
 * their log. js-yaml writes it fast; a string of megabytes overflows its style checks
 * (a regular expression), and then the slower `yaml` writer, which folds long lines
 * without recursion, writes the same data.
 */
import { dump } from 'js-yaml';
import type { MapResult } from '../../core/map-log.js';
import { mapJson } from './model.js';

export async function formatYaml(result: MapResult): Promise<string> {
  const data = mapJson(result);
  try {
    return dump(data, { lineWidth: 100, noRefs: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const { stringify } = await import('yaml');
    return stringify(data, { lineWidth: 100, aliasDuplicateObjects: false });
  }
}
