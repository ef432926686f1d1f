// Property tests: random hostile text (terminal escapes, bidi overrides, formula
// prefixes, markup, XML-illegal characters, lone surrogates, dangerous keys) in every
// user field, through every output format. The terminal never receives a raw control
// character, CSV cells never start a formula, HTML and XML stay well formed with the
// text as text, JSON keeps it exactly, and no object prototype is touched.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { RUNS, seed } from './seed.js';

const CASES = Math.max(10, Math.round(RUNS / 2));
const TIMEOUT = Math.max(60_000, CASES * 1_500);

const PIECES = [
  '\u001b[31m', '\u001b]0;title\u0007', '\u001b[2J', '\u0007', '\b', '\r', '\u0000', '\u007f', '\u009b', '\u202e', '\u2066', '\u200f',
  '=', '+', '-', '@', '\t', '=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '</textarea>',
  '&amp;', '"', "'", '`', '|', '\\', ']]>', '<![CDATA[', '%0A', '::error::', '\n', '\ufffe', '\ud800', '😀', 'é', '漢字', '__proto__',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'x-__proto__', 'x-constructor'];

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let caseNo = 0;

// C0 and C1 controls (newline allowed), DEL, bidi controls: none may reach a terminal raw
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
// in files for other programs (CSV, Markdown, HTML, XML, JSON, annotations) a tab may stay, and CSV rows end in CRLF
// eslint-disable-next-line no-control-regex
const RAW_IN_FILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

function writeLog(dir: string, service: string, name: string, text: string, key: string): void {
  // JSON is YAML: every character arrives exactly, escaped
  const activity = {
    name,
    description: text,
    methods: [text],
    participants: [name],
    say: 'heard',
    claimed: 'co-production',
    date: '2026-03-01',
    [`x-${text.replace(/[^a-z]/gi, '') || 'k'}`]: text,
  };
  Object.defineProperty(activity, key, { value: { polluted: true }, enumerable: true });
  writeFileSync(join(dir, 'log.yaml'), JSON.stringify({ service, activities: [activity, { name: 'Second', say: 'told' }] }, null, 1));
}

describe('hostile text in every output', () => {
  it('is harmless in every format', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, fc.constantFrom(...DANGEROUS_KEYS), async (service, name, text, key) => {
        const dir = join(tmp.dir, `h${++caseNo}`);
        mkdirSync(dir);
        writeLog(dir, service, name, text, key);
        const run = (args: string[]) => runInProcess(args, dir);

        const table = await run(['map', 'log.yaml', '--verbose']);
        // a key like __proto__ is not one of ours: refused with a located message, or the run works
        if (table.code === 2) {
          expect(table.stderr).toMatch(/^log\.yaml:\d+:\d+: error: /m);
          expect(table.stderr).not.toMatch(RAW_CONTROL);
          return;
        }
        expect(table.code, table.stderr).toBe(0);
        expect(table.stdout).not.toMatch(RAW_CONTROL);
        expect(table.stderr).not.toMatch(RAW_CONTROL);

        const json = await run(['map', 'log.yaml', '--format', 'json']);
        const model = JSON.parse(json.stdout);
        expect(model.activities[0].name).toBe(name.trim()); // names are trimmed, nothing else changes

        const csv = await run(['map', 'log.yaml', '--format', 'csv']);
        expect(csv.stdout.replace(/\r\n/g, '\n')).not.toMatch(RAW_IN_FILE);
        expect(json.stdout).not.toMatch(RAW_IN_FILE);
        const rows = parseCsv(csv.stdout, { relax_column_count: false }) as string[][];
        for (const cell of rows.flat()) expect(cell, `CSV cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r\u0000]/);

        const md = await run(['map', 'log.yaml', '--format', 'markdown']);
        expect(md.stdout).not.toMatch(RAW_IN_FILE);
        expect(md.stdout).not.toMatch(/<(img|script|textarea)/i);
        // each table keeps its column count on every row: no user text adds a cell
        for (const block of md.stdout.split(/\n(?!\|)/).filter((b) => b.startsWith('| '))) {
          const rows = block.split('\n');
          const columns = rows[0]!.split(/(?<!\\)\|/).length;
          for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(columns);
        }

        const checkText = await run(['check', 'log.yaml']);
        expect(checkText.code).toBe(1);
        expect(checkText.stdout).not.toMatch(RAW_CONTROL);

        const github = await run(['check', 'log.yaml', '--format', 'github']);
        expect(github.stdout).not.toMatch(RAW_IN_FILE);
        const commands = github.stdout.split('\n').filter((l) => l.startsWith('::'));
        const findings = JSON.parse((await run(['check', 'log.yaml', '--format', 'json'])).stdout).findings as unknown[];
        expect(commands).toHaveLength(findings.length);

        const junit = await run(['check', 'log.yaml', '--format', 'junit']);
        expect(XMLValidator.validate(junit.stdout), junit.stdout.slice(0, 500)).toBe(true);
        expect(junit.stdout).not.toMatch(RAW_IN_FILE);

        const sarifText = (await run(['check', 'log.yaml', '--format', 'sarif'])).stdout;
        expect(sarifText).not.toMatch(RAW_IN_FILE);
        const sarif = JSON.parse(sarifText);
        expect(sarif.version).toBe('2.1.0');

        const html = await run(['report', 'log.yaml', '--output', 'report.html']);
        expect(html.code, html.stderr).toBe(0);
        const page = readFileSync(join(dir, 'report.html'), 'utf8');
        expect(page).not.toMatch(/<(img|script|textarea|iframe)/i);
        expect(page).not.toMatch(RAW_IN_FILE);
        for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#/);

        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      }),
      { numRuns: CASES, endOnFailure: true, ...seed() },
    );
  });
});
