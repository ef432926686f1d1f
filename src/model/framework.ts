/**
 * The in-memory framework (PRODUCT.md §3b): validated, with its filters compiled once.
 * A requirement's test counts activities, takes a share of them, or asks of the log's
 * groups; a filter picks activities by facts, level, rung, flags, fields present or who
 * took part. Types and the compiled shapes only; evaluation is in assess/evidence.ts.
 */
import type { CompiledCondition } from './condition.js';

export interface FrameworkSource {
  title: string;
  body: string;
  year: number | string;
  url: string;
}

export type Filter =
  | { kind: 'all' | 'any'; children: Filter[] }
  | { kind: 'not'; child: Filter }
  | { kind: 'fact'; condition: CompiledCondition }
  | { kind: 'level'; levels: string[] }
  | { kind: 'rung'; ladder: string; atLeast?: string; is?: string }
  | { kind: 'flag'; flags: string[] }
  | { kind: 'has'; fields: string[] }
  | { kind: 'participants'; groups: string[] };

export type Test =
  | { kind: 'count'; where?: Filter; atLeast: number }
  | { kind: 'share'; of?: Filter; where: Filter; atLeast: number }
  | { kind: 'groups'; atLeast: string }
  | { kind: 'all' | 'any'; children: Test[] };

export interface Requirement {
  id: string;
  title: string;
  description: string;
  test: Test;
  next: string;
}

export interface Framework {
  id: string;
  name: string;
  source: FrameworkSource;
  description: string;
  /** The look-back the framework asks for by default (12m), if any. */
  period?: string;
  requirements: Requirement[];
  file: string;
  shipped: boolean;
  /** The ladders its rung filters name. */
  ladders: string[];
}

/** The fields a `has` filter may ask for. */
export const HAS_FIELDS = [
  'date',
  'description',
  'participants',
  'methods',
  'evidence',
  'target',
  'claimed',
  'participant_view',
  'support',
  'support.expenses_paid',
  'support.accessible_venue',
  'support.notice_days',
  'outcome',
  'outcome.you_said',
  'outcome.we_did',
  'outcome.could_not',
  'outcome.told_on',
  'outcome.told_how',
] as const;
