/**
 * `--changed-since REF`: which activities a change adds or alters, compared with the
 * same file at a git ref, so that a pull request is judged on what it adds. Activities
 * are matched by id; an activity whose recorded content differs counts as changed.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Activity, ActivityLog } from '../model/activity.js';
import { UsageError } from '../input/problem.js';
import { quoteValue, safeInline } from '../text/terminal-text.js';
import { importEsm } from '../input/import-esm.js';

/** git, run without a shell; node:child_process is loaded only for --changed-since. */
async function run(file: string, args: readonly string[], options: { cwd: string; maxBuffer?: number }): Promise<{ stdout: string; stderr: string }> {
  const { execFile } = await importEsm<typeof import('node:child_process')>('node:child_process');
  const { promisify } = await importEsm<typeof import('node:util')>('node:util');
  return promisify(execFile)(file, args, { ...options, encoding: 'utf8' });
}

/** What an activity records, as a string that changes when any recorded field changes. */
function activitySignature(a: Activity): string {
  return JSON.stringify([
    a.name,
    a.date ?? null,
    a.description ?? null,
    a.participants,
    a.methods,
    a.evidence,
    [...a.declared.entries()].sort(([x], [y]) => x.localeCompare(y)),
    a.target?.raw ?? null,
    a.claimed?.raw ?? null,
    a.participantView?.raw ?? null,
    a.support ?? null,
    a.extensions,
  ]);
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** The file's text at `ref`, or undefined when the file did not exist there. */
export async function fileAtRef(path: string, ref: string, cwd: string): Promise<string | undefined> {
  const abs = resolve(cwd, path);
  let root: string;
  try {
    root = (await git(dirname(abs), ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new UsageError(`--changed-since: ${safeInline(path)} is not in a git repository`);
  }
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since: unknown git ref ${quoteValue(ref, 80)}`, 'use a branch, tag or commit, e.g. origin/main');
  }
  const rel = relative(root, abs).split('\\').join('/');
  try {
    return await git(root, ['show', `${ref}:${rel}`]);
  } catch {
    return undefined;
  }
}

/** Ids (per file) of activities that are new or changed relative to the old logs. */
export function changedActivities(current: readonly ActivityLog[], previous: ReadonlyMap<string, ActivityLog | undefined>): Set<Activity> {
  const changed = new Set<Activity>();
  for (const log of current) {
    const old = previous.get(log.file);
    const before = new Map((old?.activities ?? []).map((a) => [a.id, activitySignature(a)]));
    for (const a of log.activities) if (before.get(a.id) !== activitySignature(a)) changed.add(a);
  }
  return changed;
}
