/** Process entry point used by bin/coprod.js: real streams in, exit code out. */
import { main } from './main.js';
import { processIo } from './io.js';
import { mark } from '../util/timing.js';

export async function run(): Promise<void> {
  // a reader that stops early (`coprod map x | head`) is not an error
  const onPipeError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', onPipeError);
  mark('modules loaded');
  process.exitCode = await main(process.argv.slice(2), processIo());
  mark('done');
}
