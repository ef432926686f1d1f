/**
 * Applies a policy to a mapped log: one finding per rule broken, each with the rule,
 * its severity, the activity and where it sits, and the next step that clears it.
 */
import type { Activity, ActivityLog } from '../model/activity.js';
import type { ActivityResult } from '../assess/assess-activity.js';
import { stepsToReach } from '../assess/next-step.js';
import { place } from '../assess/place.js';
import type { Severity } from '../input/config-schema.js';
import { shownField, type Problem } from '../input/problem.js';
import type { FlagId } from '../assess/flags.js';
import type { Policy, RungTarget } from './policy.js';
import type { FindingRuleId, RuleId } from './rules.js';
import { capitalise } from '../text/capitalise.js';
import { compareText } from '../text/compare-text.js';

/** A finding is a problem (problem.ts) named by its rule, with what would clear it as its help. */
export type Finding = Problem & { id: FindingRuleId; help: string };

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** Activities checked (for JUnit test cases and counts). */
  activities: Activity[];
  /** Activities in the run, checked or not. */
  total: number;
  policy: Policy;
  /** 2 when a file could not be used (invalid-input); 1 with errors (more warnings than allowed is one); else 0 */
  exitCode: 0 | 1 | 2;
  /** Files that could not be used, so none of their activities were checked. */
  invalidFiles: number;
}

function climbTo(result: ActivityResult, target: RungTarget): string {
  return capitalise(stepsToReach(target.rung, result.facts).join('; ') || `meet the conditions of ${target.rung.name}`);
}

const FLAG_RULES: FlagId[] = ['overclaim', 'after-decision', 'feedback-missing', 'perception-gap', 'no-support', 'contradiction', 'not-involved', 'evidence-missing'];

/**
 * Takes the results one at a time and keeps only the findings (and the activities
 * checked), so that a big log's results need not all be held: `results` may be a stream.
 */
export function applyPolicy(results: Iterable<ActivityResult>, logs: readonly ActivityLog[], policy: Policy, only?: (r: ActivityResult) => boolean): CheckResult {
  const findings: Finding[] = [];
  const activities: Activity[] = [];
  let total = 0;
  const inBand = new Map<string, number>();
  for (const r of results) {
    total++;
    const placement = r.placements.get(policy.ladder.id) ?? place(policy.ladder, r.facts);
    if (placement.band) inBand.set(placement.band.id, (inBand.get(placement.band.id) ?? 0) + 1);
    if (only && !only(r)) continue;
    const a = r.activity;
    activities.push(a);
    const at = { file: a.source.file, line: a.source.line, column: a.source.column, ...(a.source.sheet === undefined ? {} : { sheet: a.source.sheet }), activity: { id: a.id, name: a.name } };
    const add = (rule: RuleId, severity: Severity, message: string, fix: string): void => {
      if (severity !== 'off') findings.push({ id: rule, level: severity, message, help: fix, ...at });
    };
    if (!placement.rung) {
      const next = r.next.get(policy.ladder.id);
      const questions = next?.steps.length ? next.steps : ['What say did the people who use services have in the outcome?'];
      add('unclassified', policy.severities.unclassified, `nothing recorded places it on ${policy.ladder.id}`, `Record the answers to: ${questions.join(' ')}`);
    } else {
      const level = String(r.resolved.findings.get('level')?.value ?? 'service') as 'individual' | 'service' | 'strategic';
      const min = policy.minRungByLevel[level] ?? policy.minRung;
      if (min) {
        const onMin = min.ladder === policy.ladder ? placement : place(min.ladder, r.facts);
        if (onMin.rung && onMin.index < min.rung.index) {
          add('min-rung', policy.severities['min-rung'], `at ${onMin.rung.id}, below the minimum ${min.rung.id}${policy.minRungByLevel[level] ? ` for ${level} activities` : ''}`, climbTo(r, min));
        }
      }
    }
    for (const flag of r.flags) {
      if (FLAG_RULES.includes(flag.id)) add(flag.id, policy.severities[flag.id as Exclude<RuleId, 'max-share'>], flag.message, capitalise(flag.help));
    }
  }
  for (const limit of policy.maxShare) {
    if (limit.severity === 'off' || total === 0) continue;
    const count = inBand.get(limit.band) ?? 0;
    const share = count / total;
    if (share > limit.share) {
      const band = policy.ladder.bands.find((b) => b.id === limit.band)!;
      const allowed = Math.floor(limit.share * total);
      findings.push({
        id: 'max-share',
        level: limit.severity,
        message: `${Math.round(share * 100)}% of activities (${count} of ${total}) are in the ${band.name} band; the policy allows at most ${Math.round(limit.share * 100)}%`,
        help: `Move at least ${count - allowed} of them up a band: start with the next steps of the ${band.name} activities`,
        file: limit.source?.file ?? logs[0]?.file ?? '',
        line: limit.source?.line ?? 1,
        column: limit.source?.column ?? 1,
      });
    }
  }
  const warnings = findings.filter((f) => f.level === 'warn').length;
  const max = policy.maxWarnings;
  if (max !== undefined && max >= 0 && warnings > max) {
    const at = policy.maxWarningsAt ?? { file: logs[0]?.file ?? '', line: 1, column: 1 };
    findings.push({
      id: 'max-warnings',
      level: 'error',
      ...at,
      message: `${warnings} warnings, more than the ${max} allowed (${policy.maxWarningsAt ? 'max-warnings' : '--max-warnings'})`,
      help: `Clear at least ${warnings - max} of the warnings: their next steps say how`,
    });
  }
  return counted(findings, activities, total, policy, 0);
}

