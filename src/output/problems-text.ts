/**
 * Located problems for a person (the input errors that stop a run): `file:line:col:
 * level: field (activity N): message`, then what was expected and a hint. At most MAX_PER_FILE errors are shown for each file, then how
 * many more there are; every line is escaped and cut short, so no file can flood the
 * terminal or have its contents echoed at length.
 */
import type { Colours } from './colours.js';
import { shownField, shownPlace, type Problem } from '../input/problem.js';
import { safeInline, shorten } from '../text/terminal-text.js';
import { shownPath } from '../text/shown-path.js';

const MAX_PER_FILE = 20;
const MAX_TEXT = 300;

const text = (s: string): string => safeInline(shorten(s, MAX_TEXT));

/** Paths inside `cwd` are shown relative to it; `writes`: the run was to write a file, so the total says none was. */
export function formatProblemsText(problems: readonly Problem[], colours: Colours, cwd?: string, writes = false): string {
  const lines: string[] = [];
  const shownPer = new Map<string, number>();
  const hiddenPer = new Map<string, number>();
  const name = (file: string): string => text(cwd ? shownPath(file, cwd) : file);
  for (const d of problems) {
    const shown = shownPer.get(d.file) ?? 0;
    if (shown >= MAX_PER_FILE) {
      hiddenPer.set(d.file, (hiddenPer.get(d.file) ?? 0) + 1);
      continue;
    }
    shownPer.set(d.file, shown + 1);
    const where = colours.bold(`${name(d.file)}:${text(shownPlace(d))}`);
    const field = d.field ? `${colours.cyan(text(shownField(d.field)))}: ` : '';
    lines.push(`${where}: ${d.level === 'error' ? colours.red('error') : colours.yellow('warn')}: ${field}${text(d.message)}`);
    if (d.expected) lines.push(`    expected: ${text(d.expected)}`);
    if (d.help) lines.push(`    ${colours.green('hint')}: ${text(d.help)}`);
  }
  for (const [file, hidden] of hiddenPer) lines.push(`… and ${hidden} more ${hidden === 1 ? 'error' : 'errors'} in ${name(file)} (fix these and run again to see them)`);
  const files = new Set(problems.map((d) => d.file)).size;
  const n = problems.length;
  lines.push(`${n} ${n === 1 ? 'error' : 'errors'}${files > 1 ? ` in ${files} files` : ''}${writes ? '; nothing was written' : ''}.`);
  return `${lines.join('\n')}\n`;
}
