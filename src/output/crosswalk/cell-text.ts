/** Words shared by the crosswalk's formats: a cell as text, and the notes on rungs other facts lift. */
import type { CrosswalkCell, CrosswalkRow } from '../../assess/crosswalk.js';
import type { Ladder } from '../../model/ladder.js';

/** Crosswalk rows for the ladders they were worked out on. */
export interface CrosswalkShown {
  ladders: readonly Ladder[];
  rows: readonly CrosswalkRow[];
}

export function cellText(cell: CrosswalkCell): string {
  if (!cell.least && !cell.most) return '—';
  const least = cell.least?.id ?? 'unclassified';
  return cell.most ? `${least} or ${cell.most.id}*` : least;
}

/** For each ladder with starred rungs: the rungs, and what else they need. */
export function liftNotes({ ladders, rows }: CrosswalkShown): string[] {
  return ladders.flatMap((l) => {
    const lifted = rows.map((r) => r.cells.get(l.id)!).filter((c) => c.most);
    if (!lifted.length) return [];
    const rungs = [...new Set(lifted.map((c) => c.most!.id))].join(', ');
    const needs = [...new Set(lifted.flatMap((c) => c.needs))].join('; ');
    return [`* ${l.id}: ${rungs} only when, as well: ${needs}`];
  });
}
