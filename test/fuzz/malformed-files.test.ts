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
import { RUNS, seed } from './seed.js';
import JSZip from 'jszip';
import { workbook } from '../helpers/workbooks.js';


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
  writeFileSync(join(dir, 'answers.yaml'), ANSWERS);
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
    const names = expected.files.map((f) => f.replace(/\./g, '\\.')).join('|');
    if (args[0] === 'check' && r.stdout) {
      // check writes a file it cannot use as an invalid-input finding, in its own format
      if (args.includes('json')) {
        const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string; line: number; column: number }> }).findings.filter((f) => f.rule === 'invalid-input');
        expect(findings.length, context).toBeGreaterThan(0);
        for (const f of findings) expect(expected.files, context).toContain(f.file);
      } else {
        expect(r.stdout, context).toMatch(new RegExp(`(^|\\n)(${names})\\n`));
        expect(r.stdout, context).toMatch(/^ {2}(\d+:\d+|\S+![A-Z]+\d+) +error +invalid-input /m);
      }
    } else expect(r.stderr, context).toMatch(new RegExp(`(^|\\n)(${names}):(\\d+:\\d+|.+![A-Z]+\\d+): error: `));
  }
  // no raw control character from the file reaches the terminal, in output or in errors
  if (!args.includes('json') && !args.includes('csv') && !args.includes('yaml')) expect(r.stdout, context).not.toMatch(RAW_CONTROL);
  expect(r.stdout, context).not.toMatch(/\u001b/);
  expect(r.stderr, context).not.toMatch(RAW_CONTROL);
  expect(r.ms, `${context}\ntook ${r.ms.toFixed(0)} ms`).toBeLessThan(SLOW_MS);
  // `__proto__` and `constructor` keys in the files stay data
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), context).toEqual(PROTOTYPE_KEYS);
}

// C0 and C1 controls but newline, DEL, bidirectional controls
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const options = { numRuns: RUNS, endOnFailure: true, ...seed() };

/** Damaged versions of some valid files: random text edits, or random edits of their parsed tree. */
function broken(bases: readonly string[], how: 'text' | 'tree' | 'both'): fc.Arbitrary<string> {
  const texts = fc.tuple(fc.nat(bases.length - 1), textMutation).map(([i, mutate]) => mutate(bases[i]!));
  if (how === 'text') return texts;
  const trees = bases.map((t) => parse(t) as unknown);
  const edited = fc.tuple(fc.nat(trees.length - 1), treeMutation).map(([i, mutate]) => mutate(trees[i]));
  return how === 'tree' ? edited : fc.oneof(texts, edited);
}

/**
 * The property: written as `file` in a fresh case folder, any damaged file gives a
 * well-behaved run of `args`; `after` may check more (e.g. what was left on disk).
 */
function holds(
  files: fc.Arbitrary<string>,
  file: string,
  args: (extra: string) => string[],
  expected: Expectation,
  after?: (dir: string, text: string) => void,
  extras: fc.Arbitrary<string> = fc.constant(''),
): Promise<void> {
  return fc.assert(
    fc.asyncProperty(files, extras, async (text, extra) => {
      const dir = caseDir();
      writeFileSync(join(dir, file), text);
      await wellBehaved(args(extra), dir, expected, text);
      // compare with the text as the file holds it: a lone surrogate is written as U+FFFD
      after?.(dir, Buffer.from(text, 'utf8').toString('utf8'));
    }),
    options,
  );
}

const formats = fc.constantFrom('table', 'json', 'csv', 'markdown', 'yaml');

describe('broken activity files', () => {
  it('text edits of real logs', { timeout: TIMEOUT }, () =>
    holds(broken(ACTIVITY_FILES, 'text'), 'broken.yaml', (format) => ['map', 'broken.yaml', '--format', format], { codes: [0, 2], files: ['broken.yaml'] }, undefined, formats));

  it('wrong types, missing and extra keys in the parsed log', { timeout: TIMEOUT }, () =>
    holds(broken(ACTIVITY_FILES, 'tree'), 'broken.yaml', () => ['check', 'broken.yaml', '--format', 'json'], { codes: [0, 1, 2], files: ['broken.yaml'] }));
});

/** CSV logs as spreadsheets save them: a title row, headers as people type them, quoted cells. */
const CSV_LOGS = [
  'Oakwood involvement log 2026\n\nActivity,Date,Notes,Who took part,Say,Stages,Before the decision?,Feedback given?,Room\nMenu survey,14/03/2026,Residents filled in a feedback form.,residents; families,heard,review,No,No,Lounge\n,,,,,,,,\n"Garden group",2026-04-02,"Residents and staff planned the garden together, then planted it.",residents,joint,design;delivery,Yes,yes,\n',
  'Activity,Notes\r\n"Residents\' meeting","Agenda: laundry; ""menu"" and the summer trip"\r\nComplaints review,Residents were not involved.\r\n',
];

describe('broken CSV logs', () => {
  it('text edits of CSV logs', { timeout: TIMEOUT }, () =>
    holds(broken(CSV_LOGS, 'text'), 'broken.csv', (format) => ['map', 'broken.csv', '--format', format], { codes: [0, 2], files: ['broken.csv'] }, undefined, formats));

  it('text edits of CSV logs, checked', { timeout: TIMEOUT }, () =>
    holds(broken(CSV_LOGS, 'text'), 'broken.csv', () => ['check', 'broken.csv'], { codes: [0, 1, 2], files: ['broken.csv'] }));
});

