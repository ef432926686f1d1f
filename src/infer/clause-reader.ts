/**
 * Reads facts from an activity's words (name, methods, description), clause by clause:
 * each clause is read for who acted, what they did, whether it was negated and whether
 * it happened (read-clause.ts), then the readings of the whole activity are settled
 * conservatively (settle.ts). Nothing is remembered between activities.
 */
import type { Activity } from '../model/activity.js';
import type { Inference, Inferrer } from '../model/resolve-facts.js';
import type { AgentGroup } from './agents.js';
import type { CueSet } from './cue-set.js';
import { isAnswerHeading, readClause, type Field, type Reading } from './read-clause.js';
import { MatchMemory } from './match-pattern.js';
import { settle } from './settle.js';
import { tokenise } from './tokenise.js';

/** Characters of one field that are read (the rest is kept in the log and every output, but not read). */
const MAX_READ = 50_000;

/** Methods as words: "focus-group" reads as "focus group", one sentence each. */
function methodsText(methods: readonly string[]): string {
  return methods.map((m) => m.replace(/[-_]+/g, ' ')).join('. ');
}

/**
 * Every reading of an activity's words, in reading order: name, methods, description.
 * Matches of words to ignore are left out unless asked for (to test the cues).
 */
export function readActivity(set: CueSet, activity: Pick<Activity, 'name' | 'methods' | 'description'>, keepIgnored = false): Reading[] {
  const readings: Reading[] = [];
  let index = 0;
  // groups named so far, by their last word: "the panel" later refers back to them
  const heads = new Map<string, AgentGroup>();
  const memory = new MatchMemory();
  const read = (whole: string, field: Field): void => {
    // nobody writes an activity's field longer than this: the rest of a pasted document is not read
    const text = whole.length > MAX_READ ? whole.slice(0, MAX_READ) : whole;
    let heading = false;
    for (const clause of tokenise(text, set.lexicon)) {
      const read = readClause(set, text, clause, field, index++, heads, memory);
      // "You said: … We did: …": a change after the heading answers the views
      if (heading) {
        for (const r of read) {
          if (!r.cue.response || r.answers) continue;
          r.answers = true;
          r.byHeading = true;
        }
      }
      heading = isAnswerHeading(set, clause);
      readings.push(...read);
    }
  };
  read(activity.name, 'name');
  if (activity.methods.length) read(methodsText(activity.methods), 'methods');
  if (activity.description) read(activity.description, 'description');
  return keepIgnored ? readings : readings.filter((r) => !r.cue.ignore);
}

export class ClauseReader implements Inferrer {
  constructor(readonly cues: CueSet) {}

  infer(activity: Activity): Inference {
    const settled = settle(this.cues, readActivity(this.cues, activity, true));
    const inference: Inference = { findings: settled.findings };
    if (settled.claim) inference.claim = settled.claim;
    if (settled.open.length) inference.open = settled.open;
    return inference;
  }
}
