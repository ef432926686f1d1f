// End to end: Excel workbooks as logs. One saved by LibreOffice Calc (a real spreadsheet
// program's file: a notes sheet first, a title row, date cells, formulas with their saved
// values) and others built with exceljs here: read by map, check and report, with
// problems at sheet and cell; --sheet; hostile and damaged workbooks refused; map
// --format xlsx; init --format xlsx (drop-down lists, a sheet about the columns);
// convert between YAML, CSV and XLSX with nothing lost.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coprod, EXAMPLES, ROOT, tempDir } from '../helpers/cli.js';
import { workbook, zipBomb } from '../helpers/workbooks.js';

const tmp = tempDir();
const dir = tmp.dir;
afterAll(() => tmp.cleanup());
const json = (args: string[]): { activities: Array<Record<string, any>> } => {
  const r = coprod([...args, '-f', 'json', '-q'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  copyFileSync(join(ROOT, 'test/fixtures/spreadsheets/libreoffice-log.xlsx'), join(dir, 'calc.xlsx'));
  writeFileSync(
    join(dir, 'bad.xlsx'),
    await workbook({
      Sheet1: [
        ['Activity', 'Date', 'Say', 'Before the decision?'],
        ['Residents meeting', '14/03/2026', 'sharing', 'Yes'],
        ['Menu survey', '31/02/2026', 'heard', 'maybe'],
      ],
    }),
  );
  writeFileSync(join(dir, 'two.xlsx'), await workbook({ Budget: [['Item', 'Cost'], ['Tea', 3]], Log: [['Activity', 'Notes', 'Say'], ['Garden group', 'Residents and staff planned the garden together.', 'joint']] }));
});

describe('a workbook saved by LibreOffice Calc', () => {
  it('is read from its first sheet of coprod columns: date cells as dates, formulas as their saved values', () => {
    const [panel, notice] = json(['map', 'calc.xlsx']).activities;
    expect(panel).toMatchObject({ name: "Tenants' menu panel", date: '2026-03-14', source: { file: 'calc.xlsx', line: 4, column: 1, sheet: 'Involvement 2026' } });
    expect(panel!.facts).toMatchObject({ say: { value: 'joint' }, before_decision: { value: true }, feedback_given: { value: true } });
    expect(notice).toMatchObject({ name: 'Noticeboard post', date: '2026-04-02', facts: { say: { value: 'told' }, feedback_given: { value: false } } });
  });

  it('is checked with findings at its rows and named cells, and reported', () => {
    const r = coprod(['check', 'calc.xlsx', '-f', 'github', '-q', '--min-rung', 'consultation'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=calc\.xlsx,line=5,col=1,title=coprod min-rung::'Involvement 2026'!A5: Noticeboard post: at informing/m);
    expect(coprod(['report', 'calc.xlsx', '-f', 'markdown', '-q'], { cwd: dir }).stdout).toMatch(/Tenants&#39;|Tenants' menu panel/);
  });
});

describe('problems in a workbook', () => {
  it('are located by sheet and cell, named by the column header, with a "did you mean"', () => {
    const r = coprod(['map', 'bad.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.xlsx:Sheet1!C2: error: "Say": "sharing" is not a valid value');
    expect(r.stderr).toMatch(/did you mean "joint"\?/);
    expect(r.stderr).toContain('bad.xlsx:Sheet1!B3: error: "Date"');
    expect(r.stderr).toContain('bad.xlsx:Sheet1!D3: error: "Before the decision?"');
  });

  it('are findings in every check format, at the sheet and row', () => {
    const text = coprod(['check', 'bad.xlsx'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/^ {2}Sheet1!C2 +error +invalid-input +"Say": "sharing"/m);
    const found = JSON.parse(coprod(['check', 'bad.xlsx', '-f', 'json'], { cwd: dir }).stdout).findings;
    expect(found[0]).toMatchObject({ rule: 'invalid-input', file: 'bad.xlsx', line: 2, column: 3, sheet: 'Sheet1' });
    expect(coprod(['check', 'bad.xlsx', '-f', 'github'], { cwd: dir }).stdout).toMatch(/^::error file=bad\.xlsx,line=2,col=3,title=coprod invalid-input::Sheet1!C2: "Say"/m);
    expect(coprod(['check', 'bad.xlsx', '-f', 'junit'], { cwd: dir }).stdout).toContain('bad.xlsx:Sheet1!C2 invalid-input');
  });

  it('--sheet reads a named sheet; an unknown name gets a "did you mean" and the list of sheets', () => {
    expect(json(['map', 'two.xlsx']).activities[0]).toMatchObject({ name: 'Garden group', source: { sheet: 'Log' } });
    const r = coprod(['map', 'two.xlsx', '--sheet', 'logs'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no sheet named "logs"[\s\S]*"Budget", "Log"[\s\S]*did you mean --sheet "Log"\?/);
    const budget = coprod(['map', 'two.xlsx', '--sheet', 'Budget'], { cwd: dir });
    expect(budget.code).toBe(2);
    expect(budget.stderr).toMatch(/^two\.xlsx:Budget!A1: error: no header row/m);
  });
});

describe('hostile and damaged workbooks', () => {
  it('a zip bomb, honest or lying about its size, a damaged file and an .ods are refused: exit 2, a clear message', async () => {
    writeFileSync(join(dir, 'big.xlsx'), await zipBomb(150 * 1024 * 1024));
    writeFileSync(join(dir, 'dense.xlsx'), await zipBomb(20 * 1024 * 1024));
    writeFileSync(join(dir, 'liar.xlsx'), await zipBomb(20 * 1024 * 1024, true));
    writeFileSync(join(dir, 'junk.xlsx'), Buffer.from('PK\u0003\u0004 this is not really a workbook'));
    writeFileSync(join(dir, 'old.ods'), 'PK');
    const expected: Record<string, RegExp> = {
      'big.xlsx': /too large once unpacked/,
      'dense.xlsx': /zip bomb/,
      'liar.xlsx': /damaged/,
      'junk.xlsx': /not a readable workbook/,
      'old.ods': /cannot be read[\s\S]*save it as an Excel workbook \(\.xlsx\)/,
    };
    for (const [file, message] of Object.entries(expected)) {
      const r = coprod(['map', file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(new RegExp(`^${file.replace('.', '\\.')}:1:1: error: `));
      expect(r.stderr, file).toMatch(message);
      expect(r.stderr, file).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('control characters in cells never reach the terminal raw', async () => {
    // (XML cannot hold most C0 controls; a bidirectional override it can)
    writeFileSync(join(dir, 'ctrl.xlsx'), await workbook({ Sheet1: [['Activity', 'Say'], ['Evil\u202e name', 'heard']] }));
    const r = coprod(['map', 'ctrl.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u202e');
    expect(r.stdout).toContain('Evil\\u202e name');
  });
});

describe('writing workbooks', () => {
  it('map --format xlsx writes the activities and a summary sheet; text a spreadsheet would take for a formula stays text', async () => {
    writeFileSync(join(dir, 'formula.yaml'), 'activities:\n  - name: "=HYPERLINK(\\"http://x\\")"\n    say: heard\n');
    const r = coprod(['map', 'formula.yaml', '-f', 'xlsx', '-o', 'map.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'map.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Activities', 'Summary']);
    const cell = wb.getWorksheet('Activities')!.getCell('D2');
    // a text cell, never a formula, in the Text format so that editing it keeps it text
    expect(cell.value).toBe('=HYPERLINK("http://x")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe('@');
    expect(wb.getWorksheet('Summary')!.getRow(1).values).toEqual([undefined, 'ladder', 'rung', 'band', 'activities', 'share %']);
  });

  it('init --format xlsx writes a starter workbook with drop-down lists and a sheet about the columns, which maps', async () => {
    const r = coprod(['init', '--format', 'xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Wrote activities\.xlsx: a starter workbook/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'activities.xlsx'));
    const log = wb.getWorksheet('Log')!;
    const header = (log.getRow(4).values as string[]).slice(1);
    const column = (name: string): string => String.fromCharCode(65 + header.indexOf(name));
    expect(log.getCell(`${column('Say')}5`).dataValidation).toMatchObject({ type: 'list', formulae: ['"none,taught,told,heard,influence,joint,lead,control"'] });
    expect(log.getCell(`${column('Level')}40`).dataValidation).toMatchObject({ type: 'list', formulae: ['"individual,service,strategic"'] });
    expect(log.getCell(`${column('Before the decision?')}6`).dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    // several stages go in one cell: the list suggests, and does not refuse
    expect(log.getCell(`${column('Stages')}6`).dataValidation).toMatchObject({ type: 'list' });
    expect(log.getCell(`${column('Stages')}6`).dataValidation.showErrorMessage).not.toBe(true);
    expect(log.getCell(`${column('Say')}6`).dataValidation.showErrorMessage).toBe(true);
    const about = wb.getWorksheet('About the columns')!;
    expect(about.getCell('A1').value).toBe('Column');
    expect(about.getColumn(1).values).toEqual(expect.arrayContaining(['Say', 'Before the decision?', 'Notice days']));
    const [survey, garden] = json(['map', 'activities.xlsx']).activities;
    expect(survey).toMatchObject({ name: 'Menu survey', date: '2026-03-14', facts: { say: { value: 'heard' }, before_decision: { value: false } } });
    expect(garden!.placements.tlap.rung).toBe('co-production');
    // never over a file without --force
    const again = coprod(['init', 'activities.xlsx'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(coprod(['init', 'x.yaml', '--format', 'xlsx'], { cwd: dir }).code).toBe(2);
  });
});

describe('ask --append into a workbook', () => {
  it('adds a row under the last of the log sheet, new columns on the header row; the other sheets and rows stay', async () => {
    copyFileSync(join(dir, 'calc.xlsx'), join(dir, 'append.xlsx'));
    writeFileSync(join(dir, 'walk.yaml'), 'name: Estate walkabout\ndate: 2026-06-01\nsay: joint\nbefore_decision: true\nstages: [design, delivery]\n');
    const r = coprod(['ask', '--answers', 'walk.yaml', '--append', 'append.xlsx'], { cwd: dir });
    expect(r.stderr).toMatch(/^Added to append\.xlsx: "Estate walkabout" as id estate-walkabout\.$/m);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'append.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Read me', 'Involvement 2026']);
    const log = wb.getWorksheet('Involvement 2026')!;
    expect(log.getCell('I3').value).toBe('Stages');
    expect(log.getCell('A6').value).toBe('Estate walkabout');
    expect(log.getCell('B6').value).toEqual(new Date('2026-06-01T00:00:00Z'));
    expect(log.getCell('G4').value).toMatchObject({ formula: '1=1' });
    const activities = json(['map', 'append.xlsx']).activities;
    expect(activities.map((a) => a.name)).toEqual(["Tenants' menu panel", 'Noticeboard post', 'Estate walkabout']);
    expect(activities[2]).toMatchObject({ date: '2026-06-01', facts: { stages: { value: ['design', 'delivery'] } }, source: { line: 6, sheet: 'Involvement 2026' } });
  });

  it('refuses a workbook holding parts a rewrite would lose (a chart), and leaves it as it was', async () => {
    writeFileSync(join(dir, 'walk.yaml'), 'name: Estate walkabout\nsay: joint\n');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'two.xlsx')));
    zip.file('xl/charts/chart1.xml', '<chartSpace/>');
    const bytes = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    writeFileSync(join(dir, 'chart.xlsx'), bytes);
    const r = coprod(['ask', '--answers', 'walk.yaml', '--append', 'chart.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/chart\.xlsx holds parts coprod would lose if it rewrote the workbook \(xl\/charts\/chart1\.xml\); nothing was written/);
    expect(readFileSync(join(dir, 'chart.xlsx')).equals(bytes)).toBe(true);
  });
});

describe('coprod convert', () => {
  it('YAML → XLSX → CSV → YAML gives the same log, with the schema line; nothing is overwritten without --force', () => {
    copyFileSync(join(EXAMPLES, 'oakwood-care-home.yaml'), join(dir, 'oakwood.yaml'));
    for (const [from, to] of [['oakwood.yaml', 'oak.xlsx'], ['oak.xlsx', 'oak.csv'], ['oak.csv', 'oak.yaml']]) {
      const r = coprod(['convert', from!, '--output', to!], { cwd: dir });
      expect(r.stderr, `${from} → ${to}`).toMatch(new RegExp(`Wrote ${to!.replace('.', '\\.')}`));
      expect(r.code).toBe(0);
    }
    const back = readFileSync(join(dir, 'oak.yaml'), 'utf8');
    expect(back).toMatch(/^# yaml-language-server: \$schema=\S+activities\.schema\.json\n/);
    // the same, but for the line break a folded YAML text ends with (a cell keeps no space at its ends)
    const trimmed = (text: string): unknown => JSON.parse(JSON.stringify(parse(text)), (_k, v) => (typeof v === 'string' ? v.trim() : v));
    expect(parse(back)).toEqual(trimmed(readFileSync(join(dir, 'oakwood.yaml'), 'utf8')));
    // the same places, whichever file is mapped
    const places = (file: string) => json(['map', file]).activities.map((a) => a.placements.tlap.rung);
    expect(places('oak.xlsx')).toEqual(places('oakwood.yaml'));
    expect(readFileSync(join(dir, 'oak.csv'), 'utf8').startsWith('\ufeff')).toBe(true);
    const again = coprod(['convert', 'oakwood.yaml', '--output', 'oak.csv'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/oak\.csv already exists; nothing was written/);
    expect(coprod(['convert', 'oakwood.yaml', '--output', 'oak.csv', '--force'], { cwd: dir }).code).toBe(0);
  });

  it('a log it cannot read is not converted; a missing --output or an unknown ending is a usage error', () => {
    const r = coprod(['convert', 'bad.xlsx', '--output', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Sheet1!C2/);
    expect(existsSync(join(dir, 'bad.yaml'))).toBe(false);
    expect(coprod(['convert', 'oakwood.yaml'], { cwd: dir }).stderr).toMatch(/--output/);
    expect(coprod(['convert', 'oakwood.yaml', '-o', 'x.ods'], { cwd: dir }).code).toBe(2);
  });
});