/** A workbook log as exceljs saves it: a title row, a date cell, a formula with its saved value. */
const WORKBOOK = await workbook({
  Notes: [['Our involvement log']],
  Log: [
    ['Oakwood involvement log 2026'],
    [],
    ['Activity', 'Date', 'Notes', 'Who took part', 'Say', 'Before the decision?', 'Feedback given?', 'Room'],
    ['Menu survey', new Date(Date.UTC(2026, 2, 14)), 'Residents filled in a feedback form.', 'residents; families', 'heard', 'No', { formula: '1=2', result: false }, 'Lounge'],
    ['Garden group', '02/04/2026', 'Residents and staff planned the garden together.', 'residents', 'joint', 'Yes', 'Yes', null],
  ],
});
/** Damage to the file's bytes (a changed byte, a cut), or text edits of one part inside it, zipped again. */
const brokenWorkbooks: fc.Arbitrary<() => Promise<Buffer>> = fc.oneof(
  fc.tuple(fc.nat(WORKBOOK.length - 1), fc.nat(255)).map(([at, byte]) => async () => {
    const copy = Buffer.from(WORKBOOK);
    copy[at] = byte;
    return copy;
  }),
  fc.nat(WORKBOOK.length - 1).map((n) => async () => WORKBOOK.subarray(0, n)),
  fc.tuple(fc.constantFrom('xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml'), textMutation).map(([part, mutate]) => async () => {
    const zip = await JSZip.loadAsync(WORKBOOK);
    const text = await zip.file(part)?.async('string');
    if (text !== undefined) zip.file(part, mutate(text));
    return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  }),
);

describe('broken workbook logs', () => {
  it('damaged bytes and edited parts of an .xlsx log, mapped and checked', { timeout: TIMEOUT }, () =>
    fc.assert(
      fc.asyncProperty(brokenWorkbooks, fc.constantFrom('map', 'check'), formats, async (make, command, format) => {
        const dir = caseDir();
        writeFileSync(join(dir, 'broken.xlsx'), await make());
        const args = command === 'map' ? ['map', 'broken.xlsx', '--format', format] : ['check', 'broken.xlsx'];
        await wellBehaved(args, dir, { codes: [0, 1, 2], files: ['broken.xlsx'] }, `(a damaged workbook)`);
      }),
      options,
    ));
});

describe('broken ladder files', () => {
  it('text edits of the shipped ladders', { timeout: TIMEOUT }, () =>
    holds(broken(LADDER_FILES, 'text'), 'ladder.yaml', () => ['map', 'log.yaml', '--ladder', './ladder.yaml', '--format', 'json'], { codes: [0, 2], files: ['ladder.yaml', 'log.yaml'] }));

  it('wrong types, missing and extra keys, deep conditions', { timeout: TIMEOUT }, () =>
    holds(broken(LADDER_FILES, 'tree'), 'ladder.yaml', () => ['ladders', './ladder.yaml'], { codes: [0, 2], files: ['ladder.yaml'] }));
});

/** The shipped frameworks and the example of a service's own. */
const FRAMEWORK_FILES = ['frameworks/cqc.yaml', 'frameworks/rsh-tia.yaml', 'frameworks/nhse-ppc.yaml', 'examples/council-coproduction-standards.yaml'].map((f) => readFileSync(join(import.meta.dirname, '../..', f), 'utf8'));

describe('broken framework files', () => {
  it('text and tree edits of the shipped frameworks, evaluated on a log', { timeout: TIMEOUT }, () =>
    holds(broken(FRAMEWORK_FILES, 'both'), 'framework.yaml', (format) => ['evidence', 'log.yaml', '--framework', './framework.yaml', '--format', format], { codes: [0, 2], files: ['./framework.yaml', 'log.yaml'] }, undefined, fc.constantFrom('table', 'json', 'markdown')));
});

describe('broken configs, cue files and answer files', () => {
  it('text and tree edits of a full config', { timeout: TIMEOUT }, () =>
    holds(broken([CONFIG], 'both'), 'coprod.config.yaml', () => ['check', 'log.yaml'], { codes: [0, 1, 2], files: ['coprod.config.yaml', 'northshire.yaml', 'team-cues.yaml', 'log.yaml'] }));

  it('text and tree edits of a cue file', { timeout: TIMEOUT }, () =>
    holds(broken([CUES], 'both'), 'cues.yaml', () => ['map', 'log.yaml', '--cues', 'cues.yaml', '--format', 'json'], { codes: [0, 2], files: ['cues.yaml'] }));

  it('text and tree edits of an answers file for coprod ask', { timeout: TIMEOUT }, () =>
    holds(broken([ANSWERS], 'both'), 'answers.yaml', () => ['ask', '--answers', 'answers.yaml', '--append', 'log.yaml'], { codes: [0, 2], files: ['answers.yaml', 'log.yaml'] }));
});

describe('coprod ask --append on a broken log', () => {
  /** The old text is the new text with one piece taken out. */
  const onlyAdded = (dir: string, text: string): void => {
    const after = readFileSync(join(dir, 'broken.yaml'), 'utf8');
    let prefix = 0;
    while (prefix < text.length && text[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < text.length - prefix && text[text.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    expect(prefix + suffix, `the log changed outside the added entry:\n${after.slice(0, 3000)}`).toBe(text.length);
  };

  it('refuses and leaves the log byte for byte, or adds the entry and keeps every other byte', { timeout: TIMEOUT }, () =>
    holds(broken(ACTIVITY_FILES, 'text'), 'broken.yaml', () => ['ask', '--answers', 'answers.yaml', '--append', 'broken.yaml'], { codes: [0, 2], files: ['broken.yaml'] }, onlyAdded));
});
