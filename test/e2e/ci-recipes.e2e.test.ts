// End to end: the CI recipes of docs/ci.md work as written. Each recipe's commands are
// taken from the document itself and run with `bash -e` in a scratch git repository
// (with `npx coprod` standing for the built CLI), as GitHub Actions, GitLab CI and git's
// pre-commit hook would run them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const DOC = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');

/** The code block after `<!-- recipe: NAME -->` in docs/ci.md. */
function recipe(name: string): string {
  const m = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!m) throw new Error(`docs/ci.md has no recipe ${name}`);
  return m[1]!;
}

/** A command as the recipe writes it, with the built CLI for the installed one. */
const local = (command: string): string => command.replace(/npx (--no-install )?coprod/g, `'${process.execPath}' '${BIN}'`);

const CLEAN = '  - name: Garden group\n    say: joint\n    stages: [design, delivery]\n';
const OVERCLAIM = '  - name: Menu survey\n    say: heard\n    claimed: co-production\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let n = 0;
/** A repository whose main branch has one log with an overclaim, cloned, so that origin/main exists. */
function clone(): string {
  const origin = join(tmp.dir, `origin${++n}`);
  mkdirSync(join(origin, 'involvement'), { recursive: true });
  writeFileSync(join(origin, 'involvement/log.yaml'), `activities:\n${OVERCLAIM}`);
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'log');
  const work = join(tmp.dir, `work${n}`);
  git(tmp.dir, 'clone', '-q', origin, work);
  return work;
}

function bash(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Step {
  if?: string;
  run?: string;
}

describe('docs/ci.md recipes', () => {
  it('GitHub Actions: a pull request judges only what it adds; a push checks the whole log and writes the SARIF', () => {
    const steps = (parse(recipe('github')) as { jobs: { coprod: { steps: Step[] } } }).jobs.coprod.steps.filter((s) => s.run && !/npm ci/.test(s.run));
    const on = (event: string) => steps.filter((s) => !s.if || s.if.includes(`'${event}'`)).map((s) => local(s.run!.replace('${{ github.base_ref }}', 'main')));
    const work = clone();
    git(work, 'checkout', '-qb', 'add-garden');
    writeFileSync(join(work, 'involvement/log.yaml'), `activities:\n${OVERCLAIM}${CLEAN}`);
    git(work, 'commit', '-qam', 'garden');
    // the old overclaim is not the pull request's doing
    const pr = bash(on('pull_request').join('\n'), work);
    expect(pr.code).toBe(0);
    expect(pr.stdout).toMatch(/coprod: 0 errors, 0 warnings in 1 activity/);
    writeFileSync(join(work, 'involvement/log.yaml'), `activities:\n${OVERCLAIM}${CLEAN}${OVERCLAIM.replace('Menu survey', 'Second survey')}`);
    git(work, 'commit', '-qam', 'another');
    const bad = bash(on('pull_request').join('\n'), work);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=involvement\/log\.yaml,line=8,col=5,title=coprod overclaim::Second survey/m);
    // on a push to main: everything, and the SARIF exists for the upload step (if: always())
    const push = bash(on('push').join('\n'), work);
    expect(push.code).toBe(1);
    expect(JSON.parse(readFileSync(join(work, 'coprod.sarif'), 'utf8')).runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'overclaim')).toHaveLength(2);
  });

  it('GitLab CI: the JUnit and Code Quality reports are written before the job fails', () => {
    const job = (parse(recipe('gitlab')) as { 'involvement-log': { script: string[]; artifacts: { reports: { junit: string; codequality: string } } } })['involvement-log'];
    const work = clone();
    const r = bash(job.script.filter((l) => !/npm ci/.test(l)).map(local).join('\n'), work);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error +overclaim/);
    expect(readFileSync(join(work, job.artifacts.reports.junit), 'utf8')).toMatch(/<failure type="overclaim"/);
    expect(JSON.parse(readFileSync(join(work, job.artifacts.reports.codequality), 'utf8'))[0]).toMatchObject({ check_name: 'coprod/overclaim' });
  });

  it('the pre-commit hook stops a commit that breaks the policy, and lets a clean one through', () => {
    const work = clone();
    const hook = join(work, '.git/hooks/pre-commit');
    writeFileSync(hook, local(recipe('pre-commit')));
    chmodSync(hook, 0o755);
    writeFileSync(join(work, 'involvement/log.yaml'), `activities:\n${CLEAN}`);
    git(work, 'commit', '-qam', 'fixed');
    writeFileSync(join(work, 'involvement/log.yaml'), `activities:\n${CLEAN}${OVERCLAIM}`);
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qam', 'overclaim'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/overclaim/);
    expect(git(work, 'log', '--oneline')).not.toMatch(/overclaim/);
    expect(existsSync(hook)).toBe(true);
  });
});
