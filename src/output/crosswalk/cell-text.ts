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

/** One note per starred rung: the ladder, the rung, and what it asks beyond `say`. */
export interface LiftNote {
  ladder: string;
  rung: string;
  needs: string[];
}

export function liftNotes({ ladders, rows }: CrosswalkShown): LiftNote[] {
  return ladders.flatMap((l) => {
    const byRung = new Map<string, Set<string>>();
    for (const r of rows) {
      const c = r.cells.get(l.id)!;
      if (!c.most) continue;
      const needs = byRung.get(c.most.id) ?? new Set<string>();
      for (const n of c.needs) needs.add(n);
      byRung.set(c.most.id, needs);
    }
    return [...byRung].map(([rung, needs]) => ({ ladder: l.id, rung, needs: [...needs] }));
  });
}

/** A note as one sentence: "* tlap co-production only if, as well: …; …". */
export function noteText(note: LiftNote): string {
  return `* ${note.ladder} ${note.rung} only if, as well: ${note.needs.join('; ')}`;
}
