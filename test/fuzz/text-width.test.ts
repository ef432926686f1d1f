/**
 * text-width.ts measures text without string-width at run time (see its header); this
 * holds it to string-width's answers on hand-picked hard cases and on random strings
 * built from letters, wide characters, emoji, joined emoji, marks and controls.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/text/text-width.js';
import { RUNS, seed } from './seed.js';

const HARD = ['abc', '✅', '⌚', '漢字', 'e\u0301', '👩‍👩‍👧', '🇬🇧', '1️⃣', '❤️', '❤', 'ｱｲ', '한국어', '\u1100\u1161\u11a8', '\u00ad', 'a\u200bb', '👍🏽', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'Ω≈ç√', '→ — …', '\u0301', 'ß', '\u3000', 'ℹ️', '☺', '⚠', '✔', '✖', '★', '\u001b[31mred\u001b[39m', 'tab\there'];
// whole characters as people write them (a random code point after a flag or a jamo makes
// clusters no text holds), each of them hard in its own way
const PIECES = ['a', 'Z', ' ', '-', '1', 'é', 'e\u0301', 'n\u0303', '漢', 'ｱ', '한', '\u1100\u1161', '✅', '⌚', '👩', '👩‍👩‍👧', '👍🏽', '🇬🇧', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1️⃣', '❤️', '❤', 'ℹ️', '→', '—', '…', '\u00ad', '\u200b', 'Ω', '\u3000', '\u001b[1m', '\u001b[0m', '\t'];

describe('text width', () => {
  it.each(HARD)('agrees with string-width on %j', (s) => {
    expect(textWidth(s)).toBe(stringWidth(s));
  });

  it('agrees with string-width on random mixes of hard characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(textWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: RUNS * 3, ...seed() },
    );
  });
});
