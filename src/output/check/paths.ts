/** File paths as CI tools want them: relative to the repository root (GITHUB_WORKSPACE, else CI_PROJECT_DIR, else the working folder), with forward slashes. */
import { isAbsolute, relative, resolve } from 'node:path';

/** The folder CI paths are relative to. */
export function repoRoot(cwd: string, env: Record<string, string | undefined>): string {
  return resolve(cwd, env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR || cwd);
}

export function repoPath(file: string, cwd: string, env: Record<string, string | undefined>): string {
  if (file === '<stdin>') return file;
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(repoRoot(cwd, env), abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split('\\').join('/');
}
