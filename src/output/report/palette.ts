/**
 * Colours for bands and rungs, derived from their order (lowest red, highest green,
 * lighter for lower rungs within a band), with a fill pattern per band so that the
 * charts do not rely on colour alone.
 */
import { rungWithId, type Ladder } from '../../model/ladder.js';

function bandHue(ladder: Ladder, bandOrder: number): number {
  const n = ladder.bands.length;
  // red → amber → green: the curve keeps middle bands amber rather than olive
  return n <= 1 ? 200 : Math.round(Math.pow(bandOrder / (n - 1), 1.6) * 125);
}

/** Fill for a rung: its band's hue, darker for higher rungs within the band. */
export function rungFill(ladder: Ladder, rungId: string): string {
  const rung = rungWithId(ladder, rungId);
  if (!rung) return 'hsl(0 0% 75%)';
  const sameBand = ladder.rungs.filter((r) => r.band === rung.band);
  const pos = sameBand.indexOf(rung);
  const light = sameBand.length <= 1 ? 62 : 74 - Math.round((pos / (sameBand.length - 1)) * 26);
  return `hsl(${bandHue(ladder, rung.band.order)} 60% ${light}%)`;
}

export function bandFill(ladder: Ladder, bandOrder: number): string {
  return `hsl(${bandHue(ladder, bandOrder)} 55% 88%)`;
}

/** Pattern id per band order: hatching, dots, plain. */
export function bandPattern(bandOrder: number, bands: number): string | undefined {
  if (bands <= 1 || bandOrder === bands - 1) return undefined;
  return bandOrder === 0 ? 'pattern-hatch' : 'pattern-dots';
}
