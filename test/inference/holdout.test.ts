// The held-out sets: scored, reported and guarded against over-placement, but never used
// to tune the cues. Its accuracy is the honest estimate for unseen logs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { score, type CorpusEntry } from './corpus.js';

describe('inference hold-out set', () => {
  it('is reported, and never over-places more than 5%', async () => {
    const entries = load(readFileSync(join(import.meta.dirname, 'holdout.yaml'), 'utf8')) as CorpusEntry[];
    const scored = await score(entries);
    const n = scored.length;
    const sayRight = scored.filter((s) => s.say === s.entry.expect.say).length;
    const over = scored.filter((s) => s.tlapIndex > s.expectedIndex);
    console.log(
      [
        `hold-out: ${n} entries, say correct ${sayRight}/${n} (${((sayRight / n) * 100).toFixed(1)}%), over-placed ${over.length}/${n}`,
        ...scored
          .filter((s) => s.say !== s.entry.expect.say || s.tlap !== s.entry.expect.tlap)
          .map((s) => `  ✗ ${s.entry.name}: say ${s.say} (expected ${s.entry.expect.say}), tlap ${s.tlap} (expected ${s.entry.expect.tlap})${s.tlapIndex > s.expectedIndex ? ' OVER' : ''}\n      evidence: ${s.evidence}\n      facts: ${JSON.stringify(s.facts)}`),
      ].join('\n'),
    );
    expect(over.length / n).toBeLessThanOrEqual(0.05);
  });
});
