/** Prints located input errors for a person: `file:line:col: field: message`, then what was expected and a hint. */
import type { Colours } from '../format/colours.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { safeInline } from '../util/terminal-text.js';
import { shownPath } from '../util/shown-path.js';

/** Paths inside `cwd` are shown relative to it. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], chalk: Colours, cwd?: string): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    const where = chalk.bold(`${safeInline(cwd ? shownPath(d.file, cwd) : d.file)}:${d.line}:${d.column}`);
    const field = d.field ? `${chalk.cyan(safeInline(d.field))}: ` : '';
    lines.push(`${where}: ${chalk.red('error')}: ${field}${safeInline(d.message)}`);
    if (d.expected) lines.push(`    expected: ${safeInline(d.expected)}`);
    if (d.hint) lines.push(`    ${chalk.green('hint')}: ${safeInline(d.hint)}`);
  }
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const n = diagnostics.length;
  lines.push(`${n} ${n === 1 ? 'error' : 'errors'}${files > 1 ? ` in ${files} files` : ''}; nothing was written.`);
  return `${lines.join('\n')}\n`;
}
