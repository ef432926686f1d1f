// Runs the CLI's main() in this process with captured streams: thousands of runs a
// minute, for property tests. The spawned binary is tested separately (helpers/cli.ts).
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io, OutStream } from '../../src/cli/io.js';
import type { CliResult } from './cli.js';

function capture(): OutStream & { text: () => string } {
  const chunks: string[] = [];
  return {
    // a workbook's bytes, one character each
    write: (chunk: string | Uint8Array) => (chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1')), true),
    isTTY: false,
    columns: 100,
    text: () => chunks.join(''),
  };
}

/** main() on captured streams, with standard input and the environment given. */
async function runMain(args: string[], cwd: string, input: string, env: Record<string, string | undefined>): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const io: Io = { stdout, stderr, stdin: Readable.from([input]), env, cwd };
  const code = await main(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export async function runInProcess(args: string[], cwd: string, input = ''): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  const result = await runMain(args, cwd, input, { NO_COLOR: '1' });
  return { ...result, ms: performance.now() - started };
}

/**
 * The CLI's main() in this process, called as `coprod()` of helpers/cli.ts is (a folder,
 * standard input, extra environment): for the many cases whose point is what coprod
 * decides, not how a process starts. Each file keeps spawned runs for its key paths.
 */
export function coprodInProcess(args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }): Promise<CliResult> {
  return runMain(args, options.cwd, options.input ?? '', { COLUMNS: '120', HOME: process.env.HOME, ...options.env });
}
