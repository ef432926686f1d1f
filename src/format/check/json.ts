/** `coprod check --format json`: the findings as data, with totals and the config the policy came from. */
import type { CheckResult } from '../../check/evaluate.js';
import { repoPath } from './paths.js';

export function formatCheckJson(check: CheckResult, exitCode: number, cwd: string, env: Record<string, string | undefined>): string {
  return `${JSON.stringify(
    {
      ladder: check.policy.ladder.id,
      config: check.policy.configFile ? repoPath(check.policy.configFile, cwd, env) : null,
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
