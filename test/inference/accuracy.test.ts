// Inference accuracy on the corpus: say right in at least 90% of entries, and a TLAP
// placement more generous than expected in no more than 2% (over-placement is worse).
import { describe, expect, it } from 'vitest';
import { score } from './corpus.js';

describe('inference corpus', () => {
  it('meets the accuracy and over-placement bars', async () => {
    const scored = await score();
    const n = scored.length;
    const sayRight = scored.filter((s) => s.say === s.entry.expect.say).length;
    const rungRight = scored.filter((s) => s.tlap === s.entry.expect.tlap).length;
    const over = scored.filter((s) => s.tlapIndex > s.expectedIndex);
    const misses = scored.filter((s) => s.say !== s.entry.expect.say || s.tlap !== s.entry.expect.tlap);
    const report = [
      `inference corpus: ${n} entries`,
      `  say correct:  ${sayRight}/${n} (${((sayRight / n) * 100).toFixed(1)}%)`,
      `  TLAP correct: ${rungRight}/${n} (${((rungRight / n) * 100).toFixed(1)}%)`,
      `  over-placed:  ${over.length}/${n} (${((over.length / n) * 100).toFixed(1)}%)`,
      ...misses.map((s) => `  ✗ ${s.entry.name}: say ${s.say} (expected ${s.entry.expect.say}), tlap ${s.tlap} (expected ${s.entry.expect.tlap})${s.tlapIndex > s.expectedIndex ? ' OVER' : ''}\n      evidence: ${s.evidence}\n      facts: ${JSON.stringify(s.facts)}`),
    ].join('\n');
    console.log(report);
    expect(n).toBeGreaterThanOrEqual(80);
    expect(sayRight / n).toBeGreaterThanOrEqual(0.9);
    expect(over.length / n).toBeLessThanOrEqual(0.02);
  });
});
