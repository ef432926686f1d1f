/**
 * Where a command's output goes and how it is shown: standard output or, with --output,
 * a file written atomically; coloured or not; how wide. Output may come in chunks; each
 * waits for the stream to drain, so a slow reader never makes coprod hold it all.
 */
import { resolve } from 'node:path';
import { makeColours } from '../output/colours.js';
import type { View } from '../output/view.js';
import { coalesce } from './coalesce.js';
import { writeFileAtomic } from './write-file.js';
import { jsonSafe, safeInline } from '../text/terminal-text.js';
import type { Io, OutStream } from './io.js';
import type { CommonOptions } from './options.js';
import { UsageError } from '../input/problem.js';

export interface Destination {
  /** --output names a file (not `-`) */
  toFile: boolean;
  /** how the formatter is to lay it out: colour only for a terminal, JSON indented for a person */
  view: View;
}

/** Where the result of a command goes, and so how it is shown, from its options and the streams. */
export function destination(options: CommonOptions, io: Io): Destination {
  const toFile = !!options.output && options.output !== '-';
  const toTerminal = !toFile && Boolean(io.stdout.isTTY);
  return {
    toFile,
    view: {
      colours: makeColours(!toFile && colourOn(io, io.stdout, options.color)),
      width: terminalWidth(io),
      pretty: toTerminal,
      quiet: options.quiet ?? false,
      verbose: options.verbose ?? false,
      ascii: io.env.TERM === 'dumb',
      cwd: io.cwd,
      env: io.env,
    },
  };
}

/**
 * Whether to colour a stream: --no-color and --color first, then FORCE_COLOR, then
 * NO_COLOR (set and non-empty means none, per no-color.org), then whether the stream is
 * a terminal that shows colour.
 */
export function colourOn(io: Io, stream: OutStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (flag === true) return true;
  if (io.env.NO_COLOR) return false;
  if (!stream.isTTY || io.env.TERM === 'dumb') return false;
  return (stream.getColorDepth?.(io.env) ?? 4) >= 4;
}

/**
 * Width to lay text out in: the terminal's, else $COLUMNS, else 80 (the common default,
 * and what a CI log or a file is read in); never under 80, nor over 240.
 */
function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(80, Math.min(width, 240));
}

/** Text, text in chunks, or the bytes of a file (a workbook). */
export type Output = string | Iterable<string> | Uint8Array;

async function writeChunks(stream: OutStream, output: Output): Promise<void> {
  if (output instanceof Uint8Array) {
    if (stream.isTTY) throw new UsageError('a workbook is not for the terminal: nothing was written', 'write it to a file with --output, e.g. --output map.xlsx');
    await writeOne(stream, output);
    return;
  }
  if (typeof output === 'string') {
    await writeOne(stream, jsonSafe(output));
    return;
  }
  // small chunks are written together: fewer writes, about 256 KB each
  for (const piece of coalesce(output, COALESCE)) await writeOne(stream, jsonSafe(piece));
}

const COALESCE = 256 * 1024;

async function writeOne(stream: OutStream, text: string | Uint8Array): Promise<void> {
  if (!stream.write(text) && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
}

function* mapChunks(chunks: Iterable<string>, f: (s: string) => string): Generator<string> {
  for (const chunk of chunks) yield f(chunk);
}

/**
 * Writes a command's output. Every output passes `jsonSafe` on its way out, the last
 * guard for characters no reader should get raw (DEL, C1 and bidi controls, line
 * separators): written as `\uXXXX`, which keeps JSON and double-quoted YAML values exact
 * and shows them visibly everywhere else. (C0 controls are each formatter's to escape.)
 *
 * `inputs`: absolute paths of the files the run read, which --output may not name. */
export async function emit(output: Output, options: CommonOptions, io: Io, inputs: readonly string[], what = 'output'): Promise<void> {
  if (options.output && options.output !== '-') {
    await writeFileAtomic(resolve(io.cwd, options.output), output instanceof Uint8Array ? output : typeof output === 'string' ? jsonSafe(output) : mapChunks(output, jsonSafe), {
      force: options.force ?? false,
      inputs,
      what,
      shownAs: options.output,
      makeFolder: true,
    });
    if (!options.quiet) io.stderr.write(`Wrote ${safeInline(options.output)}\n`);
  } else {
    await writeChunks(io.stdout, output);
  }
}
