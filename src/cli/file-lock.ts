/**
 * One writer at a time for a file that is read, changed and written back (`ask
 * --append`): two runs at once would otherwise both read the old text and the second
 * rename would drop the first one's entry. proper-lockfile keeps a `FILE.lock` folder
 * (made atomically by mkdir, refreshed while held, taken over once stale) and removes it
 * when the process ends; it is loaded only when a lock is needed.
 */
import { UsageError } from '../input/problem.js';
import { safeInline } from '../text/terminal-text.js';

/** A lock not refreshed for this long belongs to a run that died: it is taken over. */
const STALE_MS = 10_000;

export async function withFileLock<T>(file: string, shownAs: string, work: () => Promise<T>): Promise<T> {
  const { lock } = await import('proper-lockfile');
  let release: () => Promise<void>;
  try {
    release = await lock(file, {
      realpath: false,
      stale: STALE_MS,
      // waits up to about 30 s for another run that is adding to the same file
      retries: { retries: 300, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') throw new UsageError(`${safeInline(shownAs)} is being changed by another run; nothing was written`, 'try again in a moment');
    if (code === 'ENOENT') throw new UsageError(`cannot write ${safeInline(shownAs)}: the folder does not exist`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`cannot write ${safeInline(shownAs)}: permission denied`);
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
