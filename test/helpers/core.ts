// Builds activities and runs the core pipeline in-process, for unit tests.
import { resolve } from 'node:path';
import type { ActivityLog } from '../../src/model/activity.js';
import { mapLogs } from '../../src/assess/map-log.js';
import { type ActivityResult } from '../../src/assess/assess-activity.js';
import { parseLog, readLog } from '../../src/input/read-log.js';
import { makeRungRefResolver } from '../../src/input/rung-ref.js';
import type { Inferrer } from '../../src/model/resolve-facts.js';
import type { Ladder } from '../../src/model/ladder.js';
import { LadderRegistry } from '../../src/input/ladder-registry.js';
import { loadCueSet, type CueSet } from '../../src/infer/cue-set.js';

export const registry = new LadderRegistry(resolve(import.meta.dirname, '../..'));

export async function ladders(...ids: string[]): Promise<Ladder[]> {
  return Promise.all(ids.map((id) => registry.get(id)));
}

export async function readYaml(text: string, ladderIds: string[] = ['tlap'], name = 'test.yaml'): Promise<ActivityLog> {
  const ls = await ladders(...ladderIds);
  const doc = parseLog({ name, path: null, text });
  return readLog(doc, {
    extraFacts: ls.flatMap((l) => l.extraFacts),
    resolveRef: makeRungRefResolver(registry, ladderIds),
    folder: resolve(import.meta.dirname, '../..'),
  });
}

/** Assesses one activity written as YAML fields (without the leading `- `). */
export async function assessOne(fields: Record<string, unknown>, ladderIds: string[] = ['tlap'], inferrer?: Inferrer): Promise<ActivityResult> {
  const text = `activities:\n  - ${JSON.stringify({ name: 'Test activity', ...fields })}\n`;
  const log = await readYaml(text, ladderIds);
  const ls = await ladders(...ladderIds);
  return mapLogs([log], ls, inferrer).results[0]!;
}

export function rungOf(result: ActivityResult, ladderId = 'tlap'): string {
  return result.placements.get(ladderId)?.rung?.id ?? 'unclassified';
}

/**
 * coprod's own cues without their measured counts: what the words say before earned
 * confidence holds any reading back, for tests about what a cue means (the counts change
 * with every blind set folded in).
 */
export async function unmeasuredCues(): Promise<CueSet> {
  const set = await loadCueSet([]);
  for (const cue of set.cues) cue.measured = undefined;
  return set;
}
