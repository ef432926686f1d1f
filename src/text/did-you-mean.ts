/**
 * "Did you mean": the nearest valid value for a near miss, by known synonyms first
 * (`shared` → `joint`), then by spelling distance. Pure; no I/O.
 */
import { distance } from 'fastest-levenshtein';

/** Normalises for comparison: case, separators and spaces do not count. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]+/g, '');
}

export function didYouMean(
  input: string,
  candidates: readonly string[],
  synonyms?: Readonly<Record<string, string>>,
): string | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > 200) return undefined;
  const folded = fold(input);
  if (synonyms) {
    for (const [word, value] of Object.entries(synonyms)) {
      if (fold(word) === folded && candidates.includes(value)) return value;
    }
  }
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const fc = fold(c);
    if (fc === folded) return c;
    const d = distance(folded, fc);
    // a prefix typed in full ("consult" for "consultation") is a near miss too
    const score = fc.startsWith(folded) && folded.length >= 4 ? Math.min(d, 1) : d;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(folded.length, fold(best).length) / 3));
  return bestScore <= limit ? best : undefined;
}
