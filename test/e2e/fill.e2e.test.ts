// End to end: `coprod ask --fill LOG` asks about the activities the log leaves
// unclassified (or whose words contradict a declared fact) and writes the answers into
// those activities in place, keeping every other byte.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, tempDir } from '../helpers/cli.js';
import { hasScript, KEY, startPty } from '../helpers/pty.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const LOG = `# Oakwood involvement log (kept by the quality lead)
activities:
  - name: Team meeting   # monthly
    date: 2026-03-01

  - name: Menu survey
    description: Residents filled in a feedback form.
  - {name: Garden day, description: Residents and staff met in the garden.}
  - name: Carers event
    say: joint   # as the organiser put it
    description: Carers were not consulted; the manager decided.
# end of log
`;

let n = 0;
function log(text = LOG): string {
  const dir = join(tmp.dir, `f${++n}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'log.yaml'), text);
  return dir;
}

describe('ask --fill with --answers', () => {
  it('writes each answer into its activity in place and changes nothing else', () => {
    const dir = log();
    writeFileSync(join(dir, 'answers.yaml'), 'team-meeting:\n  say: heard\n  stages: [review]\ngarden-day: { say: influence }\ncarers-event: { say: none }\n');
    const r = coprod(['ask', '--fill', 'log.yaml', '--answers', 'answers.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Team meeting \(log\.yaml, line 3\)\n  Nothing in its words settles what say people had\.\n  Now: unclassified on tlap\.\n  → say: heard, stages: review; now consultation on tlap\./);
    expect(r.stdout).toMatch(/It declares say: joint, but the words suggest none \("Carers were not\s+consulted"\)/);
    expect(r.stdout).not.toMatch(/Menu survey/); // placed from its words: nothing to ask
    expect(r.stderr).toMatch(/Wrote 4 answers into 3 activities of log\.yaml\./);
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toBe(`# Oakwood involvement log (kept by the quality lead)
activities:
  - name: Team meeting   # monthly
    date: 2026-03-01
    say: heard
    stages: [review]

  - name: Menu survey
    description: Residents filled in a feedback form.
  - {name: Garden day, description: Residents and staff met in the garden., say: influence}
  - name: Carers event
    say: none   # as the organiser put it
    description: Carers were not consulted; the manager decided.
# end of log
`);
    // and the log now places every activity it was asked about
    const json = JSON.parse(coprod(['map', 'log.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.activities.map((a: { placements: { tlap: { rung: string } } }) => a.placements.tlap.rung)).toEqual(['consultation', 'consultation', 'engagement', 'coercion']);
  });

  it('an unknown id or value is a located error with a suggestion, and nothing is written', () => {
    const dir = log();
    writeFileSync(join(dir, 'answers.yaml'), 'team-meting:\n  say: heard\ngarden-day:\n  say: sharing\n');
    const r = coprod(['ask', '--fill', 'log.yaml', '--answers', 'answers.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^answers\.yaml:1:1: error: team-meting: no activity has the id "team-meting"\n.*\n    hint: did you mean "team-meeting"\?/m);
    expect(r.stderr).toMatch(/^answers\.yaml:4:8: error: garden-day\.say: "sharing" is not a value of say/m);
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toBe(LOG);
  });

  it('with nothing to ask it says so; without a terminal or answers it points to --answers', () => {
    const dir = log('activities:\n  - name: Menu survey\n    say: heard\n');
    const none = coprod(['ask', '--fill', 'log.yaml', '--answers', '/dev/null'], { cwd: dir });
    expect(none.stderr).toMatch(/nothing to ask|not a regular file/);
    const noTty = coprod(['ask', '--fill', 'log.yaml'], { cwd: log() });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/needs a terminal[\s\S]*--answers/);
  });
});

describe.skipIf(!hasScript)('ask --fill in a terminal', () => {
  it('asks only what decides each activity, starts on "not sure", and writes what was answered', async () => {
    const dir = log();
    const pty = startPty(['ask', '--fill', 'log.yaml'], { cwd: dir });
    // Team meeting: say, answered "heard" (not sure, none, taught, told, heard)
    await pty.answer(/What say did the people who use services have/, KEY.down.repeat(4) + KEY.enter);
    // Garden day: Enter on "not sure" records nothing
    await pty.answer(/Garden day[\s\S]*What say did the people/, KEY.enter);
    // Carers event: the contradicted fact, answered "none"
    await pty.answer(/Carers event[\s\S]*What say did the people/, KEY.down + KEY.enter);
    const { code, output } = await pty.done();
    expect(code, output).toBe(0);
    expect(output).toMatch(/Wrote 2 answers into 2 activities of log\.yaml/);
    const text = readFileSync(join(dir, 'log.yaml'), 'utf8');
    expect(text).toContain('  - name: Team meeting   # monthly\n    date: 2026-03-01\n    say: heard\n');
    expect(text).toContain('  - {name: Garden day, description: Residents and staff met in the garden.}\n');
    expect(text).toContain('    say: none   # as the organiser put it\n');
  });
});

describe('ask --fill where the words leave say between two values', () => {
  const OPEN = `activities:
  - name: Garden hours
    description: Patients asked for the garden to stay open after 8pm. The ward manager agreed a trial until 9pm.
`;

  it('shows what was left open and from which words', () => {
    const dir = log(OPEN);
    writeFileSync(join(dir, 'answers.yaml'), 'garden-hours: { say: influence }\n');
    const r = coprod(['ask', '--fill', 'log.yaml', '--answers', 'answers.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Garden hours \(log\.yaml, line 2\)\n  Left open by the words:\n    • say: heard or influence, from "Patients asked for the garden to stay open\s+after 8pm … The ward manager agreed a trial until 9pm"\n  Now: unclassified on tlap\.\n  → say: influence; now engagement on tlap\./);
    expect(r.stderr).toMatch(/Wrote 1 answer into 1 activity of log\.yaml\./);
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toContain('agreed a trial until 9pm.\n    say: influence\n');
  });

  it.skipIf(!hasScript)('asks the question that decides it, with those values first', async () => {
    const dir = log(OPEN);
    const pty = startPty(['ask', '--fill', 'log.yaml'], { cwd: dir });
    // not sure, heard, influence, …: two down is influence
    await pty.answer(/Did what people said lead to the change/, KEY.down.repeat(2) + KEY.enter);
    const { code, output } = await pty.done();
    expect(code, output).toBe(0);
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toContain('agreed a trial until 9pm.\n    say: influence\n');
  });
});
