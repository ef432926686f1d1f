/** Process entry point used by bin/coprod.js: real streams in, exit code out. */
import { GuardedOutput, startedClosed } from './guarded-output.js';
import type { Io } from './io.js';
import { main } from './main.js';

/** The process's own streams, environment and folder; standard output behind its guard. */
function processIo(): Io {
  return { stdout: new GuardedOutput(process.stdout, startedClosed(1)), stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

export async function start(): Promise<void> {
  // standard output's failures are kept by its guard and end the run with exit 2;
  // a failed write to standard error has nowhere to be reported
  process.stderr.on('error', () => undefined);
  process.exitCode = await main(process.argv.slice(2), processIo());
}
