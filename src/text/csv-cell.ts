/**
 * Makes user text inert in a CSV cell: control characters shown escaped (`\u001b`), as
 * in every output, and spreadsheet formulas neutralised (OWASP CSV injection, CWE-1236):
 * a cell starting with = + - @, tab, CR or NUL gets a leading apostrophe. Quoting is
 * left to the CSV library.
 */
import { safeBlock } from './terminal-text.js';

/** Whether a spreadsheet would take this text for a formula (= + - @, tab, CR or NUL first). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r\0]/.test(text);
}

export function csvSafe(text: string): string {
  const shown = safeBlock(text);
  return looksLikeFormula(shown) ? `'${shown}` : shown;
}
