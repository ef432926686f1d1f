/**
 * `coprod check --format json`: the findings as data, with totals and the config the
 * policy came from. Written finding by finding (the same text as one JSON.stringify of the
 * whole, indented by two), so a big log's findings never sit in memory as one string.
 */
import type { CheckResult, Finding } from '../../check/apply-policy.js';
import { repoPath } from './paths.js';

export function* formatCheckJson(check: CheckResult, exitCode: number, cwd: string, env: Record<string, string | undefined>): Generator<string> {
  const head = {
    ladder: check.policy.ladder.id,
    config: check.policy.configFile ? repoPath(check.policy.configFile, cwd, env) : null,
    activities: check.activities.length,
    errors: check.errors,
    warnings: check.warnings,
    invalidFiles: check.invalidFiles,
    exitCode,
  };
  const opened = JSON.stringify(head, null, 2).slice(0, -2); // without its closing "\n}"
  if (check.findings.length === 0) {
    yield `${opened},\n  "findings": []\n}\n`;
    return;
  }
  yield `${opened},\n  "findings": [\n`;
  for (let i = 0; i < check.findings.length; i++) {
    const text = JSON.stringify(findingJson(check.findings[i]!, (file) => repoPath(file, cwd, env)), null, 2).replace(/\n/g, '\n    ');
    yield `${i ? ',\n' : ''}    ${text}`;
  }
  yield '\n  ]\n}\n';
}

/** A finding in the contract's own words (docs/ci.md): rule, severity, where (relative to the repository), the activity, message and fix. */
function findingJson(f: Finding, shown: (file: string) => string) {
  return {
    rule: f.id,
    severity: f.level,
    file: shown(f.file),
    line: f.line,
    column: f.column,
    ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
    ...(f.activity ? { activityId: f.activity.id, activityName: f.activity.name } : {}),
    message: f.message,
    fix: f.help,
  };
}
