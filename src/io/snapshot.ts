/**
 * Validated copies of coprod's own data files (shipped ladders and cues), made by the
 * build (scripts/build.mjs) so that a run need not parse and validate them again. A
 * copy is used only when the file's content still has the hash it had at build time;
 * an edited file is parsed and validated as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../util/package-root.js';

interface SnapshotFile {
  files: Record<string, { sha1: string; data: unknown }>;
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

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The validated data of a shipped file, if the build saw exactly this content. */
export function fromSnapshot(path: string, text: string): unknown | undefined {
  const snap = load();
  if (!snap) return undefined;
  const entry = snap.files[relative(packageRoot(), path).split('\\').join('/')];
  return entry && entry.sha1 === contentHash(text) ? entry.data : undefined;
}
