/** Process entry point used by bin/coprod.js: real streams in, exit code out. */
import { main } from './main.js';
import { processIo } from './io.js';

export async function run(): Promise<void> {
  // standard output's failures are kept by processIo's guard and end the run with exit 2;
  // a failed write to standard error has nowhere to be reported
  process.stderr.on('error', () => undefined);
  process.exitCode = await main(process.argv.slice(2), processIo());
}
