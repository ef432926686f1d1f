/** `coprod map --format xlsx`: a workbook of two sheets, the activities (as the CSV has them) and a summary per ladder. */
import type { MapResult } from '../../assess/map-log.js';
import { workbookBytes, type CellData } from '../workbook.js';
import { mapRows } from './rows.js';

export function formatXlsx(result: MapResult): Promise<Uint8Array> {
  const { header, rows } = mapRows(result);
  const total = result.summary.total;
  const summary: CellData[][] = [];
  for (const s of result.summary.ladders) {
    for (const rung of [...s.ladder.rungs].reverse()) {
      const n = s.counts.get(rung.id) ?? 0;
      summary.push([s.ladder.id, rung.name, rung.band.name, n, total ? Math.round((n / total) * 1000) / 10 : 0]);
    }
    const unclassified = s.counts.get('unclassified') ?? 0;
    if (unclassified) summary.push([s.ladder.id, 'unclassified', '', unclassified, Math.round((unclassified / total) * 1000) / 10]);
  }
  for (const [id, n] of result.summary.flags) if (n > 0) summary.push(['flag', id, '', n, total ? Math.round((n / total) * 1000) / 10 : 0]);
  return workbookBytes([
    { name: 'Activities', header, rows, widths: header.map((h) => (h === 'name' || h === 'next_steps' ? 40 : Math.max(10, h.length + 2))) },
    { name: 'Summary', header: ['ladder', 'rung', 'band', 'activities', 'share %'], rows: summary, widths: [12, 24, 20, 12, 10] },
  ]);
}
