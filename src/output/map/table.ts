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
import { basisOf, nextStepText } from '../describe.js';

export type TableOptions = Pick<View, 'colours' | 'width'> & Partial<Pick<View, 'quiet' | 'verbose' | 'ascii'>>;

function evidenceLines(result: ActivityResult): string {
  const lines: string[] = [];
  for (const [name, f] of result.resolved.findings) {
    if (f.basis !== 'inferred') continue;
    const conf = f.confidence !== undefined ? ` ${Math.round(f.confidence * 100)}%` : '';
    lines.push(`${name}: ${Array.isArray(f.value) ? f.value.join(',') : String(f.value)} ← "${f.evidence}"${conf}`);
  }
  return lines.join('\n');
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
  const head = ['Activity', 'Level', ...ladders.map((l) => (ladders.length === 1 ? `${l.id.toUpperCase()} rung` : l.id)), 'Basis', 'Flags', `Next step${ladders.length > 1 ? ` (${primary.id})` : ''}`];
  const rows: Cell[][] = result.results.map((r) => {
    const level = String(r.resolved.findings.get('level')?.value ?? 'service');
    const rungs = ladders.map((l): Cell => {
      const p = r.placements.get(l.id)!;
      return { text: p.rung ? p.rung.id : 'unclassified', paint: bandPaint(colours, l, p.band) };
    });
    let basis = basisOf(r);
    if (options.verbose) {
      const ev = evidenceLines(r);
      if (ev) basis += `\n${safeBlock(ev)}`;
    }
    const flags: Cell = r.flags.length ? { text: r.flags.map((f) => f.id).join('\n'), paint: colours.yellow } : { text: '—', paint: colours.gray };
    let next = safeBlock(nextStepText(r, primary.id, !options.verbose));
    if (options.verbose) {
      // (on the top rung the next step is the advice itself: not said twice)
      const step = r.next.get(primary.id);
      if (step?.advice && step.status !== 'top') next += `\nAdvice: ${safeBlock(step.advice)}`;
    }
    return [{ text: safeInline(r.activity.name) }, { text: level }, ...rungs, { text: basis }, flags, { text: next }];
  });
  const table = renderTable(rows, {
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
