/**
 * Validated copies of coprod's own data files (shipped ladders and cues), made by the
 * build (scripts/build.mjs) so that a run need not parse and validate them again. A copy
 * is used only when the file's text is still exactly the text the build read (compared
 * whole: exact, and cheaper than hashing); an edited file is read as usual. A run opens
 * the snapshot once (`openSnapshot`) and hands it to whatever loads shipped files.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from './package-root.js';

export interface SnapshotEntry {
  /** The file's text when the build read it. */
  text: string;
  data: unknown;
}

export interface Snapshot {
  /** The validated data of a shipped file, if the build saw exactly this text. */
  dataFor(path: string, text: string): unknown | undefined;
}

const NONE: Snapshot = { dataFor: () => undefined };

/** The build's snapshot, or one that knows no file (a run from the sources, a damaged dist/). */
export function openSnapshot(): Snapshot {
  const root = packageRoot();
  let files: Record<string, SnapshotEntry>;
  try {
    files = (JSON.parse(readFileSync(join(root, 'dist', 'snapshot.json'), 'utf8')) as { files: Record<string, SnapshotEntry> }).files;
  } catch {
    return NONE;
  }
  return {
    dataFor(path, text) {
      const entry = files[relative(root, path).split('\\').join('/')];
      return entry && entry.text === text ? entry.data : undefined;
    },
  };
}
