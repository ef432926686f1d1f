/**
 * Orders texts by code unit, as `<` does: the same order on every machine, where
 * `localeCompare` follows the machine's locale. For sorting file paths and ids in output.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
