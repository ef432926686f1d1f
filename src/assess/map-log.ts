/**
 * The pipeline over whole logs, free of terminal concerns: every activity assessed
 * (assess-activity.ts) and the run summarised, kept whole or streamed one at a time.
 */
import type { Ladder } from '../model/ladder.js';
import type { ActivityLog } from '../model/activity.js';
import type { Inferrer } from '../model/resolve-facts.js';
import { assess, type ActivityResult } from './assess-activity.js';
import { SummaryBuilder, summarise, type Summary } from './summary.js';

export interface MapResult {
  ladders: Ladder[];
  logs: ActivityLog[];
  results: ActivityResult[];
  summary: Summary;
}

export function mapLogs(logs: readonly ActivityLog[], ladders: readonly Ladder[], inferrer?: Inferrer): MapResult {
  const results: ActivityResult[] = [];
  for (const log of logs) for (const activity of log.activities) results.push(assess(activity, ladders, inferrer));
  return { ladders: [...ladders], logs: [...logs], results, summary: summarise(results, ladders) };
}

/** A run whose results are produced one at a time; `summary()` is complete once they have all been read. */
export interface StreamedMap {
  ladders: Ladder[];
  logs: ActivityLog[];
  results: Iterable<ActivityResult>;
  summary(): Summary;
}

/** Like mapLogs, without keeping the results: for big logs written out as they are assessed. */
export function streamLogs(logs: readonly ActivityLog[], ladders: readonly Ladder[], inferrer?: Inferrer): StreamedMap {
  const builder = new SummaryBuilder(ladders);
  let summary: Summary | undefined;
  function* results(): Generator<ActivityResult> {
    for (const log of logs) {
      for (const activity of log.activities) {
        const result = assess(activity, ladders, inferrer);
        builder.add(result);
        yield result;
      }
    }
    summary = builder.finish();
  }
  return {
    ladders: [...ladders],
    logs: [...logs],
    results: results(),
    summary: () => {
      if (!summary) throw new Error('the summary is complete only after every result has been read');
      return summary;
    },
  };
}
