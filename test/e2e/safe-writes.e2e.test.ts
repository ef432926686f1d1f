// End to end: no command loses a user's file. Every writer refuses to replace a file
// without --force, nothing may be written over a file the run reads, and a process
// killed in the middle of writing leaves the original exactly as it was.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, coprod, tempDir } from '../helpers/cli.js';
import { coprodInProcess } from '../helpers/in-process.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const LOG = '- name: Menu survey\n  say: heard\n- name: Garden group\n  say: joint\n  stages: [design, delivery]\n';
const ORIGINAL = 'precious: this file must survive\n';

let n = 0;
function project(): string {
  const dir = join(tmp.dir, `w${++n}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'log.yaml'), LOG);
  return dir;
}

/** A log big enough that writing its map takes a while. */
function bigLog(count: number): string {
  const lines: string[] = ['activities:'];
  for (let i = 1; i <= count; i++) {
    lines.push(`  - name: Activity ${i}`, '    description: Residents were asked for their views on the menu before the decision and were told what changed.', '    participants: [residents]');
  }
  return `${lines.join('\n')}\n`;
}

const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('no overwrite without --force', () => {
  const writers: Array<[string, (out: string) => string[]]> = [
    ['map', (out) => ['map', 'log.yaml', '--output', out]],
    ['map --format csv', (out) => ['map', 'log.yaml', '--format', 'csv', '--output', out]],
    ['check', (out) => ['check', 'log.yaml', '--format', 'junit', '--output', out]],
    ['report', (out) => ['report', 'log.yaml', '--output', out]],
    ['ladders', (out) => ['ladders', 'tlap', '--output', out]],
    ['crosswalk', (out) => ['crosswalk', '--output', out]],
    ['schema', (out) => ['schema', 'ladder', '--output', out]],
    ['init', (out) => ['init', out]],
  ];

  it.each(writers)('%s refuses, leaves the file alone, and replaces it with --force', async (name, args) => {
    const dir = project();
    writeFileSync(join(dir, 'out.txt'), ORIGINAL);
    // map and init through the built CLI; the other writers in this process
    const run = (a: string[]) => (name === 'map' || name === 'init' ? Promise.resolve(coprod(a, { cwd: dir })) : coprodInProcess(a, { cwd: dir }));
    const refused = await run(args('out.txt'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/out\.txt already exists; nothing was written/);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(ORIGINAL);
    const forced = await run([...args('out.txt'), '--force']);
    expect(forced.code === 0 || forced.code === 1).toBe(true);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).not.toBe(ORIGINAL);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('never over a file the run reads', () => {
  it('the log, however it is named, even with --force', () => {
    const dir = project();
    symlinkSync(join(dir, 'log.yaml'), join(dir, 'link.yaml'));
    for (const out of ['log.yaml', './log.yaml', join(dir, 'log.yaml'), 'link.yaml']) {
      const r = coprod(['map', 'log.yaml', '--format', 'yaml', '--output', out, '--force'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing to write output over .*: it is also an input/);
    }
    expect(readFileSync(join(dir, 'log.yaml'), 'utf8')).toBe(LOG);
  });

  it('the ladder, the config and the cue files too', async () => {
    const dir = project();
    const ladder = readFileSync(join(import.meta.dirname, '../fixtures/four-step.yaml'), 'utf8');
    writeFileSync(join(dir, 'my-ladder.yaml'), ladder);
    writeFileSync(join(dir, 'cues.yaml'), 'cues:\n  - { id: pulse-check, fact: say, value: heard, strength: 3, patterns: ["pulse check*"], examples: { match: ["A pulse check of carers."], nomatch: ["A health check."] } }\n');
    writeFileSync(join(dir, 'coprod.config.yaml'), 'policy:\n  overclaim: warn\n');
    const cases = [
      ['map', 'log.yaml', '--ladder', './my-ladder.yaml', '--output', 'my-ladder.yaml', '--force'],
      ['map', 'log.yaml', '--cues', 'cues.yaml', '--output', 'cues.yaml', '--force'],
      ['check', 'log.yaml', '--output', 'coprod.config.yaml', '--force'],
      ['report', 'log.yaml', '--output', 'coprod.config.yaml', '--force'],
    ];
    for (const args of cases) {
      const r = await coprodInProcess(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/it is also an input/);
    }
    expect(readFileSync(join(dir, 'my-ladder.yaml'), 'utf8')).toBe(ladder);
    expect(readFileSync(join(dir, 'coprod.config.yaml'), 'utf8')).toBe('policy:\n  overclaim: warn\n');
  });
});

/** Starts coprod, waits until its temporary file exists (it is then mid-write), and sends a signal. */
async function interruptMidWrite(dir: string, args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; caught: boolean }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  let caught = false;
  let running = true;
  void ended.then(() => (running = false));
  while (running) {
    if (temporaries(dir).length) {
      child.kill(signal);
      caught = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { ...(await ended), stderr, caught };
}

describe('killed mid-write, the original survives', () => {
  it('map --output --force killed with SIGKILL: the old file is intact', async () => {
    const dir = project();
    writeFileSync(join(dir, 'big.yaml'), bigLog(6_000));
    writeFileSync(join(dir, 'map.json'), ORIGINAL);
    const r = await interruptMidWrite(dir, ['map', 'big.yaml', '--format', 'json', '--output', 'map.json', '--force', '--no-infer'], 'SIGKILL');
    expect(r.caught).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'map.json'), 'utf8')).toBe(ORIGINAL);
    // SIGKILL cannot be caught: a hidden temporary file may remain; the next run is not confused by it
    const again = coprod(['map', 'big.yaml', '--format', 'json', '--output', 'map.json', '--force', '--no-infer'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'map.json'), 'utf8')).activities).toHaveLength(6_000);
  });

  it('SIGTERM or Ctrl-C (SIGINT) mid-write: original intact, temporary file removed, exit 143 or 130', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const dir = project();
      writeFileSync(join(dir, 'big.yaml'), bigLog(6_000));
      writeFileSync(join(dir, 'map.json'), ORIGINAL);
      const r = await interruptMidWrite(dir, ['map', 'big.yaml', '--format', 'json', '--output', 'map.json', '--force', '--no-infer'], signal);
      expect(r.caught).toBe(true);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\); nothing was written`));
      expect(readFileSync(join(dir, 'map.json'), 'utf8')).toBe(ORIGINAL);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  it('ask --append killed while writing a long log: the log is intact', async () => {
    const dir = project();
    const log = bigLog(15_000);
    writeFileSync(join(dir, 'big.yaml'), log);
    writeFileSync(join(dir, 'answers.yaml'), 'name: Care plan review\nsay: joint\n');
    const r = await interruptMidWrite(dir, ['ask', '--answers', 'answers.yaml', '--append', 'big.yaml', '--no-infer'], 'SIGKILL');
    expect(r.caught).toBe(true);
    expect(readFileSync(join(dir, 'big.yaml'), 'utf8')).toBe(log);
  }, 60_000);
});
