/** A file path as a person wants to read it: relative to the working folder when inside it, as given otherwise. */
import { isAbsolute, relative } from 'node:path';

export function shownPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
