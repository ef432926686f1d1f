/**
 * The policy rules of `coprod check`, as data: id, what it checks, its default
 * severity. Formatters (SARIF rules, docs) and --help read them from here; a rule that
 * is a flag takes the flag's title.
 */
import type { Severity } from '../input/config-schema.js';
import { FLAG_TITLES } from '../assess/flags.js';

export const RULE_IDS = [
  'min-rung',
  'overclaim',
  'unclassified',
  'after-decision',
  'feedback-missing',
  'perception-gap',
  'no-support',
  'contradiction',
  'not-involved',
  'evidence-missing',
  'max-share',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Every id a finding can have: the policy's rules, and a file coprod cannot use (not a policy rule: it cannot be turned off). */
export type FindingRuleId = RuleId | 'invalid-input' | 'max-warnings';

export interface RuleMeta {
  id: FindingRuleId;
  title: string;
  description: string;
  defaultSeverity: Severity;
}

export const RULES: Record<RuleId, RuleMeta> = {
  'evidence-missing': {
    id: 'evidence-missing',
    title: FLAG_TITLES['evidence-missing'],
    description: "A file named in an activity's evidence does not exist in the log's repository (or is not a file).",
    defaultSeverity: 'warn',
  },
  'min-rung': {
    id: 'min-rung',
    title: 'Below the minimum rung',
    description: 'An activity is placed below the minimum rung the policy sets (min-rung, or min-rung-by-level for its level).',
    defaultSeverity: 'error',
  },
  overclaim: {
    id: 'overclaim',
    title: FLAG_TITLES['overclaim'],
    description: 'The rung the log claims (claimed) is above the rung the recorded facts support.',
    defaultSeverity: 'error',
  },
  unclassified: {
    id: 'unclassified',
    title: 'Not enough recorded to place it',
    description: 'Nothing declared or read from the description places the activity on the ladder.',
    defaultSeverity: 'warn',
  },
  'after-decision': {
    id: 'after-decision',
    title: FLAG_TITLES['after-decision'],
    description: 'People were asked for their views only once the decision had been made.',
    defaultSeverity: 'warn',
  },
  'feedback-missing': {
    id: 'feedback-missing',
    title: FLAG_TITLES['feedback-missing'],
    description: 'People gave their views and nobody told them how they were used.',
    defaultSeverity: 'warn',
  },
  'perception-gap': {
    id: 'perception-gap',
    title: FLAG_TITLES['perception-gap'],
    description: 'The participants themselves would put the activity on a lower rung than the evidence does.',
    defaultSeverity: 'warn',
  },
  'no-support': {
    id: 'no-support',
    title: FLAG_TITLES['no-support'],
    description: "Expenses not paid, an inaccessible venue, or under 7 days' notice.",
    defaultSeverity: 'off',
  },
  contradiction: {
    id: 'contradiction',
    title: FLAG_TITLES['contradiction'],
    description: 'The words of the activity deny a fact the log declares.',
    defaultSeverity: 'warn',
  },
  'not-involved': {
    id: 'not-involved',
    title: FLAG_TITLES['not-involved'],
    description: 'The people who use the service took no part at all (say: none): the activity is on the bottom rung, and the next step is to involve them.',
    defaultSeverity: 'warn',
  },
  'max-share': {
    id: 'max-share',
    title: 'Too many activities in a band',
    description: "A band's share of all activities is above the maximum the policy allows.",
    defaultSeverity: 'error',
  },
};

/** A log, ladder, cue or config file coprod cannot use: always an error, and the run exits 2. */
export const INVALID_INPUT: RuleMeta = {
  id: 'invalid-input',
  title: 'A file coprod cannot use',
  description: 'A log, ladder, cue or config file is not valid: its activities are not checked until it is fixed. The other files are still checked.',
  defaultSeverity: 'error',
};

/** More warnings than the policy's `max-warnings` (or --max-warnings) allows: an error of its own, so every format counts it. */
export const MAX_WARNINGS: RuleMeta = {
  id: 'max-warnings',
  title: 'Too many warnings',
  description: 'The check found more warnings than max-warnings (in the config, or --max-warnings) allows.',
  defaultSeverity: 'error',
};

/** The rules in the order SARIF and the docs list them. */
export const ALL_RULES: readonly RuleMeta[] = [...RULE_IDS.map((id) => RULES[id]), MAX_WARNINGS, INVALID_INPUT];
