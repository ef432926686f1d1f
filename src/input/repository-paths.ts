/**
 * A log's repository (PRODUCT.md §1): the nearest folder above the log holding `.git`,
 * else the log's folder. What a log names by path (a ladder file, an evidence file) must
 * stay inside it; symbolic links are followed before the check, so a link cannot lead out.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** The nearest folder at or above `folder` that holds `.git`, else `folder` itself. */
export function repositoryRoot(folder: string): string {
  let dir = resolve(folder);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(folder);
    dir = up;
  }
}

/** Whether `path` is `root` or below it. */
export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The path with its symbolic links followed, or itself when it does not exist. */
export function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
