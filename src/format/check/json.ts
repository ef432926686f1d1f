/** `coprod check --format json`: the findings as data, with totals. */
import type { CheckResult } from '../../check/evaluate.js';

export function formatCheckJson(check: CheckResult, exitCode: number): string {
  return `${JSON.stringify(
    {
      ladder: check.policy.ladder.id,
      activities: check.activities.length,
      errors: check.errors,
      warnings: check.warnings,
      exitCode,
      findings: check.findings,
    },
    null,
    2,
  )}\n`;
}
