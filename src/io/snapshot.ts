/**
 * Validated copies of coprod's own data files (shipped ladders and cues), made by the
 * build (scripts/build.mjs) so that a run need not parse and validate them again, with
 * anything else the build can work out once (the cue file's compiled patterns). A copy
 * is used only when the file's text is still exactly the text the build read (compared
 * whole: faster than hashing it, and exact); an edited file is read as usual.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../util/package-root.js';

export interface SnapshotEntry {
  /** The file's text when the build read it. */
  text: string;
  data: unknown;
  /** Extra data worked out by the build, such as compiled patterns. */
  extra?: unknown;
}

interface SnapshotFile {
  files: Record<string, SnapshotEntry>;
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

/** The build's entry for a shipped file, if the build saw exactly this text. */
export function snapshotEntry(path: string, text: string): SnapshotEntry | undefined {
  const snap = load();
  if (!snap) return undefined;
  const entry = snap.files[relative(packageRoot(), path).split('\\').join('/')];
  return entry && entry.text === text ? entry : undefined;
}

/** The validated data of a shipped file, if the build saw exactly this text. */
export function fromSnapshot(path: string, text: string): unknown | undefined {
  return snapshotEntry(path, text)?.data;
}
