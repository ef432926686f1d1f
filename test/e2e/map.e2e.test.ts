// End to end: the built CLI run as a process. `coprod map` in every format, ladders, stdin, errors, --output.
import { textWidth } from '../../src/text/text-width.js';
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { load } from 'js-yaml';
import { coprod, EXAMPLES, ROOT, tempDir } from '../helpers/cli.js';
import { coprodInProcess } from '../helpers/in-process.js';

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml') && !f.includes('ladder') && !f.includes('standards'));
const ex = (f: string) => join('examples', f);
const OAKWOOD = ex('oakwood-care-home.yaml');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('coprod map', () => {
  it.each(examples)('maps %s as a table with a summary', (file) => {
    const r = coprod(['map', ex(file)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Activity.*Level.*TLAP rung.*Basis.*Flags.*Next step/);
    expect(r.stdout).toMatch(/TLAP Ladder of Co-production: \d+ activities/);
    expect(r.stdout).toMatch(/Bands: Sharing power \d+%/);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('the examples together cover every TLAP rung', () => {
    const r = coprod(['map', ...examples.map(ex), '--format', 'json']);
    const json = JSON.parse(r.stdout);
    const used = new Set(json.activities.map((a: { placements: { tlap: { rung: string } } }) => a.placements.tlap.rung));
    for (const rung of ['coercion', 'educating', 'informing', 'consultation', 'engagement', 'co-design', 'co-production']) expect(used).toContain(rung);
    for (const file of examples) {
      const n = JSON.parse(coprod(['map', ex(file), '--format', 'json']).stdout).activities.length;
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(25);
    }
  });

  it('json follows the contract shape', () => {
    const r = coprod(['map', OAKWOOD, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ladders[0]).toMatchObject({ id: 'tlap', name: expect.any(String) });
    const menu = json.activities.find((a: { id: string }) => a.id === 'menu-survey-2026');
    expect(menu).toMatchObject({
      id: 'menu-survey-2026',
      name: 'Menu survey',
      level: 'service',
      source: { file: OAKWOOD, line: expect.any(Number) },
      facts: { say: { value: 'heard', basis: 'declared', evidence: expect.any(String) } },
      placements: { tlap: { rung: 'consultation', index: 4, band: 'tokenism' } },
      next: { tlap: { rung: 'consultation', steps: [expect.stringMatching(/Target reached/), expect.stringMatching(/^Still to clear: .*\(feedback-missing\)/)] } },
    });
    expect(menu.flags).toEqual(expect.arrayContaining(['overclaim', 'after-decision', 'feedback-missing', 'no-support']));
    const lines = readFileSync(join(ROOT, OAKWOOD), 'utf8').split('\n');
    expect(lines[menu.source.line - 1]).toContain('name: Menu survey');
    expect(json.summary.tlap.consultation).toBeGreaterThan(0);
    const unclassified = json.activities.find((a: { placements: { tlap: { index: number } } }) => a.placements.tlap.index === 0);
    expect(unclassified.placements.tlap.rung).toBe('unclassified');
  });

  it('x- fields pass through to json', () => {
    const json = JSON.parse(coprod(['map', OAKWOOD, '--format', 'json']).stdout);
    expect(json.activities.find((a: { id: string }) => a.id === 'kitchen-garden-rota')['x-coordinator']).toBe('Sam (activities)');
  });

  it('yaml output parses to the same model', () => {
    const r = coprod(['map', OAKWOOD, '--format', 'yaml']);
    expect(r.code).toBe(0);
    const y = load(r.stdout) as { activities: unknown[] };
    expect(y.activities).toHaveLength(JSON.parse(coprod(['map', OAKWOOD, '--format', 'json']).stdout).activities.length);
  });

  it('csv has a header and a row per activity', () => {
    const r = coprod(['map', OAKWOOD, '--format', 'csv']);
    const rows = parseCsv(r.stdout) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['file', 'line', 'id', 'name']);
    expect(rows).toHaveLength(17);
  });

  it('csv in a file starts with a byte order mark, so Excel reads it as UTF-8; standard output only with --bom', () => {
    const out = join(tmp.dir, 'map-bom.csv');
    expect(coprod(['map', OAKWOOD, '--format', 'csv', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('\ufefffile,line,id,name')).toBe(true);
    expect(coprod(['map', OAKWOOD, '--format', 'csv']).stdout.startsWith('file,')).toBe(true);
    expect(coprod(['map', OAKWOOD, '--format', 'csv', '--bom']).stdout.startsWith('\ufefffile,')).toBe(true);
    const plain = join(tmp.dir, 'map-plain.csv');
    expect(coprod(['map', OAKWOOD, '--format', 'csv', '--no-bom', '-o', plain]).code).toBe(0);
    expect(readFileSync(plain, 'utf8').startsWith('file,')).toBe(true);
  });

  it('markdown has a table and a summary', () => {
    const r = coprod(['map', OAKWOOD, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^# Involvement map: Oakwood Care Home/);
    // the same headers and shares as the terminal table
    expect(r.stdout).toContain('| Activity | Level | TLAP rung | Basis | Flags | Next step |');
    expect(r.stdout).toContain('## Summary');
    const table = coprod(['map', OAKWOOD]).stdout;
    const bands = (text: string): string => /Bands: (.*)/.exec(text)![1]!;
    expect(bands(r.stdout)).toBe(bands(table));
    expect(coprod(['map', OAKWOOD, '--format', 'markdown', '--ladder', 'tlap,arnstein']).stdout).toContain('| Activity | Level | tlap | arnstein | Basis | Flags | Next step (tlap) |');
  });

  it('several ladders give a column each', () => {
    // (three rung columns need a wide terminal; in a narrow one each activity is stacked)
    const r = coprod(['map', OAKWOOD, '--ladder', 'tlap,arnstein', '--ladder', 'logmycare-6'], { env: { COLUMNS: '160' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ tlap +│ arnstein +│ logmycare-6/);
    const json = JSON.parse(coprod(['map', OAKWOOD, '-l', 'tlap,arnstein', '-f', 'json']).stdout);
    expect(json.ladders.map((l: { id: string }) => l.id)).toEqual(['tlap', 'arnstein']);
    expect(Object.keys(json.activities[0].placements)).toEqual(['tlap', 'arnstein']);
  });

  it("loads a user's own ladder from a path", () => {
    const r = coprod(['map', OAKWOOD, '--ladder', 'test/fixtures/four-step.yaml', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ladders[0].id).toBe('four-step');
    expect(json.activities.find((a: { id: string }) => a.id === 'menu-survey-2026').placements['four-step'].rung).toBe('ask');
  });

  it('reads standard input with -', () => {
    const r = coprod(['map', '-', '-f', 'json'], { input: '- name: Piped\n  say: joint\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).activities[0].source.file).toBe('<stdin>');
  });

  it('colour follows NO_COLOR, FORCE_COLOR and --no-color', () => {
    expect(coprod(['map', OAKWOOD], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(coprod(['map', OAKWOOD, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(coprod(['map', OAKWOOD, '--color']).stdout).toContain('\u001b[');
    expect(coprod(['map', OAKWOOD], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--quiet prints only the table', () => {
    const r = coprod(['map', OAKWOOD, '--quiet']);
    expect(r.stdout).not.toContain('Bands:');
    expect(r.stdout).toContain('Menu survey');
  });
});

describe('errors', () => {
  it('a comma-joined list: two entries in a free list, a hint to write a list in stages', () => {
    const free = join(tmp.dir, 'free-list.yaml');
    writeFileSync(free, 'activities:\n  - name: Garden\n    say: heard\n    participants: residents, families\n');
    expect(JSON.parse(coprod(['map', free, '-f', 'json']).stdout).activities[0].participants).toEqual(['residents', 'families']);
    const fixed = join(tmp.dir, 'fixed-list.yaml');
    writeFileSync(fixed, 'activities:\n  - name: Garden\n    say: joint\n    stages: design, delivery\n');
    const r = coprod(['map', fixed]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fixed-list\.yaml:4:13: error: stages, item 1 \(activity 1\): "design, delivery" is not a valid value\n.*\n    hint: write a list: \[design, delivery\]/);
  });

  it('a ladder missing a field still has its conditions checked: every problem in one run', () => {
    const ladder = readFileSync(join(EXAMPLES, 'northshire-ladder.yaml'), 'utf8')
      .replace('atLeast: heard }', 'atLeast: hear }')
      .replace('{ fact: paid, is: true }', '{ fact: stage, is: true }')
      .replace('    summary: We tell people what we are doing and why.\n', '');
    writeFileSync(join(tmp.dir, 'three-mistakes.yaml'), ladder);
    const r = coprod(['map', OAKWOOD, '--ladder', join(tmp.dir, 'three-mistakes.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rungs\[0\]\.summary: missing required field "summary"/);
    expect(r.stderr).toMatch(/atLeast: "hear" is not a value of say\n.*\n    hint: did you mean "heard"\?/);
    expect(r.stderr).toMatch(/fact: unknown fact "stage"\n.*\n    hint: did you mean "stages"\?/);
    expect(r.stderr).toMatch(/^3 errors\.$/m);
  });

  it('an empty name is reported at its own line; "sharing" suggests joint', () => {
    const log = join(tmp.dir, 'empty-name.yaml');
    writeFileSync(log, 'activities:\n  - name: Garden\n    say: sharing\n  - name:\n    say: heard\n');
    const r = coprod(['map', log]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty-name\.yaml:3:10: error: say \(activity 1\): "sharing" is not a valid value\n.*\n    hint: did you mean "joint"\?/);
    expect(r.stderr).toMatch(/empty-name\.yaml:4:5: error: name \(activity 2\): expected text, got an empty value/);
  });

  it('a log given with --ladder is said to look like a log', () => {
    const log = join(tmp.dir, 'given-as-ladder.yaml');
    writeFileSync(log, 'activities:\n  - name: Garden\n    say: heard\n');
    const r = coprod(['map', log, '--ladder', log]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this file is not a ladder file \(nothing of it is shown here\)/);
    expect(r.stderr).toMatch(/hint: it looks like an involvement log: name a log as a file to map/);
  });

  it('the two commonest text mistakes in YAML get advice on what to write', () => {
    const colon = join(tmp.dir, 'colon.yaml');
    writeFileSync(colon, 'activities:\n  - name: Menu meeting\n    description: Agenda: laundry and the summer menu.\n');
    const a = coprod(['map', colon]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/colon\.yaml:3:\d+: error: invalid YAML/);
    expect(a.stderr).toContain('hint: text that contains ": " must be in quotes ("…"), or written on the next lines after `description: >`');
    const apostrophe = join(tmp.dir, 'apostrophe.yaml');
    writeFileSync(apostrophe, "activities:\n  - name: 'Residents' forum'\n    say: heard\n");
    const b = coprod(['map', apostrophe]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("hint: an apostrophe inside single quotes ends the text: write it twice ('') or put the text in double quotes");
  });

  it('a broken log gives every located error, with did-you-mean, and exit 2', () => {
    const r = coprod(['map', 'test/fixtures/broken.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('test/fixtures/broken.yaml:4:10: error: say (activity 1): "shared" is not a valid value');
    expect(r.stderr).toContain('did you mean "joint"?');
    expect(r.stderr).toContain('test/fixtures/broken.yaml:5:5: error: descripion (activity 1): unknown field "descripion"');
    expect(r.stderr).toContain('did you mean "description"?');
    expect(r.stderr).toContain('broken.yaml:7:14');
    expect(r.stderr).toContain('broken.yaml:8:16');
    expect(r.stderr).toMatch(/4 errors/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file is exit 2 with a suggestion', () => {
    const r = coprod(['map', 'examples/oakwood-care-hom.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
    expect(r.stderr).toContain('did you mean examples/oakwood-care-home.yaml?');
  });

  it.each([
    [['mapp', 'x'], /Did you mean map\?/],
    [['map', OAKWOOD, '--format', 'jsn'], /did you mean "json"/],
    [['map', OAKWOOD, '--ladder', 'tlpa'], /did you mean "tlap"/],
    [['map', OAKWOOD, '--frmat', 'json'], /unknown option/],
    [['map'], /missing required argument/],
  ])('usage error %j exits 2', (args, pattern) => {
    const r = coprod(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });

  it('an unknown file ladder is located at the ladder field', () => {
    const file = join(tmp.dir, 'bad-ladder.yaml');
    writeFileSync(file, 'ladder: tlpa\nactivities:\n  - name: A\n');
    const r = coprod(['map', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-ladder\.yaml:1:9: error: ladder: unknown ladder "tlpa"/);
  });

  it('errors in several files are all reported', () => {
    const a = join(tmp.dir, 'a.yaml');
    const b = join(tmp.dir, 'b.yaml');
    writeFileSync(a, '- name: A\n  say: sometimes\n');
    writeFileSync(b, '- name: B\n  level: national\n');
    const r = coprod(['map', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a.yaml:2:8');
    expect(r.stderr).toContain('b.yaml:2:10');
    expect(r.stderr).toMatch(/2 errors in 2 files/);
  });
});

describe('--output', () => {
  it('writes, refuses to overwrite, and replaces with --force', () => {
    const out = join(tmp.dir, 'map.json');
    const first = coprod(['map', OAKWOOD, '-f', 'json', '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).activities.length).toBe(16);
    writeFileSync(out, 'keep me');
    const second = coprod(['map', OAKWOOD, '-f', 'json', '-o', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already exists; nothing was written/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = coprod(['map', OAKWOOD, '-f', 'json', '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"activities"');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over an input file', () => {
    const log = join(tmp.dir, 'log.yaml');
    writeFileSync(log, '- name: A\n  say: heard\n');
    const r = coprod(['map', log, '-o', log, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it is also an input/);
    expect(readFileSync(log, 'utf8')).toBe('- name: A\n  say: heard\n');
  });

  it('a table written to a file has no colour', () => {
    const out = join(tmp.dir, 'table.txt');
    coprod(['map', OAKWOOD, '-o', out], { env: { FORCE_COLOR: '1' } });
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b');
  });
});

describe('the terminal width', () => {
  const widest = (text: string): number => Math.max(...text.split('\n').map(textWidth));
  const council = join(EXAMPLES, 'council-commissioning.yaml');

  it('every line of map, ladders, crosswalk, check and ask fits at 80, 100, 120 and 200 columns; narrow terminals get each activity stacked', async () => {
    const answers = join(tmp.dir, 'width-answers.yaml');
    writeFileSync(answers, 'name: A residents\' meeting about the garden, the menu and the summer trips, with the manager\nsay: influence\nbefore_decision: true\n');
    const runs: string[][] = [
      ['map', council],
      ['map', council, '--ladder', 'tlap,arnstein'],
      ['map', council, '--verbose'],
      ['map', council, '--ladder', 'tlap,arnstein', '--verbose'],
      ['ladders'],
      ['ladders', 'tlap'],
      ['crosswalk'],
      ['crosswalk', '--ladder', 'tlap,arnstein'],
      ['check', council],
      ['check', council, '--ladder', 'logmycare'],
      ['ask', '--answers', answers, '--ladder', 'tlap,arnstein'],
    ];
    for (const columns of [80, 100, 120, 200]) {
      for (const args of runs) {
        const r = await coprodInProcess(args, { cwd: ROOT, env: { COLUMNS: String(columns), NO_COLOR: '1' } });
        expect(r.code, r.stderr).toBeLessThan(2);
        expect(widest(r.stdout), `${columns} columns: ${args.join(' ')}`).toBeLessThanOrEqual(columns);
      }
    }
    const narrow = (await coprodInProcess(['map', council], { cwd: ROOT, env: { COLUMNS: '80' } })).stdout;
    expect(narrow).not.toMatch(/┌/);
    expect(narrow).toMatch(/^Market position statement launch\n  Level: strategic\n  TLAP rung: informing\n/m);
    // the crosswalk of every ladder stacks each say value below 100 columns or so; two ladders stay a table at 80
    expect((await coprodInProcess(['crosswalk'], { cwd: ROOT, env: { COLUMNS: '80' } })).stdout).toMatch(/^control: people who use services own and run it\n  tlap: +co-design or co-production\*\n/m);
    expect((await coprodInProcess(['crosswalk', '-l', 'tlap,arnstein'], { cwd: ROOT, env: { COLUMNS: '80' } })).stdout).toMatch(/^│ say \(top first\) │ tlap/m);
  });

  it('with no terminal and no COLUMNS (a CI log, a pipe) lines fit 80 columns', () => {
    for (const args of [['map', council], ['crosswalk'], ['check', council]]) {
      const r = coprod(args, { env: { COLUMNS: undefined } });
      expect(widest(r.stdout), args.join(' ')).toBeLessThanOrEqual(80);
    }
  });
});

describe('ladders in JSON', () => {
  it('a shipped ladder has no machine path; your own ladder names its file', () => {
    const json = JSON.parse(coprod(['map', OAKWOOD, '-f', 'json', '--ladder', 'tlap,examples/northshire-ladder.yaml']).stdout);
    expect(json.ladders[0]).toMatchObject({ id: 'tlap', shipped: true, file: null });
    expect(json.ladders[1]).toMatchObject({ shipped: false, file: expect.stringMatching(/northshire-ladder\.yaml$/) });
  });
});

describe('--verbose', () => {
  it('shows a rung\'s advice once: on the top rung the next step is the advice itself', () => {
    const log = join(tmp.dir, 'top.yaml');
    writeFileSync(log, 'activities:\n  - name: Garden\n    say: joint\n    stages: [design, delivery]\n  - name: Survey\n    say: heard\n');
    const out = coprod(['map', log, '-v']).stdout;
    expect(out).toMatch(/Top rung\. Sustain it/);
    // one "Advice:" for the survey (climbing), none repeated for the top-rung garden
    expect(out.match(/Advice:/g)).toHaveLength(1);
  });
});

describe('a reached target', () => {
  it('never hides a flag: the next step still says what clears each one', () => {
    const log = join(tmp.dir, 'target.yaml');
    writeFileSync(log, 'activities:\n  - name: Menu survey\n    methods: [survey]\n    say: heard\n    before_decision: false\n    feedback_given: false\n    target: consultation\n');
    const json = JSON.parse(coprod(['map', log, '-f', 'json']).stdout);
    const next = json.activities[0].next.tlap;
    expect(next.status).toBe('target-reached');
    expect(next.steps[0]).toMatch(/^Target reached/);
    expect(next.steps[1]).toMatch(/^Still to clear: involve people while the decision is still open.*\(after-decision\); tell people what changed .*\(feedback-missing\)\.$/);
    expect(coprod(['map', log]).stdout).toMatch(/Still to clear/);
  });
});

describe('not involved', () => {
  it('people who took no part are flagged not-involved everywhere, and the next step is to involve them', () => {
    const log = join(tmp.dir, 'not-involved.yaml');
    writeFileSync(log, 'activities:\n  - name: Complaints review\n    description: The complaints procedure was reviewed by the quality team. Residents were not involved.\n  - name: Fire drill\n    say: none\n    voluntary: false\n');
    const table = coprod(['map', log]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ Complaints review .*coercion .*not-involved/);
    expect(table.stdout).toMatch(/Flags: not-involved 2/);
    expect(table.stdout).not.toMatch(/free choice/);
    // nor the bottom rung's advice about compulsion
    const verbose = coprod(['map', log, '--verbose']);
    expect(verbose.stdout.replace(/[│\s]+/g, ' ')).toMatch(/Advice: Start with the people it affects/);
    expect(verbose.stdout).not.toMatch(/attendance/);
    const json = JSON.parse(coprod(['map', log, '-f', 'json']).stdout);
    for (const a of json.activities) {
      expect(a.placements.tlap.rung).toBe('coercion');
      expect(a.flags).toContain('not-involved');
      expect(a.next.tlap.steps[0]).toMatch(/^Involve the people who use the service/);
    }
    // the evidence is the clause with its negation
    expect(json.activities[0].facts.say).toMatchObject({ value: 'none', evidence: expect.stringContaining('Residents were not involved') });
    const check = JSON.parse(coprod(['check', log, '-f', 'json']).stdout);
    expect(check.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual(['not-involved:warn', 'not-involved:warn']);
    const report = coprod(['report', log, '-f', 'markdown']);
    expect(report.stdout).toMatch(/People took no part \(2\)/);
  });
});

describe('inference from descriptions', () => {
  it('places description-only activities and shows the evidence with --verbose', () => {
    const r = coprod(['map', OAKWOOD, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/say: told ← "they found/);
    const json = JSON.parse(coprod(['map', OAKWOOD, '-f', 'json']).stdout);
    const hair = json.activities.find((a: { id: string }) => a.id === 'hairdresser-change');
    expect(hair.facts.say).toMatchObject({ value: 'told', basis: 'inferred', evidence: expect.stringContaining('found out') });
    expect(hair.facts.say.cue).toMatch(/^[a-z-]+$/);
    expect(hair.placements.tlap.rung).toBe('informing');
  });

  it('--no-infer uses declared facts only', () => {
    const json = JSON.parse(coprod(['map', OAKWOOD, '-f', 'json', '--no-infer']).stdout);
    expect(json.activities.find((a: { id: string }) => a.id === 'hairdresser-change').placements.tlap.rung).toBe('unclassified');
  });

  it("a user's cue file extends the vocabulary", () => {
    const cues = join(tmp.dir, 'my-cues.yaml');
    writeFileSync(cues, 'cues:\n  - id: huddle\n    fact: say\n    value: joint\n    strength: 3\n    patterns: ["huddle*"]\n    examples:\n      match: ["Residents and staff huddle on Mondays."]\n      nomatch: ["Residents and staff meet on Mondays."]\n');
    const log = join(tmp.dir, 'huddle.yaml');
    writeFileSync(log, '- name: Weekly huddle\n  description: Residents and staff huddle every Monday.\n');
    expect(JSON.parse(coprod(['map', log, '-f', 'json']).stdout).activities[0].placements.tlap.rung).toBe('unclassified');
    const r = coprod(['map', log, '-f', 'json', '--cues', cues]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).activities[0].facts.say).toMatchObject({ value: 'joint', basis: 'inferred' });
  });

  it('cues: in the config file are loaded, relative to the config', () => {
    const dir = join(tmp.dir, 'cfg');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'coprod.config.yaml'), 'cues: team-cues.yaml\n');
    writeFileSync(join(dir, 'team-cues.yaml'), 'cues:\n  - { id: pulse-check, fact: say, value: heard, strength: 3, patterns: ["pulse check*"], examples: { match: ["A pulse check of carers."], nomatch: ["A health check."] } }\n');
    writeFileSync(join(dir, 'log.yaml'), '- name: Pulse check\n');
    const json = JSON.parse(coprod(['map', 'log.yaml', '-f', 'json'], { cwd: dir }).stdout);
    expect(json.activities[0].facts.say.value).toBe('heard');
  });

  it("a user's cue file adds words that tie a change to the views it answers, validated like any pattern", () => {
    const cues = join(tmp.dir, 'tie-cues.yaml');
    writeFileSync(cues, 'answers: ["off the back of"]\n');
    const log = join(tmp.dir, 'tie.yaml');
    writeFileSync(log, '- name: Bin store\n  description: Tenants gave feedback at the estate walkabout. The landlord changed the collection day off the back of that.\n');
    // untied, heard or influence is left to be asked
    const open = JSON.parse(coprod(['map', log, '-f', 'json']).stdout).activities[0];
    expect(open.facts.say).toBeUndefined();
    expect(open.next.tlap.steps[0]).toMatch(/^Did what people said lead to the change \("The landlord changed the collection day off the back of that"\)\?/);
    expect(JSON.parse(coprod(['map', log, '-f', 'json', '--cues', cues]).stdout).activities[0].facts.say.value).toBe('influence');
    writeFileSync(cues, 'answers:\n  - "… as a result"\n');
    const bad = coprod(['map', log, '--cues', cues]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/tie-cues\.yaml:2:\d+: error: answers\[0\]: pattern "… as a result": a pattern cannot start or end with …/);
  });

  it('a broken cue file gives located errors', () => {
    const cues = join(tmp.dir, 'bad-cues.yaml');
    writeFileSync(cues, 'cues:\n  - fact: sya\n    id: a\n    value: heard\n    strength: 3\n    patterns: [survey]\n    examples: { match: [x], nomatch: [y] }\n  - fact: say\n    id: b\n    value: heard\n    strength: 3\n    patterns: ["… survey"]\n    examples: { match: [x], nomatch: [y] }\n');
    const r = coprod(['map', OAKWOOD, '--cues', cues]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-cues\.yaml:2:11: error: cues\[0\]\.fact: unknown fact "sya"/);
    expect(r.stderr).toContain('did you mean "say"?');
    expect(r.stderr).toMatch(/bad-cues\.yaml:12:\d+: error: cues\[1\]\.patterns\[0\]: pattern "… survey": a pattern cannot start or end with …/);
  });
});
