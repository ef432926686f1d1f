/**
 * The crosswalk: for each `say` value, the rung each ladder gives an activity with
 * that say: the least it could be (only `say` known) and, where other facts could
 * lift it (TLAP's co-production, Hart's child-initiated rungs), the most it could be.
 */
import type { Ladder, Rung } from '../model/ladder.js';
import { unmetParts, type FactLookup } from '../model/condition.js';
import { atomAction } from './next-step.js';
import { SAY_VALUES, type FactValue } from '../model/facts-model.js';
import { place } from './place.js';
import type { EffectiveFacts } from '../model/rules.js';

export interface CrosswalkCell {
  least: Rung | null;
  /** Set when other facts can place it higher than `least`. */
  most?: Rung;
  /** Facts (other than say) that make the difference. */
  dependsOn: string[];
  /** What the higher rung asks beyond `say`, as actions. */
  needs: string[];
}

export interface CrosswalkRow {
  say: string;
  cells: Map<string, CrosswalkCell>;
}

function facts(values: ReadonlyMap<string, FactValue>): EffectiveFacts {
  const lookup: FactLookup = (n) => values.get(n);
  return { lookup, rawLookup: lookup, capped: false, coerced: false };
}

/** Every combination of the ladder's other facts worth trying, generous where there is no choice. */
function combinations(ladder: Ladder, say: string): Map<string, FactValue>[] {
  let combos: Map<string, FactValue>[] = [new Map([['say', say]])];
  for (const fact of ladder.facts.values()) {
    if (fact.name === 'say') continue;
    let options: FactValue[];
    if (fact.kind === 'boolean') options = [true];
    else if (fact.kind === 'set') options = [[...fact.values]];
    else options = [...fact.values];
    const next: Map<string, FactValue>[] = [];
    for (const combo of combos) for (const option of options) next.push(new Map([...combo, [fact.name, option]]));
    combos = next.length > 256 ? next.slice(0, 256) : next;
  }
  return combos;
}

export function crosswalk(ladders: readonly Ladder[]): CrosswalkRow[] {
  return SAY_VALUES.map((say) => {
    const cells = new Map<string, CrosswalkCell>();
    for (const ladder of ladders) {
      const sayOnly = facts(new Map([['say', say]]));
      const least = place(ladder, sayOnly);
      let best = least;
      for (const combo of combinations(ladder, say)) {
        const p = place(ladder, facts(combo));
        if (p.index > best.index) best = p;
      }
      const cell: CrosswalkCell = { least: least.rung, dependsOn: [], needs: [] };
      if (best.rung && best.index > least.index) {
        cell.most = best.rung;
        // what it asks of a typical (service-level) activity
        const typical = facts(new Map<string, FactValue>([['say', say], ['level', 'service']])).lookup;
        const parts = unmetParts(best.rung.condition, typical);
        cell.dependsOn = [...new Set(parts.map((p) => p.atom.fact.name))];
        cell.needs = [...new Set(parts.map((p) => p.action ?? atomAction(p.atom, typical(p.atom.fact.name))))];
      }
      cells.set(ladder.id, cell);
    }
    return { say, cells };
  });
}
