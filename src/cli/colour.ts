/**
 * Decides whether to colour output: --no-color and --color first, then FORCE_COLOR,
 * then NO_COLOR (set and non-empty means none, per no-color.org), then whether the
 * stream is a terminal.
 */
import { makeColours, type Colours } from '../output/colours.js';
import type { Io, OutStream } from './io.js';

export type ColourLevel = 0 | 1 | 2 | 3;

export function colourLevel(io: Io, stream: OutStream, flag: boolean | undefined): ColourLevel {
  if (flag === false) return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (flag === true) return 1;
  if (io.env.NO_COLOR) return 0;
  if (!stream.isTTY || io.env.TERM === 'dumb') return 0;
  const depth = stream.getColorDepth?.(io.env) ?? 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}

export function makeChalk(level: ColourLevel): Colours {
  return makeColours(level > 0);
}
