/**
 * How many terminal columns text takes: East Asian wide characters and emoji two,
 * combining marks, joiners and other invisible characters none, colour codes none.
 * The widths come from get-east-asian-width (the Unicode data string-width itself
 * uses); characters that join into one (an accent on a letter, "👩‍👩‍👧", a flag) are
 * grouped by the platform's Intl.Segmenter, made only for text that needs it.
 * string-width itself is not used at run time: compiling its emoji pattern and making
 * its segmenter, on every command that draws a table, cost over a third of the start-up
 * bar (docs/performance.md). A differential test holds this module to string-width's
 * answers (test/fuzz/text-width.test.ts).
 */
import { eastAsianWidth } from 'get-east-asian-width';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** One column each, whatever the terminal: printable ASCII and Latin letters (not the soft hyphen). */
const PLAIN = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff]*$/;
/** Characters that take no column of their own. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
/** Characters that join the one before or after into a single character as shown. */
const JOINING = /[\p{Mark}\u200d\ufe00-\ufe0f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/gu;

export function textWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  if (PLAIN.test(plain)) return plain.length;
  let width = 0;
  for (const character of charactersOf(plain)) width += characterWidth(character);
  return width;
}

/** The characters of a text as a person sees them (grapheme clusters: "👩‍👩‍👧" is one). */
export function charactersOf(text: string): string[] {
  if (!JOINING.test(text)) return Array.from(text);
  // (made only for text that needs it: the first one in a process loads ICU's data; later ones are cheap)
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Columns one character (grapheme cluster) takes. */
function characterWidth(character: string): number {
  const visible = Array.from(character).filter((c) => !INVISIBLE.test(c));
  if (visible.length === 0) return 0;
  const first = visible[0]!.codePointAt(0)!;
  // emoji shown as pictures: a picture asked for as one (VS16), a keycap, two pictures joined, a flag
  if (character.includes('\ufe0f') && /^\p{Extended_Pictographic}/u.test(visible[0]!)) return 2;
  if (character.includes('\u20e3') && /^[\d#*]/.test(visible[0]!)) return 2;
  if (character.includes('\u200d') && (character.match(PICTOGRAPHIC)?.length ?? 0) >= 2) return 2;
  if (first >= 0x1f1e6 && first <= 0x1f1ff && visible.length === 2 && character.length === 4) return 2;
  // Hangul written in parts (leading, vowel, trailing jamo) shows as one syllable block
  if (first >= 0x1100 && first <= 0x115f && visible.length > 1) return 2;
  let width = eastAsianWidth(first);
  // half- and full-width forms after the first keep their own width
  for (let i = 1; i < visible.length; i++) {
    const cp = visible[i]!.codePointAt(0)!;
    if (cp >= 0xff00 && cp <= 0xffef) width += eastAsianWidth(cp);
  }
  return width;
}
