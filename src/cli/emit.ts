/**
 * Sends a command's output to standard output or, with --output, to a file written
 * atomically. Output may come in chunks; each waits for the stream to drain, so a slow
 * reader never makes coprod hold the whole output in memory.
 */
import { resolve } from 'node:path';
import { coalesce } from './coalesce.js';
import { writeFileAtomic } from './write-file.js';
import { jsonSafe, safeInline } from '../text/terminal-text.js';
import type { Io, OutStream } from './io.js';
import type { CommonOptions } from './options.js';

export type Output = string | Iterable<string>;

async function writeChunks(stream: OutStream, output: Output): Promise<void> {
  if (typeof output === 'string') {
    await writeOne(stream, jsonSafe(output));
    return;
  }
  // small chunks are written together: fewer writes, about 256 KB each
  for (const piece of coalesce(output, COALESCE)) await writeOne(stream, jsonSafe(piece));
}

const COALESCE = 256 * 1024;

async function writeOne(stream: OutStream, text: string): Promise<void> {
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
    await writeFileAtomic(resolve(io.cwd, options.output), typeof output === 'string' ? jsonSafe(output) : mapChunks(output, jsonSafe), {
      force: options.force ?? false,
      inputs,
      what,
      shownAs: options.output,
    });
    if (!options.quiet) io.stderr.write(`Wrote ${safeInline(options.output)}\n`);
  } else {
    await writeChunks(io.stdout, output);
  }
}

/** True when output goes to a person at a terminal (pretty JSON, colour). */
export function toTerminal(options: CommonOptions, io: Io): boolean {
  return !(options.output && options.output !== '-') && Boolean(io.stdout.isTTY);
}
