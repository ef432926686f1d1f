/**
 * One activity assessed: its facts settled (declared, else read from its words), the
 * rules applied, placed on every ladder, flagged, and its next step on each.
 */
import type { Ladder } from '../model/ladder.js';
import type { FactLookup } from '../model/condition.js';
import type { Activity, RungRef } from '../model/activity.js';
import { CORE_FACTS, type FactDefinition } from '../model/facts-model.js';
import { computeFlags, type Flag } from './flags.js';
import { nextStep, type NextStep } from './next-step.js';
import { place, type Placement } from './place.js';
import { resolveFacts, type InferredClaim, type Inferrer, type ResolvedFacts } from '../model/resolve-facts.js';
import { applyRules, type EffectiveFacts } from '../model/rules.js';

export interface ActivityResult {
  activity: Activity;
  resolved: ResolvedFacts;
  facts: EffectiveFacts;
  /** By ladder id, in the order of the run's ladders. */
  placements: Map<string, Placement>;
  next: Map<string, NextStep>;
  flags: Flag[];
}

export function assess(activity: Activity, ladders: readonly Ladder[], inferrer?: Inferrer): ActivityResult {
  const resolved = resolveFacts(activity, inferrer);
  const facts = applyRules(resolved);
  const placements = new Map<string, Placement>();
  for (const ladder of ladders) placements.set(ladder.id, place(ladder, facts));
  const placeOn = (ladder: Ladder): Placement => placements.get(ladder.id) ?? place(ladder, facts);
  const factDefinition = (name: string): FactDefinition | undefined => {
    for (const l of ladders) {
      const f = l.facts.get(name);
      if (f) return f;
    }
    return CORE_FACTS.find((f) => f.name === name);
  };
  const next = new Map<string, NextStep>();
  for (const ladder of ladders) next.set(ladder.id, nextStep({ activity, placement: placements.get(ladder.id)!, facts, placeOn, factDefinition, ...(resolved.open ? { open: resolved.open } : {}) }));
  const claimed = activity.claimed ?? (resolved.claim && ladders[0] ? claimRef(resolved.claim, ladders[0], facts) : undefined);
  const flags = computeFlags({ activity, claimed, resolved, facts, placeOn });
  // a reached target never hides a flag: the next step still says what clears each one
  if (flags.length) {
    for (const [id, step] of next) {
      if (step.status === 'target-reached') next.set(id, { ...step, steps: [...step.steps, `Still to clear: ${flags.map((f) => `${f.help} (${f.id})`).join('; ')}.`] });
    }
  }
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
