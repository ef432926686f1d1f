// The inference test sets, run through the real pipeline in-process and scored.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { mapLogs } from '../../src/assess/map-log.js';
import { ClauseReader } from '../../src/infer/clause-reader.js';
import { loadCueSet } from '../../src/infer/cue-set.js';
import { SAY_VALUES } from '../../src/model/facts-model.js';
import { ladders, readYaml } from '../helpers/core.js';

export interface CorpusEntry {
  name: string;
  description?: string;
  methods?: string[];
  level?: string;
  /** `tlap` may be left out where the words do not tell the stages: any rung the say can reach is then right */
  expect: { say: string | null; tlap?: string; [fact: string]: unknown };
}

export interface Scored {
  entry: CorpusEntry;
  /** the say placement rests on (before_decision false holds it at heard) */
  say: string | null;
  tlap: string;
  tlapIndex: number;
  expectedIndex: number;
  evidence: string | null;
  facts: Record<string, unknown>;
}

const read = (file: string): CorpusEntry[] => load(readFileSync(join(import.meta.dirname, file), 'utf8')) as CorpusEntry[];

/** Every development set: the corpus, sets 7 and 9, and the blind sets folded in after first contact. */
export function developmentSets(): Array<{ name: string; entries: CorpusEntry[] }> {
  const sets = readdirSync(join(import.meta.dirname, 'sets')).filter((f) => f.endsWith('.yaml')).sort();
  return [{ name: 'corpus.yaml', entries: read('corpus.yaml') }, { name: 'holdout.yaml', entries: read('holdout.yaml') }, ...sets.map((f) => ({ name: `sets/${f}`, entries: read(`sets/${f}`) }))];
}

export function corpus(): CorpusEntry[] {
  return read('corpus.yaml');
}

const HEARD = SAY_VALUES.indexOf('heard');

export async function score(entries: CorpusEntry[] = corpus()): Promise<Scored[]> {
  const [tlap] = await ladders('tlap');
  const reader = new ClauseReader(await loadCueSet([]));
  const activities = entries.map((e) => {
    const a: Record<string, unknown> = { name: e.name };
    if (e.description) a.description = e.description;
    if (e.methods) a.methods = e.methods;
    if (e.level) a.level = e.level;
    return a;
  });
  const log = await readYaml(`activities:\n${activities.map((a) => `  - ${JSON.stringify(a)}`).join('\n')}\n`);
  const result = mapLogs([log], [tlap!], reader);
  return result.results.map((r, i) => {
    const entry = entries[i]!;
    const p = r.placements.get('tlap')!;
    const say = r.resolved.findings.get('say');
    const facts: Record<string, unknown> = {};
    for (const [k, f] of r.resolved.findings) facts[k] = f.value;
    const raw = (say?.value as string | undefined) ?? null;
    const capped = raw !== null && facts.before_decision === false && SAY_VALUES.indexOf(raw as never) > HEARD ? 'heard' : raw;
    return {
      entry,
      say: capped,
      tlap: p.rung?.id ?? 'unclassified',
      tlapIndex: p.index,
      expectedIndex: expectedIndex(entry.expect, tlap!.rungs.map((x) => x.id)),
      evidence: say?.evidence ?? null,
      facts,
    };
  });
}

// the highest TLAP rung a label allows: its rung, or the highest its say can reach
// (joint and above: co-production, when the stages are not told)
const HIGHEST_RUNG_OF_SAY: Record<string, string> = { none: 'coercion', taught: 'educating', told: 'informing', heard: 'consultation', influence: 'engagement', joint: 'co-production', lead: 'co-production', control: 'co-production' };
function expectedIndex(expect: CorpusEntry['expect'], rungs: readonly string[]): number {
  const rung = expect.tlap ?? (expect.say ? HIGHEST_RUNG_OF_SAY[expect.say] : 'unclassified');
  return rung === undefined || rung === 'unclassified' ? 0 : rungs.indexOf(rung) + 1;
}

export interface Totals {
  n: number;
  sayRight: number;
  over: number;
  placed: number;
  placedRight: number;
  settled: number;
  settledPlaced: number;
}

export function totals(scored: readonly Scored[]): Totals {
  const placed = scored.filter((s) => s.tlapIndex > 0);
  const settled = scored.filter((s) => s.entry.expect.say !== null && s.entry.expect.say !== undefined);
  return {
    n: scored.length,
    sayRight: scored.filter((s) => s.say === (s.entry.expect.say ?? null)).length,
    over: scored.filter((s) => s.tlapIndex > s.expectedIndex).length,
    placed: placed.length,
    placedRight: placed.filter((s) => s.say === s.entry.expect.say).length,
    settled: settled.length,
    settledPlaced: settled.filter((s) => s.tlapIndex > 0).length,
  };
}
