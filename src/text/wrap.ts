/**
 * The one word-wrapper: text (which may hold line breaks) in lines of at most `width`
 * columns, measured as the terminal shows them; a word wider than a line is broken after
 * a hyphen where it can be, else at the edge.
 */
import { charactersOf, textWidth } from './text-width.js';

export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/)) {
      if (word === '') continue;
      for (const piece of breakWord(word, width)) {
        const w = textWidth(piece);
        if (line && lineWidth + 1 + w > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += (line ? ' ' : '') + piece;
        lineWidth += (lineWidth ? 1 : 0) + w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Wrapped text with every line indented; `first` starts the first line instead (a bullet). */
export function wrapIndented(text: string, width: number, indent: string, first = indent): string {
  const lines = wrapLines(text.replace(/\s+/g, ' ').trim(), Math.max(1, width - textWidth(indent)));
  return lines.map((line, i) => (i === 0 ? first : indent) + line).join('\n');
}

/** Splits a word that is wider than `width`: after hyphens where possible, else at the edge. */
function breakWord(word: string, width: number): string[] {
  if (textWidth(word) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const part of word.split(/(?<=-)/)) {
    const w = textWidth(part);
    if (piece && pieceWidth + w > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    if (w <= width) {
      piece += part;
      pieceWidth += w;
      continue;
    }
    for (const ch of charactersOf(part)) {
      const cw = textWidth(ch);
      if (pieceWidth + cw > width && piece) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += ch;
      pieceWidth += cw;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}
