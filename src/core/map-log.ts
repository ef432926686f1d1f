/**
 * The core pipeline, free of terminal concerns: for each activity, settle its facts,
 * apply the rules, place it on every ladder, flag it and work out the next step.
 */
import type { Ladder, Rung } from '../ladders/ladder.js';
import type { FactLookup } from '../ladders/condition.js';
import type { Activity, ActivityLog, RungRef } from './activity.js';
import { CORE_FACTS, type FactDefinition } from './facts-model.js';
import { factsKey, ladderFactNames } from './facts-key.js';
import { computeFlags, type Flag } from './flags.js';
import { nextStep, stepsToReach, type NextStep } from './next-step.js';
import { place, type Placement } from './place.js';
import { resolveFacts, type InferredClaim, type Inferrer, type ResolvedFacts } from './resolve-facts.js';
import { applyRules, type EffectiveFacts } from './rules.js';
import { SummaryBuilder, summarise, type Summary } from './summary.js';

export interface ActivityResult {
  activity: Activity;
  resolved: ResolvedFacts;
  facts: EffectiveFacts;
  /** By ladder id, in the order of the run's ladders. */
  placements: Map<string, Placement>;
  next: Map<string, NextStep>;
  flags: Flag[];
}

export interface MapResult {
  ladders: Ladder[];
  logs: ActivityLog[];
  results: ActivityResult[];
  summary: Summary;
}

/**
 * Placements and next steps already worked out in a run, per ladder and facts key
 * (facts-key.ts): logs repeat themselves, and an activity whose facts a ladder cannot
 * tell from an earlier one's stands where it stood, with the same next step.
 */
export class AssessMemo {
  private readonly byLadder = new Map<Ladder, Map<string, MemoEntry>>();
  private static readonly KEYS = 10_000;

  entry(ladder: Ladder, facts: EffectiveFacts): MemoEntry {
    let byKey = this.byLadder.get(ladder);
    if (!byKey) {
      byKey = new Map();
      this.byLadder.set(ladder, byKey);
    }
    const key = factsKey(ladderFactNames(ladder), facts.rawLookup);
    let found = byKey.get(key);
    if (!found) {
      found = { placement: place(ladder, facts), next: undefined, steps: undefined };
      if (byKey.size < AssessMemo.KEYS) byKey.set(key, found);
    }
    return found;
  }
}

/** What a run remembers for one ladder and facts key. */
interface MemoEntry {
  placement: Placement;
  /** The next step, for activities without a target of their own. */
  next: NextStep | undefined;
  /** What reaching a rung of the ladder would take (a claimed rung, for the overclaim flag). */
  steps: Map<Rung, string[]> | undefined;
}

export function assess(activity: Activity, ladders: readonly Ladder[], inferrer?: Inferrer, memo?: AssessMemo): ActivityResult {
  const resolved = resolveFacts(activity, inferrer);
  const facts = applyRules(resolved);
  // per ladder: the run's remembered entry (with a memo) or this activity's placement
  const entries = new Map<Ladder, MemoEntry>();
  const entryFor = (ladder: Ladder): MemoEntry => {
    let e = entries.get(ladder);
    if (!e) {
      e = memo ? memo.entry(ladder, facts) : { placement: place(ladder, facts), next: undefined, steps: undefined };
      entries.set(ladder, e);
    }
    return e;
  };
  const placeOn = (ladder: Ladder): Placement => entryFor(ladder).placement;
  const stepsTo = (ladder: Ladder, rung: Rung): string[] => {
    const e = entryFor(ladder);
    let steps = e.steps?.get(rung);
    if (!steps) {
      steps = stepsToReach(rung, facts);
      (e.steps ??= new Map()).set(rung, steps);
    }
    return steps;
  };
  const factDefinition = (name: string): FactDefinition | undefined => {
    for (const l of ladders) {
      const f = l.facts.get(name);
      if (f) return f;
    }
    return CORE_FACTS.find((f) => f.name === name);
  };
  const placements = new Map<string, Placement>();
  const next = new Map<string, NextStep>();
  for (const ladder of ladders) {
    const entry = entryFor(ladder);
    const placement = entry.placement;
    placements.set(ladder.id, placement);
    const step = (): NextStep => nextStep({ activity, placement, facts, placeOn, factDefinition });
    // without a target of its own, the next step depends on the facts alone
    next.set(ladder.id, memo && !activity.target ? (entry.next ??= step()) : step());
  }
  const claimed = activity.claimed ?? (resolved.claim && ladders[0] ? claimRef(resolved.claim, ladders[0], facts) : undefined);
  const flags = computeFlags({ activity, claimed, resolved, facts, placeOn, stepsTo });
  return { activity, resolved, facts, placements, next, flags };
}

/**
 * A label read from the words ("co-produced") as a rung of the run's first ladder: where
 * the facts the label stands for would place the activity (its own level and, unless the
 * label names them, its own stages).
 */
function claimRef(claim: InferredClaim, ladder: Ladder, facts: EffectiveFacts): (RungRef & { inferred: InferredClaim }) | undefined {
  const lookup: FactLookup = (name) => (name === 'say' ? claim.say : name === 'stages' ? (claim.stages ?? facts.rawLookup('stages')) : name === 'level' ? facts.rawLookup('level') : undefined);
  const placement = place(ladder, { lookup, rawLookup: lookup, capped: false, coerced: false });
  return placement.rung ? { raw: claim.label, ladder, rung: placement.rung, inferred: claim } : undefined;
}

export function mapLogs(logs: readonly ActivityLog[], ladders: readonly Ladder[], inferrer?: Inferrer): MapResult {
  const results: ActivityResult[] = [];
  const memo = new AssessMemo();
  for (const log of logs) for (const activity of log.activities) results.push(assess(activity, ladders, inferrer, memo));
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
  const memo = new AssessMemo();
  function* results(): Generator<ActivityResult> {
    for (const log of logs) {
      for (const activity of log.activities) {
        const result = assess(activity, ladders, inferrer, memo);
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
