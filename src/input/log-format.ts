/**
 * How a log file is read, told by its name: YAML (also standard input), CSV, an Excel
 * workbook (.xlsx), or a workbook of another kind (.xls, .ods) that coprod cannot read. Its own module, with no dependency, so
 * that the command line can ask it without loading the glob library.
 */
export function logFormat(path: string): 'yaml' | 'csv' | 'xlsx' | 'other-workbook' {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(xlsx|xlsm)$/i.test(path)) return 'xlsx';
  if (/\.(xls|ods|numbers)$/i.test(path)) return 'other-workbook';
  return 'yaml';
}
