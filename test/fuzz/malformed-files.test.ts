// Property tests: thousands of broken activity files, ladder files, configs, cue files
// and answer files, made by randomly editing real ones. Whatever the damage, a run ends
// with an expected exit code; a failure is a located message (file:line:col), never an
// internal error or a stack trace, and no run takes long. `npm test` runs a few hundred
// cases; `npm run fuzz` runs many more (FUZZ_RUNS per property).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { ACTIVITY_FILES, ANSWERS, CONFIG, CUES, LADDER_FILES, SMALL_LOG } from './fixtures.js';
import { textMutation, treeMutation } from './mutate.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** A run slower than this counts as a hang (a real one is usually minutes). */
const SLOW_MS = Number(process.env.FUZZ_SLOW_MS ?? 5_000);
const TIMEOUT = Math.max(60_000, RUNS * 400);

const tmp = tempDir();
/** Exit codes seen per command: with FUZZ_STATS=1 they are printed, to see that the cases reach past the parser. */
const seen = new Map<string, number>();
function tally(command: string, code: number | null): void {
  const key = `${command} → exit ${code}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
}
afterAll(() => {
  tmp.cleanup();
  if (process.env.FUZZ_STATS) console.log([...seen].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
});

let runNo = 0;
/** A fresh folder with the supporting files each case needs. */
function caseDir(): string {
  const dir = join(tmp.dir, `c${++runNo}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'log.yaml'), SMALL_LOG);
  writeFileSync(join(dir, 'northshire.yaml'), LADDER_FILES[4]!);
  writeFileSync(join(dir, 'team-cues.yaml'), CUES);
  return dir;
}

interface Expectation {
  codes: number[];
  /** the files a located message may point at */
  files: string[];
}

async function wellBehaved(args: string[], dir: string, expected: Expectation, what: string): Promise<void> {
  const r = await runInProcess(args, dir);
  tally(args[0]!, r.code);
  const context = `coprod ${args.join(' ')} on\n${what.slice(0, 3000)}\n--- stderr ---\n${r.stderr.slice(0, 3000)}`;
  expect(expected.codes, context).toContain(r.code);
  expect(r.stderr, context).not.toMatch(/internal error/);
  expect(r.stderr, context).not.toMatch(/^\s+at .+(:\d+:\d+\)?|\(native\))$/m);
  if (r.code === 2) {
    const located = new RegExp(`(^|\\n)(${expected.files.map((f) => f.replace(/\./g, '\\.')).join('|')}):\\d+:\\d+: error: `);
    expect(r.stderr, context).toMatch(located);
  }
  // nothing on stdout can carry a raw terminal escape from the file
  expect(r.stdout, context).not.toMatch(/\u001b/);
  expect(r.ms, `${context}\ntook ${r.ms.toFixed(0)} ms`).toBeLessThan(SLOW_MS);
  // `__proto__` and `constructor` keys in the files stay data
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), context).toEqual(PROTOTYPE_KEYS);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const options = { numRuns: RUNS, endOnFailure: true };
const formats = fc.constantFrom('table', 'json', 'csv', 'markdown', 'yaml');

describe('broken activity files', () => {
  it('text edits of real logs', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(ACTIVITY_FILES.length - 1), textMutation, formats, async (base, mutate, format) => {
        const dir = caseDir();
        const text = mutate(ACTIVITY_FILES[base]!);
        writeFileSync(join(dir, 'broken.yaml'), text);
        await wellBehaved(['map', 'broken.yaml', '--format', format], dir, { codes: [0, 2], files: ['broken.yaml'] }, text);
      }),
      options,
    );
  });

  it('wrong types, missing and extra keys in the parsed log', { timeout: TIMEOUT }, async () => {
    const trees = ACTIVITY_FILES.map((t) => parse(t) as unknown);
    await fc.assert(
      fc.asyncProperty(fc.nat(trees.length - 1), treeMutation, async (base, mutate) => {
        const dir = caseDir();
        const text = mutate(trees[base]);
        writeFileSync(join(dir, 'broken.yaml'), text);
        await wellBehaved(['check', 'broken.yaml', '--format', 'json'], dir, { codes: [0, 1, 2], files: ['broken.yaml'] }, text);
      }),
      options,
    );
  });
});

