/**
 * Colour by band: the lowest band red, the highest green, those between yellow and
 * cyan; unclassified grey. Derived from a band's position, so any ladder gets colours
 * without declaring them. Colour is never the only carrier of meaning: the rung name is always printed.
 */
import type { Colours } from './colours.js';
import type { Band, Ladder } from '../model/ladder.js';

export type Paint = (text: string) => string;

export function bandPaint(colours: Colours, ladder: Ladder, band: Band | null): Paint {
  if (!band) return colours.gray;
  const n = ladder.bands.length;
  if (n <= 1) return colours.cyan;
  if (band.order === 0) return colours.red;
  if (band.order === n - 1) return colours.green;
  return band.order === 1 ? colours.yellow : colours.cyan;
}
