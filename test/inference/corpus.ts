// Runs the inference corpus through the real pipeline and scores it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { mapLogs } from '../../src/core/map-log.js';
import { CueInferrer } from '../../src/infer/infer.js';
import { loadCueSet } from '../../src/infer/cue-set.js';
import { ladders, readYaml } from '../helpers/core.js';

export interface CorpusEntry {
  name: string;
  description?: string;
  methods?: string[];
  level?: string;
  expect: { say: string | null; tlap: string; [fact: string]: unknown };
}

export interface Scored {
  entry: CorpusEntry;
  say: string | null;
  tlap: string;
  tlapIndex: number;
  expectedIndex: number;
  evidence: string | null;
  facts: Record<string, unknown>;
}

export function corpus(): CorpusEntry[] {
  return load(readFileSync(join(import.meta.dirname, 'corpus.yaml'), 'utf8')) as CorpusEntry[];
}

export async function score(entries = corpus()): Promise<Scored[]> {
  const [tlap] = await ladders('tlap');
  const inferrer = new CueInferrer(await loadCueSet([]));
  const activities = entries.map((e) => {
    const a: Record<string, unknown> = { name: e.name };
    if (e.description) a.description = e.description;
    if (e.methods) a.methods = e.methods;
    if (e.level) a.level = e.level;
    return a;
  });
  const log = await readYaml(`activities:\n${activities.map((a) => `  - ${JSON.stringify(a)}`).join('\n')}\n`);
  const result = mapLogs([log], [tlap!], inferrer);
  return result.results.map((r, i) => {
    const entry = entries[i]!;
    const p = r.placements.get('tlap')!;
    const say = r.resolved.findings.get('say');
    const facts: Record<string, unknown> = {};
    for (const [k, f] of r.resolved.findings) facts[k] = f.value;
    return {
      entry,
      say: (say?.value as string | undefined) ?? null,
      tlap: p.rung?.id ?? 'unclassified',
      tlapIndex: p.index,
      expectedIndex: entry.expect.tlap === 'unclassified' ? 0 : tlap!.rungs.findIndex((x) => x.id === entry.expect.tlap) + 1,
      evidence: say?.evidence ?? null,
      facts,
    };
  });
}
