/**
 * A key for "the same facts, as far as a ladder can tell": the recorded (raw) values of
 * every fact the ladder's conditions read, and of the facts the every-ladder rules read
 * (say, before_decision, voluntary). Activities with the same key stand on the same
 * rung with the same next step, so a run works each out once per key. Values are
 * written with their length, so no value can be mistaken for two.
 */
import { collectAtoms, type FactLookup } from '../ladders/condition.js';
import type { Ladder } from '../ladders/ladder.js';

const RULE_FACTS = ['say', 'before_decision', 'voluntary'];
const namesOf = new WeakMap<Ladder, readonly string[]>();

/** The facts a ladder's placement and next steps can depend on. */
export function ladderFactNames(ladder: Ladder): readonly string[] {
  let names = namesOf.get(ladder);
  if (!names) {
    const set = new Set(RULE_FACTS);
    for (const rung of ladder.rungs) for (const atom of collectAtoms(rung.condition)) set.add(atom.fact.name);
    names = [...set];
    namesOf.set(ladder, names);
  }
  return names;
}

export function factsKey(names: readonly string[], rawLookup: FactLookup): string {
  let key = '';
  for (let i = 0; i < names.length; i++) {
    const v = rawLookup(names[i]!);
    if (v === undefined) key += '-';
    else if (v === true) key += 'T';
    else if (v === false) key += 'F';
    else if (typeof v === 'string') key += `s${v.length}:${v}`;
    else {
      key += `a${v.length}:`;
      for (const x of v) key += `${x.length}:${x}`;
    }
  }
  return key;
}
