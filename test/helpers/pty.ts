// Drives the built CLI in a real pseudo-terminal (util-linux `script`), waiting for each
// prompt before typing, as a person would. Skips cleanly where `script` is missing.
import { spawn, spawnSync } from 'node:child_process';
import { BIN, ROOT } from './cli.js';

export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', space: ' ', ctrlC: '\u0003' };

export interface PtySession {
  /** Waits until the screen output matches, then types the keys. */
  answer(prompt: RegExp, keys: string): Promise<void>;
  done(): Promise<{ code: number | null; output: string }>;
  output(): string;
}

// eslint-disable-next-line no-control-regex
const strip = (s: string): string => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

/** `columns`: the pseudo-terminal's width, as a real terminal of that size reports it. */
export function startPty(args: string[], options: { cwd?: string; env?: Record<string, string>; columns?: number } = {}): PtySession {
  const run = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const command = options.columns ? `stty cols ${options.columns} rows 40; ${run}` : run;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '100', LINES: '40', TERM: 'xterm', ...options.env },
  });
  let out = '';
  let consumed = 0;
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    async answer(prompt, keys) {
      const started = Date.now();
      while (!prompt.test(strip(out.slice(consumed)))) {
        if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${prompt}; screen:\n${strip(out)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      consumed = out.length;
      await new Promise((r) => setTimeout(r, 30));
      child.stdin.write(keys);
    },
    async done() {
      const code = await exited;
      return { code, output: strip(out) };
    },
    output: () => strip(out),
  };
}
