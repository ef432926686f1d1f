/** The rows of `map --format csv` and `--format xlsx`: one per activity, its rung on each ladder, flags and next step. Plain values; each format escapes them its own way. */
import type { MapResult } from '../../assess/map-log.js';
import { basisOf } from '../describe.js';

export function mapRows(result: MapResult): { header: string[]; rows: (string | number)[][] } {
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
  const rows = result.results.map((r) => {
    const next = r.next.get(primary.id);
    return [
      r.activity.source.file,
      r.activity.source.line,
      r.activity.id,
      r.activity.name,
      String(r.resolved.findings.get('level')?.value ?? 'service'),
      r.activity.date ?? '',
      ...ladders.flatMap((l) => {
        const p = r.placements.get(l.id)!;
        return [p.rung?.id ?? 'unclassified', p.index, p.band?.id ?? ''];
      }),
      basisOf(r),
      r.flags.map((f) => f.id).join(';'),
      next?.rung ?? '',
      (next?.steps ?? []).join(' | '),
    ];
  });
  return { header, rows };
}
