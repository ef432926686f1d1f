/**
 * The text with its first letter in upper case (advice written as a sentence). The same
 * few texts come back for thousands of activities: each is capitalised once and the
 * copy shared.
 */
const made = new Map<string, string>();
const KEPT = 2_000;

export function capitalise(s: string): string {
  const first = s.charCodeAt(0);
  if (first >= 65 && first <= 90) return s; // already a capital
  let out = made.get(s);
  if (out === undefined) {
    out = s.charAt(0).toUpperCase() + s.slice(1);
    if (made.size < KEPT && s.length <= 400) made.set(s, out);
  }
  return out;
}
