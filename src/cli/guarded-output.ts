/**
 * Standard output that remembers how writing failed (disk full, a reader that closed
 * the pipe, a closed descriptor), so that a run whose output was lost ends with exit 2
 * and a message, never with a success or a `check` verdict nobody received. After a
 * failure further writes are dropped and waiting for `drain` ends at once.
 */
import { fstatSync, readFileSync, statSync } from 'node:fs';
import type { OutStream } from './io.js';

export class GuardedOutput implements OutStream {
  private failure: NodeJS.ErrnoException | undefined;
  private readonly waiting = new Set<() => void>();

  /** `closed`: the descriptor was closed when coprod started (see `startedClosed`). */
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly closed = false,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => this.fail(error));
  }

  get isTTY(): boolean {
    return Boolean(this.stream.isTTY);
  }

  get columns(): number | undefined {
    return this.stream.columns;
  }

  getColorDepth(env?: object): number {
    return this.stream.getColorDepth ? this.stream.getColorDepth(env) : 1;
  }

  write(chunk: string): boolean {
    if (this.failure) return true;
    if (this.closed && chunk.length) {
      this.fail(Object.assign(new Error('standard output is closed'), { code: 'EBADF' }));
      return true;
    }
    try {
      return this.stream.write(chunk);
    } catch (error) {
      this.fail(error as NodeJS.ErrnoException);
      return true;
    }
  }

  once(event: 'drain', listener: () => void): this {
    if (this.failure) listener();
    else {
      const done = (): void => {
        this.waiting.delete(done);
        this.stream.off('drain', done);
        listener();
      };
      this.waiting.add(done);
      this.stream.once(event, done);
    }
    return this;
  }

  /** Waits until everything written so far has been handed on; the failure, if any. */
  async settle(): Promise<NodeJS.ErrnoException | undefined> {
    if (!this.failure) await new Promise<void>((resolve) => this.stream.write('', () => resolve()));
    return this.failure;
  }

  private fail(error: NodeJS.ErrnoException): void {
    this.failure ??= error;
    for (const done of [...this.waiting]) done();
  }
}

/**
 * Whether standard output was closed when coprod started (`coprod map log.yaml >&-`).
 * Node reopens a closed descriptor 0–2 on /dev/null for reading and writing before any
 * script runs, so that is what a closed output looks like; a redirection to /dev/null
 * opens it for writing only. Linux only (it reads /proc); elsewhere false.
 */
export function startedClosed(fd = 1): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice() || st.rdev !== statSync('/dev/null').rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** A sentence for a failed write to standard output. */
export function outputFailure(error: NodeJS.ErrnoException): { message: string; hint?: string } {
  switch (error.code) {
    case 'EPIPE':
      return { message: 'standard output was closed before all of the output was written (EPIPE)', hint: 'the program reading the output stopped early; write to a file with --output instead' };
    case 'ENOSPC':
      return { message: 'cannot write to standard output: the disk is full (ENOSPC)' };
    case 'EBADF':
      return { message: 'cannot write to standard output: it is closed', hint: 'to discard the output, redirect it: > /dev/null' };
    default:
      return { message: `cannot write to standard output (${error.code ?? error.message})` };
  }
}
