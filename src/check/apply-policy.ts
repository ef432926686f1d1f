/**
 * Applies a policy to a mapped log: one finding per rule broken, each with the rule,
 * its severity, the activity and where it sits, and the next step that clears it.
 */
import type { Activity, ActivityLog } from '../model/activity.js';
import type { ActivityResult } from '../assess/assess-activity.js';
import { stepsToReach } from '../assess/next-step.js';
import { place } from '../assess/place.js';
import type { Severity } from '../input/config-schema.js';
import type { Problem } from '../input/problem.js';
import type { FlagId } from '../assess/flags.js';
import type { Policy, RungTarget } from './policy.js';
import type { RuleId } from './rules.js';
import { capitalise } from '../text/capitalise.js';
import { compareText } from '../text/compare-text.js';

/** A finding is a problem (problem.ts) named by its rule, with what would clear it as its help. */
export type Finding = Problem & { id: RuleId; help: string };

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** Activities checked (for JUnit test cases and counts). */
  activities: Activity[];
  /** Activities in the run, checked or not. */
  total: number;
  policy: Policy;
  /** 1 with errors, or more warnings than the policy allows; else 0 */
  exitCode: 0 | 1;
}

function climbTo(result: ActivityResult, target: RungTarget): string {
  return capitalise(stepsToReach(target.rung, result.facts).join('; ') || `meet the conditions of ${target.rung.name}`);
}

const FLAG_RULES: FlagId[] = ['overclaim', 'after-decision', 'feedback-missing', 'perception-gap', 'no-support', 'contradiction', 'not-involved'];

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
    const at = { file: a.source.file, line: a.source.line, column: a.source.column, activity: { id: a.id, name: a.name } };
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
  findings.sort((x, y) => compareText(x.file, y.file) || x.line - y.line || x.column - y.column || compareText(x.id, y.id));
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  return { findings, errors, warnings, activities, total, policy, exitCode: exitCodeOf(errors, warnings, policy) };
}

/** Exit code of a check: 1 with errors or more warnings than allowed. */
function exitCodeOf(errors: number, warnings: number, policy: Policy): 0 | 1 {
  if (errors > 0) return 1;
  const max = policy.maxWarnings;
  return max !== undefined && max >= 0 && warnings > max ? 1 : 0;
}
