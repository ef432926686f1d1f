/** `coprod crosswalk`: the ladders side by side in a table, top `say` first, then the notes. */
import { safeInline } from '../../text/terminal-text.js';
import { bandPaint } from '../band-colour.js';
import { renderTable } from '../box-table.js';
import type { View } from '../view.js';
import { cellText, liftNotes, type CrosswalkShown } from './cell-text.js';

export function formatCrosswalkText(shown: CrosswalkShown, { colours, width }: View): string {
  const { ladders, rows } = shown;
  const notes = liftNotes(shown);
  const colWidth = Math.max(12, Math.min(26, Math.floor((width - 14) / Math.max(1, ladders.length)) - 1));
  const body = [...rows].reverse().map((r) => [
    r.say,
    ...ladders.map((l) => {
      const c = r.cells.get(l.id)!;
      return { text: cellText(c), paint: bandPaint(colours, l, (c.most ?? c.least)?.band ?? null) };
    }),
  ]);
  const table = renderTable(body, {
    head: ['say (top first)', ...ladders.map((l) => safeInline(l.id))].map((h) => ({ text: h, paint: colours.bold })),
    widths: [17, ...ladders.map(() => colWidth)],
  });
  return `${table}\n${notes.map(safeInline).join('\n')}${notes.length ? '\n' : ''}`;
}
