/** File paths as CI tools want them: relative to the repository root (GITHUB_WORKSPACE, else the working folder), with forward slashes. */
import { isAbsolute, relative, resolve } from 'node:path';

export function repoPath(file: string, cwd: string, env: Record<string, string | undefined>): string {
  if (file === '<stdin>') return file;
  const root = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR || cwd;
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(root, abs);
  return (rel.startsWith('..') ? abs : rel).split('\\').join('/');
}
