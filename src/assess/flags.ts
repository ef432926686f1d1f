/**
 * Quality flags (PRODUCT.md §2): signs of tokenism that do not move the rung but
 * belong in every output. Each flag says what it saw and the action that clears it.
 */
import type { Ladder } from '../model/ladder.js';
import type { Activity, RungRef } from '../model/activity.js';
import type { Problem } from '../input/problem.js';
import { sayRank } from '../model/facts-model.js';
import { NOT_INVOLVED_STEP, stepsToReach } from './next-step.js';
import type { Placement } from './place.js';
import type { InferredClaim, ResolvedFacts } from '../model/resolve-facts.js';
import type { EffectiveFacts } from '../model/rules.js';

export const FLAG_IDS = ['overclaim', 'after-decision', 'feedback-missing', 'perception-gap', 'no-support', 'contradiction', 'not-involved', 'evidence-missing'] as const;
export type FlagId = (typeof FLAG_IDS)[number];

/** A flag is a problem (problem.ts) of the activity, at the activity: its help says what would clear it. */
export type Flag = Problem & { id: FlagId; level: 'warn'; help: string };

/** A flag as the checks below find it, before it is placed at its activity. */
interface Found {
  id: FlagId;
  message: string;
  action: string;
}

export const FLAG_TITLES: Record<FlagId, string> = {
  overclaim: 'Claimed above the evidence',
  'after-decision': 'Views sought after the decision',
  'feedback-missing': 'No feedback on how views were used',
  'perception-gap': 'Participants rate it lower',
  'no-support': 'Taking part was not supported',
  contradiction: 'Description contradicts a declared fact',
  'not-involved': 'People took no part',
  'evidence-missing': 'Evidence file not found',
};

export interface FlagInput {
  activity: Activity;
  /** The rung claimed: the log's `claimed`, else a label read from the words (with that claim). */
  claimed?: RungRef & { inferred?: InferredClaim };
  resolved: ResolvedFacts;
  facts: EffectiveFacts;
  placeOn: (ladder: Ladder) => Placement;
}

const HEARD = sayRank('heard');

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

export function computeFlags({ activity, claimed, resolved, facts, placeOn }: FlagInput): Flag[] {
  const flags: Found[] = [];
  const say = facts.rawLookup('say');
  const viewsSought = typeof say === 'string' && sayRank(say) >= HEARD;

  if (claimed) {
    const { ladder, rung } = claimed;
    const placed = placeOn(ladder);
    if (placed.index < rung.index) {
      const where = placed.rung ? `the evidence places it at ${placed.rung.id}` : 'nothing recorded places it on the ladder';
      const unmet = stepsToReach(rung, facts);
      const to = placed.rung ? `claim ${placed.rung.id}` : 'record what say people had';
      const said = claimed.inferred ? `the words call it ${claimed.inferred.label} ("${claimed.inferred.evidence}")` : `claimed ${rung.id} (${ladder.id})`;
      const flag: Found = {
        id: 'overclaim',
        message: `${said} but ${where}`,
        action: `${to}${unmet.length ? `, or reach ${rung.id}: ${unmet.join('; ')}` : ''}`,
      };
      flags.push(flag);
    }
  }

  // the bottom rung, as the ladder maps `say: none`, but named for what it is
  if (say === 'none') {
    flags.push({
      id: 'not-involved',
      message: 'the people who use the service took no part at all',
      action: NOT_INVOLVED_STEP,
    });
  }

  const beforeDecision = facts.rawLookup('before_decision');
  if (beforeDecision === false && (say === undefined || viewsSought)) {
    flags.push({
      id: 'after-decision',
      message: 'views were sought only once the decision had been made',
      action: 'involve people while the decision is still open, and say plainly what is already decided',
    });
  }

  if (viewsSought && facts.rawLookup('feedback_given') === false) {
    flags.push({
      id: 'feedback-missing',
      message: 'views were sought but nobody was told how they were used',
      action: 'tell people what changed because of their views ("you said, we did")',
    });
  }

  if (activity.participantView) {
    const { ladder, rung } = activity.participantView;
    const placed = placeOn(ladder);
    if (placed.rung && placed.index > rung.index) {
      flags.push({
        id: 'perception-gap',
        message: `participants would call it ${rung.id}, below ${placed.rung.id} (${ladder.id})`,
        action: 'ask participants what would make it feel like more than that, and close the gap before claiming the higher rung',
      });
    }
  }

  const support = activity.support;
  if (support) {
    const gaps: string[] = [];
    if (support.expenses_paid === false) gaps.push('expenses not paid');
    if (support.accessible_venue === false) gaps.push('venue not accessible');
    if (typeof support.notice_days === 'number' && support.notice_days < 7) gaps.push(`${support.notice_days} days' notice`);
    if (gaps.length) {
      flags.push({
        id: 'no-support',
        message: gaps.join(', '),
        action: "pay people's expenses, meet in an accessible place, and give at least 7 days' notice",
      });
    }
  }

  for (const c of resolved.contradictions) {
    flags.push({
      id: 'contradiction',
      message: `declared ${c.fact}: ${show(c.declared)}, but the description suggests ${show(c.inferred)} ("${c.evidence}")`,
      action: `check ${c.fact}: correct the declared value or the description`,
    });
  }
  if (activity.evidenceMissing?.length) {
    flags.push({
      id: 'evidence-missing',
      message: activity.evidenceMissing.map((e) => `${e.path} ${e.why}`).join('; '),
      action: "put the file in the log's repository at that path, or correct the path in `evidence`",
    });
  }
  if (!flags.length) return NO_FLAGS;
  const { file, line, column } = activity.source;
  const about = { id: activity.id, name: activity.name };
  return flags.map((f) => ({ id: f.id, level: 'warn', message: f.message, help: f.action, file, line, column, activity: about }));
}

const NO_FLAGS: Flag[] = [];
