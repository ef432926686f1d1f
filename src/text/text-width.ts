/**
 * How many terminal columns text takes, by string-width (East Asian wide characters and
 * emoji two, combining marks and zero-width characters none, colour codes none), and its
 * characters as a person sees them (grapheme clusters: "👩‍👩‍👧" is one).
 */
import stringWidth from 'string-width';

export function textWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The characters of a text as a person sees them. */
export function charactersOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}
