/**
 * Colours for bands and rungs, derived from the band's order (lowest red, highest
 * green): every rung of a band has its band's colour, so strength follows the band and
 * not where a rung sits in it. Each fill is light enough for the report's dark text
 * (WCAG 2.2 AA, 4.5:1; a unit test holds every shipped ladder to it), and each band has
 * a fill pattern too, so that the charts do not rely on colour alone.
 */
import { rungWithId, type Ladder } from '../../model/ladder.js';

/** The report's text colour on coloured fills. */
export const INK = '#102a43';

function bandHue(ladder: Ladder, bandOrder: number): number {
  const n = ladder.bands.length;
  // red → amber → green: the curve keeps middle bands amber rather than olive
  return n <= 1 ? 200 : Math.round(Math.pow(bandOrder / (n - 1), 1.6) * 125);
}

/** Fill for a rung: its band's colour; grey for a rung the ladder does not have. */
export function rungFill(ladder: Ladder, rungId: string): string {
  const rung = rungWithId(ladder, rungId);
  if (!rung) return 'hsl(0 0% 82%)';
  return `hsl(${bandHue(ladder, rung.band.order)} 62% 76%)`;
}

/** The paler shade behind a band's name in the ladder picture. */
export function bandFill(ladder: Ladder, bandOrder: number): string {
  return `hsl(${bandHue(ladder, bandOrder)} 55% 90%)`;
}

/** A heat-table cell: the rung's fill, stronger for more activities (share 0–1 of the busiest cell). */
export function heatFill(ladder: Ladder, rungId: string, share: number): string {
  return `color-mix(in srgb, ${rungFill(ladder, rungId)} ${Math.round(30 + 70 * share)}%, white)`;
}

/** Pattern id per band order: hatching, dots, plain. */
export function bandPattern(bandOrder: number, bands: number): string | undefined {
  if (bands <= 1 || bandOrder === bands - 1) return undefined;
  return bandOrder === 0 ? 'pattern-hatch' : 'pattern-dots';
}
