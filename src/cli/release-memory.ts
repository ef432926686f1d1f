/**
 * After a big log is read: one full garbage collection, so that V8 sizes the heap for the
 * rest of the run by what the run holds (the activities) rather than by what reading
 * needed on the way (the parsed document), which keeps the peak memory of a big run
 * down. Small logs skip it: there it would only cost time.
 * The collector is reached through V8's own switch; where that is unavailable nothing
 * happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Activities from which a collection pays for itself. */
const BIG_LOG = 5_000;

export function releaseReadingMemory(activities: number): void {
  if (activities < BIG_LOG) return;
  try {
    setFlagsFromString('--expose_gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // no collector to call: the run goes on as it would have
  }
}
