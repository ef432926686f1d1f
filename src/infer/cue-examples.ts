/**
 * Holds cues to their examples: each must match every text it says it matches (read as
 * a description, a reading of that cue survives), and none it says it does not. Run on a
 * user's cue files when they are loaded, and on coprod's own by the build and the tests.
 */
import type { Cue, CueSet } from './cue-set.js';
import { readActivity } from './clause-reader.js';

export interface ExampleFailure {
  cue: Cue;
  kind: 'match' | 'nomatch';
  index: number;
  message: string;
}

export function checkExamples(set: CueSet, cues: readonly Cue[] = set.cues): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const reads = (cue: Cue, text: string): boolean => readActivity(set, { name: '', methods: [], description: text }, true).some((r) => r.cue === cue);
  for (const cue of cues) {
    cue.examples.match.forEach((text, index) => {
      if (!reads(cue, text)) failures.push({ cue, kind: 'match', index, message: `cue ${cue.id} does not match its example "${text}"` });
    });
    cue.examples.nomatch.forEach((text, index) => {
      if (reads(cue, text)) failures.push({ cue, kind: 'nomatch', index, message: `cue ${cue.id} matches "${text}", which its examples say it must not` });
    });
  }
  return failures;
}
