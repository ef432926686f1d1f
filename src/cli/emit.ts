/** Sends a command's output to standard output or, with --output, to a file written atomically. */
import { writeFileAtomic } from '../io/write-file.js';
import { safeInline } from '../util/terminal-text.js';
import type { Io } from './io.js';
import type { CommonOptions } from './options.js';

export async function emit(text: string, options: CommonOptions, io: Io, inputs: readonly string[], what = 'output'): Promise<void> {
  if (options.output && options.output !== '-') {
    await writeFileAtomic(options.output, text, { force: options.force ?? false, inputs, what });
    if (!options.quiet) io.stderr.write(`Wrote ${safeInline(options.output)}\n`);
  } else {
    io.stdout.write(text);
  }
}
