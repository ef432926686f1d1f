/**
 * Writes a file without ever losing data: refuses to replace an existing file unless
 * forced, refuses to write over an input (under any name: files are compared by device
 * and inode, standard input too), replaces only regular files (never a device, FIFO or
 * socket), writes through a symbolic link to its target keeping the link, keeps the
 * replaced file's mode, and writes to a temporary file beside the target and renames it
 * into place (so a killed process leaves the original intact).
 */
import { constants, fstatSync, unlinkSync, type Stats } from 'node:fs';
import { link, lstat, mkdir, open, rename, unlink, stat, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../input/problem.js';
import { safeInline } from '../text/terminal-text.js';
import { importEsm } from '../input/import-esm.js';
import { coalesce } from './coalesce.js';
import { kindOf } from '../input/read-source.js';

export interface WriteOptions {
  force?: boolean;
  /** Paths the run reads (`-` for standard input); writing over one of them is refused. */
  inputs?: readonly string[];
  /** Word for messages: "output", "log", "report". */
  what?: string;
  /** The name to use in messages (default: the path). */
  shownAs?: string;
  /** Refuse a file nobody may write (a log made read-only), even with `force`. */
  refuseReadOnly?: boolean;
  /** Refuse a file with other hard links: replacing it would leave them with the old text. */
  refuseHardLinks?: boolean;
  /** Create the file's folder (and those above it) when it is missing, as `--output reports/x.sarif` expects. */
  makeFolder?: boolean;
}

/**
 * The file a write to `path` lands in: a symbolic link's target (so the link stays a
 * link and the real file gets the text), else the path itself.
 */
export async function writeTarget(path: string): Promise<string> {
  const target = resolve(path);
  const link = await lstat(target).catch(() => undefined);
  if (!link?.isSymbolicLink()) return target;
  try {
    return await realpath(target);
  } catch {
    throw new UsageError(`cannot write ${safeInline(path)}: it is a symbolic link to a file that does not exist`, 'point the link at an existing file, or remove it');
  }
}

/** The device and inode of each input, to refuse writing over any of them under any name. */
async function inputIdentities(inputs: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const input of inputs) {
    try {
      const st = input === '-' ? fstatSync(0) : await stat(input);
      if (st.isFile()) ids.add(`${st.dev}:${st.ino}`);
    } catch {
      // gone, or standard input is closed: nothing to protect
    }
  }
  return ids;
}

export async function writeFileAtomic(path: string, content: string | Iterable<string> | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const shown = safeInline(options.shownAs ?? path);
  const target = await writeTarget(path);
  let mode = 0o644;
  let existing: Stats | undefined;
  try {
    existing = await stat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeFailure(error, shown);
  }
  if (existing) {
    const kind = kindOf(existing);
    if (kind) throw new UsageError(`cannot write ${shown}: it is ${kind}; only a regular file is ever replaced`, 'choose a file name for the output');
    if ((await inputIdentities(options.inputs ?? [])).has(`${existing.dev}:${existing.ino}`)) {
      throw new UsageError(`refusing to write ${options.what ?? 'output'} over ${shown}: it is also an input`, 'choose another --output file');
    }
    if (!options.force) throw new UsageError(`${shown} already exists; nothing was written`, 'use --force to replace it, or choose another file name');
    if (options.refuseReadOnly && (existing.mode & 0o222) === 0) throw new UsageError(`${shown} is read-only; nothing was written`, 'make it writable first (chmod u+w) if it should change');
    if (options.refuseHardLinks && existing.nlink > 1) {
      throw new UsageError(`${shown} has ${existing.nlink} hard links; replacing it would leave the others unchanged, so nothing was written`, 'add to the file under its own name only, or make it a single file (cp, then mv)');
    }
    mode = existing.mode & 0o7777;
  }
  if (!existing && options.makeFolder) await mkdir(dirname(target), { recursive: true }).catch((error: unknown) => Promise.reject(writeFailure(error, shown)));
  // node:crypto only when a file is written: most runs write to standard output
  const { randomBytes } = await importEsm<typeof import('node:crypto')>('node:crypto');
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const release = guardTemporary(tmp);
  try {
    const handle = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    try {
      // the replaced file's mode exactly (open's is reduced by the umask), and its owner when root writes it
      if (existing) {
        await handle.chmod(mode);
        if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else if (content instanceof Uint8Array) await handle.writeFile(content);
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
  if (code === 'ENOSPC') return new UsageError(`cannot write ${shown}: the disk is full; the file was left as it was`);
  return new UsageError(`cannot write ${shown}: ${code ?? (error as Error).message}`);
}
