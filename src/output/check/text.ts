/** `coprod check` default output: findings grouped by file, coloured on a terminal, then a one-line total. */
import type { Colours } from '../colours.js';
import type { CheckResult } from '../../check/apply-policy.js';
import { safeInline } from '../../text/terminal-text.js';
import { maxOf } from '../max-of.js';
import { pushTo } from '../group.js';
import { shownPath } from '../../text/shown-path.js';

/** Files inside `cwd` are named relative to it. `quiet` (-q) lists the errors only, as ESLint's --quiet does; the totals still count every finding. */
export function formatCheckText(check: CheckResult, colours: Colours, cwd?: string, quiet = false): string {
  const lines: string[] = [];
  const listed = quiet ? check.findings.filter((f) => f.level === 'error') : check.findings;
  const byFile = new Map<string, typeof check.findings>();
  for (const f of listed) pushTo(byFile, f.file, f);
  const ruleWidth = maxOf(listed.map((f) => f.id.length), 8);
  for (const [file, findings] of byFile) {
    lines.push(colours.underline(safeInline(cwd ? shownPath(file, cwd) : file)));
    const posWidth = maxOf(findings.map((f) => `${f.line}:${f.column}`.length), 0);
    for (const f of findings) {
      const sev = f.level === 'error' ? colours.red('error') : colours.yellow('warn ');
      const who = f.activity?.name ? `${safeInline(f.activity?.name)}: ` : '';
      lines.push(`  ${`${f.line}:${f.column}`.padEnd(posWidth)}  ${sev}  ${colours.dim(f.id.padEnd(ruleWidth))}  ${who}${safeInline(f.message)}`);
      lines.push(`  ${' '.repeat(posWidth)}         ${' '.repeat(ruleWidth)}  ${colours.green('→')} ${safeInline(f.help)}`);
    }
    lines.push('');
  }
  const n = check.findings.length;
  const config = check.policy.configFile;
  const policyFrom = config ? `policy from ${safeInline(cwd ? shownPath(config, cwd) : config)}` : 'default policy, no config file';
  const checked = `${check.activities.length} ${check.activities.length === 1 ? 'activity' : 'activities'} checked against ${check.policy.ladder.id}; ${policyFrom}`;
  if (n === 0) lines.push(colours.green(`✔ No problems (${checked}).`));
  else {
    const summary = `${n} ${n === 1 ? 'problem' : 'problems'} (${check.errors} ${check.errors === 1 ? 'error' : 'errors'}, ${check.warnings} ${check.warnings === 1 ? 'warning' : 'warnings'}); ${checked}.`;
    lines.push(check.errors ? colours.bold(colours.red(`✖ ${summary}`)) : colours.bold(colours.yellow(`⚠ ${summary}`)));
    const max = check.policy.maxWarnings;
    if (!check.errors && max !== undefined && max >= 0 && check.warnings > max) lines.push(colours.red(`✖ More than ${max} warnings allowed (--max-warnings).`));
  }
  return `${lines.join('\n')}\n`;
}