describe('broken ladder files', () => {
  it('text edits of the shipped ladders', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(LADDER_FILES.length - 1), textMutation, async (base, mutate) => {
        const dir = caseDir();
        const text = mutate(LADDER_FILES[base]!);
        writeFileSync(join(dir, 'ladder.yaml'), text);
        await wellBehaved(['map', 'log.yaml', '--ladder', './ladder.yaml', '--format', 'json'], dir, { codes: [0, 2], files: ['ladder.yaml', 'log.yaml'] }, text);
      }),
      options,
    );
  });

  it('wrong types, missing and extra keys, deep conditions', { timeout: TIMEOUT }, async () => {
    const trees = LADDER_FILES.map((t) => parse(t) as unknown);
    await fc.assert(
      fc.asyncProperty(fc.nat(trees.length - 1), treeMutation, async (base, mutate) => {
        const dir = caseDir();
        const text = mutate(trees[base]);
        writeFileSync(join(dir, 'ladder.yaml'), text);
        await wellBehaved(['ladders', './ladder.yaml'], dir, { codes: [0, 2], files: ['ladder.yaml'] }, text);
      }),
      options,
    );
  });
});

describe('broken configs', () => {
  it('text and tree edits of a full config', { timeout: TIMEOUT }, async () => {
    const tree = parse(CONFIG) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.oneof(textMutation.map((m) => () => m(CONFIG)), treeMutation.map((m) => () => m(tree))), async (make) => {
        const dir = caseDir();
        const text = make();
        writeFileSync(join(dir, 'coprod.config.yaml'), text);
        await wellBehaved(['check', 'log.yaml'], dir, { codes: [0, 1, 2], files: ['coprod.config.yaml', 'northshire.yaml', 'team-cues.yaml', 'log.yaml'] }, text);
      }),
      options,
    );
  });
});

describe('broken cue files', () => {
  it('text and tree edits of a cue file', { timeout: TIMEOUT }, async () => {
    const tree = parse(CUES) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.oneof(textMutation.map((m) => () => m(CUES)), treeMutation.map((m) => () => m(tree))), async (make) => {
        const dir = caseDir();
        const text = make();
        writeFileSync(join(dir, 'cues.yaml'), text);
        await wellBehaved(['map', 'log.yaml', '--cues', 'cues.yaml', '--format', 'json'], dir, { codes: [0, 2], files: ['cues.yaml'] }, text);
      }),
      options,
    );
  });
});

describe('coprod ask --append on a broken log', () => {
  it('refuses and leaves the log byte for byte, or adds the entry and keeps every other byte', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(ACTIVITY_FILES.length - 1), textMutation, async (base, mutate) => {
        const dir = caseDir();
        const text = mutate(ACTIVITY_FILES[base]!);
        writeFileSync(join(dir, 'answers.yaml'), ANSWERS);
        writeFileSync(join(dir, 'broken.yaml'), text);
        await wellBehaved(['ask', '--answers', 'answers.yaml', '--append', 'broken.yaml'], dir, { codes: [0, 2], files: ['broken.yaml'] }, text);
        const after = readFileSync(join(dir, 'broken.yaml'), 'utf8');
        // the old text is the new text with one piece taken out
        let prefix = 0;
        while (prefix < text.length && text[prefix] === after[prefix]) prefix++;
        let suffix = 0;
        while (suffix < text.length - prefix && text[text.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
        expect(prefix + suffix, `the log changed outside the added entry:\n${after.slice(0, 3000)}`).toBe(text.length);
      }),
      options,
    );
  });
});

describe('broken answer files for coprod ask', () => {
  it('text and tree edits of an answers file', { timeout: TIMEOUT }, async () => {
    const tree = parse(ANSWERS) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.oneof(textMutation.map((m) => () => m(ANSWERS)), treeMutation.map((m) => () => m(tree))), async (make) => {
        const dir = caseDir();
        const text = make();
        writeFileSync(join(dir, 'answers.yaml'), text);
        await wellBehaved(['ask', '--answers', 'answers.yaml', '--append', 'log.yaml'], dir, { codes: [0, 2], files: ['answers.yaml', 'log.yaml'] }, text);
      }),
      options,
    );
  });
});
