/** `coprod ladders`: the ladders as a table, or one ladder top rung first with band and summary. */
import { relative } from 'node:path';
import type { Ladder } from '../../model/ladder.js';
import { safeBlock, safeInline } from '../../text/terminal-text.js';
import { bandPaint } from '../band-colour.js';
import { renderTable } from '../box-table.js';
import type { View } from '../view.js';
import { wrapLines } from '../../text/wrap.js';

export function formatLaddersText(shown: Ladder | readonly Ladder[], view: View): string {
  const { colours, width } = view;
  if (Array.isArray(shown)) {
    const rows = (shown as readonly Ladder[]).map((l) => {
      const where = l.shipped ? '' : `\n(${safeInline(relative(view.cwd, l.file) || l.file)})`;
      return [safeInline(l.id), safeInline(l.name) + where, String(l.rungs.length), safeInline(`${l.source.organisation}${l.source.year ? ` (${l.source.year})` : ''}`)];
    });
    const table = renderTable(rows, {
      head: ['Ladder', 'Name', 'Rungs', 'Source'].map((h) => ({ text: h, paint: colours.bold })),
      widths: [16, Math.max(20, Math.floor((width - 30) * 0.45)), 7, Math.max(20, Math.floor((width - 30) * 0.55))],
    });
    return `${table}\nShow one with \`coprod ladders <id>\`; compare them with \`coprod crosswalk\`.\n`;
  }
  const ladder = shown as Ladder;
  // prose wrapped to the width, paragraph by paragraph
  const prose = (text: string): string => wrapLines(text, width).join('\n');
  const lines = [colours.bold(`${safeInline(ladder.name)} (${safeInline(ladder.id)})`), prose(safeBlock(ladder.description)), ''];
  const rows = [...ladder.rungs].reverse().map((r) => [
    String(r.index),
    { text: safeInline(r.id), paint: bandPaint(colours, ladder, r.band) },
    safeInline(r.band.name),
    safeBlock(r.summary + (r.promise ? `\nPromise: ${r.promise}` : '')),
  ]);
  lines.push(
    renderTable(rows, {
      head: ['#', 'Rung', 'Band', 'Summary'].map((h) => ({ text: h, paint: colours.bold })),
      widths: [4, 18, 20, Math.max(30, width - 4 - 18 - 20 - 5)],
    }),
  );
  if (ladder.extraFacts.length) lines.push('', prose(`Extra facts: ${ladder.extraFacts.map((f) => `${f.name} (${f.question})`).join('; ')}`));
  const s = ladder.source;
  lines.push('', prose(`Source: ${safeInline(s.title)}, ${safeInline(s.organisation)}${s.year ? `, ${s.year}` : ''}${s.url ? `, ${safeInline(s.url)}` : ''}`));
  if (s.credit) lines.push(prose(safeBlock(s.credit)));
  if (!ladder.shipped) lines.push(prose(`File: ${safeInline(ladder.file)}`));
  return `${lines.join('\n')}\n`;
}
