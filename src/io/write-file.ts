/**
 * Writes a file without ever losing data: refuses to replace an existing file unless
 * forced, refuses to write over an input, writes to a temporary file beside the
 * target and renames it into place (so a killed process leaves the original intact).
 */
import { constants, unlinkSync } from 'node:fs';
import { link, open, rename, unlink, stat, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors/diagnostic.js';
import { safeInline } from '../util/terminal-text.js';
import { importEsm } from '../util/import-esm.js';
import { coalesce } from './coalesce.js';

export interface WriteOptions {
  force?: boolean;
  /** Paths the run reads; writing over one of them is refused. */
  inputs?: readonly string[];
  /** Word for messages: "output", "log", "report". */
  what?: string;
  /** The name to use in messages (default: the path). */
  shownAs?: string;
}

async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

export async function writeFileAtomic(path: string, content: string | Iterable<string>, options: WriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const shown = safeInline(options.shownAs ?? path);
  const targetReal = await real(target);
  for (const input of options.inputs ?? []) {
    if (input !== '-' && (await real(input)) === targetReal) {
      throw new UsageError(`refusing to write ${options.what ?? 'output'} over ${shown}: it is also an input`, 'choose another --output file');
    }
  }
  let mode = 0o644;
  try {
    const st = await stat(target);
    if (st.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder`);
    if (!options.force) throw new UsageError(`${shown} already exists; nothing was written`, 'use --force to replace it, or choose another file name');
    mode = st.mode & 0o777;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeFailure(error, shown);
  }
  // node:crypto only when a file is written: most runs write to standard output
  const { randomBytes } = await importEsm<typeof import('node:crypto')>('node:crypto');
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const release = guardTemporary(tmp);
  try {
    const handle = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      // chunks written about 1 MB at a time: one write (and one wait) per chunk is slow
      else for (const piece of coalesce(content, 1 << 20)) await handle.write(piece, null, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) await rename(tmp, target);
    else {
      // link() fails if the target appeared meanwhile: no race can clobber a file
      try {
        await link(tmp, target);
        await unlink(tmp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        // file systems without hard links: check again, then rename
        const exists = await stat(target).then(() => true, () => false);
        if (exists) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await rename(tmp, target);
      }
    }
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${shown} already exists; nothing was written`, 'use --force to replace it');
    }
    throw writeFailure(error, shown);
  } finally {
    release();
  }
}

/** Temporary files being written now; removed if the process is interrupted. */
const inFlight = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function onSignal(signal: keyof typeof SIGNALS): void {
  for (const tmp of inFlight) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  process.stderr.write(`coprod: interrupted (${signal}); nothing was written\n`);
  process.exit(SIGNALS[signal]);
}

/**
 * While a temporary file exists, Ctrl-C, `kill` or a closed terminal remove it before
 * the process ends, so an interrupted write leaves neither a changed target nor litter.
 * (SIGKILL cannot be caught: then the target is still intact, and a hidden
 * `.NAME.PID.HEX.tmp` file may remain.)
 */
function guardTemporary(tmp: string): () => void {
  if (inFlight.size === 0) for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, onSignal);
  inFlight.add(tmp);
  return () => {
    inFlight.delete(tmp);
    if (inFlight.size === 0) for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.off(signal, onSignal);
  };
}

function writeFailure(error: unknown, shown: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`cannot write ${shown}: the folder does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`cannot write ${shown}: permission denied`);
  return new UsageError(`cannot write ${shown}: ${code ?? (error as Error).message}`);
}
