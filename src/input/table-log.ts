/**
 * A log kept as a table (a CSV file or a workbook's sheet; PRODUCT.md §1, Spreadsheets)
 * as the same document a YAML log is: the header row (found under a title row or two)
 * names the fields, matched without regard to case, spaces or punctuation and with the
 * aliases people type ("Activity", "Who took part", "Before the decision?"); one row per
 * activity; Yes/No for true/false; UK dates (14/03/2026) as ISO dates; lists split on `;`
 * or `,`; blank rows skipped. A header that nearly names a field is an error with a "did
 * you mean"; other columns are kept as `x-` fields. Every value is placed at its row and
 * column (`log.csv:7:3`, or `log.xlsx:Sheet1!C7`), and problems name the column by its
 * header. The readers of each format only turn their file into rows of cell text.
 */
import { BOOLEAN_SYNONYMS, CORE_FACTS, type FactDefinition } from '../model/facts-model.js';
import { LineIndex } from './line-index.js';
import { InputError, type Diagnostic, type Position } from './problem.js';
import type { SourceText } from './read-source.js';
import { nodeKey, type YamlDocument } from './yaml-source.js';
import { didYouMean } from '../text/did-you-mean.js';
import { isRealDate, LIST_FIELDS } from './activity-schema.js';
import { quoteValue } from '../text/terminal-text.js';
import { COLUMNS as HEADERS, DATE_FIELDS, NESTED_LIST_FIELDS, normHeader as norm, NUMBER_FIELDS, YES_NO_FIELDS } from './table-columns.js';

/** One row of the table: its cells' text and its number (the line in a CSV file, the row in a sheet). */
export interface TableRow {
  cells: string[];
  line: number;
}

/** A position the document's line index turns back into row and column. */
class CellIndex extends LineIndex {
  constructor(private readonly sheet: string | undefined) {
    super('');
  }
  override position(at: number): Position {
    const place: Position = { line: Math.floor(at / COLUMN_SPAN), column: (at % COLUMN_SPAN) + 1 };
    if (this.sheet !== undefined) place.sheet = this.sheet;
    return place;
  }
}
const COLUMN_SPAN = 1 << 14;
const cellAt = (line: number, column: number): number => line * COLUMN_SPAN + column;

export interface TableLog {
  doc: YamlDocument;
  /** Columns no field of coprod's, kept as fields of the user's own: header and field. */
  kept: Array<{ header: string; field: string }>;
  /** Field paths (`activities[2].say`) as the person reads them: `"Say" (row 4)`. */
  shownField(field: string): string;
  /** The header row: its number, its cells, and the field each column holds (none for an empty or refused header). */
  header: { line: number; cells: string[]; fields: Array<string | undefined> };
  /** The sheet read, in a workbook. */
  sheet?: string;
  /** The same rows read again knowing a ladder's own facts, so that a column can name one ("Paid role"). */
  withFacts(extraFacts: readonly FactDefinition[]): TableLog;
}

function fieldTable(extraFacts: readonly FactDefinition[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const [field, aliases] of Object.entries(HEADERS)) for (const a of [field, ...aliases]) table.set(norm(a), field);
  for (const f of [...CORE_FACTS, ...extraFacts]) if (!table.has(norm(f.name))) table.set(norm(f.name), f.name);
  return table;
}

