// End to end: files built to hurt (alias bombs, deep nesting, megabyte strings, huge
// files, wrong encodings) are refused quickly with a located message or handled, and
// friendly oddities (a byte order mark, Windows line endings) just work.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(tmp.dir, name), content);
  return name;
}

function timed(args: string[], input?: string) {
  const started = performance.now();
  const r = coprod(args, { cwd: tmp.dir, ...(input === undefined ? {} : { input }) });
  return { ...r, ms: performance.now() - started };
}

/** No run may end in an internal error or show a stack trace. */
function noCrash(r: { stderr: string; code: number | null }): void {
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.code === 0 || r.code === 2).toBe(true);
}

const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('YAML built to hurt', () => {
  it('a billion-laughs alias bomb is refused in well under a second', () => {
    const r = timed(['map', file('bomb.yaml', `${LAUGHS}\nactivities:\n  - name: x\n    x-boom: *i\n`)]);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bomb\.yaml:\d+:\d+: error: .*alias/m);
    expect(r.ms).toBeLessThan(3_000);
  });

  it('the same bomb on standard input', () => {
    const r = timed(['map', '-'], `${LAUGHS}\nactivities:\n  - name: x\n    x-boom: *i\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: error: .*alias/m);
  });

  it('deeply nested documents (flow and block, two in one run) are refused, both reported', () => {
    const flow = file('deep-flow.yaml', `activities:\n  - name: a\n    x-deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const block = file('deep-block.yaml', `activities:\n  - name: a\n    x-deep:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(6 + i * 2)}- `).join('\n')}x\n`);
    const r = timed(['map', flow, block]);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^deep-flow\.yaml:3:\d+: error: invalid YAML: .*nesting/m);
    expect(r.stderr).toMatch(/^deep-block\.yaml:\d+:\d+: error: invalid YAML: .*nesting/m);
    expect(r.stderr).toMatch(/nesting is limited to 64 levels/);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('a file far larger than any log is refused before it is read', () => {
    const name = file('huge.yaml', '');
    truncateSync(join(tmp.dir, name), 200 * 1024 * 1024); // sparse: costs no disk
    const r = timed(['map', name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^huge\.yaml:1:1: error: file is too large \(200 MB\)/m);
    expect(r.ms).toBeLessThan(3_000);
  });
});

describe('escapes in names and values', () => {
  it('are shown escaped in error messages, file names included', () => {
    const name = file('evil\u001b[31m.yaml', '- name: x\n  say: "\\e[2J\\e]0;pwned\\ashared"\n');
    const r = timed(['map', name]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stderr).toContain('evil\\u001b[31m.yaml:2:8: error: say (activity 1): "\\u001b[2J\\u001b]0;pwned\\u0007shared" is not a valid value');
  });
});

describe('megabyte strings', () => {
  const sentence = 'Residents were consulted about the menus before the decision. ';
  const big = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length));

  it('a 5 MB description is read and placed', () => {
    const r = timed(['map', file('long-description.yaml', `activities:\n  - name: Menus\n    description: "${big}"\n`), '--format', 'json']);
    noCrash(r);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout).activities[0];
    expect(a.facts.say).toMatchObject({ value: 'heard', basis: 'inferred' });
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a 5 MB name is cut short in the table and kept whole in JSON and YAML', () => {
    const name = file('long-name.yaml', `activities:\n  - name: "${big}"\n    say: heard\n`);
    const table = timed(['map', name]);
    noCrash(table);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\(cut: 5,242,9\d\d/);
    expect(table.stdout.length).toBeLessThan(50_000);
    const json = timed(['map', name, '--format', 'json']);
    expect(JSON.parse(json.stdout).activities[0].name).toBe(big.trim());
    const yaml = timed(['map', name, '--format', 'yaml']);
    noCrash(yaml);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout.length).toBeGreaterThan(5 * 1024 * 1024);
  });
});

describe('encodings', () => {
  it('Latin-1 bytes: not UTF-8, with the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('activities:\n  - name: Caf'), Buffer.from([0xe9]), Buffer.from(' meeting\n')]);
    const r = timed(['map', file('latin1.yaml', bytes)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^latin1\.yaml:2:14: error: file is not valid UTF-8 \(byte 0xe9\)/m);
    expect(r.stderr).toMatch(/hint: save it again with UTF-8 encoding/);
  });

  it('UTF-16 (as Excel and Notepad may save it) is named as such', () => {
    const r = timed(['map', file('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('- name: x\n', 'utf16le')]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^utf16\.yaml:1:1: error: file is UTF-16 encoded/m);
  });

  it('random binary gives a located error, not a crash', () => {
    const r = timed(['map', file('binary.yaml', Buffer.from([0x00, 0x01, 0x7f, 0x1b, 0x5b, 0x32, 0x4a, 0x00, 0x0a, 0x2d, 0x20, 0x00]))]);
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^binary\.yaml:\d+:\d+: error: /m);
    expect(r.stderr).not.toMatch(/\u001b/);
  });

  it('a byte order mark and CRLF line endings give the same result as plain LF', () => {
    const log = 'service: Home\nactivities:\n  - name: Menu survey\n    say: heard\n    stages: [review]\n  - name: Garden\n    description: Residents designed the garden with staff.\n';
    const plain = timed(['map', file('lf.yaml', log), '--format', 'json']);
    const windows = timed(['map', file('crlf.yaml', `\ufeff${log.replace(/\n/g, '\r\n')}`), '--format', 'json']);
    expect(windows.code).toBe(0);
    const strip = (out: string) => JSON.parse(out).activities.map((a: { source: unknown }) => ({ ...a, source: { ...(a.source as object), file: '' } }));
    expect(strip(windows.stdout)).toEqual(strip(plain.stdout));
  });
});
