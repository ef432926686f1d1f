/**
 * Tells whether a parsed file is at least the kind of file it was read as (a log, a
 * ladder, a config, a cue file). A file that is not (a credentials file named as a
 * ladder, a binary's text, a list of secrets) gets one diagnostic that says what it
 * should be and quotes nothing of it: errors never leak a foreign file's contents.
 */
import { InputError } from './problem.js';
import { didYouMean } from '../text/did-you-mean.js';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping with at least one key that is, or nearly is, one of `keys`. */
export function hasKnownKey(value: unknown, keys: readonly string[]): boolean {
  if (!isMapping(value)) return false;
  let n = 0;
  for (const key of Object.keys(value)) {
    if (keys.includes(key) || key.startsWith('x-') || didYouMean(key, keys)) return true;
    if (++n > 1000) break;
  }
  return false;
}

/** The one error for a file that is not a `what` at all; `expected` lists what one holds. */
export function notThisKind(file: string, what: string, expected: string, help = 'check that the right file was named'): InputError {
  return new InputError([
    {
      file,
      line: 1,
      column: 1,
      field: '',
      message: `this file is not ${what} (nothing of it is shown here)`,
      expected,
      help,
    },
  ]);
}
