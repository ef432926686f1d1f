/**
 * `coprod map --format json`: the stable machine contract. Indented for a person at a
 * terminal; compact and streamed activity by activity otherwise (as `gh` does), so that
 * a log of 100,000 activities never has to sit in memory as one string.
 */
import type { MapResult } from '../../core/map-log.js';
import { activityJson, factNamesOf, mapJson, mapJsonFrame } from './model.js';

const BATCH = 256;

export function* formatJson(result: MapResult, pretty = false): Generator<string> {
  if (pretty) {
    yield `${JSON.stringify(mapJson(result), null, 2)}\n`;
    return;
  }
  const { ladders, ...rest } = mapJsonFrame(result);
  const factNames = factNamesOf(result);
  yield `{"ladders":${JSON.stringify(ladders)},"activities":[`;
  const results = result.results;
  for (let i = 0; i < results.length; i += BATCH) {
    const parts: string[] = [];
    for (let k = i; k < Math.min(results.length, i + BATCH); k++) parts.push(JSON.stringify(activityJson(results[k]!, factNames)));
    yield (i ? ',' : '') + parts.join(',');
  }
  const tail = JSON.stringify(rest);
  yield `],${tail.slice(1)}\n`;
}
