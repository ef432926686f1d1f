/** Turns character offsets in a text into 1-based line:column, CRLF-aware, built once per file. */
import type { Position } from './problem.js';

export class LineIndex {
  private starts: ArrayLike<number> | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): ArrayLike<number> {
    if (this.starts) return this.starts;
    const found: number[] = [0];
    let at = this.text.indexOf('\n');
    while (at !== -1) {
      found.push(at + 1);
      at = this.text.indexOf('\n', at + 1);
    }
    this.starts = Uint32Array.from(found);
    return this.starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    const target = Math.max(0, Math.min(offset, this.text.length));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= target) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo]!;
    // columns count characters as a person sees them (code points), not UTF-16 units
    let column = 1;
    for (let i = lineStart; i < target; i++) {
      const code = this.text.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    return { line: lo + 1, column };
  }
}
