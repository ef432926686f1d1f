// End to end: a log is written by anyone who can open a pull request, and `coprod check`
// runs on it in CI next to secrets. Each guarantee of docs/security.md that concerns
// such a log is tried here as an attacker would, on the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, coprod, tempDir } from '../helpers/cli.js';
import { coprodInProcess } from '../helpers/in-process.js';
import { workbook } from '../helpers/workbooks.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SECRET = 'ghp_SECRETTOKEN1234567890abcdefghijklmn';
let n = 0;

/** A repository (a folder with .git) holding log.yaml, beside a secret outside it. */
function repo(log: string): { root: string; dir: string } {
  const root = join(tmp.dir, `r${++n}`);
  const dir = join(root, 'repo');
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
  writeFileSync(join(root, 'secret.yaml'), `token: ${SECRET}\nname: ${SECRET}\n`);
  writeFileSync(join(root, '.git-credentials'), `https://user:${SECRET}@github.com\n`);
  writeFileSync(join(dir, 'log.yaml'), log);
  return { root, dir };
}

function bash(script: string, cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, BIN, NO_COLOR: '1' }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noLeak = (text: string): void => {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('ghp_');
};

describe('a log names nothing outside its repository', () => {
  it.each([
    ['an absolute path', '/etc/passwd', /absolute path/],
    ['a path out of the repository', '../secret.yaml', /outside the log's repository/],
    ['a home-folder path', '~/.git-credentials', /absolute path/],
    ['a file inside .git', '.git/config', /inside \.git/],
    ['a device', '/dev/zero', /absolute path/],
  ])('`ladder:` with %s is refused at its line, quoting nothing', async (_what, ref, why) => {
    const { dir } = repo(`ladder: ${ref}\nactivities:\n  - name: x\n    say: heard\n`);
    const r = await coprodInProcess(['map', 'log.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^log\.yaml:1:9: error: ladder: /m);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).not.toMatch(/root:/);
    noLeak(r.stderr + r.stdout);
  });

  it('`claimed: "/etc/passwd:root"` is refused even with --ladder on the command line', async () => {
    const { dir } = repo('activities:\n  - name: x\n    say: heard\n    claimed: "/etc/passwd:root"\n  - name: y\n    claimed: "../secret.yaml:token"\n');
    const r = await coprodInProcess(['check', 'log.yaml', '--ladder', 'tlap'], { cwd: dir });
    expect(r.code).toBe(2);
    // check writes them as invalid-input findings, in its own format
    expect(r.stdout).toMatch(/^ {2}4:14 +error +invalid-input +claimed \(activity 1\): the ladder file "\/etc\/passwd" is an\s+absolute path/m);
    expect(r.stdout).toMatch(/^ {2}6:14 +error +invalid-input +claimed \(activity 2\): [\s\S]*outside the log's repository/m);
    expect(r.stdout).not.toMatch(/root:/);
    noLeak(r.stderr + r.stdout);
  });

  it('a symbolic link inside the repository that leads out of it is refused', () => {
    const { root, dir } = repo('ladder: ./ladder.yaml\nactivities:\n  - name: x\n    say: heard\n');
    symlinkSync(join(root, 'secret.yaml'), join(dir, 'ladder.yaml'));
    const r = coprod(['map', 'log.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the log's repository/);
    noLeak(r.stderr);
  });

  it("a ladder inside the repository is found from the log's folder, wherever coprod runs", async () => {
    const { root, dir } = repo('ladder: ladders/own.yaml\nactivities:\n  - name: x\n    say: heard\n');
    mkdirSync(join(dir, 'ladders'));
    const tlap = readFileSync(join(import.meta.dirname, '../../ladders/tlap.yaml'), 'utf8').replace(/^id: tlap$/m, 'id: own-ladder');
    writeFileSync(join(dir, 'ladders', 'own.yaml'), tlap);
    const r = await coprodInProcess(['map', 'repo/log.yaml', '--format', 'json'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ladders[0].id).toBe('own-ladder');
  });

  it('a file in the repository that is not a ladder is said so, and nothing of it is shown', async () => {
    const { dir } = repo('ladder: ./.env\nactivities:\n  - name: x\n    say: heard\n');
    writeFileSync(join(dir, '.env'), `GITHUB_TOKEN=${SECRET}\nOTHER=1\n`);
    writeFileSync(join(dir, 'creds.json'), JSON.stringify({ client_id: SECRET, private_key: SECRET }));
    for (const ref of ['./.env', './creds.json']) {
      writeFileSync(join(dir, 'log.yaml'), `ladder: ${ref}\nactivities:\n  - name: x\n    say: heard\n`);
      const r = await coprodInProcess(['map', 'log.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/this file is not a ladder file \(nothing of it is shown here\)/);
      noLeak(r.stderr);
    }
  });

  it('two ladders with one id are located at the second file', async () => {
    const { dir } = repo('ladder: ./mine.yaml\nactivities:\n  - name: x\n    say: heard\n');
    writeFileSync(join(dir, 'mine.yaml'), readFileSync(join(import.meta.dirname, '../../ladders/tlap.yaml'), 'utf8'));
    writeFileSync(join(dir, 'other.yaml'), 'activities:\n  - name: y\n    say: heard\n');
    const r = await coprodInProcess(['map', 'other.yaml', 'log.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mine\.yaml:\d+:\d+: error: id: two ladders share the id "tlap": this file and the shipped ladder tlap/);
  });
});

describe('only regular files are read', () => {
  it.each([
    ['a device', '/dev/zero', /it is a device, not a regular file/],
    ['standard input by name', '/dev/stdin', /give `-` as the file name/],
  ])('`map` of %s is refused at once', (_what, path, why) => {
    const { dir } = repo('- name: x\n');
    const r = coprod(['map', path], { cwd: dir, input: 'activities: []\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
  });

  it('a FIFO is refused without waiting for a writer, as a log, a ladder named by --ladder, a config or cues', () => {
    const { dir } = repo('- name: x\n  say: heard\n');
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const started = performance.now();
    for (const args of [['map', 'pipe.yaml'], ['map', 'log.yaml', '--ladder', './pipe.yaml'], ['map', 'log.yaml', '--config', 'pipe.yaml'], ['map', 'log.yaml', '--cues', 'pipe.yaml']]) {
      const r = coprod(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/named pipe \(FIFO\), not a regular file/);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('a failed write never passes the gate', () => {
  const LOG = 'activities:\n  - name: Menu survey\n    say: heard\n    claimed: co-production\n';

  it('a full disk is exit 2 with a message, for map and for check (not its verdict, not 0)', () => {
    const { dir } = repo(LOG);
    for (const args of ['map log.yaml', 'check log.yaml --min-rung co-production', 'check log.yaml --format sarif']) {
      const r = bash(`node "$BIN" ${args} > /dev/full`, dir);
      expect(r.code, args).toBe(2);
      expect(r.stderr).toMatch(/cannot write to standard output: the disk is full/);
    }
  });

  it('a reader that closes the pipe early is exit 2 under pipefail', () => {
    const { dir } = repo(`activities:\n${Array.from({ length: 600 }, (_, i) => `  - name: Activity ${i}\n    say: heard\n`).join('')}`);
    const r = bash('set -o pipefail; node "$BIN" map log.yaml --format json | head -c 10 > /dev/null', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard output was closed before all of the output was written \(EPIPE\)/);
  });

  it('a closed standard output is exit 2; a redirection to /dev/null is not', () => {
    const { dir } = repo(LOG);
    const closed = bash('node "$BIN" map log.yaml >&-', dir);
    expect(closed.code).toBe(2);
    expect(closed.stderr).toMatch(/standard output: it is closed/);
    expect(bash('node "$BIN" map log.yaml > /dev/null', dir).code).toBe(0);
    expect(bash('node "$BIN" check log.yaml --fail-on overclaim > /dev/null', dir).code).toBe(1);
  });
});

describe('concurrent `ask --append` runs all land', () => {
  function answers(dir: string, i: number): string {
    const file = join(dir, `a${i}.yaml`);
    writeFileSync(file, `name: Entry ${i}\nsay: heard\n`);
    return file;
  }
  const appendOnce = (dir: string, log: string, i: number): Promise<number | null> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'ask', '--answers', answers(dir, i), '--append', log], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.stderr.resume();
      child.on('exit', resolve);
    });

  // 16 pairs in `npm test`; `npm run fuzz` (FUZZ_RUNS) runs 50
  const PAIRS = process.env.FUZZ_RUNS ? 50 : 16;

  it(`${PAIRS} concurrent pairs, on an existing log and on a new one, YAML, CSV and .xlsx, lose no entry`, { timeout: 120_000 }, async () => {
    const { dir } = repo('# our log\nactivities:\n  - name: First\n    say: heard\n');
    writeFileSync(join(dir, 'log.csv'), 'Activity,Say\nFirst,heard\n');
    writeFileSync(join(dir, 'log.xlsx'), await workbook({ Log: [['Activity', 'Say'], ['First', 'heard']] }));
    const logs = ['log.yaml', 'new.yaml', 'log.csv', 'log.xlsx'];
    const codes: Array<number | null> = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const log = logs[pair % 4] === 'new.yaml' ? `new-${pair}.yaml` : logs[pair % 4]!;
      codes.push(...(await Promise.all([appendOnce(dir, log, pair * 2), appendOnce(dir, log, pair * 2 + 1)])));
    }
    expect(codes.every((c) => c === 0)).toBe(true);
    const existing = readFileSync(join(dir, 'log.yaml'), 'utf8');
    expect(existing.startsWith('# our log\nactivities:\n  - name: First\n')).toBe(true);
    const names = (log: string): string[] => JSON.parse(coprod(['map', log, '-f', 'json', '-q'], { cwd: dir }).stdout).activities.map((a: { name: string }) => a.name);
    const inSheet = { 'log.csv': names('log.csv'), 'log.xlsx': names('log.xlsx') };
    for (let pair = 0; pair < PAIRS; pair++) {
      const log = logs[pair % 4]!;
      if (log === 'log.csv' || log === 'log.xlsx') {
        expect(inSheet[log]).toEqual(expect.arrayContaining(['First', `Entry ${pair * 2}`, `Entry ${pair * 2 + 1}`]));
        continue;
      }
      const text = log === 'log.yaml' ? existing : readFileSync(join(dir, `new-${pair}.yaml`), 'utf8');
      expect(text).toContain(`name: Entry ${pair * 2}\n`);
      expect(text).toContain(`name: Entry ${pair * 2 + 1}\n`);
    }
    expect(inSheet['log.csv']).toHaveLength(1 + PAIRS / 2);
    expect(existsSync(join(dir, 'log.yaml.lock'))).toBe(false);
  });
});

describe('YAML aliases are budgeted by what they expand to', () => {
  it('one 100 KB text aliased 3,000 times is refused in well under a second', () => {
    const { dir } = repo(`activities:\n  - name: first\n    description: &d ${'x'.repeat(100_000)}\n${Array.from({ length: 3000 }, (_, i) => `  - {name: a${i}, description: *d}\n`).join('')}`);
    const started = performance.now();
    const r = coprod(['map', 'log.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^log\.yaml:\d+:\d+: error: YAML aliases expand to far more than the file holds/m);
    expect(r.stdout).toBe('');
    const checked = coprod(['check', 'log.yaml', '-f', 'github'], { cwd: dir });
    expect(checked.code).toBe(2);
    expect(checked.stdout).toMatch(/^::error file=log\.yaml,line=\d+,col=\d+,title=coprod invalid-input::YAML aliases expand to far more/m);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('aliases that repeat small parts of a log still work', () => {
    const { dir } = repo('activities:\n  - name: a\n    participants: &who [residents, families]\n    say: heard\n  - name: b\n    participants: *who\n    say: heard\n');
    expect(coprod(['map', 'log.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe("a user's cue pattern runs in linear time", () => {
  it('optional words, gaps and negators on a 40 KB description finish at once', () => {
    const { dir } = repo('- name: x\n');
    writeFileSync(join(dir, 'cues.yaml'), 'negators: [not, never]\ncues:\n  - id: hostile\n    fact: say\n    value: heard\n    strength: 3\n    patterns:\n      - "asked? … asked? … asked? … asked? … asked? … consulted zebra"\n    examples: { match: ["asked not asked consulted zebra"], nomatch: ["consulted"] }\n');
    const unit = `${Array.from({ length: 60 }, (_, i) => (i % 2 ? 'not' : 'asked')).join(' ')} consulted`;
    let text = '';
    while (text.length < 40_000) text += `${unit} `;
    writeFileSync(join(dir, 'log.yaml'), JSON.stringify({ activities: [{ name: 'x', description: text }] }));
    const started = performance.now();
    const r = coprod(['map', 'log.yaml', '--cues', 'cues.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // (the matcher before this guarantee took over a second on 400 bytes of this)
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

// every character no reader should get raw: C0 and C1 controls (not newline), DEL, bidi controls, separators
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NASTY = 'A\u001b[31mred\u001b]52;c;ZXZpbA==\u0007\u0008\u202eevil\u0085';

describe('ladder, config and log text reaches no output raw', () => {
  function hostileLadder(dir: string): void {
    let text = readFileSync(join(import.meta.dirname, '../../ladders/tlap.yaml'), 'utf8').replace(/^id: tlap$/m, 'id: nasty');
    const q = JSON.stringify(NASTY);
    text = text.replace(/^name: .*$/m, `name: ${q}`).replace(/^    name: (.*)$/gm, `    name: ${q}`).replace(/^    summary: (.*)$/gm, `    summary: ${q}`);
    text = text.replace(/^    advice: >-?\n((?: {6}.*\n)+)/gm, `    advice: ${q}\n`);
    writeFileSync(join(dir, 'nasty.yaml'), text);
  }

  it.each([
    ['map', ['map', 'log.yaml', '--ladder', './nasty.yaml', '--verbose']],
    ['map --format markdown', ['map', 'log.yaml', '--ladder', './nasty.yaml', '--format', 'markdown']],
    ['map --format csv', ['map', 'log.yaml', '--ladder', './nasty.yaml', '--format', 'csv']],
    ['map --format yaml', ['map', 'log.yaml', '--ladder', './nasty.yaml', '--format', 'yaml']],
    ['map --format json', ['map', 'log.yaml', '--ladder', './nasty.yaml', '--format', 'json']],
    ['ladders', ['ladders', './nasty.yaml']],
    ['ladders (list)', ['ladders']],
    ['crosswalk', ['crosswalk', '--ladder', 'tlap,./nasty.yaml']],
    ['check', ['check', 'log.yaml', '--ladder', './nasty.yaml']],
    ['check --format github', ['check', 'log.yaml', '--format', 'github']],
    ['check --format junit', ['check', 'log.yaml', '--format', 'junit']],
    ['check --format sarif', ['check', 'log.yaml', '--format', 'sarif']],
    ['report --format markdown', ['report', 'log.yaml', '--ladder', './nasty.yaml', '--format', 'markdown']],
    ['report', ['report', 'log.yaml', '--ladder', './nasty.yaml']],
    ['ask --answers', ['ask', '--answers', 'answers.yaml', '--ladder', './nasty.yaml']],
  ])('%s', async (_name, args) => {
    const log = { service: NASTY, activities: [{ name: NASTY, description: `Residents were asked. ${NASTY}`, methods: [NASTY], say: 'heard', claimed: 'tlap:co-production' }] };
    const { dir } = repo(JSON.stringify(log));
    hostileLadder(dir);
    writeFileSync(join(dir, 'coprod.config.yaml'), `ladders: [nasty.yaml]\npolicy:\n  overclaim: error\n`);
    writeFileSync(join(dir, 'answers.yaml'), JSON.stringify({ name: NASTY, description: NASTY, say: 'heard' }));
    // the table and the HTML report through the built CLI; the other outputs in this process
    const r = _name === 'map' || _name === 'report' ? coprod(args, { cwd: dir }) : await coprodInProcess(args, { cwd: dir });
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    // (CSV rows end in CRLF, as RFC 4180 says)
    expect(args.includes('csv') ? r.stdout.replace(/\r\n/g, '\n') : r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    if (!args.includes('crosswalk')) expect(r.stdout).toMatch(/\\u001b|\\u202e/);
  });

  it('JSON output keeps the exact text, written with escapes', async () => {
    const { dir } = repo(JSON.stringify({ activities: [{ name: NASTY, say: 'heard' }] }));
    const r = await coprodInProcess(['map', 'log.yaml', '--format', 'json'], { cwd: dir });
    expect(r.stdout).not.toMatch(RAW);
    expect(JSON.parse(r.stdout).activities[0].name).toBe(NASTY);
  });
});

describe('--output and --append write only where they should', () => {
  const LOG = 'activities:\n  - name: Menu survey\n    say: heard\n';

  it('--force never replaces a device, a FIFO or a folder', () => {
    const { dir } = repo(LOG);
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    mkdirSync(join(dir, 'folder'));
    for (const target of ['/dev/null', 'fifo', 'folder']) {
      const r = coprod(['map', 'log.yaml', '--output', target, '--force'], { cwd: dir });
      expect(r.code, target).toBe(2);
      expect(r.stderr).toMatch(/only a regular file is ever replaced|it is a folder/);
    }
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--force through a symbolic link writes the real file and keeps the link', () => {
    const { dir } = repo(LOG);
    writeFileSync(join(dir, 'real.txt'), 'old\n');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    const r = coprod(['map', 'log.yaml', '--output', 'link.txt', '--force'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toMatch(/Menu survey/);
  });

  it('never over the file read on standard input, under any name', () => {
    const { dir } = repo(LOG);
    linkSync(join(dir, 'log.yaml'), join(dir, 'hard.yaml'));
    for (const out of ['log.yaml', 'hard.yaml']) {
      const r = bash(`node "$BIN" map - --format yaml --output ${out} --force < log.yaml`, dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/it is also an input/);
    }
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toBe(LOG);
  });

  it('--append follows a symlinked log to its file, keeps the link and the mode', () => {
    const { dir } = repo(LOG);
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'real.yaml'), LOG);
    chmodSync(join(dir, 'data', 'real.yaml'), 0o640);
    symlinkSync('data/real.yaml', join(dir, 'linked.yaml'));
    writeFileSync(join(dir, 'answers.yaml'), 'name: Added\nsay: heard\n');
    const r = coprod(['ask', '--answers', 'answers.yaml', '--append', 'linked.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'linked.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'data', 'real.yaml'), 'utf8')).toMatch(/name: Added/);
    expect(statSync(join(dir, 'data', 'real.yaml')).mode & 0o777).toBe(0o640);
  });

  it('--append refuses a read-only log and one with other hard links, changing nothing', () => {
    const { dir } = repo(LOG);
    writeFileSync(join(dir, 'answers.yaml'), 'name: Added\nsay: heard\n');
    chmodSync(join(dir, 'log.yaml'), 0o444);
    const ro = coprod(['ask', '--answers', 'answers.yaml', '--append', 'log.yaml'], { cwd: dir });
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(/log\.yaml is read-only; nothing was written/);
    chmodSync(join(dir, 'log.yaml'), 0o644);
    linkSync(join(dir, 'log.yaml'), join(dir, 'copy.yaml'));
    const hard = coprod(['ask', '--answers', 'answers.yaml', '--append', 'log.yaml'], { cwd: dir });
    expect(hard.code).toBe(2);
    expect(hard.stderr).toMatch(/has 2 hard links/);
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toBe(LOG);
  });

  it('--answers keeps x- fields, and a flow-style log keeps its layout', () => {
    const flow = 'activities: [\n  {name: a, say: heard},  # first\n  {name: b, say: told}   # second\n  ]\n# end\n';
    const { dir } = repo(flow);
    writeFileSync(join(dir, 'answers.yaml'), 'name: c\nsay: heard\nx-room: lounge\n');
    const r = coprod(['ask', '--answers', 'answers.yaml', '--append', 'log.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toBe('activities: [\n  {name: a, say: heard},  # first\n  {name: b, say: told},   # second\n  {name: c, id: c, say: heard, x-room: lounge}\n  ]\n# end\n');
  });
});

describe('smaller guarantees', () => {
  it('fact values named constructor, toString, valueOf or __proto__ are ordinary values', () => {
    const { dir } = repo('ladder: ./odd.yaml\nactivities:\n  - name: a\n    say: heard\n');
    let ladder = readFileSync(join(import.meta.dirname, '../../ladders/tlap.yaml'), 'utf8').replace(/^id: tlap$/m, 'id: odd');
    ladder = ladder.replace(/^bands:/m, 'facts:\n  - name: pick\n    kind: enum\n    values: [constructor, toString, valueOf, __proto__]\n    question: Which?\nbands:');
    ladder = ladder.replace(/(\n  - id: consultation\n(?:.*\n)*?    when: )\{ fact: say, atLeast: heard \}/, '$1{ all: [{ fact: say, atLeast: heard }, { fact: pick, is: constructor }] }');
    writeFileSync(join(dir, 'odd.yaml'), ladder);
    const r = coprod(['map', 'log.yaml', '--verbose'], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/native code|function/i);
  });

  it('a config in a folder above the repository does not apply; check names the config it used', () => {
    const { root, dir } = repo('activities:\n  - name: a\n    say: heard\n    claimed: co-production\n');
    writeFileSync(join(root, 'coprod.config.yaml'), 'policy:\n  overclaim: off\n');
    const above = coprod(['check', 'log.yaml'], { cwd: dir });
    expect(above.code).toBe(1);
    expect(above.stdout).toMatch(/default policy, no config file/);
    writeFileSync(join(dir, 'coprod.config.yaml'), 'policy:\n  overclaim: warn\n');
    const text = coprod(['check', 'log.yaml'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/policy from coprod\.config\.yaml/);
    expect(JSON.parse(coprod(['check', 'log.yaml', '--format', 'json'], { cwd: dir }).stdout).config).toBe('coprod.config.yaml');
    const sarif = JSON.parse(coprod(['check', 'log.yaml', '--format', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].invocations[0].properties.configFile).toBe('coprod.config.yaml');
  });

  it('a megabyte unknown key is cut short, and thousands of errors end in "and N more"', () => {
    const { dir } = repo(`activities:\n  - name: a\n    ${'k'.repeat(1_000_000)}: 1\n`);
    const long = coprod(['map', 'log.yaml'], { cwd: dir });
    expect(long.code).toBe(2);
    expect(long.stderr.length).toBeLessThan(2_000);
    writeFileSync(join(dir, 'log.yaml'), `activities:\n${Array.from({ length: 20_000 }, (_, i) => `  - name: a${i}\n    say: sharing\n`).join('')}`);
    const many = coprod(['map', 'log.yaml'], { cwd: dir });
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/… and 19980 more errors in log\.yaml/);
    expect(many.stderr).toMatch(/^20000 errors\.$/m); // nothing was going to be written
    expect(coprod(['map', 'log.yaml', '-o', 'out.txt'], { cwd: dir }).stderr).toMatch(/^20000 errors; nothing was written\.$/m);
    expect(many.stderr.length).toBeLessThan(20_000);
  });
});
