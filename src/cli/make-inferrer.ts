/**
 * Builds the inferrer that reads facts from names, methods and descriptions: coprod's
 * cue file plus the user's (`--cues FILE`, or `cues:` in the config), validated on load,
 * the user's cues held to their examples.
 */
import { resolve } from 'node:path';
import type { LoadedConfig } from '../input/load-config.js';
import type { FactDefinition } from '../model/facts-model.js';
import type { Inferrer } from '../model/resolve-facts.js';
import type { Snapshot } from '../input/snapshot.js';
import { loadCueSet } from '../infer/cue-set.js';
import { checkExamples } from '../infer/cue-examples.js';
import { ClauseReader } from '../infer/clause-reader.js';
import type { Io } from './io.js';
import type { CommonOptions } from './options.js';

export async function makeInferrer(
  io: Io,
  options: CommonOptions,
  config: LoadedConfig | undefined,
  extraFacts: readonly FactDefinition[] = [],
  snapshot?: Snapshot,
): Promise<Inferrer | undefined> {
  if (options.infer === false) return undefined;
  const files = [...(config?.cueFiles ?? []), ...(options.cues ?? []).map((f) => resolve(io.cwd, f))];
  return new ClauseReader(await loadCueSet(files, extraFacts, files.length ? checkExamples : undefined, snapshot));
}
