/**
 * Validated copies of coprod's own data files (shipped ladders and cues), made by the
 * build (scripts/build.mjs) so that a run need not parse and validate them again. A
 * copy is used only when the file's content still has the fingerprint it had at build
 * time; an edited file is parsed and validated as usual.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../util/package-root.js';

interface SnapshotFile {
  files: Record<string, { hash: string; data: unknown }>;
}

let snapshot: SnapshotFile | null | undefined;

function load(): SnapshotFile | null {
  if (snapshot !== undefined) return snapshot;
  try {
    snapshot = JSON.parse(readFileSync(join(packageRoot(), 'dist', 'snapshot.json'), 'utf8')) as SnapshotFile;
  } catch {
    snapshot = null;
  }
  return snapshot;
}

/**
 * A fingerprint of a text, to notice that a shipped file was edited (not a defence
 * against anyone: the files are the user's own to change). Two 32-bit FNV-1a hashes over
 * the UTF-16 code units with different starting values, and the length. Plain
 * JavaScript, so that a run need not load node:crypto (~3 ms of start-up).
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return `${text.length.toString(16)}-${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}`;
}

/** The validated data of a shipped file, if the build saw exactly this content. */
export function fromSnapshot(path: string, text: string): unknown | undefined {
  const snap = load();
  if (!snap) return undefined;
  const entry = snap.files[relative(packageRoot(), path).split('\\').join('/')];
  return entry && entry.hash === contentHash(text) ? entry.data : undefined;
}
