/**
 * A CSV involvement log: parsed by csv-parse (loaded only when a CSV log is read) into
 * rows, which table-log.ts reads as a log. Comma- or semicolon-separated.
 */
import type { FactDefinition } from '../model/facts-model.js';
import { InputError } from './problem.js';
import type { SourceText } from './read-source.js';
import { readTableLog, type TableLog } from './table-log.js';

/** `delimiter`: the cell separator the file uses. */
export async function readCsvLog(source: SourceText, extraFacts: readonly FactDefinition[] = []): Promise<TableLog & { delimiter: string }> {
  // loaded only when a CSV log is read
  const { parse } = await import('csv-parse/sync');
  const delimiter = delimiterOf(source.text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(source.text, { info: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: false, delimiter }) as never;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    throw new InputError([{ file: source.name, line: e.lines ?? 1, column: 1, field: '', message: `not valid CSV: ${(e.message ?? '').replace(/^Invalid [^:]*: /, '').slice(0, 200)}`, help: 'save the sheet again as "CSV UTF-8", or check the quotes on that line' }]);
  }
  // each record's first line: one after the line the previous one ended on
  const rows = records.map((r, i) => ({ cells: r.record.map((c) => c.trim()), line: i === 0 ? 1 : records[i - 1]!.info.lines + 1 }));
  return { ...readTableLog(rows, source, extraFacts), delimiter };
}

/**
 * The cell separator: a comma, or a semicolon where a spreadsheet saved one (Excel does in
 * locales whose decimal mark is a comma), judged by the first lines outside quotes.
 */
function delimiterOf(text: string): string {
  const head = text.slice(0, 4096).replace(/"[^"]*"/g, '');
  const count = (ch: string): number => head.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
