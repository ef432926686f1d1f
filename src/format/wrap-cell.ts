/**
 * Wraps short labels (rung ids, "co-design or co-production*") for a table cell:
 * at spaces first, and after hyphens only for a word too long for the cell, so nothing
 * is cut short or split mid-word.
 */
function splitLongWord(word: string, width: number): string[] {
  if (word.length <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const part of word.split(/(?<=-)/)) {
    if (piece && piece.length + part.length > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += part;
  }
  pieces.push(piece);
  return pieces;
}

export function wrapCell(text: string, width: number): string {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const pieces = splitLongWord(word, width);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const joiner = line && i === 0 ? ' ' : '';
      if (line && line.length + joiner.length + piece.length > width) {
        lines.push(line);
        line = piece;
      } else line += joiner + piece;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
