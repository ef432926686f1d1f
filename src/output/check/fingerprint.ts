/**
 * A finding's fingerprint: the same activity, rule and file give the same one from run to
 * run, whatever line the activity moves to, so SARIF and GitLab can tell a new finding
 * from one already seen. A finding about no activity is fingerprinted by its place and text.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../check/apply-policy.js';
import { repoPath } from './paths.js';

export function fingerprint(f: Finding, cwd: string, env: Record<string, string | undefined>): string {
  const what = f.activity?.id ?? `${f.line}:${f.column}:${f.message}`;
  return createHash('sha256').update(`${repoPath(f.file, cwd, env)}\u0000${what}\u0000${f.id}`).digest('hex').slice(0, 32);
}
