/**
 * An Excel workbook (.xlsx) as an involvement log: after the zip guard, exceljs (loaded
 * only when a workbook is read) opens it; one sheet is read, `--sheet NAME` or else the
 * first whose header row names coprod's columns; each cell becomes text, and table-log.ts
 * reads the rows as a log whose places name the sheet (`log.xlsx:Sheet1!C7`). A formula
 * is read as the value the spreadsheet saved with it, never worked out; a date cell as
 * an ISO date.
 */
import type { FactDefinition } from '../model/facts-model.js';
import { InputError } from './problem.js';
import { hasHeaderRow, readTableLog, type TableLog, type TableRow } from './table-log.js';
import { guardZip } from './zip-guard.js';
import { importEsm } from './import-esm.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue } from '../text/terminal-text.js';

export interface WorkbookFile {
  name: string;
  path: string | null;
  bytes: Buffer;
}

export async function readXlsxLog(file: WorkbookFile, extraFacts: readonly FactDefinition[] = [], sheet?: string): Promise<TableLog> {
  const sheets = await readSheets(file);
  const chosen = chooseSheet(sheets, file.name, extraFacts, sheet);
  return readTableLog(chosen.rows, { name: file.name, path: file.path, text: '' }, extraFacts, chosen.name);
}

export interface Sheet {
  name: string;
  rows: TableRow[];
}

/** Every sheet of the workbook as rows of cell text. */
export async function readSheets(file: WorkbookFile): Promise<Sheet[]> {
  await guardZip(file.bytes, file.name);
  const ExcelJS = (await importEsm<{ default: typeof import('exceljs') }>('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as never);
  } catch {
    throw new InputError([{ file: file.name, line: 1, column: 1, field: '', message: 'not a readable workbook: the file is damaged, or is not an .xlsx file', expected: 'an Excel workbook (.xlsx)', help: 'open it in your spreadsheet program and save it again as .xlsx, or as "CSV UTF-8"' }]);
  }
  return workbook.worksheets.map((ws) => {
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ cells, line });
    });
    return { name: ws.name, rows };
  });
}

function chooseSheet(sheets: readonly Sheet[], file: string, extraFacts: readonly FactDefinition[], wanted: string | undefined): Sheet {
  const names = sheets.map((s) => s.name);
  const listed = names.map((n) => quoteValue(n)).join(', ');
  if (wanted !== undefined) {
    const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
    if (found) return found;
    const near = didYouMean(wanted, names);
    throw new InputError([{ file, line: 1, column: 1, field: '', message: `the workbook has no sheet named ${quoteValue(wanted)}`, expected: `one of its sheets: ${listed}`, help: near ? `did you mean --sheet ${quoteValue(near)}?` : `name one of its sheets with --sheet` }]);
  }
  const found = sheets.find((s) => hasHeaderRow(s.rows, extraFacts));
  if (found) return found;
  throw new InputError([{ file, line: 1, column: 1, field: '', message: `no sheet has a header row naming coprod's columns (sheets: ${listed})`, expected: 'a row of column names such as Activity, Date, Notes, Say', help: 'put the column names in one row above the activities, or name the sheet with --sheet' }]);
}

type Value = import('exceljs').CellValue;

/** A cell's value as the text a person sees in it: a formula's saved result, a date as YYYY-MM-DD. */
export function cellText(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('hyperlink' in value) return cellText(value.text as Value);
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: Value }).result);
  return '';
}

/** Excel keeps dates as days without a time zone: exceljs gives them as UTC. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
