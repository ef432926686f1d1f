/**
 * Build step (run by scripts/build.mjs, never by the CLI): validates coprod's own ladder
 * and cue files with the same schemas as at run time, and writes their validated data
 * (with their text), keyed by path, to dist/snapshot.json. An invalid shipped file, or
 * a shipped cue that disagrees with its examples, fails the build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/input/problem.js';
import { validateCueFile } from '../src/infer/cue-set.js';
import { loadCueSet } from '../src/infer/cue-set.js';
import { parseYaml } from '../src/input/yaml-source.js';
import type { SnapshotEntry } from '../src/input/snapshot.js';
import { checkExamples } from '../src/infer/cue-examples.js';
import { buildLadder, validateLadder } from '../src/input/load-ladder.js';

export async function makeSnapshot(root: string): Promise<void> {
  const files: Record<string, SnapshotEntry> = {};
  try {
    for (const name of readdirSync(join(root, 'ladders')).filter((f) => f.endsWith('.yaml'))) {
      const path = join(root, 'ladders', name);
      const text = readFileSync(path, 'utf8');
      const doc = parseYaml({ name: `ladders/${name}`, path, text }, { itemsKey: 'rungs' });
      buildLadder(doc, true); // every cross-reference checked too
      files[`ladders/${name}`] = { text, data: validateLadder(doc) };
    }
    const cuePath = join(root, 'cues', 'default.yaml');
    const cueText = readFileSync(cuePath, 'utf8');
    const cues = validateCueFile({ name: 'cues/default.yaml', path: cuePath, text: cueText }).data;
    files['cues/default.yaml'] = { text: cueText, data: cues };
    // patterns and facts checked too, and every cue against its examples
    const failed = checkExamples(await loadCueSet([]));
    if (failed.length) {
      for (const f of failed) process.stderr.write(`cues/default.yaml: ${f.message}\n`);
      process.exit(1);
    }
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of error.diagnostics) process.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.field}: ${d.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  writeFileSync(join(root, 'dist', 'snapshot.json'), JSON.stringify({ files }));
}
