/**
 * `coprod crosswalk`: the ladders side by side, top `say` first, then a note per starred
 * rung. Where a column per ladder would not fit the width, each `say` value is a block
 * with one labelled line per ladder instead.
 */
import { CORE_FACTS } from '../../model/facts-model.js';
import { safeInline } from '../../text/terminal-text.js';
import { textWidth } from '../../text/text-width.js';
import { wrapIndented, wrapLines } from '../../text/wrap.js';
import { bandPaint } from '../band-colour.js';
import { renderTable } from '../box-table.js';
import { maxOf } from '../max-of.js';
import type { View } from '../view.js';
import { cellText, liftNotes, noteText, type CrosswalkShown } from './cell-text.js';

const SAY_COLUMN = 17;
const SAY_MEANING = CORE_FACTS.find((f) => f.name === 'say')!.options;
/** A ladder column narrower than this breaks rung names mid-word. */
const MIN_COLUMN = 16;

export function formatCrosswalkText(shown: CrosswalkShown, { colours, width, ascii }: View): string {
  const { ladders, rows } = shown;
  const top = [...rows].reverse();
  const painted = (r: (typeof rows)[number], l: (typeof ladders)[number]) => {
    const c = r.cells.get(l.id)!;
    return { text: cellText(c), paint: bandPaint(colours, l, (c.most ?? c.least)?.band ?? null) };
  };
  // a box table: its columns plus one border each and the closing one
  const colWidth = Math.min(26, Math.floor((width - SAY_COLUMN - 2) / Math.max(1, ladders.length)) - 1);
  let body: string;
  if (colWidth >= MIN_COLUMN) {
    body = renderTable(
      top.map((r) => [r.say, ...ladders.map((l) => painted(r, l))]),
      {
        head: ['say (top first)', ...ladders.map((l) => safeInline(l.id))].map((h) => ({ text: h, paint: colours.bold })),
        widths: [SAY_COLUMN, ...ladders.map(() => colWidth)],
        ascii,
      },
    );
  } else {
    const labelWidth = maxOf(ladders.map((l) => textWidth(safeInline(l.id))), 0) + 2;
    body = `${top
      .map((r) => {
        const lines = wrapLines(SAY_MEANING[r.say] ?? r.say, width).map(colours.bold);
        for (const l of ladders) {
          const cell = painted(r, l);
          const label = `${safeInline(l.id)}:`.padEnd(labelWidth);
          wrapLines(cell.text, Math.max(10, width - labelWidth - 2)).forEach((part, k) => lines.push(`${k === 0 ? `  ${label}` : ' '.repeat(labelWidth + 2)}${cell.paint(part)}`));
        }
        return lines.join('\n');
      })
      .join('\n\n')}\n`;
  }
  const notes = liftNotes(shown).map((n) => wrapIndented(safeInline(noteText(n)), width, '  ', ''));
  return `${body}${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}
