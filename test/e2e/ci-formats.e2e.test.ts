// End to end: what CI reads from `coprod check`. A file that cannot be used is a finding
// (invalid-input) in every format while the other files are still checked; folders and
// globs; JUnit as a real consumer parses it; GitLab Code Quality; the GitHub job summary;
// --max-warnings stated in every format; --output into a folder that does not exist yet.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJunit, type TestSuites } from 'junit2json';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, tempDir } from '../helpers/cli.js';
import { sarifProblems } from '../helpers/sarif-schema.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const GOOD = 'activities:\n  - name: Menu survey\n    id: menu\n    say: heard\n    before_decision: false\n    feedback_given: false\n    claimed: co-production\n  - name: Garden group\n    say: joint\n    stages: [design, delivery]\n';
const BROKEN = 'activities:\n  - name: Residents meeting\n    say: sharing\n';

let n = 0;
function project(files: Record<string, string>): string {
  const dir = join(tmp.dir, `ci${++n}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('a file that cannot be used is a finding in every format, and the others are still checked', () => {
  const dir = project({ 'logs/a-broken.yaml': BROKEN, 'logs/b-good.yaml': GOOD });
  const run = (format: string) => coprod(['check', 'logs', '-f', format], { cwd: dir });

  it('text', () => {
    const r = run('text');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/logs\/a-broken\.yaml\n {2}3:10 +error +invalid-input +say \(activity 1\): "sharing" is not a valid value/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/→ Expected: one of none, taught, told, heard, influence, joint, lead, control\. Did you mean "joint"\?/);
    expect(r.stdout).toMatch(/logs\/b-good\.yaml\n[\s\S]* 2:5 +error +overclaim/);
    expect(r.stdout).toMatch(/✖ 1 file could not be checked \(invalid-input\)/);
    expect(r.stderr).toBe('');
  });

  it('json', () => {
    const r = run('json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ exitCode: 2, invalidFiles: 1, activities: 2 });
    expect(json.findings[0]).toMatchObject({ rule: 'invalid-input', severity: 'error', file: 'logs/a-broken.yaml', line: 3, column: 10 });
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('overclaim');
  });

  it('github', () => {
    const r = run('github');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=logs\/a-broken\.yaml,line=3,col=10,title=coprod invalid-input::say \(activity 1\): "sharing" is not a valid value/m);
    expect(r.stdout).toMatch(/^::error file=logs\/b-good\.yaml,line=2,col=5,title=coprod overclaim::/m);
  });

  it('junit, as junit2json reads it', async () => {
    const r = run('junit');
    expect(r.code).toBe(2);
    const xml = (await parseJunit(r.stdout)) as TestSuites;
    const broken = xml.testsuite!.find((s) => s.name === 'logs/a-broken.yaml')!;
    expect(broken.testcase![0]!.name).toBe('invalid input: the file could not be checked');
    expect(broken.testcase![0]!.failure![0]!.type).toBe('invalid-input');
    expect(broken.testcase![0]!.failure![0]!.inner).toMatch(/logs\/a-broken\.yaml:3:10 invalid-input/);
    const good = xml.testsuite!.find((s) => s.name === 'logs/b-good.yaml')!;
    expect(good.tests).toBe(2);
  });

  it('sarif', () => {
    const r = run('sarif');
    expect(r.code).toBe(2);
    const sarif = JSON.parse(r.stdout);
    expect(sarifProblems(sarif)).toEqual([]);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'invalid-input', level: 'error' });
  });

  it('gitlab: Code Quality issues with stable fingerprints', () => {
    const r = run('gitlab');
    expect(r.code).toBe(2);
    const issues = JSON.parse(r.stdout);
    expect(issues[0]).toMatchObject({ check_name: 'coprod/invalid-input', severity: 'blocker', location: { path: 'logs/a-broken.yaml', lines: { begin: 3 } } });
    const overclaim = issues.find((i: { check_name: string }) => i.check_name === 'coprod/overclaim');
    expect(overclaim).toMatchObject({ severity: 'major', location: { path: 'logs/b-good.yaml', lines: { begin: 2 } } });
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(run('gitlab').stdout).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(issues.map((i: { fingerprint: string }) => i.fingerprint));
  });

  it('--output gets the findings too, in a folder made for it', () => {
    const r = coprod(['check', 'logs', '-f', 'junit', '-o', 'reports/coprod.xml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'reports/coprod.xml'), 'utf8')).toMatch(/invalid-input/);
  });

  it('a config that cannot be read is a finding at its line; no log is checked', () => {
    const d = project({ 'log.yaml': GOOD, 'coprod.config.yaml': 'policy:\n  overclaim: fatal\n' });
    const r = coprod(['check', 'log.yaml', '-f', 'github'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=coprod\.config\.yaml,line=2,col=14,title=coprod invalid-input::/m);
    expect(r.stdout).not.toMatch(/overclaim::/);
  });
});

describe('folders and globs, expanded by coprod', () => {
  const dir = project({ 'involvement/2025/a.yaml': GOOD, 'involvement/2026/b.yml': GOOD, 'involvement/notes.txt': 'not a log', 'involvement/.old/c.yaml': BROKEN });
  const files = (args: string[]) => [...new Set(JSON.parse(coprod(['map', ...args, '-f', 'json'], { cwd: dir }).stdout).activities.map((a: { source: { file: string } }) => a.source.file))];

  it('a folder is every .yaml and .yml file in it and below, not in hidden folders', () => {
    expect(files(['involvement'])).toEqual(['involvement/2025/a.yaml', 'involvement/2026/b.yml']);
    expect(coprod(['check', 'involvement/'], { cwd: dir }).code).toBe(1);
    expect(coprod(['report', 'involvement', '-f', 'markdown'], { cwd: dir }).code).toBe(0);
  });

  it('a glob works without the shell (quoted, as in PowerShell or cmd)', () => {
    expect(files(['involvement/**/*.yaml'])).toEqual(['involvement/2025/a.yaml']);
    expect(files(['involvement/*/*.{yaml,yml}'])).toEqual(['involvement/2025/a.yaml', 'involvement/2026/b.yml']);
  });

  it('a pattern that matches nothing, or a folder with no logs, says so (exit 2)', () => {
    const none = coprod(['map', 'involvment/**/*.yaml'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^coprod: no file matches "involvment\/\*\*\/\*\.yaml"/);
    mkdirSync(join(dir, 'empty'));
    const empty = coprod(['check', 'empty'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/the folder "empty" holds no log files/);
  });
});

describe('JUnit for Jenkins and junit-to-ctrf', () => {
  it('one failure per activity listing all its errors; class names without dots', async () => {
    const dir = project({ 'logs/v1.2/log.yaml': GOOD, 'coprod.config.yaml': 'policy:\n  after-decision: error\n  feedback-missing: error\n' });
    const r = coprod(['check', 'logs', '-f', 'junit'], { cwd: dir });
    expect(r.code).toBe(1);
    const xml = (await parseJunit(r.stdout)) as TestSuites;
    const suite = xml.testsuite![0]!;
    expect(suite.name).toBe('logs/v1.2/log.yaml');
    const menu = suite.testcase!.find((c) => c.name === 'Menu survey (menu)')!;
    expect(menu.classname).toBe('logs/v1_2/log');
    expect(menu.failure).toHaveLength(1);
    expect(menu.failure![0]!.message).toBe('3 errors: after-decision, feedback-missing, overclaim');
    for (const rule of ['after-decision', 'feedback-missing', 'overclaim']) expect(menu.failure![0]!.inner).toContain(`logs/v1.2/log.yaml:2:5 ${rule}:`);
  });
});

describe('--max-warnings and the GitHub job summary', () => {
  const LOTS = `activities:\n${Array.from({ length: 12 }, (_, i) => `  - name: Survey ${i}\n    say: heard\n    feedback_given: false\n`).join('')}`;

  it('too many warnings is an error finding in every format', () => {
    const dir = project({ 'log.yaml': LOTS, 'coprod.config.yaml': 'policy:\n  max-warnings: 3\n' });
    const json = JSON.parse(coprod(['check', 'log.yaml', '-f', 'json'], { cwd: dir }).stdout);
    expect(json.errors).toBe(1);
    expect(json.findings.find((f: { rule: string }) => f.rule === 'max-warnings')).toMatchObject({ file: 'coprod.config.yaml', line: 2, severity: 'error', message: '12 warnings, more than the 3 allowed (max-warnings)' });
    const github = coprod(['check', 'log.yaml', '-f', 'github'], { cwd: dir });
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=coprod\.config\.yaml,line=2,col=17,title=coprod max-warnings::12 warnings, more than the 3 allowed/m);
    expect(github.stdout).toMatch(/^coprod: 1 error, 12 warnings/m);
    const flag = coprod(['check', 'log.yaml', '-f', 'sarif', '--max-warnings', '20'], { cwd: dir });
    expect(flag.code).toBe(0);
    expect(coprod(['check', 'log.yaml', '-f', 'junit'], { cwd: dir }).stdout).toMatch(/<failure type="max-warnings"/);
    expect(coprod(['check', 'log.yaml'], { cwd: dir }).stdout).toMatch(/2:17 +error +max-warnings +12 warnings, more than the 3 allowed/);
  });

  it('GITHUB_STEP_SUMMARY gets the counts per rule and the findings, with "N more"; GitHub shows only 10 annotations of a kind', () => {
    const dir = project({ 'log.yaml': `activities:\n${Array.from({ length: 60 }, (_, i) => `  - name: Survey ${i}\n    say: heard\n    feedback_given: false\n`).join('')}` });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = coprod(['check', 'log.yaml', '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::notice title=coprod::GitHub shows 10 annotations of each kind; all 60 findings/m);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^# earlier step\n## coprod check: ✔ 0 errors, 60 warnings/);
    expect(md).toMatch(/\| `feedback-missing` \| 0 \| 60 \|/);
    expect(md).toMatch(/\| log\.yaml:2 \| warn \| `feedback-missing` \| Survey 0: views were sought/);
    expect(md).toMatch(/… and 10 more/);
  });
});
