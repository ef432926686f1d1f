/**
 * Where a ladder file named by a log may be (PRODUCT.md §1): a log is untrusted, so its
 * `ladder:` and `ladder:rung` references may name a file only by a relative path that
 * stays inside the log's own repository (the nearest folder above the log holding `.git`,
 * else the log's folder), resolved from the log's folder, and never inside `.git`.
 * Symbolic links are followed before the check, so a link cannot lead outside either.
 * Only the command line and the config may name a ladder file anywhere.
 */
import { isAbsolute, resolve, win32 } from 'node:path';
import { UsageError } from './problem.js';
import { quoteValue } from '../text/terminal-text.js';
import { inside, real, repositoryRoot } from './repository-paths.js';

/**
 * The absolute path a log's ladder reference names, or a UsageError saying why it is
 * refused. `logFolder` is the folder of the log (the working folder for standard input).
 */
export function logLadderPath(ref: string, logFolder: string): string {
  const refuse = (why: string): UsageError =>
    new UsageError(
      `the ladder file ${quoteValue(ref)} ${why}`,
      'a log may name a shipped or configured ladder id, or a ladder file by a relative path inside its repository; name other ladder files with --ladder or in coprod.config.yaml',
    );
  if (isAbsolute(ref) || win32.isAbsolute(ref) || ref.startsWith('~')) throw refuse('is an absolute path');
  if (ref.split(/[/\\]/).includes('.git')) throw refuse('is inside .git');
  const root = repositoryRoot(logFolder);
  const path = resolve(logFolder, ref);
  if (!inside(root, path) || !inside(real(root), real(path))) throw refuse("is outside the log's repository");
  return path;
}
