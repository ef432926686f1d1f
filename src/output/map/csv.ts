/** `coprod map --format csv`: one row per activity, RFC 4180 with CRLF, formulas neutralised. */
import { stringify } from 'csv-stringify/sync';
import type { MapResult } from '../../assess/map-log.js';
import { csvSafe } from '../../text/csv-cell.js';
import { basisOf } from '../describe.js';

export function formatCsv(result: MapResult): string {
  const ladders = result.ladders;
  const primary = ladders[0]!;
  const header = [
    'file',
    'line',
    'id',
    'name',
    'level',
    'date',
    ...ladders.flatMap((l) => [`${l.id}_rung`, `${l.id}_index`, `${l.id}_band`]),
    'basis',
    'flags',
    'next_rung',
    'next_steps',
  ];
  const rows: (string | number)[][] = [header];
  for (const r of result.results) {
    const next = r.next.get(primary.id);
    rows.push([
      csvSafe(r.activity.source.file),
      r.activity.source.line,
      csvSafe(r.activity.id),
      csvSafe(r.activity.name),
      String(r.resolved.findings.get('level')?.value ?? 'service'),
      r.activity.date ?? '',
      ...ladders.flatMap((l) => {
        const p = r.placements.get(l.id)!;
        return [p.rung?.id ?? 'unclassified', p.index, p.band?.id ?? ''];
      }),
      basisOf(r),
      r.flags.map((f) => f.id).join(';'),
      next?.rung ?? '',
      csvSafe((next?.steps ?? []).join(' | ')),
    ]);
  }
  return stringify(rows, { record_delimiter: 'windows' });
}