const byPlace = (x: Finding, y: Finding): number => compareText(x.file, y.file) || x.line - y.line || x.column - y.column || compareText(x.id, y.id);

function counted(findings: Finding[], activities: Activity[], total: number, policy: Policy, invalidFiles: number): CheckResult {
  findings.sort(byPlace);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  return { findings, errors, warnings, activities, total, policy, invalidFiles, exitCode: invalidFiles ? 2 : errors ? 1 : 0 };
}

/** At most this many invalid-input findings per file, then one saying how many more. */
const MAX_INPUT_FINDINGS = 20;

/**
 * A check with the problems of the files it could not use added as `invalid-input`
 * findings (an error each, at their file:line:column), as every format writes findings.
 */
export function withInputProblems(check: CheckResult, problems: readonly Problem[]): CheckResult {
  if (!problems.length) return check;
  const findings = [...check.findings];
  const perFile = new Map<string, number>();
  for (const p of problems) {
    const n = (perFile.get(p.file) ?? 0) + 1;
    perFile.set(p.file, n);
    if (n <= MAX_INPUT_FINDINGS) findings.push(inputFinding(p));
  }
  for (const [file, n] of perFile) {
    if (n > MAX_INPUT_FINDINGS) {
      findings.push({ id: 'invalid-input', level: 'error', file, line: 1, column: 1, message: `… and ${n - MAX_INPUT_FINDINGS} more problems in this file`, help: 'Fix the problems above and run again to see them' });
    }
  }
  return counted(findings, check.activities, check.total, check.policy, perFile.size);
}

/** An input problem as a finding: the field in words in the message; what was expected and the hint as its help. */
function inputFinding(p: Problem): Finding {
  const help = [p.expected ? `expected: ${p.expected}` : undefined, p.help].filter((x): x is string => Boolean(x)).map(capitalise).join('. ');
  return {
    id: 'invalid-input',
    level: 'error',
    file: p.file,
    line: p.line,
    column: p.column,
    ...(p.sheet === undefined ? {} : { sheet: p.sheet }),
    ...(p.field ? { field: p.field } : {}),
    message: p.field ? `${shownField(p.field)}: ${p.message}` : p.message,
    help: help || 'Fix the file so that coprod can read it',
  };
}

