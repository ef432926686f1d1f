/**
 * A log's evidence against a framework (PRODUCT.md §3b): for each requirement, evidenced,
 * partly or not evidenced, the activities behind it, and the next step when it is short.
 * Only activities dated within the period count when one is given. Also the log's groups:
 * the highest rung each was involved at, and those never involved at `heard` or above.
 */
import type { ActivityResult } from './assess-activity.js';
import type { Filter, Framework, Requirement, Test } from '../model/framework.js';
import { truthOf } from '../model/condition.js';
import { sayRank } from '../model/facts-model.js';
import type { Ladder } from '../model/ladder.js';
import { GroupTally, sameGroup, type GroupRow } from './group-tally.js';

export type Status = 'evidenced' | 'partly' | 'not-evidenced';

export interface RequirementResult {
  requirement: Requirement;
  status: Status;
  /** What was found, in words: "2 of 5 activities that sought views (40%; 80% needed)". */
  found: string;
  /** The activities that evidence it. */
  behind: ActivityResult[];
}

export interface Period {
  since?: string;
  until?: string;
}

/** A group of the log over the period: its row of the tally, with its activities kept. */
export type GroupInvolvement = GroupRow & { activities: ActivityResult[] };

export interface EvidenceResult {
  framework: Framework;
  period: Period;
  /** Activities in the period (those the requirements count). */
  counted: ActivityResult[];
  /** Activities left out: dated outside the period, or undated while a period is given. */
  leftOut: number;
  requirements: RequirementResult[];
  groups: GroupInvolvement[];
}

/** Whether an activity is within the period (undated ones are not, once a period is given). */
export function inPeriod(r: ActivityResult, period: Period): boolean {
  if (!period.since && !period.until) return true;
  const date = r.activity.date;
  if (!date) return false;
  return (!period.since || date >= period.since) && (!period.until || date <= period.until);
}

export function evaluateFramework(framework: Framework, results: readonly ActivityResult[], groups: readonly string[], period: Period, ladders: readonly Ladder[]): EvidenceResult {
  const counted = results.filter((r) => inPeriod(r, period));
  const tally = new GroupTally(groups, ladders[0], true);
  for (const r of counted) tally.add(r);
  const involvement = tally.finish() as GroupInvolvement[];
  const requirements = framework.requirements.map((requirement) => ({ requirement, ...evaluate(requirement.test, counted, involvement, ladders) }));
  return { framework, period, counted, leftOut: results.length - counted.length, requirements, groups: involvement };
}

interface Outcome {
  status: Status;
  found: string;
  behind: ActivityResult[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function evaluate(test: Test, results: readonly ActivityResult[], groups: readonly GroupInvolvement[], ladders: readonly Ladder[]): Outcome {
  const matches = (f: Filter | undefined) => (r: ActivityResult): boolean => !f || filterMatches(f, r, ladders);
  switch (test.kind) {
    case 'count': {
      const behind = results.filter(matches(test.where));
      const n = behind.length;
      return { status: n >= test.atLeast ? 'evidenced' : n > 0 ? 'partly' : 'not-evidenced', found: `${plural(n, 'activity', 'activities')} (at least ${test.atLeast} needed)`, behind };
    }
    case 'share': {
      const base = results.filter(matches(test.of));
      const behind = base.filter(matches(test.where));
      const share = base.length ? behind.length / base.length : 0;
      const status: Status = base.length && share >= test.atLeast - 1e-9 ? 'evidenced' : behind.length > 0 ? 'partly' : 'not-evidenced';
      const pct = (x: number): string => `${Math.round(x * 100)}%`;
      return { status, found: base.length ? `${behind.length} of ${plural(base.length, 'activity', 'activities')} (${pct(share)}; ${pct(test.atLeast)} needed)` : 'no activities to count', behind };
    }
    case 'groups': {
      if (!groups.length) return { status: 'not-evidenced', found: 'the log names no groups (groups: at its top)', behind: [] };
      const bar = sayRank(test.atLeast);
      const reached = groups.filter((g) => g.highestSay !== undefined && sayRank(g.highestSay) >= bar);
      const never = groups.filter((g) => !reached.includes(g)).map((g) => g.group);
      const behind = [...new Set(reached.flatMap((g) => g.activities.filter((r) => sayRank(String(r.facts.lookup('say') ?? 'none')) >= bar)))];
      const status: Status = never.length === 0 ? 'evidenced' : reached.length ? 'partly' : 'not-evidenced';
      return { status, found: `${reached.length} of ${plural(groups.length, 'group')} involved at ${test.atLeast} or above${never.length ? `; not yet: ${never.join(', ')}` : ''}`, behind };
    }
    default: {
      const parts = test.children.map((c) => evaluate(c, results, groups, ladders));
      const all = test.kind === 'all';
      const status: Status = all
        ? parts.every((p) => p.status === 'evidenced') ? 'evidenced' : parts.every((p) => p.status === 'not-evidenced') ? 'not-evidenced' : 'partly'
        : parts.some((p) => p.status === 'evidenced') ? 'evidenced' : parts.some((p) => p.status === 'partly') ? 'partly' : 'not-evidenced';
      return { status, found: parts.map((p) => p.found).join(all ? '; and ' : '; or '), behind: [...new Set(parts.flatMap((p) => p.behind))] };
    }
  }
}

function filterMatches(f: Filter, r: ActivityResult, ladders: readonly Ladder[]): boolean {
  switch (f.kind) {
    case 'all':
      return f.children.every((c) => filterMatches(c, r, ladders));
    case 'any':
      return f.children.some((c) => filterMatches(c, r, ladders));
    case 'not':
      return !filterMatches(f.child, r, ladders);
    case 'fact':
      // a fact nobody recorded does not match
      return truthOf(f.condition, r.facts.lookup) === true;
    case 'level':
      return f.levels.includes(String(r.resolved.findings.get('level')?.value ?? 'service'));
    case 'flag':
      return r.flags.some((flag) => f.flags.includes(flag.id));
    case 'participants':
      return r.activity.participants.some((p) => f.groups.some((g) => sameGroup(p, g)));
    case 'has':
      return f.fields.every((field) => hasField(r, field));
    case 'rung': {
      const ladder = ladders.find((l) => l.id === f.ladder);
      const placed = r.placements.get(f.ladder);
      if (!ladder || !placed?.rung) return false;
      if (f.is) return placed.rung.id === f.is;
      const bar = ladder.rungs.find((x) => x.id === f.atLeast);
      return bar !== undefined && placed.index >= bar.index;
    }
  }
}

function hasField(r: ActivityResult, field: string): boolean {
  const a = r.activity;
  const [outer, inner] = field.split('.') as [string, string | undefined];
  const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  const top: Record<string, unknown> = {
    date: a.date,
    description: a.description,
    participants: a.participants,
    methods: a.methods,
    evidence: a.evidence,
    target: a.target,
    claimed: a.claimed,
    participant_view: a.participantView,
    support: a.support,
    outcome: a.outcome,
  };
  const value = top[outer];
  if (inner === undefined) return present(value);
  return present((value as Record<string, unknown> | undefined)?.[inner]);
}

/** A count as it may be shown: under 5 is "fewer than 5", so that nobody is identifiable. */
export function shownCount(n: number): string {
  return n > 0 && n < 5 ? 'fewer than 5' : String(n);
}
