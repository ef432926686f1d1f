/**
 * A CSV involvement log (PRODUCT.md §1, Spreadsheets) as the same document a YAML log
 * is: the header row (found under a title row or two) names the fields, matched without
 * regard to case, spaces or punctuation and with the aliases people type ("Activity",
 * "Who took part", "Before the decision?"); one row per activity; Yes/No for true/false;
 * UK dates (14/03/2026) as ISO dates; lists split on `;` or `,`; blank rows skipped. A
 * header that nearly names a field is an error with a "did you mean"; other columns are
 * kept as `x-` fields. Every value is placed at its row and column (`log.csv:7:3`), and
 * problems name the column by its header. Parsed by csv-parse.
 */
import { CORE_FACTS, type FactDefinition } from '../model/facts-model.js';
import { LineIndex } from './line-index.js';
import { InputError, type Diagnostic, type Position } from './problem.js';
import type { SourceText } from './read-source.js';
import { nodeKey, type YamlDocument } from './yaml-source.js';
import { didYouMean } from '../text/did-you-mean.js';
import { isRealDate, LIST_FIELDS } from './activity-schema.js';
import { quoteValue } from '../text/terminal-text.js';

/** Header aliases, written as a person would; compared normalised (see `norm`). */
const ALIASES: Record<string, readonly string[]> = {
  name: ['name', 'activity', 'activity name', 'title', 'event'],
  id: ['id', 'ref', 'reference'],
  date: ['date', 'when', 'date of activity'],
  description: ['description', 'notes', 'details', 'summary', 'what happened'],
  participants: ['participants', 'who took part', 'who', 'attendees', 'people involved'],
  methods: ['methods', 'method', 'how'],
  level: ['level'],
  say: ['say', 'what say', 'say they had'],
  stages: ['stages', 'stage'],
  before_decision: ['before decision', 'before the decision', 'before the decision?', 'involved before the decision'],
  feedback_given: ['feedback given', 'feedback given?', 'told what changed', 'you said we did'],
  voluntary: ['voluntary', 'chose to take part'],
  initiated_by: ['initiated by', 'who started it'],
  target: ['target', 'target rung'],
  claimed: ['claimed', 'claimed rung'],
  participant_view: ['participant view', 'participants view'],
  evidence: ['evidence'],
};

/** Lower case, letters and digits only: "Before the decision?" and "before_decision" are one header. */
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** A position the document's line index turns back into row and column. */
class CellIndex extends LineIndex {
  constructor() {
    super('');
  }
  override position(at: number): Position {
    return { line: Math.floor(at / COLUMNS), column: (at % COLUMNS) + 1 };
  }
}
const COLUMNS = 1 << 14;
const cellAt = (line: number, column: number): number => line * COLUMNS + column;

export interface CsvLog {
  doc: YamlDocument;
  /** Columns no field of coprod's, kept as fields of the user's own: header and field. */
  kept: Array<{ header: string; field: string }>;
  /** Field paths (`activities[2].say`) as the person reads them: `"Say" (row 4)`. */
  shownField(field: string): string;
}

function fieldTable(extraFacts: readonly FactDefinition[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const [field, aliases] of Object.entries(ALIASES)) for (const a of [field, ...aliases]) table.set(norm(a), field);
  for (const f of [...CORE_FACTS, ...extraFacts]) if (!table.has(norm(f.name))) table.set(norm(f.name), f.name);
  return table;
}

