/**
 * How a log file is read, told by its name: YAML (also standard input), CSV, or a
 * spreadsheet workbook coprod cannot read yet. Its own module, with no dependency, so
 * that the command line can ask it without loading the glob library.
 */
export function logFormat(path: string): 'yaml' | 'csv' | 'workbook' {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(path)) return 'workbook';
  return 'yaml';
}
