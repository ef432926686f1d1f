/**
 * `coprod map --format json`: the stable machine contract. Indented for a person at a
 * terminal; compact and streamed activity by activity otherwise (as `gh` does), so that
 * a log of 100,000 activities never has to sit in memory, as results or as one string.
 */
import type { MapResult, StreamedMap } from '../../core/map-log.js';
import { activityJson, factNamesOf, laddersJson, mapJson, summaryJson } from './model.js';

const BATCH = 256;

export function* formatJson(result: MapResult | StreamedMap, pretty = false): Generator<string> {
  if (pretty && !isStreamed(result)) {
    yield `${JSON.stringify(mapJson(result), null, 2)}\n`;
    return;
  }
  const factNames = factNamesOf(result);
  yield `{"ladders":${JSON.stringify(laddersJson(result.ladders))},"activities":[`;
  let parts: string[] = [];
  let first = true;
  for (const r of result.results) {
    parts.push(JSON.stringify(activityJson(r, factNames)));
    if (parts.length === BATCH) {
      yield (first ? '' : ',') + parts.join(',');
      first = false;
      parts = [];
    }
  }
  if (parts.length) yield (first ? '' : ',') + parts.join(',');
  const summary = isStreamed(result) ? result.summary() : result.summary;
  yield `],${JSON.stringify(summaryJson(summary)).slice(1)}\n`;
}

function isStreamed(result: MapResult | StreamedMap): result is StreamedMap {
  return typeof (result as StreamedMap).summary === 'function';
}
