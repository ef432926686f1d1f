/**
 * Problems: the one shape of everything coprod reports about a file: input it cannot
 * use, a policy a log breaks (check findings), a sign of tokenism (flags). Each has an
 * id, a level, where it is (file:line:col and the field), what was expected, and help
 * (a "did you mean", the fix, the next step). Also the errors that carry input problems
 * to the CLI's exit code. No formatting for the terminal here.
 */

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
  /** In a workbook: the sheet; `line` is then the row and `column` the column's number. */
  sheet?: string;
}

export type Level = 'error' | 'warn';

export interface Problem {
  /** What kind: `invalid-input` for a file coprod cannot use, else the rule or flag id. */
  id: string;
  level: Level;
  message: string;
  file: string;
  line: number;
  column: number;
  /** In a workbook: the sheet, so that the place reads `Sheet1!C7`. */
  sheet?: string;
  /** Field path in the file, e.g. `activities[2].say`; empty for the whole file. */
  field?: string;
  expected?: string;
  /** What to do about it: a "did you mean", the fix, the next step. */
  help?: string;
  /** The activity it is about, when it is about one. */
  activity?: { id: string; name: string };
}

/** An input problem as the code that finds it writes it: InputError makes it a Problem (`invalid-input`, an error). */
export type Diagnostic = Omit<Problem, 'id' | 'level' | 'field'> & { field: string };

/** Invalid input (a log, ladder, cue or config file): exit 2. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${shownPlace(d)}: ${d.message}`).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }

  /** The problems, in the shape every formatter takes. */
  problems(): Problem[] {
    return problemsOf(this.diagnostics);
  }
}

/** Input problems as every formatter takes them: `invalid-input`, an error each. */
export function problemsOf(diagnostics: readonly Diagnostic[]): Problem[] {
  return diagnostics.map((d) => ({ id: 'invalid-input', level: 'error', ...d }));
}

/** Bad usage (unknown option value, missing file, refused overwrite): exit 2. */
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/** Ctrl-C at a prompt or a signal: exit 130. */
export class InterruptedError extends Error {
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/** Renders a field path array as `activities[2].say`; a long key is cut short. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (part.length <= 40 && /^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part.length > 40 ? `${[...part].slice(0, 39).join('')}…` : part)}]`;
  }
  return out;
}

/**
 * A field path as a person reads it: `activities[2].stages[0]` is "stages, item 1
 * (activity 3)", counted from 1 as in the file (a log that is a bare list too); other
 * paths are shown as they are.
 */
export function shownField(field: string): string {
  const m = /^(?:activities)?\[(\d+)\]\.?(.*)$/.exec(field);
  if (!m) return field;
  const rest = m[2]!.replace(/\[(\d+)\]/g, (_, i: string) => `, item ${Number(i) + 1}`);
  return `${rest || 'the activity'} (activity ${Number(m[1]) + 1})`;
}

/** Where in a file, as a person reads it: `7:3` (line and column), or `Sheet1!C7` in a workbook. */
export function shownPlace(p: Position): string {
  if (p.sheet === undefined) return `${p.line}:${p.column}`;
  // as a formula names a cell of another sheet: quoted when the name is not one plain word
  const sheet = /^[A-Za-z_][\w.]*$/.test(p.sheet) ? p.sheet : `'${p.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetters(p.column)}${p.line}`;
}

/** A column's letters as a spreadsheet names it: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out || 'A';
}
