/**
 * Writes an Excel workbook (.xlsx) from sheets given as data: a bold, frozen header row,
 * column widths, drop-down lists (Excel's data validation) for columns with fixed values,
 * and plain-text notes. Text is escaped as in every output; a cell is always written as
 * text or a number, never as a formula, and text a spreadsheet would take for one when
 * edited (= + - @) gets the Text number format, so it stays text. exceljs is loaded only here.
 */
import { importEsm } from '../input/import-esm.js';
import { looksLikeFormula } from '../text/csv-cell.js';
import { safeBlock } from '../text/terminal-text.js';
import { columnLetters } from '../input/problem.js';

export type CellData = string | number | Date | null;

export interface SheetData {
  name: string;
  /** Rows above the header (a title, whose log it is). */
  preamble?: readonly (readonly CellData[])[];
  header: readonly string[];
  rows: readonly (readonly CellData[])[];
  /** Width of each column, in characters. */
  widths?: readonly number[];
  /** Drop-down lists: the column (0-based), its choices, and a plain-words prompt. */
  choices?: ReadonlyArray<{ column: number; values: readonly string[]; prompt?: string; multiple?: boolean }>;
  /** Rows the drop-down lists cover, below the header (default 500). */
  choiceRows?: number;
}

export async function workbookBytes(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const ExcelJS = (await importEsm<{ default: typeof import('exceljs') }>('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'coprod';
  for (const sheet of sheets) {
    const headerRow = (sheet.preamble?.length ?? 0) + 1;
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: headerRow }] });
    for (const row of sheet.preamble ?? []) ws.addRow(row.map((cell) => (typeof cell === 'string' ? safeBlock(cell) : cell)));
    ws.addRow(sheet.header.map((h) => safeBlock(h)));
    ws.getRow(headerRow).font = { bold: true };
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((cell) => (typeof cell === 'string' ? safeBlock(cell) : cell)));
      added.eachCell((cell) => {
        // a text cell is never worked out; the Text format keeps it so when someone edits it
        if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    }
    sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const last = (sheet.choiceRows ?? 500) + headerRow;
    for (const choice of sheet.choices ?? []) {
      const letters = columnLetters(choice.column + 1);
      for (let r = headerRow + 1; r <= Math.max(last, sheet.rows.length + headerRow); r++) {
        ws.getCell(`${letters}${r}`).dataValidation = {
          type: 'list',
          // a list of several values (stages) cannot be one pick: then the list only suggests
          allowBlank: true,
          formulae: [`"${choice.values.join(',')}"`],
          showErrorMessage: !choice.multiple,
          errorStyle: 'stop',
          errorTitle: 'Not one of the choices',
          error: `Pick one of: ${choice.values.join(', ')}`,
          showInputMessage: Boolean(choice.prompt),
          ...(choice.prompt ? { prompt: choice.prompt } : {}),
        };
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Excel's rules for a sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return safeBlock(name).replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}
