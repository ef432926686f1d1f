// End to end: `coprod ask` in a real pseudo-terminal (prompts, "not sure", Ctrl-C),
// scripted with --answers, and --append keeping a commented log byte for byte.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, tempDir } from '../helpers/cli.js';
import { hasScript, KEY, startPty } from '../helpers/pty.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.skipIf(!hasScript)('coprod ask in a terminal', () => {
  it('asks plain questions, skips those that cannot matter, and answers', async () => {
    const log = join(tmp.dir, 'asked.yaml');
    const s = startPty(['ask', '--ladder', 'tlap,arnstein', '--append', log]);
    await s.answer(/Name of the activity/, `Menu survey${KEY.enter}`);
    await s.answer(/what happened\?/, `Residents filled in a feedback form.${KEY.enter}`);
    await s.answer(/When did it happen/, KEY.enter); // today (default)
    await s.answer(/Who took part/, `residents, families${KEY.enter}`);
    await s.answer(/At what level/, KEY.enter); // service (default)
    // each question starts on "not sure" (the last choice); down goes round to the first
    await s.answer(/What say did the people/, `${KEY.down.repeat(4)}${KEY.enter}`); // heard
    await s.answer(/before the decision was made\?/, `${KEY.down.repeat(2)}${KEY.enter}`); // no
    await s.answer(/people say or ask for/, KEY.enter); // skipped: the yes/no question follows
    await s.answer(/told how their input was used/, `${KEY.down.repeat(2)}${KEY.enter}`); // no
    const { code, output } = await s.done();
    expect(code).toBe(0);
    expect(output).toMatch(/TLAP Ladder of Co-production: Consultation \(rung 4 of 7, Tokenism\)/);
    expect(output).toMatch(/arnstein +Consultation/);
    expect(output).toMatch(/after-decision/);
    expect(output).toMatch(/feedback-missing/);
    expect(output).toMatch(/Next step, towards Engagement/);
    // with say "heard" the stages and "made to attend" questions cannot change the answer
    expect(output).not.toMatch(/At which stages/);
    expect(output).not.toMatch(/choose to take part/);
    // the date (today, by default) and who took part are recorded, for the report
    const written = readFileSync(log, 'utf8');
    expect(written).toMatch(/date: ['"]?\d{4}-\d\d-\d\d/);
    expect(written).toMatch(/participants:[\s\S]*residents[\s\S]*families/);
    expect(written).toMatch(/before_decision: false/);
  });

  it('"not sure" leaves a fact unset; stages are asked when they can matter', async () => {
    const s = startPty(['ask']);
    await s.answer(/Name of the activity/, `Garden group${KEY.enter}`);
    await s.answer(/what happened\?/, KEY.enter);
    await s.answer(/When did it happen/, KEY.enter);
    await s.answer(/Who took part/, KEY.enter);
    await s.answer(/At what level/, KEY.enter);
    await s.answer(/What say did the people/, `${KEY.down.repeat(6)}${KEY.enter}`); // joint
    await s.answer(/before the decision was made\?/, KEY.enter); // not sure (where each question starts)
    await s.answer(/At which stages/, `${KEY.down}${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`); // design, delivery
    await s.answer(/people say or ask for/, KEY.enter); // skipped: the yes/no question follows
    await s.answer(/told how their input was used/, `${KEY.down}${KEY.enter}`); // yes
    const { code, output } = await s.done();
    expect(code).toBe(0);
    expect(output).toMatch(/Co-production \(rung 7 of 7/);
  });

  it('word-wraps questions and choices to an 80-column terminal', async () => {
    const s = startPty(['ask'], { columns: 80 });
    await s.answer(/Name of the activity/, `Menu survey${KEY.enter}`);
    await s.answer(/what happened\?/, KEY.enter);
    await s.answer(/When did it happen/, KEY.enter);
    await s.answer(/Who took part/, KEY.enter);
    await s.answer(/At what level/, KEY.enter);
    await s.answer(/What say did the people/, `${KEY.down.repeat(4)}${KEY.enter}`); // heard
    await s.answer(/before the decision was made\?/, KEY.enter);
    await s.answer(/people say or ask for/, KEY.enter); // skipped: the yes/no question follows
    await s.answer(/told how their input was used/, KEY.enter);
    const { code, output } = await s.done();
    expect(code).toBe(0);
    // inquirer alone would break "as|ked" at the edge; the choice goes on under itself
    expect(output).toMatch(/views not\n {2}asked for/);
    expect(output).toMatch(/as far as the organisation\n {2}allowed/);
  });

  it('Ctrl-C at a prompt exits 130 with one line and writes nothing', async () => {
    const log = join(tmp.dir, 'never.yaml');
    const s = startPty(['ask', '--append', log]);
    await s.answer(/Name of the activity/, `Half done${KEY.enter}`);
    await s.answer(/what happened\?/, KEY.ctrlC);
    const { code, output } = await s.done();
    expect(code).toBe(130);
    expect(output).toMatch(/coprod: interrupted; nothing was written/);
    expect(output).not.toMatch(/\n\s+at /);
    expect(existsSync(log)).toBe(false);
  });
});

describe('coprod ask without a terminal', () => {
  it('points to coprod map and --answers, exit 2', () => {
    const r = coprod(['ask']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).toMatch(/coprod map FILE/);
    expect(r.stderr).toMatch(/--answers/);
  });

  it('--answers makes it scriptable, on any ladder', () => {
    const answers = join(tmp.dir, 'answers.yaml');
    writeFileSync(answers, 'name: Care plan review\nlevel: individual\nsay: joint\nstages: [design, delivery]\n');
    const r = coprod(['ask', '--answers', answers, '--ladder', 'logmycare,tlap']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Log my Care .*: Collaborating \(rung 4 of 5/);
    expect(r.stdout).toMatch(/tlap +Co-production/);
    // only the ladders in use: not every shipped one (Hart's ladder is for children's services)
    expect(r.stdout).not.toMatch(/hart/);
    expect(r.stdout.split('\n').every((l) => l.length <= 100)).toBe(true);
  });

  it('JSON answers work too; a bad answers file gives a located error', () => {
    const good = join(tmp.dir, 'answers.json');
    writeFileSync(good, JSON.stringify({ name: 'Newsletter', say: 'told' }));
    expect(coprod(['ask', '--answers', good]).stdout).toMatch(/Informing/);
    const bad = join(tmp.dir, 'bad-answers.yaml');
    writeFileSync(bad, 'name: X\nsay: shared\n');
    const r = coprod(['ask', '--answers', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-answers\.yaml:2:6: error: say: "shared" is not a valid value/);
  });
});

describe('--append', () => {
  const LOG = `# Oakwood involvement log — keep this comment
service: Oakwood   # inline comment
ladder: tlap

activities:
  # the first one
  - name: Menu survey   # why: audit
    id: menu-survey
    say: heard
    stages: [ review ]

  - name: Garden group
    say: joint
    description: >
      Folded text
      over two lines.

# trailing comment stays at the end
`;

  it('adds the entry and keeps every other byte of a commented file', () => {
    const log = join(tmp.dir, 'log.yaml');
    writeFileSync(log, LOG);
    const answers = join(tmp.dir, 'a1.yaml');
    writeFileSync(answers, 'name: Menu survey\nsay: influence\nstages: [design, review]\n');
    const r = coprod(['ask', '--answers', answers, '--append', log]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Added to .*log\.yaml: "Menu survey" as id menu-survey-2 \(the id menu-survey was taken\)/);
    const after = readFileSync(log, 'utf8');
    const added = '  - name: Menu survey\n    id: menu-survey-2\n    say: influence\n    stages: [design, review]\n';
    const at = after.indexOf(added);
    expect(at).toBeGreaterThan(0);
    expect(after.slice(0, at) + after.slice(at + added.length)).toBe(LOG);
    const json = JSON.parse(coprod(['map', log, '-f', 'json']).stdout);
    expect(json.activities.map((a: { id: string }) => a.id)).toEqual(['menu-survey', 'garden-group', 'menu-survey-2']);
  });

  it('keeps CRLF line endings', () => {
    const log = join(tmp.dir, 'crlf.yaml');
    const text = '# log\r\nactivities:\r\n  - name: A\r\n    say: heard\r\n';
    writeFileSync(log, text);
    const answers = join(tmp.dir, 'a2.yaml');
    writeFileSync(answers, 'name: B\nsay: told\n');
    expect(coprod(['ask', '--answers', answers, '--append', log]).code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(`${text}  - name: B\r\n    id: b\r\n    say: told\r\n`);
  });

  it('keeps a byte order mark, and never rewrites a log that is not UTF-8', () => {
    const answers = join(tmp.dir, 'a5.yaml');
    writeFileSync(answers, 'name: B\nsay: told\n');
    const bom = join(tmp.dir, 'bom.yaml');
    writeFileSync(bom, '\ufeff- name: A\n  say: heard\n');
    expect(coprod(['ask', '--answers', answers, '--append', bom]).code).toBe(0);
    expect(readFileSync(bom, 'utf8')).toBe('\ufeff- name: A\n  say: heard\n- name: B\n  id: b\n  say: told\n');
    const latin1 = join(tmp.dir, 'latin1.yaml');
    const bytes = Buffer.concat([Buffer.from('- name: Caf'), Buffer.from([0xe9]), Buffer.from('\n  say: heard\n')]);
    writeFileSync(latin1, bytes);
    const r = coprod(['ask', '--answers', answers, '--append', latin1]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latin1\.yaml:1:12: error: file is not valid UTF-8/);
    expect(readFileSync(latin1)).toEqual(bytes);
  });

  it('refuses a log with lone carriage returns (read differently by YAML readers), located', () => {
    const log = join(tmp.dir, 'cr.yaml');
    const text = 'activities:\r\r\n  - name: A\r\r\n    say: heard\r\r\n';
    writeFileSync(log, text);
    const answers = join(tmp.dir, 'a6.yaml');
    writeFileSync(answers, 'name: B\nsay: told\n');
    const r = coprod(['ask', '--answers', answers, '--append', log]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cr\.yaml:1:12: error: a line ends in a lone carriage return \(CR\)/);
    expect(readFileSync(log, 'utf8')).toBe(text);
  });

  it('creates a missing log from the starter template', () => {
    const log = join(tmp.dir, 'new-log.yaml');
    const answers = join(tmp.dir, 'a3.yaml');
    writeFileSync(answers, 'name: First activity\nsay: heard\n');
    const r = coprod(['ask', '--answers', answers, '--append', log]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Created .*new-log\.yaml/);
    const text = readFileSync(log, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    const json = JSON.parse(coprod(['map', log, '-f', 'json']).stdout);
    expect(json.activities.map((a: { name: string }) => a.name)).toEqual(['First activity']);
  });

  it('refuses to write into a log that is already broken', () => {
    const log = join(tmp.dir, 'broken.yaml');
    writeFileSync(log, 'activities:\n  - name: A\n    say: sometimes\n');
    const answers = join(tmp.dir, 'a4.yaml');
    writeFileSync(answers, 'name: B\nsay: told\n');
    const r = coprod(['ask', '--answers', answers, '--append', log]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:3:10/);
    expect(readFileSync(log, 'utf8')).toBe('activities:\n  - name: A\n    say: sometimes\n');
  });

  it("places the entry on the log's own ladder, as map does, and names no other", () => {
    const log = join(tmp.dir, 'own-ladder.yaml');
    writeFileSync(log, 'ladder: logmycare\nactivities:\n  - name: A\n    say: heard\n');
    const answers = join(tmp.dir, 'a7.yaml');
    writeFileSync(answers, 'name: Care plan review\nsay: joint\nstages: [design, delivery]\n');
    const r = coprod(['ask', '--answers', answers, '--append', log]);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ').trim()).toMatch(/^Care plan review Log my Care .*: Collaborating/);
    expect(r.stdout).not.toMatch(/TLAP|tlap/);
  });

  it("a log's ladder that names no ladder is an error at that field, before anything is asked", () => {
    const log = join(tmp.dir, 'bad-ladder.yaml');
    writeFileSync(log, 'ladder: tlapp\nactivities:\n  - name: A\n    say: heard\n');
    const r = coprod(['ask', '--append', log]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-ladder\.yaml:1:9: error: ladder: .*tlapp/);
    expect(r.stderr).toMatch(/did you mean "tlap"/);
    expect(r.stderr).not.toMatch(/needs a terminal/);
  });
});
