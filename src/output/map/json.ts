/**
 * `coprod map --format json`: the stable machine contract. Indented for a person at a
 * terminal; compact and streamed activity by activity otherwise (as `gh` does), so that
 * a log of 100,000 activities never has to sit in memory, as results or as one string.
 */
import type { MapResult, StreamedMap } from '../../assess/map-log.js';
import { activityJson, factNamesOf, laddersJson, mapJson, summaryJson } from './model.js';

export function* formatJson(result: MapResult | StreamedMap, pretty = false): Generator<string> {
  if (pretty && !isStreamed(result)) {
    yield `${JSON.stringify(mapJson(result), null, 2)}\n`;
    return;
  }
  const factNames = factNamesOf(result);
  yield `{"ladders":${JSON.stringify(laddersJson(result.ladders))},"activities":`;
  let first = true;
  for (const r of result.results) {
    yield first ? '[' : ',';
    first = false;
    yield JSON.stringify(activityJson(r, factNames));
  }
  if (first) yield '[';
  const summary = isStreamed(result) ? result.summary() : result.summary;
  yield `],${JSON.stringify(summaryJson(summary)).slice(1)}\n`;
}

function isStreamed(result: MapResult | StreamedMap): result is StreamedMap {
  return typeof (result as StreamedMap).summary === 'function';
}
