/**
 * Draws a bordered table for the terminal: words wrapped to each column (long words
 * broken after hyphens, or at the edge), wide characters measured, each cell line
 * painted after wrapping so colour never breaks the layout. Unicode box lines, or
 * ASCII where the terminal is dumb.
 */
import type { Paint } from './colours.js';
import { textWidth } from '../text/text-width.js';
import { wrapLines } from '../text/wrap.js';
import { maxOf } from './max-of.js';

export interface Cell {
  text: string;
  paint?: Paint;
}

export interface BoxTableOptions {
  /** Column widths, one space of padding on each side included. */
  widths: number[];
  head?: Array<Cell | string>;
  ascii?: boolean;
}

const UNICODE = { tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘', h: '─', v: '│' };
const ASCII = { tl: '+', tm: '+', tr: '+', ml: '+', mm: '+', mr: '+', bl: '+', bm: '+', br: '+', h: '-', v: '|' };

/** A cell longer than this is cut: a table is for reading, the full text is in the other formats. */
const MAX_CELL_CHARS = 1_000;

function shorten(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  const end = /[\ud800-\udbff]/.test(text[MAX_CELL_CHARS - 1]!) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return `${text.slice(0, end)}… (cut: ${text.length.toLocaleString('en-GB')} characters in all)`;
}

function toCell(c: Cell | string): Cell {
  return typeof c === 'string' ? { text: c } : c;
}

export function renderTable(rows: Array<Array<Cell | string>>, options: BoxTableOptions): string {
  const b = options.ascii ? ASCII : UNICODE;
  const { widths } = options;
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => b.h.repeat(w)).join(m) + r;
  const drawRow = (row: Array<Cell | string>): void => {
    const cells = widths.map((w, i) => {
      const cell = toCell(row[i] ?? '');
      return { lines: wrapLines(shorten(cell.text), Math.max(1, w - 2)), paint: cell.paint };
    });
    const height = maxOf(cells.map((c) => c.lines.length), 0);
    for (let k = 0; k < height; k++) {
      out.push(
        b.v +
          cells
            .map((c, i) => {
              const text = c.lines[k] ?? '';
              const pad = ' '.repeat(Math.max(0, widths[i]! - 2 - textWidth(text)));
              return ` ${text && c.paint ? c.paint(text) : text}${pad} `;
            })
            .join(b.v) +
          b.v,
      );
    }
  };
  const out: string[] = [rule(b.tl, b.tm, b.tr)];
  if (options.head) {
    drawRow(options.head);
    out.push(rule(b.ml, b.mm, b.mr));
  }
  rows.forEach((row, i) => {
    if (i) out.push(rule(b.ml, b.mm, b.mr));
    drawRow(row);
  });
  out.push(rule(b.bl, b.bm, b.br));
  return out.join('\n');
}
