// End to end: help, version, ladders, crosswalk, init and schema as a user runs them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, ROOT, tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('help and version', () => {
  it('--version', () => {
    const r = coprod(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('no arguments shows help, exit 0', () => {
    const r = coprod([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: coprod');
  });

  it.each(['map', 'ladders', 'crosswalk', 'init', 'schema'])('%s --help has an example', (cmd) => {
    const r = coprod([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ coprod/);
  });
});

describe('coprod ladders', () => {
  it('lists the shipped ladders', () => {
    const r = coprod(['ladders']);
    expect(r.code).toBe(0);
    for (const id of ['tlap', 'logmycare', 'logmycare-6', 'arnstein']) expect(r.stdout).toContain(id);
  });

  it('shows one ladder top rung first, with its source', () => {
    const r = coprod(['ladders', 'tlap']);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('co-production')).toBeLessThan(r.stdout.indexOf('coercion'));
    expect(r.stdout).toContain('Think Local Act Personal');
  });

  it('json lists rungs with index from 1', () => {
    const json = JSON.parse(coprod(['ladders', 'arnstein', '--format', 'json']).stdout);
    expect(json.rungs[0]).toMatchObject({ id: 'manipulation', index: 1, band: 'nonparticipation' });
    expect(json.rungs).toHaveLength(8);
  });

  it('an unknown ladder exits 2 with a suggestion', () => {
    const r = coprod(['ladders', 'arnsten']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "arnstein"?');
  });

  it('a broken ladder file gives located errors', () => {
    const file = join(tmp.dir, 'bad-ladder.yaml');
    writeFileSync(file, 'id: bad\nname: Bad\nsource: {title: t, organisation: o}\ndescription: d\nbands: [{id: b, name: B}]\nrungs:\n  - {id: a, name: A, band: b, summary: s, description: d, advice: x, when: {fact: sey, atLeast: none}}\n  - {id: c, name: C, band: b, summary: s, description: d, advice: x, when: "say >= joint"}\n');
    const r = coprod(['ladders', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-ladder\.yaml:8:\d+: error: rungs\[1\]\.when: expected a mapping/);
  });
});

describe('coprod crosswalk', () => {
  it('puts the ladders side by side, a row per say value', () => {
    const r = coprod(['crosswalk', '--ladder', 'tlap,logmycare,arnstein']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/joint +│ co-design or +│ collaborating +│ partnership/);
    const json = JSON.parse(coprod(['crosswalk', '-f', 'json']).stdout);
    expect(json.rows.map((x: { say: string }) => x.say)).toEqual(['none', 'taught', 'told', 'heard', 'influence', 'joint', 'lead', 'control']);
    expect(json.rows[5].rungs.tlap).toMatchObject({ least: 'co-design', most: 'co-production' });
    expect(json.rows[0].rungs.arnstein.least).toBe('manipulation');
  });
});

describe('coprod init', () => {
  it('writes a commented starter log that maps, and never overwrites', () => {
    const r = coprod(['init', 'log.yaml'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(tmp.dir, 'log.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/activities\.schema\.json$/);
    expect(coprod(['map', 'log.yaml'], { cwd: tmp.dir }).code).toBe(0);
    writeFileSync(join(tmp.dir, 'log.yaml'), 'mine');
    const again = coprod(['init', 'log.yaml'], { cwd: tmp.dir });
    expect(again.code).toBe(2);
    expect(readFileSync(join(tmp.dir, 'log.yaml'), 'utf8')).toBe('mine');
  });

  it('the schema line points at a real file', () => {
    coprod(['init', 'sub.yaml'], { cwd: tmp.dir });
    const line = readFileSync(join(tmp.dir, 'sub.yaml'), 'utf8').split('\n')[0]!;
    const rel = line.split('$schema=')[1]!;
    expect(JSON.parse(readFileSync(join(tmp.dir, rel), 'utf8')).title).toBe('coprod involvement log');
  });

  it('init - prints the template', () => {
    const r = coprod(['init', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('activities:');
  });
});

describe('coprod schema', () => {
  it.each(['activities', 'ladder', 'config', 'cues'])('%s matches the shipped schemas/ file', (kind) => {
    const r = coprod(['schema', kind]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8'));
  });

  it('the activities schema lists the facts and allows x- fields', () => {
    const schema = JSON.parse(coprod(['schema']).stdout);
    const text = JSON.stringify(schema);
    expect(text).toContain('"^x-"');
    expect(text).toContain('"influence"');
    expect(text).toContain('What say did the people who use services have');
  });

  it('an unknown kind exits 2', () => {
    const r = coprod(['schema', 'ladders']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "ladder"?');
  });
});

describe("users' own ladders", () => {
  it('a ladders: list in the config makes the ids work and shows the files', () => {
    const dir = join(tmp.dir, 'with-ladders');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(ROOT, 'examples/northshire-ladder.yaml'), join(dir, 'northshire.yaml'));
    writeFileSync(join(dir, 'coprod.config.yaml'), 'ladders: [northshire.yaml]\n');
    writeFileSync(join(dir, 'log.yaml'), '- name: Budget panel\n  say: joint\n  before_decision: true\n  paid: true\n');
    const list = coprod(['ladders'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/northshire[\s\S]*\(northshire\.yaml\)/);
    const json = JSON.parse(coprod(['map', 'log.yaml', '--ladder', 'northshire', '-f', 'json'], { cwd: dir }).stdout);
    expect(json.activities[0].placements.northshire.rung).toBe('together');
    expect(json.activities[0].facts.paid).toMatchObject({ value: true, basis: 'declared' });
    expect(coprod(['ladders', 'northshire'], { cwd: dir }).stdout).toMatch(/Northshire Working Together framework/);
  });

  it('the crosswalk covers every shipped ladder', () => {
    const json = JSON.parse(coprod(['crosswalk', '-f', 'json']).stdout);
    expect(json.ladders).toEqual(['tlap', 'logmycare', 'logmycare-6', 'arnstein', 'iap2', 'hart']);
    expect(json.rows[5].rungs.hart).toMatchObject({ least: 'adult-initiated-shared', most: 'child-initiated-shared' });
  });
});
