/** `coprod init [FILE]`: writes a commented starter log; never replaces a file without --force. */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../../input/package-root.js';
import { safeInline } from '../../text/terminal-text.js';
import { writeFileAtomic } from '../write-file.js';
import type { Io } from '../io.js';
import { checkChoice, type CommonOptions } from '../options.js';
import { logFormat } from '../../input/log-format.js';
import { UsageError } from '../../input/problem.js';

/** coprod's schema of logs, as a path from `target`'s folder (absolute without a target): what the YAML schema line names. */
export async function schemaReference(target: string | undefined): Promise<string> {
  const schemaFile = join(packageRoot(), 'schemas', 'activities.schema.json');
  return target ? relative(dirname(resolve(target)), schemaFile).split(sep).join('/') : schemaFile;
}

/** The starter log, with the schema line pointing at coprod's own schema from `target`'s folder. */
export async function starterLog(target: string | undefined): Promise<string> {
  const template = await readFile(join(packageRoot(), 'templates', 'activities.yaml'), 'utf8');
  return template.replaceAll('{{schema}}', await schemaReference(target)).replaceAll('{{file}}', target ?? 'activities.yaml');
}

export async function initCommand(file: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  // a workbook when asked for, or when the file's name ends in .xlsx
  const format = checkChoice(options.format, ['yaml', 'xlsx'], file && logFormat(file) === 'xlsx' ? 'xlsx' : 'yaml', 'format');
  const target = file ?? (format === 'xlsx' ? 'activities.xlsx' : 'activities.yaml');
  if (target !== '-' && logFormat(target) !== format) {
    throw new UsageError(`--format ${format} does not match the file name ${safeInline(target)}`, `end the name with .${format}, or leave out --format`);
  }
  if (target === '-') {
    if (format === 'xlsx') throw new UsageError('a workbook is not for the terminal: nothing was written', 'name the file to create, e.g. coprod init activities.xlsx');
    io.stdout.write(await starterLog(undefined));
    return 0;
  }
  const path = resolve(io.cwd, target);
  if (format === 'xlsx') {
    const { starterWorkbook } = await import('../../output/starter-workbook.js');
    const { parse } = await import('yaml');
    await writeFileAtomic(path, await starterWorkbook(parse(await starterLog(undefined))), { force: options.force ?? false, what: 'starter workbook', shownAs: target });
    if (!options.quiet) io.stderr.write(`Wrote ${safeInline(target)}: a starter workbook with two example activities, drop-down lists, and a sheet about the columns.\nNext: fill it in, then run \`coprod map ${safeInline(target)}\`.\n`);
    return 0;
  }
  await writeFileAtomic(path, await starterLog(path), { force: options.force ?? false, what: 'starter log', shownAs: target });
  if (!options.quiet) {
    io.stderr.write(`Wrote ${safeInline(target)}: a starter log with two example activities.\nNext: edit it, then run \`coprod map ${safeInline(target)}\`.\n`);
  }
  return 0;
}
