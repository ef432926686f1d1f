/**
 * Adds one activity as a new row to a log kept as a spreadsheet, the way a person would:
 * the row goes under the last one, each answer in the column its header names (Yes/No,
 * lists with "; ", coprod's own headers for columns the sheet lacks, added to the header
 * row). A CSV file keeps every other byte (its cell separator and line endings too); a
 * workbook is rewritten by exceljs, so one holding parts exceljs would drop (charts,
 * pivot tables, macros, drawings) is refused rather than changed. Nothing is written
 * here: the caller re-reads the result and writes it atomically.
 */
import { headerOf } from '../input/table-columns.js';
import type { TableLog } from '../input/table-log.js';
import { importEsm } from '../input/import-esm.js';
import { looksLikeFormula } from '../text/csv-cell.js';
import { guardZip } from '../input/zip-guard.js';
import { cellOf, columnsOf, fieldValue } from '../output/log-table.js';
import type { Entry } from './append.js';

/** The header cells to add (fields the entry has that no column holds) and the row's cells, by column. */
function rowFor(table: TableLog, entry: Entry, dates: 'text' | 'cells'): { added: string[]; cells: unknown[] } {
  const fields = [...table.header.fields];
  const added: string[] = [];
  for (const field of columnsOf(entry)) {
    if (fields.includes(field)) continue;
    fields.push(field);
    added.push(headerOf(field));
  }
  return { added, cells: fields.map((f) => (f === undefined ? null : cellOf(f, fieldValue(entry, f), dates))) };
}

/** The CSV log's text with the entry as a last row (and any new columns on the header line). */
export async function appendCsvRow(text: string, table: TableLog & { delimiter: string }, entry: Entry): Promise<string> {
  const { stringify } = await importEsm<typeof import('csv-stringify/sync')>('csv-stringify/sync');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const cell = (values: unknown[]): string => stringify([values.map((v) => (v === null ? '' : v))] as never, { delimiter: table.delimiter, record_delimiter: eol }).replace(/\r?\n$/, '');
  const { added, cells } = rowFor(table, entry, 'text');
  let out = text;
  if (added.length) {
    // new columns go at the end of the header line (one line: a header cell spanning lines is refused)
    const lines = out.split('\n');
    const at = table.header.line - 1;
    const line = lines[at]!;
    const cr = line.endsWith('\r') ? '\r' : '';
    const body = cr ? line.slice(0, -1) : line;
    const width = table.header.cells.length;
    lines[at] = `${body}${table.delimiter.repeat(Math.max(0, table.header.fields.length - width))}${table.delimiter}${cell(added)}${cr}`;
    out = lines.join('\n');
  }
  const ended = out === '' || out.endsWith('\n') ? out : `${out}${eol}`;
  return `${ended}${cell(cells)}${eol}`;
}

/** Parts of a workbook exceljs does not carry through a rewrite. */
const DROPPED = /^xl\/(charts|chartsheets|drawings|pivotTables|pivotCache|externalLinks|slicers|slicerCaches|timelines|queryTables|customXml|embeddings|activeX|ctrlProps)\/|vbaProject\.bin$/i;

/** The workbook with the entry as a new row under the last of the log's sheet; or the parts that make that unsafe. */
export async function appendXlsxRow(bytes: Buffer, table: TableLog, entry: Entry): Promise<{ bytes: Uint8Array } | { refused: string[] }> {
  const parts = await guardZip(bytes, 'workbook');
  const dropped = parts.filter((p) => !p.endsWith('/') && DROPPED.test(p));
  if (dropped.length) return { refused: dropped };
  const ExcelJS = (await importEsm<{ default: typeof import('exceljs') }>('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const ws = workbook.getWorksheet(table.sheet!)!;
  const { added, cells } = rowFor(table, entry, 'cells');
  const headerRow = ws.getRow(table.header.line);
  added.forEach((h, i) => (headerRow.getCell(table.header.fields.length + i + 1).value = h));
  let last = table.header.line;
  ws.eachRow({ includeEmpty: false }, (_row, n) => (last = Math.max(last, n)));
  const row = ws.getRow(last + 1);
  cells.forEach((value, i) => {
    if (value === null) return;
    const c = row.getCell(i + 1);
    c.value = value as never;
    if (value instanceof Date) c.numFmt = 'dd/mm/yyyy';
    if (typeof value === 'string' && looksLikeFormula(value)) c.numFmt = '@';
  });
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}
