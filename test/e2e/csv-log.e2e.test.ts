// End to end: a CSV involvement log, as a service keeps it in a spreadsheet, read by map,
// check and report: a title row above the headers, headers as people type them, Yes/No,
// UK dates, lists split on ; or ,, blank rows; problems at row and column, by header.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, ROOT, tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const CSV = [
  'Oakwood involvement log 2026',
  '',
  'Activity,Date,Notes,Who took part,Say,Stages,Before the decision?,Feedback given?,Room',
  'Menu survey,14/03/2026,Residents filled in a feedback form.,residents; families,heard,review,No,No,Lounge',
  ',,,,,,,,',
  '"Garden group",2026-04-02,"Residents and staff planned the garden together, then planted it.",residents,joint,design;delivery,Yes,yes,',
  '',
].join('\n');

describe('a CSV log', () => {
  const dir = tmp.dir;
  writeFileSync(join(dir, 'log.csv'), CSV);

  it('is mapped like a YAML log, each activity at its row', () => {
    const r = coprod(['map', 'log.csv', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [menu, garden] = JSON.parse(r.stdout).activities;
    expect(menu).toMatchObject({ name: 'Menu survey', date: '2026-03-14', participants: ['residents', 'families'], source: { file: 'log.csv', line: 4, column: 1 } });
    expect(menu.facts).toMatchObject({ say: { value: 'heard', basis: 'declared' }, before_decision: { value: false }, feedback_given: { value: false } });
    expect(menu.flags).toEqual(expect.arrayContaining(['after-decision', 'feedback-missing']));
    expect(garden).toMatchObject({ name: 'Garden group', source: { line: 6 } });
    expect(garden.facts.stages.value).toEqual(['design', 'delivery']);
    expect(garden.placements.tlap.rung).toBe('co-production');
    // a column that is no field of coprod's is kept, and said so once
    expect(r.stderr).toBe('log.csv: a column kept as your own field: Room (x-room)\n');
    expect(coprod(['map', 'log.csv', '-q'], { cwd: dir }).stderr).toBe('');
  });

  it('is checked, with findings at its rows; and reported', () => {
    const r = coprod(['check', 'log.csv', '-f', 'github'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning file=log\.csv,line=4,col=1,title=coprod after-decision::Menu survey/m);
    expect(coprod(['report', 'log.csv', '-f', 'markdown'], { cwd: dir }).stdout).toMatch(/Garden group/);
    // a folder holds CSV logs too
    expect(coprod(['map', '.', '-f', 'json'], { cwd: dir }).code).toBe(0);
  });

  it('a sheet saved with semicolons between cells, and Windows line endings, reads the same', () => {
    writeFileSync(join(dir, 'semi.csv'), 'Activity;Notes;Say\r\n"Menu survey";"Residents, families and staff filled in a form.";heard\r\n');
    const r = coprod(['map', 'semi.csv', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).activities[0]).toMatchObject({ name: 'Menu survey', facts: { say: { value: 'heard' } } });
  });

  it('a wrong value is located by row and column, named by its header, with a "did you mean"', () => {
    writeFileSync(join(dir, 'bad.csv'), 'Activity,Date,Say,Before the decision?\nResidents meeting,31/02/2026,sharing,maybe\n');
    const r = coprod(['map', 'bad.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.csv:2:2: error: "Date" \(row 2\): "31\/02\/2026" is not a real date/m);
    expect(r.stderr).toMatch(/^bad\.csv:2:3: error: "Say" \(row 2\): "sharing" is not a valid value/m);
    expect(r.stderr).toMatch(/did you mean "joint"\?/);
    expect(r.stderr).toMatch(/^bad\.csv:2:4: error: "Before the decision\?" \(row 2\): expected true or false, got "maybe"/m);
    // in check, as invalid-input findings
    const checked = coprod(['check', 'bad.csv', '-f', 'github'], { cwd: dir });
    expect(checked.code).toBe(2);
    expect(checked.stdout).toMatch(/^::error file=bad\.csv,line=2,col=3,title=coprod invalid-input::"Say" \(row 2\)/m);
  });

  it('a header that nearly names a field gets a "did you mean"; a sheet with no header row says so', () => {
    writeFileSync(join(dir, 'near.csv'), 'Activity,Stagse\nA,review\n');
    const near = coprod(['map', 'near.csv'], { cwd: dir });
    expect(near.code).toBe(2);
    expect(near.stderr).toMatch(/^near\.csv:1:2: error: the column "Stagse" is not a field coprod knows/m);
    expect(near.stderr).toMatch(/did you mean "stages"\?/);
    writeFileSync(join(dir, 'none.csv'), 'a,b\n1,2\n');
    expect(coprod(['map', 'none.csv'], { cwd: dir }).stderr).toMatch(/^none\.csv:1:1: error: no header row/m);
  });

  it("a column may name a fact of the ladder's own (\"Paid role\"), read with Yes/No", () => {
    writeFileSync(join(dir, 'paid.csv'), 'Activity,Say,Paid role\nPeer support,lead,Yes\n');
    const r = coprod(['map', 'paid.csv', '--ladder', join(ROOT, 'test/fixtures/paid-roles.yaml'), '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).activities[0]).toMatchObject({ facts: { paid_role: { value: true, basis: 'declared' } }, placements: { 'paid-roles': { rung: 'paid' } } });
  });

  it('a workbook of another kind (.ods, .xls) is refused with the way to save it', () => {
    writeFileSync(join(dir, 'log.ods'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2]));
    const r = coprod(['map', 'log.ods'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^log\.ods:1:1: error: this kind of workbook cannot be read/m);
    expect(r.stderr).toMatch(/save it as an Excel workbook \(\.xlsx\), or as "CSV UTF-8"/);
    expect(r.stderr).not.toMatch(/invalid YAML/);
  });

  it('ask --append adds a row under the last, in the columns its headers name, keeping every other byte; new columns join the header', () => {
    writeFileSync(join(dir, 'append.csv'), CSV);
    // x-room is the sheet's own "Room" column; voluntary has no column yet
    writeFileSync(join(dir, 'walk.yaml'), 'name: Estate walkabout\ndate: 2026-06-01\nsay: joint\nbefore_decision: true\nparticipants: [tenants, staff]\nx-room: Estate\nvoluntary: true\n');
    const r = coprod(['ask', '--answers', 'walk.yaml', '--append', 'append.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Added to append\.csv: "Estate walkabout" as id estate-walkabout\.$/m);
    const lines = CSV.split('\n');
    lines[2] += ',Voluntary?';
    expect(readFileSync(join(dir, 'append.csv'), 'utf8')).toBe(`${lines.join('\n')}Estate walkabout,2026-06-01,,tenants; staff,joint,,Yes,,Estate,Yes\n`);
    const [, , walk] = JSON.parse(coprod(['map', 'append.csv', '-f', 'json', '-q'], { cwd: dir }).stdout).activities;
    expect(walk).toMatchObject({ name: 'Estate walkabout', participants: ['tenants', 'staff'], facts: { say: { value: 'joint' }, before_decision: { value: true }, voluntary: { value: true } } });
  });

  it('ask --append refuses a CSV log with problems, and --fill refuses to write into a spreadsheet', () => {
    writeFileSync(join(dir, 'broken.csv'), 'Activity,Say\nMenu survey,sharing\n');
    const bad = coprod(['ask', '--answers', 'walk.yaml', '--append', 'broken.csv'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.csv:2:2: error: "Say" \(row 2\): "sharing" is not a valid value/);
    expect(readFileSync(join(dir, 'broken.csv'), 'utf8')).toBe('Activity,Say\nMenu survey,sharing\n');
    const r = coprod(['ask', '--fill', 'log.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^coprod: --fill writes into YAML logs only, not into log\.csv/);
    expect(readFileSync(join(dir, 'log.csv'), 'utf8')).toBe(CSV);
  });
});
