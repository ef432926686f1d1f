/**
 * The next step (PRODUCT.md §4): the rung above, what it asks that the activity does
 * not yet do (phrased as actions), and the current rung's climbing advice. On the top
 * rung, how to sustain it; at the activity's own target, says so; unclassified, the
 * questions that would place it.
 */
import { unmetParts, describeAtom, type CompiledAtom } from '../model/condition.js';
import type { Ladder, Rung } from '../model/ladder.js';
import type { Activity } from '../model/activity.js';
import type { FactDefinition, FactValue } from '../model/facts-model.js';
import { place, type Placement } from './place.js';
import type { EffectiveFacts } from '../model/rules.js';
import type { OpenReading } from '../model/resolve-facts.js';
import { capitalise } from '../text/capitalise.js';

/** What clears the `not-involved` flag, and the first next step of every activity people took no part in. */
export const NOT_INVOLVED_STEP = 'involve the people who use the service: ask for their views while the decision is still open';

/** The advice for an activity nobody took part in: the bottom rung's own (about compulsion) does not fit it. */
export const NOT_INVOLVED_ADVICE =
  'Start with the people it affects: tell them what is being looked at, ask for their views in plain words and in a way they can take part in, before anything is decided, and tell them afterwards what changed because of them.';

export type NextStatus = 'climb' | 'top' | 'target-reached' | 'unclassified';

export interface NextStep {
  status: NextStatus;
  /** The rung to climb to; the current rung when at the top or at target; null when unclassified. */
  rung: string | null;
  /** Actions (or, when unclassified, questions), most important first. */
  steps: string[];
  /** The current rung's advice: how to climb, or on the top rung how to sustain. */
  advice?: string;
  /** Facts to record, when unclassified or when a missing fact could lift the activity. */
  questions: string[];
}

const QUESTION_PRIORITY = ['say', 'before_decision', 'voluntary', 'stages', 'initiated_by', 'feedback_given', 'level'];

/** Orders missing facts by how much they matter and keeps the first few. */
function prioritiseFacts(names: readonly string[], max = 3): string[] {
  const rank = (n: string): number => {
    const i = QUESTION_PRIORITY.indexOf(n);
    return i < 0 ? QUESTION_PRIORITY.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b)).slice(0, max);
}

/** The action that makes an atom hold, phrased for a care worker; `current` is the fact's value now. */
export function atomAction(atom: CompiledAtom, current?: FactValue): string {
  if (atom.action) return atom.action;
  const actions = atom.fact.actions ?? {};
  const pick = (value: string): string | undefined => {
    const a = Object.hasOwn(actions, value) ? actions[value] : undefined;
    return a && a !== 'n/a' ? a : undefined;
  };
  switch (atom.comparator) {
    case 'atLeast':
    case 'is': {
      const a = pick(String(atom.operand));
      if (a) return a;
      break;
    }
    case 'in': {
      const values = atom.operand as string[];
      const lowest = [...values].sort((x, y) => atom.fact.values.indexOf(x) - atom.fact.values.indexOf(y))[0];
      const a = lowest ? pick(lowest) : undefined;
      if (a) return a;
      break;
    }
    case 'includes': {
      const have = Array.isArray(current) ? current : [];
      const parts = (atom.operand as string[])
        .filter((v) => !have.includes(v))
        .map((v) => pick(v))
        .filter((x): x is string => !!x);
      if (parts.length) return parts.join('; ');
      break;
    }
    case 'known':
      return `record ${atom.fact.name}: ${atom.fact.question}`;
  }
  return `make sure ${describeAtom(atom)}`;
}

/**
 * What an activity would have to do to stand on `rung`: its unmet conditions as actions,
 * with "involve people before the decision" first when the decision rule holds it down.
 */
export function stepsToReach(rung: Rung, facts: EffectiveFacts): string[] {
  const unmet = unmetParts(rung.condition, facts.lookup);
  const steps: string[] = [];
  // a decision already made holds say at heard: nothing above it is reachable until that changes
  const needsMoreThanHeard = unmet.some((p) => p.atom.fact.name === 'say' && requiresAboveHeard(p.atom));
  if (facts.rawLookup('before_decision') === false && needsMoreThanHeard) steps.push('involve people before the decision is made');
  for (const part of facts.capped ? unmetParts(rung.condition, facts.rawLookup) : unmet) {
    const action = part.action ?? atomAction(part.atom, facts.rawLookup(part.atom.fact.name));
    const phrased = part.unknown ? `${action} (or record \`${part.atom.fact.name}\` if this already happens)` : action;
    if (!steps.includes(phrased)) steps.push(phrased);
  }
  return steps;
}

function requiresAboveHeard(atom: CompiledAtom): boolean {
  const heard = atom.fact.values.indexOf('heard');
  const rank = (v: unknown): number => atom.fact.values.indexOf(String(v));
  switch (atom.comparator) {
    case 'atLeast':
    case 'is':
      return rank(atom.operand) > heard;
    case 'in':
      return (atom.operand as string[]).every((v) => rank(v) > heard);
    default:
      return false;
  }
}

export interface NextStepInput {
  activity: Activity;
  placement: Placement;
  facts: EffectiveFacts;
  /** Placement of the activity on the ladder of its target, when it has one. */
  placeOn: (ladder: Ladder) => Placement;
  factDefinition: (name: string) => FactDefinition | undefined;
  /** Facts the words leave open between values: their own question replaces the general one. */
  open?: readonly OpenReading[];
}

export function nextStep(input: NextStepInput): NextStep {
  const { activity, placement, facts } = input;
  const ladder = placement.ladder;
  const questionsFor = (names: readonly string[]): string[] => prioritiseFacts(names);
  if (!placement.rung) {
    const questions = questionsFor(placement.missing.length ? placement.missing : ['say']);
    return {
      status: 'unclassified',
      rung: null,
      steps: questions.map((q) => input.open?.find((o) => o.fact === q)?.question ?? input.factDefinition(q)?.question ?? `What is ${q}?`),
      questions,
    };
  }
  const current = placement.rung;
  const missing = questionsFor(placement.missing);

  if (activity.target) {
    const targetLadder = activity.target.ladder;
    const onTarget = targetLadder === ladder ? placement : input.placeOn(targetLadder);
    if (onTarget.rung && onTarget.index >= activity.target.rung.index) {
      return {
        status: 'target-reached',
        rung: current.id,
        steps: [
          `Target reached: ${activity.target.rung.name} is the level chosen for this activity; keep it there, and keep it honest.`,
        ],
        // no climbing advice: climbing is not the aim here
        questions: missing,
      };
    }
  }

  const above = ladder.rungs[current.index]; // index is 1-based, so this is the next rung up
  if (!above) {
    return { status: 'top', rung: current.id, steps: [current.advice], advice: current.advice, questions: missing };
  }

  const steps: string[] = [];
  // people who took no part are to be involved (not-involved): that comes before anything else
  const notInvolved = facts.rawLookup('say') === 'none';
  if (notInvolved) steps.push(NOT_INVOLVED_STEP);
  else if (placement.forcedBy === 'voluntary') steps.push('make taking part a free choice, not a requirement');
  for (const step of stepsToReach(above, facts)) if (!steps.includes(step)) steps.push(step);
  if (steps.length === 0) steps.push(`meet the conditions of ${above.name}`);
  return {
    status: 'climb',
    rung: above.id,
    steps: steps.map(capitalise),
    advice: notInvolved ? NOT_INVOLVED_ADVICE : current.advice,
    questions: missing,
  };
}

export { place };
