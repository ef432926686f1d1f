/**
 * Build step (run by scripts/build.mjs, never by the CLI): validates coprod's own ladder
 * and cue files with the same schemas as at run time, and writes their validated data,
 * keyed by path and content hash, to dist/snapshot.json. An invalid shipped file fails
 * the build with its located errors.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/diagnostic.js';
import { validateCueFile } from '../infer/cue-set.js';
import { loadCueSet } from '../infer/cue-set.js';
import { parseYaml } from '../io/yaml-source.js';
import { contentHash } from '../io/snapshot.js';
import { buildLadder, validateLadder } from '../ladders/load-ladder.js';

export async function makeSnapshot(root: string): Promise<void> {
  const files: Record<string, { hash: string; data: unknown }> = {};
  try {
    for (const name of readdirSync(join(root, 'ladders')).filter((f) => f.endsWith('.yaml'))) {
      const path = join(root, 'ladders', name);
      const text = readFileSync(path, 'utf8');
      const doc = parseYaml({ name: `ladders/${name}`, path, text }, { itemsKey: 'rungs' });
      buildLadder(doc, true); // every cross-reference checked too
      files[`ladders/${name}`] = { hash: contentHash(text), data: validateLadder(doc) };
    }
    const cuePath = join(root, 'cues', 'default.yaml');
    const cueText = readFileSync(cuePath, 'utf8');
    files['cues/default.yaml'] = { hash: contentHash(cueText), data: validateCueFile({ name: 'cues/default.yaml', path: cuePath, text: cueText }).data };
    await loadCueSet([]); // patterns and facts checked too
  } catch (error) {
    if (error instanceof InputError) {
      for (const d of error.diagnostics) process.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.field}: ${d.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  writeFileSync(join(root, 'dist', 'snapshot.json'), JSON.stringify({ files }));
}
