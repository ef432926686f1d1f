/** `coprod map --format csv`: one row per activity, RFC 4180 with CRLF, formulas neutralised. */
import { stringify } from 'csv-stringify/sync';
import type { MapResult } from '../../assess/map-log.js';
import { csvSafe } from '../../text/csv-cell.js';
import { mapRows } from './rows.js';

export function formatCsv(result: MapResult): string {
  const { header, rows } = mapRows(result);
  return stringify([header, ...rows.map((row) => row.map((cell) => (typeof cell === 'string' ? csvSafe(cell) : cell)))], { record_delimiter: 'windows' });
}
