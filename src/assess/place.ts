/**
 * Places an activity on a ladder: the highest rung whose condition holds, with the
 * every-ladder rules applied. A rung whose condition cannot be settled (a fact is
 * missing) is never assumed; the facts that could lift the activity are returned.
 */
import { collectAtoms, truthOf } from '../model/condition.js';
import type { Band, Ladder, Rung } from '../model/ladder.js';
import type { EffectiveFacts } from '../model/rules.js';

export interface Placement {
  ladder: Ladder;
  /** null when unclassified. */
  rung: Rung | null;
  /** 1-based; 0 when unclassified. */
  index: number;
  band: Band | null;
  /** Set when a rule, not a rung's condition, decided the rung. */
  forcedBy?: 'voluntary';
  /** Missing facts that could place it higher (or place it at all). */
  missing: string[];
}

export function place(ladder: Ladder, facts: EffectiveFacts): Placement {
  const bottom = ladder.rungs[0]!;
  if (facts.coerced) return { ladder, rung: bottom, index: 1, band: bottom.band, forcedBy: 'voluntary', missing: [] };
  let missing: Set<string> | undefined;
  for (let i = ladder.rungs.length - 1; i >= 0; i--) {
    const rung = ladder.rungs[i]!;
    const result = truthOf(rung.condition, facts.lookup);
    if (result === true) return { ladder, rung, index: rung.index, band: rung.band, missing: missing ? [...missing] : [] };
    if (result === undefined) {
      for (const atom of collectAtoms(rung.condition)) {
        if (facts.lookup(atom.fact.name) === undefined) (missing ??= new Set()).add(atom.fact.name);
      }
    }
  }
  return { ladder, rung: null, index: 0, band: null, missing: missing ? [...missing] : [] };
}
