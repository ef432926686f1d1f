/**
 * The `evidence` files of an activity (PRODUCT.md §1): paths relative to the log's folder,
 * checked to exist as regular files inside the log's repository and never read. A path
 * that leaves the repository (absolute, `..`, a link leading out) is refused; one that is
 * missing, or is not a regular file, is reported for the `evidence-missing` flag.
 */
import { statSync } from 'node:fs';
import { isAbsolute, resolve, win32 } from 'node:path';
import { inside, real, repositoryRoot } from './repository-paths.js';

export type EvidenceCheck = { ok: true } | { ok: false; refused: string } | { ok: false; missing: string };

export function checkEvidence(ref: string, logFolder: string): EvidenceCheck {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return { ok: true }; // a web address: not a file of the repository
  if (isAbsolute(ref) || win32.isAbsolute(ref) || ref.startsWith('~')) return { ok: false, refused: 'is an absolute path' };
  const root = repositoryRoot(logFolder);
  const path = resolve(logFolder, ref);
  if (!inside(root, path) || !inside(real(root), real(path))) return { ok: false, refused: "is outside the log's repository" };
  try {
    return statSync(path).isFile() ? { ok: true } : { ok: false, missing: 'is not a file' };
  } catch {
    return { ok: false, missing: 'does not exist' };
  }
}