export async function readCsvLog(source: SourceText, extraFacts: readonly FactDefinition[] = []): Promise<CsvLog> {
  // loaded only when a CSV log is read
  const { parse } = await import('csv-parse/sync');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(source.text, { info: true, relax_column_count: true, skip_empty_lines: false, relax_quotes: false, delimiter: delimiterOf(source.text) }) as never;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    throw new InputError([{ file: source.name, line: e.lines ?? 1, column: 1, field: '', message: `not valid CSV: ${(e.message ?? '').replace(/^Invalid [^:]*: /, '').slice(0, 200)}`, help: 'save the sheet again as "CSV UTF-8", or check the quotes on that line' }]);
  }
  // each record's first line: one after the line the previous one ended on
  const rows = records.map((r, i) => ({ cells: r.record.map((c) => c.trim()), line: i === 0 ? 1 : records[i - 1]!.info.lines + 1 }));
  const table = fieldTable(extraFacts);
  const headerAt = rows.slice(0, 10).findIndex((r) => r.cells.filter((c) => table.has(norm(c))).length >= 2 || r.cells.some((c) => table.get(norm(c)) === 'name'));
  if (headerAt < 0) {
    throw new InputError([{ file: source.name, line: 1, column: 1, field: '', message: 'no header row: none of the first 10 rows names the columns', expected: 'a row of column names such as Activity, Date, Notes, Say', help: 'put the column names in one row above the activities' }]);
  }
  const header = rows[headerAt]!;
  const problems: Diagnostic[] = [];
  const fields: Array<string | undefined> = header.cells.map((cell, c) => {
    if (!cell) return undefined;
    const field = table.get(norm(cell));
    if (field) return field;
    const near = didYouMean(norm(cell), [...table.keys()]);
    if (near && norm(cell).length > 3) {
      problems.push({ file: source.name, line: header.line, column: c + 1, field: '', message: `the column ${quoteValue(cell)} is not a field coprod knows`, expected: 'a field such as Activity, Date, Notes, Who took part, Say, Stages', help: `did you mean "${table.get(near)}"? Or start the column name with "x-" to keep it as your own` });
      return undefined;
    }
    return `x-${norm(cell) || `column-${c + 1}`}`;
  });
  const seen = new Map<string, number>();
  fields.forEach((f, c) => {
    if (!f) return;
    if (seen.has(f)) problems.push({ file: source.name, line: header.line, column: c + 1, field: '', message: `two columns are both ${quoteValue(f)}: ${quoteValue(header.cells[seen.get(f)!]!)} and ${quoteValue(header.cells[c]!)}`, expected: 'one column per field' });
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
      item[field] = cellValue(field, cell, facts.get(field));
      nodes.set(nodeKey(['activities', i, field]), cellAt(row.line, c));
    });
    nodes.set(nodeKey(['activities', i]), cellAt(row.line, 0));
    itemOffsets.push(cellAt(row.line, 0));
    activities.push(item);
    rowOf.push(row.line);
  }
  nodes.set(nodeKey(['activities']), cellAt(header.line, 0));
  const headerOf = new Map<string, string>();
  fields.forEach((f, c) => f && headerOf.set(f, header.cells[c]!));
  const doc: YamlDocument = { source, value: { activities }, itemOffsets, lines: new CellIndex(), positions: { nodes, keys: new Map() } };
  return {
    doc,
    kept: fields.flatMap((f, c) => (f?.startsWith('x-') && !norm(header.cells[c]!).startsWith('x') ? [{ header: header.cells[c]!, field: f }] : [])),
    shownField(field: string): string {
      const m = /^activities\[(\d+)\]\.?([^.[]*)(.*)$/.exec(field);
      if (!m) return field;
      const name = m[2] ? headerOf.get(m[2]) ?? m[2] : 'the row';
      return `"${name}" (row ${rowOf[Number(m[1])] ?? '?'})`;
    },
  };
}

/** A cell as the field wants it: true/false from the fact's own words (Yes/No, Y/N), an ISO date from a UK one, a list split on ; or ,. */
function cellValue(field: string, cell: string, fact: FactDefinition | undefined): unknown {
  if (fact?.kind === 'boolean') {
    const v = cell.toLowerCase();
    const word = fact.values.includes(v) ? v : fact.synonyms?.[v];
    return word === 'true' ? true : word === 'false' ? false : cell;
  }
  if (field === 'date') {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : cell;
    // a day the calendar lacks is reported as it was typed
    return isRealDate(iso) ? iso : cell;
  }
  if ((LIST_FIELDS as readonly string[]).includes(field) || fact?.kind === 'set') return cell.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  return cell;
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
