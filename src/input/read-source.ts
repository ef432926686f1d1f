/**
 * Reads a user's file (or standard input for `-`) as text: only a regular file is
 * read (a device, FIFO, socket or folder is refused before a byte is read), under a
 * size cap; UTF-8 check with the position of the first bad byte, UTF-16 detection,
 * BOM removal. Every failure is a located InputError or a UsageError, never a raw
 * exception.
 */
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, resolve } from 'node:path';
import { InputError, UsageError } from './problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { safeInline } from '../text/terminal-text.js';

export interface SourceText {
  /** Name used in messages: the path as the user gave it, or `<stdin>`. */
  name: string;
  /** Path on disk, or null for standard input. */
  path: string | null;
  text: string;
  /** The file began with a UTF-8 byte order mark (removed from `text`). */
  bom?: boolean;
}

/** Logs of 100,000 activities are about 30 MB; anything far above is not a log. */
const MAX_BYTES = 128 * 1024 * 1024;

export interface ReadOptions {
  /** What the file is, for messages: "log file", "ladder file"… */
  label?: string;
  /** Read by `-`; without it `-` is refused. */
  stdin?: NodeJS.ReadableStream;
  /** Folder that relative paths are relative to (default: the process's). */
  cwd?: string;
}

export async function readSource(path: string, options: ReadOptions = {}): Promise<SourceText> {
  const label = options.label ?? 'file';
  if (path === '-') {
    if (!options.stdin) throw new UsageError(`a ${label} cannot be read from standard input here`);
    return decode(await readStream(options.stdin), '<stdin>', null);
  }
  const onDisk = options.cwd ? resolve(options.cwd, path) : path;
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(onDisk, path, label);
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw await readFailure(error as NodeJS.ErrnoException, path, onDisk, label);
  }
  return decode(bytes, path, onDisk);
}

/** A binary file (a workbook) as bytes, with the same guards as text: a regular file, under the size cap. */
export async function readBytes(path: string, options: ReadOptions = {}): Promise<{ name: string; path: string; bytes: Buffer }> {
  const label = options.label ?? 'file';
  if (path === '-') throw new UsageError(`a workbook cannot be read from standard input`, 'name the .xlsx file');
  const onDisk = options.cwd ? resolve(options.cwd, path) : path;
  try {
    return { name: path, path: onDisk, bytes: await readRegularFile(onDisk, path, label) };
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw await readFailure(error as NodeJS.ErrnoException, path, onDisk, label);
  }
}

/** What a path that is not a regular file is, for messages (undefined for a regular file). */
export function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(path: string, label: string, kind: string): UsageError {
  const stdin = /^\/(dev|proc\/self)\/(stdin|fd\/0)$/.test(path);
  return new UsageError(
    `cannot read ${label} ${safeInline(path)}: it is ${kind}, not a regular file`,
    stdin ? 'to read standard input, give `-` as the file name' : kind === 'a folder' ? 'name a file inside it' : 'only regular files are read',
  );
}

/**
 * The bytes of a regular file, at most MAX_BYTES. The kind is checked before opening
 * (a FIFO would block an open) and again on the open handle (the path may have been
 * swapped meanwhile); the handle is opened non-blocking so even then nothing waits.
 * A file that grows while it is read is cut at the cap, then refused.
 */
async function readRegularFile(onDisk: string, path: string, label: string): Promise<Buffer> {
  const before = kindOf(await stat(onDisk));
  if (before) throw notRegular(path, label, before);
  const handle = await open(onDisk, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    const kind = kindOf(st);
    if (kind) throw notRegular(path, label, kind);
    if (st.size > MAX_BYTES) throw tooLarge(path, st.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(st.size - total, 64 * 1024), MAX_BYTES + 1 - total);
      if (want <= 0) throw tooLarge(path, total);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > MAX_BYTES) throw tooLarge('<stdin>', total);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readFailure(error: NodeJS.ErrnoException, path: string, onDisk: string, label: string): Promise<Error> {
  const shown = safeInline(path);
  if (error.code === 'ENOENT') {
    let hint: string | undefined;
    try {
      const dir = dirname(path);
      const entries = await readdir(dirname(onDisk));
      const near = didYouMean(basename(path), entries);
      if (near) hint = `did you mean ${safeInline(dir === '.' ? near : `${dir}/${near}`)}?`;
    } catch {
      // the folder is missing too: no suggestion
    }
    return new UsageError(`cannot read ${label} ${shown}: no such file`, hint);
  }
  if (error.code === 'EISDIR') return notRegular(path, label, 'a folder');
  if (error.code === 'ENXIO' || error.code === 'EAGAIN') return notRegular(path, label, 'not a regular file');
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return new UsageError(`cannot read ${label} ${shown}: permission denied`);
  }
  return new UsageError(`cannot read ${label} ${shown}: ${error.code ?? error.message}`);
}

function tooLarge(name: string, bytes: number): InputError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new InputError([
    {
      file: name,
      line: 1,
      column: 1,
      field: '',
      message: `file is too large (${mb(bytes)})`,
      expected: `at most ${mb(MAX_BYTES)}`,
      help: 'split the log into several files and pass them all',
    },
  ]);
}

function decode(bytes: Buffer, name: string, path: string | null): SourceText {
  if (bytes.length > MAX_BYTES) throw tooLarge(name, bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([
      {
        file: name,
        line: 1,
        column: 1,
        field: '',
        message: 'file is UTF-16 encoded',
        expected: 'UTF-8 text',
        help: 'save it again as "UTF-8" (in Excel: "CSV UTF-8"; in Notepad: Save as, Encoding UTF-8)',
      },
    ]);
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at).toString('utf8');
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    throw new InputError([
      {
        file: name,
        line,
        column,
        field: '',
        message: `file is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')})`,
        expected: 'UTF-8 text',
        help: 'save it again with UTF-8 encoding (it may be Windows-1252 or Latin-1)',
      },
    ]);
  }
  const text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) return { name, path, text: text.slice(1), bom: true };
  return { name, path, text };
}

/** Offset of the first byte that breaks UTF-8; only called once the buffer is known bad. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need > 0 && !isUtf8(bytes.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return bytes.length;
}
