/**
 * Diagnostics: the one shape every user-caused problem takes (file:line:col, the
 * field, what was expected, a "did you mean"), and the errors that carry them to
 * the CLI's exit code. No formatting for the terminal here.
 */

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Field path in the file, e.g. `activities[2].say`; empty for the whole file. */
  field: string;
  message: string;
  expected?: string;
  hint?: string;
}

/** Invalid input (a log, ladder, cue or config file): exit 2. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
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
