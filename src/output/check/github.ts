/**
 * `coprod check --format github`: GitHub Actions workflow commands, so each finding
 * shows on the pull request at its line. Data is escaped as the runner requires
 * (% CR LF in messages; also : and , in properties).
 */
import { plural } from '../../text/plural.js';
import type { CheckResult } from '../../check/apply-policy.js';
import { safeBlock, safeInline } from '../../text/terminal-text.js';
import { repoPath } from './paths.js';

// user text first gets the visible escapes every output uses, then the runner's own
function escapeData(s: string): string {
  return safeBlock(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return safeInline(s).replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatCheckGithub(check: CheckResult, cwd: string, env: Record<string, string | undefined>): string {
  const lines = check.findings.map((f) => {
    const command = f.level === 'error' ? 'error' : 'warning';
    const props = `file=${escapeProperty(repoPath(f.file, cwd, env))},line=${f.line},col=${f.column},title=${escapeProperty(`coprod ${f.id}`)}`;
    const who = f.activity?.name ? `${f.activity?.name}: ` : '';
    return `::${command} ${props}::${escapeData(`${who}${f.message}. Next step: ${f.help}`)}`;
  });
  lines.push(`coprod: ${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')} in ${plural(check.activities.length, 'activity', 'activities')} (ladder ${check.policy.ladder.id})`);
  return `${lines.join('\n')}\n`;
}
