/**
 * `coprod map --format json`: the stable machine contract. Indented for a person at a
 * terminal; compact and streamed activity by activity otherwise (as `gh` does), so that
 * a log of 100,000 activities never has to sit in memory, as results or as one string.
 */
import type { MapResult, StreamedMap } from '../../core/map-log.js';
import { activityJson, factNamesOf, laddersJson, mapJson, summaryJson, type ActivityJson } from './model.js';

// 64 activities make ~57 KB: below V8's large-object size (bigger batches measured slower)
const BATCH = 64;

export function* formatJson(result: MapResult | StreamedMap, pretty = false): Generator<string> {
  if (pretty && !isStreamed(result)) {
    yield `${JSON.stringify(mapJson(result), null, 2)}\n`;
    return;
  }
  const factNames = factNamesOf(result);
  yield `{"ladders":${JSON.stringify(laddersJson(result.ladders))},"activities":`;
  // a batch of activities written by one JSON.stringify call, without its brackets:
  // faster than one call per activity joined with commas (the slice makes one flat copy
  // of the batch, which writing would make anyway: measured, no slower than unsliced)
  let batch: ActivityJson[] = [];
  let opened = false;
  function* flush(): Generator<string> {
    const text = JSON.stringify(batch);
    batch = [];
    if (!opened) {
      opened = true;
      yield text.slice(0, -1); // "[a,b,…,z": opens the list
    } else {
      yield ',';
      yield text.slice(1, -1);
    }
  }
  for (const r of result.results) {
    batch.push(activityJson(r, factNames));
    if (batch.length === BATCH) yield* flush();
  }
  if (batch.length) yield* flush();
  if (!opened) yield '[';
  const summary = isStreamed(result) ? result.summary() : result.summary;
  yield `],${JSON.stringify(summaryJson(summary)).slice(1)}\n`;
}

function isStreamed(result: MapResult | StreamedMap): result is StreamedMap {
  return typeof (result as StreamedMap).summary === 'function';
}
