/** Options shared by several commands, and their checks (with "did you mean" for a mistyped format). */
import { UsageError } from '../input/problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue } from '../text/terminal-text.js';

export interface CommonOptions {
  ladder?: string[];
  format?: string;
  output?: string;
  force?: boolean;
  config?: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  cues?: string[];
  /** --no-infer: use declared facts only */
  infer?: boolean;
  /** --sheet: which sheet of a workbook log to read */
  sheet?: string;
}

/** `--cues a.yaml --cues b.yaml` → [a.yaml, b.yaml]. */
export function collectRepeat(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--ladder a,b --ladder c` → [a, b, c]. */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** Checks a value against a fixed list of choices; `noun` names it in the message ("format", "schema"). */
export function checkChoice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, noun = 'format'): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = didYouMean(value, allowed);
  throw new UsageError(
    `unknown ${noun} ${quoteValue(value, 80)}`,
    `${near ? `did you mean "${near}"? ` : ''}choose one of: ${allowed.join(', ')}`,
  );
}

