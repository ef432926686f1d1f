/**
 * The questions of `coprod ask`, from the facts model and the chosen ladder's own extra
 * facts, in a fixed order. A question is asked only if some answer to it could change
 * the result (the rung on the chosen ladder, or a flag), given the answers so far: so
 * nobody is asked about stages when nobody was heard.
 */
import { CORE_FACTS, type FactDefinition, type FactValue } from '../model/facts-model.js';
import type { ActivityResult } from '../assess/assess-activity.js';
import type { Ladder } from '../model/ladder.js';
import type { Entry } from './append.js';

const ORDER = ['say', 'before_decision', 'voluntary', 'stages', 'feedback_given', 'initiated_by'];

/** The fact questions, core first in a fixed order, then each ladder's extra facts. */
export function factQuestions(ladders: readonly Ladder[]): FactDefinition[] {
  const core = ORDER.map((name) => CORE_FACTS.find((f) => f.name === name)!);
  const extra: FactDefinition[] = [];
  for (const l of ladders) for (const f of l.extraFacts) if (!extra.some((x) => x.name === f.name)) extra.push(f);
  return [...core, ...extra];
}

/** Every answer a question allows, "not sure" (undefined) included. */
export function candidateValues(fact: FactDefinition): Array<FactValue | undefined> {
  switch (fact.kind) {
    case 'boolean':
      return [undefined, true, false];
    case 'set': {
      const subsets: string[][] = [[]];
      for (const v of fact.values) for (const s of [...subsets]) subsets.push([...s, v]);
      return [undefined, ...subsets];
    }
    default:
      return [undefined, ...fact.values];
  }
}

/** What a person would see change: the rung on the chosen ladder, and the flags. */
export function outcome(result: ActivityResult, ladderId: string): string {
  const rung = result.placements.get(ladderId)?.index ?? 0;
  const flags = result.flags.map((f) => f.id).sort().join(',');
  return `${rung}|${flags}`;
}

/** Whether any answer to `fact` could change the outcome on `ladderId`, given the answers in `entry`. */
export function matters(fact: FactDefinition, entry: Entry, ladderId: string, judge: (entry: Entry) => ActivityResult): boolean {
  const seen = new Set<string>();
  for (const value of candidateValues(fact)) {
    const trial: Entry = { ...entry };
    if (value === undefined) delete trial[fact.name];
    else trial[fact.name] = value;
    seen.add(outcome(judge(trial), ladderId));
    if (seen.size > 1) return true;
  }
  return false;
}