/** The table's rows as a log. `sheet`: the workbook sheet the rows come from, which every place then names. */
export function readTableLog(rows: readonly TableRow[], source: SourceText, extraFacts: readonly FactDefinition[] = [], sheet?: string): TableLog {
  const table = fieldTable(extraFacts);
  const headerAt = headerRowOf(rows, table);
  if (headerAt < 0) {
    throw new InputError([{ file: source.name, ...(sheet === undefined ? {} : { sheet }), line: 1, column: 1, field: '', message: 'no header row: none of the first 10 rows names the columns', expected: 'a row of column names such as Activity, Date, Notes, Say', help: 'put the column names in one row above the activities' }]);
  }
  const header = rows[headerAt]!;
  const problems: Diagnostic[] = [];
  const fields: Array<string | undefined> = header.cells.map((cell, c) => {
    if (!cell) return undefined;
    const field = table.get(norm(cell));
    if (field) return field;
    const near = didYouMean(norm(cell), [...table.keys()]);
    if (near && norm(cell).length > 3) {
      problems.push({ file: source.name, ...(sheet === undefined ? {} : { sheet }), line: header.line, column: c + 1, field: '', message: `the column ${quoteValue(cell)} is not a field coprod knows`, expected: 'a field such as Activity, Date, Notes, Who took part, Say, Stages', help: `did you mean "${table.get(near)}"? Or start the column name with "x-" to keep it as your own` });
      return undefined;
    }
    // a column named as a field of the user's own keeps its name; any other gets one
    if (/^x-[A-Za-z0-9_-]+$/.test(cell)) return cell;
    return `x-${norm(cell) || `column-${c + 1}`}`;
  });
  const seen = new Map<string, number>();
  fields.forEach((f, c) => {
    if (!f) return;
    if (seen.has(f)) problems.push({ file: source.name, ...(sheet === undefined ? {} : { sheet }), line: header.line, column: c + 1, field: '', message: `two columns are both ${quoteValue(f)}: ${quoteValue(header.cells[seen.get(f)!]!)} and ${quoteValue(header.cells[c]!)}`, expected: 'one column per field' });
    else seen.set(f, c);
  });
  if (problems.length) throw new InputError(problems);

  const facts = new Map([...CORE_FACTS, ...extraFacts].map((f) => [f.name, f]));
  const nodes = new Map<string, number>();
  const activities: Array<Record<string, unknown>> = [];
  const rowOf: number[] = [];
  const itemOffsets: number[] = [];
  for (const row of rows.slice(headerAt + 1)) {
    if (row.cells.every((c) => c === '')) continue; // blank rows
    const i = activities.length;
    const item: Record<string, unknown> = {};
    row.cells.forEach((cell, c) => {
      const field = fields[c];
      if (!field || cell === '') return;
      const fact = facts.get(YES_NO_FIELDS.includes(field) ? 'before_decision' : field);
      // a field of support: its own column, a field of the nested object inside
      const [outer, inner] = field.split('.') as [string, string | undefined];
      if (inner === undefined) item[field] = cellValue(field, cell, fact, sheet !== undefined);
      else {
        const nested = (item[outer] ??= {}) as Record<string, unknown>;
        nested[inner] = cellValue(field, cell, fact, sheet !== undefined);
        if (!nodes.has(nodeKey(['activities', i, outer]))) nodes.set(nodeKey(['activities', i, outer]), cellAt(row.line, c));
      }
      nodes.set(nodeKey(['activities', i, ...field.split('.')]), cellAt(row.line, c));
    });
    nodes.set(nodeKey(['activities', i]), cellAt(row.line, 0));
    itemOffsets.push(cellAt(row.line, 0));
    activities.push(item);
    rowOf.push(row.line);
  }
  nodes.set(nodeKey(['activities']), cellAt(header.line, 0));
  // rows above the header may say whose log it is, its ladder and the groups it serves: "Service | Oakwood"
  const value: Record<string, unknown> = {};
  for (const row of rows.slice(0, headerAt)) {
    const key = norm(row.cells[0] ?? '');
    if ((key === 'service' || key === 'ladder' || key === 'groups') && row.cells[1]) {
      value[key] = key === 'groups' ? row.cells[1].split(/[;,]/).map((g) => g.trim()).filter(Boolean) : row.cells[1];
      nodes.set(nodeKey([key]), cellAt(row.line, 1));
    }
  }
  value.activities = activities;
  const headerOf = new Map<string, string>();
  fields.forEach((f, c) => f && headerOf.set(f, header.cells[c]!));
  const doc: YamlDocument = { source, value, itemOffsets, lines: new CellIndex(sheet), positions: { nodes, keys: new Map() } };
  return {
    doc,
    header: { line: header.line, cells: header.cells, fields },
    withFacts: (facts) => readTableLog(rows, source, facts, sheet),
    ...(sheet === undefined ? {} : { sheet }),
    kept: fields.flatMap((f, c) => (f?.startsWith('x-') && f !== header.cells[c] ? [{ header: header.cells[c]!, field: f }] : [])),
    shownField(field: string): string {
      const m = /^activities\[(\d+)\]\.?([^.[]*)(.*)$/.exec(field);
      if (!m) return field;
      const name = m[2] ? headerOf.get(m[2]) ?? m[2] : 'the row';
      // a workbook's place names the row already (Sheet1!C7)
      if (sheet === undefined) return `"${name}" (row ${rowOf[Number(m[1])] ?? '?'})`;
      return m[2] ? `"${name}"` : name;
    },
  };
}

/** Whether some row among the first ten names coprod's columns (how a workbook's sheet is chosen). */
export function hasHeaderRow(rows: readonly TableRow[], extraFacts: readonly FactDefinition[] = []): boolean {
  return headerRowOf(rows, fieldTable(extraFacts)) >= 0;
}

/** The index of the header row: the first of ten that names two fields, or the activity's name. */
function headerRowOf(rows: readonly TableRow[], table: Map<string, string>): number {
  return rows.slice(0, 10).findIndex((r) => r.cells.filter((c) => table.has(norm(c))).length >= 2 || r.cells.some((c) => table.get(norm(c)) === 'name'));
}

/** A cell as the field wants it: true/false from the fact's own words (Yes/No, Y/N), an ISO date from a UK one (or a workbook's day number), a list split on ; or ,. */
function cellValue(field: string, typed: string, fact: FactDefinition | undefined, workbook: boolean): unknown {
  // the apostrophe a spreadsheet (and coprod's own CSV) puts before text that looks like a formula
  const cell = /^'[=+\-@]/.test(typed) ? typed.slice(1) : typed;
  if (fact?.kind === 'boolean') {
    const v = cell.toLowerCase();
    const word = fact.values.includes(v) ? v : (fact.synonyms?.[v] ?? BOOLEAN_SYNONYMS[v]);
    return word === 'true' ? true : word === 'false' ? false : cell;
  }
  if (DATE_FIELDS.includes(field)) {
    // a workbook's date cell saved without a date format: a day number, counted from 30/12/1899 as Excel counts
    if (workbook && /^\d{3,6}$/.test(cell)) return new Date(Date.UTC(1899, 11, 30) + Number(cell) * 86_400_000).toISOString().slice(0, 10);
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : cell;
    // a day the calendar lacks is reported as it was typed
    return isRealDate(iso) ? iso : cell;
  }
  if ((LIST_FIELDS as readonly string[]).includes(field) || NESTED_LIST_FIELDS.includes(field) || fact?.kind === 'set') return cell.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  if (NUMBER_FIELDS.includes(field) && /^\d+$/.test(cell)) return Number(cell);
  return cell;
}
