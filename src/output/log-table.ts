/**
 * A log as a table, the way table-log.ts reads one back: "Service" and "Ladder" rows
 * above the header when the log names them, then a header row (coprod's own headers,
 * table-columns.ts) and one row per activity. Yes/No for true/false, lists joined with
 * "; ", a field of `support` in its own column, dates as ISO text (or, in a workbook,
 * as date cells). Used by `coprod convert` and `coprod init --format xlsx`.
 */
import { COLUMNS, DATE_FIELDS, headerOf, NESTED_FIELDS } from '../input/table-columns.js';
import type { CellData } from './workbook.js';

export interface LogTable {
  preamble: CellData[][];
  header: string[];
  /** The field each column holds (`support.notice_days`, `x-room`). */
  fields: string[];
  rows: CellData[][];
}

type Item = Record<string, unknown>;

/** `columns`: these fields, in this order, whether or not an activity has them (a starter sheet's). */
export function logTable(log: { service?: unknown; ladder?: unknown; groups?: unknown; activities: readonly unknown[] }, dates: 'text' | 'cells' = 'text', columns?: readonly string[]): LogTable {
  const preamble: CellData[][] = [];
  if (typeof log.service === 'string') preamble.push(['Service', log.service]);
  if (typeof log.ladder === 'string') preamble.push(['Ladder', log.ladder]);
  if (Array.isArray(log.groups) && log.groups.length) preamble.push(['Groups', log.groups.map(String).join('; ')]);
  if (preamble.length) preamble.push([]);
  const items = log.activities.filter((a): a is Item => typeof a === 'object' && a !== null && !Array.isArray(a));
  // coprod's fields in their order, then the rest in the order first met
  const present = new Set(items.flatMap(columnsOf));
  const known = Object.keys(COLUMNS).filter((f) => present.has(f));
  const fields = columns ? [...columns] : [...known, ...[...present].filter((f) => !known.includes(f))];
  const rows = items.map((item) =>
    fields.map((field) => {
      return cellOf(field, fieldValue(item, field), dates);
    }),
  );
  return { preamble, header: fields.map(headerOf), fields, rows };
}

/** A field's value as a cell: Yes/No, a list joined with "; ", a date as ISO text or a date cell. */
export function cellOf(field: string, value: unknown, dates: 'text' | 'cells'): CellData {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (value instanceof Date) return dates === 'cells' ? value : value.toISOString().slice(0, 10);
  if (DATE_FIELDS.includes(field) && dates === 'cells' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An activity's value for a column's field: `support.notice_days` looks inside `support`. */
export function fieldValue(item: Readonly<Record<string, unknown>>, field: string): unknown {
  const [outer, inner] = field.split('.') as [string, string | undefined];
  return inner === undefined ? item[field] : (item[outer] as Record<string, unknown> | undefined)?.[inner];
}

/** The fields an activity has, as columns: a field of `support` as its own. */
export function columnsOf(item: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(item).flatMap(([key, value]) => (NESTED_FIELDS.includes(key) && typeof value === 'object' && value && !Array.isArray(value) ? Object.keys(value).map((k) => `${key}.${k}`) : [key]));
}
