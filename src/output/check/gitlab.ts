/**
 * `coprod check --format gitlab`: GitLab's Code Quality report (a JSON array of issues
 * with a description, check name, severity, fingerprint and location), so findings show
 * in the merge request's widget and diff. Paths are relative to the repository
 * (CI_PROJECT_DIR). Errors are `major`, warnings `minor`; a file that cannot be used is
 * `blocker`.
 */
import type { CheckResult } from '../../check/apply-policy.js';
import { safeBlock } from '../../text/terminal-text.js';
import { fingerprint } from './fingerprint.js';
import { findingText } from './finding-text.js';
import { repoPath } from './paths.js';

export function formatCheckGitlab(check: CheckResult, cwd: string, env: Record<string, string | undefined>): string {
  const issues = check.findings.map((f) => ({
    type: 'issue',
    check_name: `coprod/${f.id}`,
    description: safeBlock(findingText(f)),
    categories: ['Style'],
    severity: f.id === 'invalid-input' ? 'blocker' : f.level === 'error' ? 'major' : 'minor',
    fingerprint: fingerprint(f, cwd, env),
    location: { path: f.file === '<stdin>' ? 'standard input' : repoPath(f.file, cwd, env), lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
