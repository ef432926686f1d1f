/**
 * The log files a command is given: a file as named; a folder as every log file inside it
 * (at any depth, not in hidden folders or node_modules); a glob (`'logs/**\/*.yaml'`)
 * expanded by coprod itself (tinyglobby), so it works the same in every shell, PowerShell
 * and cmd included. A folder or glob that finds nothing is a usage error saying so. The
 * command line is trusted; a log's own references are not, and are never globbed.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './problem.js';
import { compareText } from '../text/compare-text.js';
import { quoteValue } from '../text/terminal-text.js';

/** What a folder contributes: the file types logs are kept in. */
export const LOG_EXTENSIONS = ['yaml', 'yml', 'csv', 'xlsx'];
const IGNORED = ['**/node_modules/**', '**/.*/**', '**/coprod.config.{yaml,yml}', '**/.coprod.{yaml,yml}'];

function kindOf(path: string): 'file' | 'folder' | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

export async function expandFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const add = (file: string): void => {
    if (!out.includes(file)) out.push(file);
  };
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    const kind = kindOf(resolve(cwd, arg));
    // a file that exists is itself, even when its name holds glob characters ("[draft].yaml")
    if (kind === 'file') {
      add(arg);
      continue;
    }
    // the glob library only when a folder or a pattern needs it (most runs name files)
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (kind === 'folder') {
      const base = arg.replace(/[\\/]+$/, '');
      const found = await glob(`**/*.{${LOG_EXTENSIONS.join(',')}}`, { cwd: resolve(cwd, arg), ignore: IGNORED, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false });
      if (!found.length) throw new UsageError(`the folder ${quoteValue(arg)} holds no log files`, `a folder is read for ${LOG_EXTENSIONS.map((e) => `.${e}`).join(', ').replace(/, ([^,]*)$/, ' and $1')} files, in it and its subfolders`);
      for (const f of found.sort(compareText)) add(`${base}/${f}`);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg.replace(/\\/g, '/'), { cwd, ignore: IGNORED, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false });
      if (!found.length) throw new UsageError(`no file matches ${quoteValue(arg)}`, 'check the pattern (e.g. `involvement/*.yaml`, or `"involvement/**/*.yaml"` in quotes for subfolders); it is matched from the working folder');
      for (const f of found.sort(compareText)) add(f);
    } else add(arg); // a missing file: reading it gives the usual error, with its "did you mean"
  }
  return out;
}
