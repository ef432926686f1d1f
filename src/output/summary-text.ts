/**
 * The summary printed under the table and the text report: activities per rung as a
 * bar chart (top rung first, like a ladder), share per band, and flag counts.
 */
import { wrapIndented } from '../text/wrap.js';
import type { Colours } from './colours.js';
import type { Summary } from '../assess/summary.js';
import { bandPaint } from './band-colour.js';
import { maxOf } from './max-of.js';

export interface SummaryTextOptions {
  colours: Colours;
  width: number;
  /** Use `#` for bars where block characters may not show. */
  ascii?: boolean;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function formatSummaryText(summary: Summary, { colours, width, ascii }: SummaryTextOptions): string {
  const lines: string[] = [];
  const block = ascii ? '#' : '█';
  for (const s of summary.ladders) {
    const { ladder } = s;
    lines.push(colours.bold(`${ladder.name}: ${summary.total} ${summary.total === 1 ? 'activity' : 'activities'}`));
    const rows = [...ladder.rungs].reverse().map((r) => ({ label: r.id, count: s.counts.get(r.id) ?? 0, paint: bandPaint(colours, ladder, r.band) }));
    const unclassified = s.counts.get('unclassified') ?? 0;
    if (unclassified) rows.push({ label: 'unclassified', count: unclassified, paint: colours.gray });
    const labelWidth = maxOf(rows.map((r) => r.label.length), 0);
    const max = Math.max(1, ...rows.map((r) => r.count));
    const barRoom = Math.max(10, Math.min(40, width - labelWidth - 12));
    for (const row of rows) {
      const bar = row.count ? block.repeat(Math.max(1, Math.round((row.count / max) * barRoom))) : '';
      lines.push(`  ${row.label.padEnd(labelWidth)}  ${row.paint(bar)}${bar ? ' ' : ''}${row.count}`);
    }
    const bands = [...ladder.bands]
      .reverse()
      .map((b) => `${bandPaint(colours, ladder, b)(b.name)} ${percent(s.bandShares.get(b.id) ?? 0)}`);
    if (unclassified) bands.push(`${colours.gray('unclassified')} ${percent(s.bandShares.get('unclassified') ?? 0)}`);
    lines.push(wrapIndented(`Bands: ${bands.join(' · ')}`, width, '    ', '  '));
    lines.push('');
  }
  const flags = [...summary.flags].filter(([, n]) => n > 0).map(([id, n]) => `${id} ${n}`);
  lines.push(wrapIndented(flags.length ? `Flags: ${flags.join(' · ')}` : 'Flags: none', width, '  ', ''));
  return lines.join('\n');
}
