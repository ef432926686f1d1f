/**
 * `coprod map` default output: one row per activity (name, level, rung per ladder
 * coloured by band, basis, flags, next step) wrapped to the terminal width, then the
 * summary. All user text is made terminal-safe here.
 */
import type { View } from '../view.js';
import { renderTable, type Cell } from '../box-table.js';
import type { MapResult } from '../../assess/map-log.js';
import type { ActivityResult } from '../../assess/assess-activity.js';
import { safeBlock, safeInline } from '../../text/terminal-text.js';
import { bandPaint } from '../band-colour.js';
import { formatSummaryText } from '../summary-text.js';
import { basisOf, nextStepText, readingsOf } from '../describe.js';
import { wrapIndented } from '../../text/wrap.js';

export type TableOptions = Pick<View, 'colours' | 'width'> & Partial<Pick<View, 'quiet' | 'verbose' | 'ascii'>>;

function evidenceLines(result: ActivityResult): string {
  return readingsOf(result, ',')
    .map((r) => `${r.fact}: ${r.value} ← "${r.evidence}"${r.confidence !== undefined ? ` ${Math.round(r.confidence * 100)}%` : ''}`)
    .join('\n');
}

const STACK_BELOW = 100;

/** One activity's cells: the same for the boxed table and the stacked layout. */
interface ShownActivity {
  name: string;
  level: string;
  rungs: Cell[];
  basis: string;
  flags: Cell;
  next: string;
}

function shownActivity(r: ActivityResult, options: TableOptions & { primary: string; ladders: MapResult['ladders'] }): ShownActivity {
  const { colours } = options;
  const rungs = options.ladders.map((l): Cell => {
    const p = r.placements.get(l.id)!;
    return { text: p.rung ? p.rung.id : 'unclassified', paint: bandPaint(colours, l, p.band) };
  });
  let basis = basisOf(r);
  if (options.verbose) {
    const ev = evidenceLines(r);
    if (ev) basis += `\n${safeBlock(ev)}`;
  }
  const flags: Cell = r.flags.length ? { text: r.flags.map((f) => f.id).join('\n'), paint: colours.yellow } : { text: '—', paint: colours.gray };
  let next = safeBlock(nextStepText(r, options.primary, !options.verbose));
  if (options.verbose) {
    // (on the top rung the next step is the advice itself: not said twice)
    const step = r.next.get(options.primary);
    if (step?.advice && step.status !== 'top') next += `\nAdvice: ${safeBlock(step.advice)}`;
  }
  return { name: safeInline(r.activity.name), level: String(r.resolved.findings.get('level')?.value ?? 'service'), rungs, basis, flags, next };
}

/** Each activity as a block: its name, then one labelled line per column, wrapped to the width. */
function stacked(shown: readonly ShownActivity[], head: readonly string[], width: number, bold: (s: string) => string): string {
  const labels = head.slice(1);
  const paint = (c: Cell): string => (c.paint ? c.text.split('\n').map(c.paint).join('\n') : c.text);
  const blocks = shown.map((a) => {
    const values = [a.level, ...a.rungs.map(paint), a.basis, paint(a.flags).split('\n').join(', '), a.next];
    const lines = wrapIndented(a.name, width, '  ', '').split('\n').map(bold);
    values.forEach((value, i) => {
      value.split('\n').forEach((part, k) => lines.push(wrapIndented(k === 0 ? `${labels[i]}: ${part}` : part, width, '    ', '  ')));
    });
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

export function formatTable(result: MapResult, options: TableOptions): string {
  const { colours } = options;
  const ladders = result.ladders;
  const primary = ladders[0]!;
  const width = Math.max(60, options.width);
  const rungWidth = Math.min(20, Math.max(10, ...ladders.flatMap((l) => l.rungs.map((r) => r.id.length + 2))));
  const fixed = { level: 12, basis: options.verbose ? 26 : 10, flags: 18 };
  const columns = 5 + ladders.length;
  const borders = columns + 1;
  const room = width - borders - fixed.level - fixed.basis - fixed.flags - rungWidth * ladders.length;
  const activityWidth = Math.max(14, Math.floor(room * 0.4));
  const nextWidth = Math.max(16, room - activityWidth);
  // the boxed table needs its fixed columns and room for the two that wrap
  const tableFits = room >= 14 + 16;
  const head = ['Activity', 'Level', ...ladders.map((l) => (ladders.length === 1 ? `${l.id.toUpperCase()} rung` : l.id)), 'Basis', 'Flags', `Next step${ladders.length > 1 ? ` (${primary.id})` : ''}`];
  const shown = result.results.map((r) => shownActivity(r, { ...options, primary: primary.id, ladders }));
  const rows: Cell[][] = shown.map((a) => [{ text: a.name }, { text: a.level }, ...a.rungs, { text: a.basis }, a.flags, { text: a.next }]);
  // below this many columns a row of cells squeezes every column unreadably: each activity is stacked instead
  const table =
    width < STACK_BELOW || !tableFits
      ? stacked(shown, head, width, colours.bold)
      : renderTable(rows, {
          head: head.map((h) => ({ text: h, paint: colours.bold })),
          widths: [activityWidth, fixed.level, ...ladders.map(() => rungWidth), fixed.basis, fixed.flags, nextWidth],
          ascii: options.ascii ?? false,
        });
  const parts: string[] = [];
  const services = [...new Set(result.logs.map((l) => l.service).filter((s): s is string => !!s))];
  if (!options.quiet) {
    const title = services.length ? services.map(safeInline).join(', ') : result.logs.map((l) => safeInline(l.file)).join(', ');
    parts.push(colours.bold(title));
  }
  parts.push(table);
  if (!options.quiet) {
    parts.push('');
    parts.push(formatSummaryText(result.summary, { colours, width, ascii: options.ascii ?? false }));
  }
  return `${parts.join('\n')}\n`;
}
