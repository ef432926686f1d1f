/** `coprod map --format json`: the stable machine contract. */
import type { MapResult } from '../../core/map-log.js';
import { mapJson } from './model.js';

export function formatJson(result: MapResult): string {
  return `${JSON.stringify(mapJson(result), null, 2)}\n`;
}
