/** `coprod check` default output: findings grouped by file, coloured on a terminal, then a one-line total. */
import { wrapIndented } from '../../text/wrap.js';
import type { Colours } from '../colours.js';
import type { CheckResult } from '../../check/apply-policy.js';
import { safeInline } from '../../text/terminal-text.js';
import { maxOf } from '../max-of.js';
import { pushTo } from '../group.js';
import { shownPath } from '../../text/shown-path.js';
import { shownPlace } from '../../input/problem.js';

/** Files inside `cwd` are named relative to it. `quiet` (-q) lists the errors only, as ESLint's --quiet does; the totals still count every finding. */
export function formatCheckText(check: CheckResult, colours: Colours, cwd?: string, quiet = false, columns = Infinity): string {
  // findings and totals wrap to the width; each finding's first line keeps its file position, level and rule
  const width = columns;
  const lines: string[] = [];
  const listed = quiet ? check.findings.filter((f) => f.level === 'error') : check.findings;
  const byFile = new Map<string, typeof check.findings>();
  for (const f of listed) pushTo(byFile, f.file, f);
  const ruleWidth = maxOf(listed.map((f) => f.id.length), 8);
  for (const [file, findings] of byFile) {
    lines.push(colours.underline(safeInline(cwd ? shownPath(file, cwd) : file)));
    const place = (f: (typeof findings)[number]): string => safeInline(shownPlace(f));
    const posWidth = maxOf(findings.map((f) => place(f).length), 0);
    for (const f of findings) {
      const sev = f.level === 'error' ? colours.red('error') : colours.yellow('warn ');
      const who = f.activity?.name ? `${safeInline(f.activity?.name)}: ` : '';
      // the message and its fix wrap under themselves, right of the position, level and rule
      const hang = 2 + posWidth + 2 + 5 + 2 + ruleWidth + 2;
      const indent = ' '.repeat(width - hang >= 30 ? hang : 4);
      lines.push(wrapIndented(`${who}${safeInline(f.message)}`, width, indent, `  ${place(f).padEnd(posWidth)}  ${sev}  ${colours.dim(f.id.padEnd(ruleWidth))}  `));
      lines.push(wrapIndented(`${colours.green('→')} ${safeInline(f.help)}`, width, `${indent}  `, indent));
    }
    lines.push('');
  }
  const n = check.findings.length;
  const config = check.policy.configFile;
  const policyFrom = config ? `policy from ${safeInline(cwd ? shownPath(config, cwd) : config)}` : 'default policy, no config file';
  const checked = `${check.activities.length} ${check.activities.length === 1 ? 'activity' : 'activities'} checked against ${check.policy.ladder.id}; ${policyFrom}`;
  // a totals line wraps too, each of its lines painted
  const said = (text: string, paint: (s: string) => string): string => wrapIndented(text, width, '  ', '').split('\n').map(paint).join('\n');
  if (n === 0) lines.push(said(`✔ No problems (${checked}).`, colours.green));
  else {
    const summary = `${n} ${n === 1 ? 'problem' : 'problems'} (${check.errors} ${check.errors === 1 ? 'error' : 'errors'}, ${check.warnings} ${check.warnings === 1 ? 'warning' : 'warnings'}); ${checked}.`;
    lines.push(check.errors ? said(`✖ ${summary}`, (x) => colours.bold(colours.red(x))) : said(`⚠ ${summary}`, (x) => colours.bold(colours.yellow(x))));
    if (check.invalidFiles) lines.push(said(`✖ ${check.invalidFiles === 1 ? '1 file' : `${check.invalidFiles} files`} could not be checked (invalid-input): fix ${check.invalidFiles === 1 ? 'it' : 'them'} and run again.`, colours.red));
  }
  return `${lines.join('\n')}\n`;
}
