/**
 * Neutralises spreadsheet formulas in user text (OWASP CSV injection, CWE-1236):
 * a cell starting with = + - @, tab, CR or NUL gets a leading apostrophe. Quoting is
 * left to the CSV library.
 */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r\0]/.test(text) ? `'${text}` : text;
}
