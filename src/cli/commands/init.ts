/** `coprod init [FILE]`: writes a commented starter log; never replaces a file without --force. */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../../input/package-root.js';
import { safeInline } from '../../text/terminal-text.js';
import { writeFileAtomic } from '../write-file.js';
import type { Io } from '../io.js';
import type { CommonOptions } from '../options.js';

/** The starter log, with the schema line pointing at coprod's own schema from `target`'s folder. */
export async function starterLog(target: string | undefined): Promise<string> {
  const root = packageRoot();
  const template = await readFile(join(root, 'templates', 'activities.yaml'), 'utf8');
  const schemaFile = join(root, 'schemas', 'activities.schema.json');
  let schema = schemaFile;
  if (target) {
    const rel = relative(dirname(resolve(target)), schemaFile);
    schema = rel.split(sep).join('/');
  }
  return template.replaceAll('{{schema}}', schema).replaceAll('{{file}}', target ?? 'activities.yaml');
}

export async function initCommand(file: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  const target = file ?? 'activities.yaml';
  if (target === '-') {
    io.stdout.write(await starterLog(undefined));
    return 0;
  }
  const path = resolve(io.cwd, target);
  await writeFileAtomic(path, await starterLog(path), { force: options.force ?? false, what: 'starter log', shownAs: target });
  if (!options.quiet) {
    io.stderr.write(`Wrote ${safeInline(target)}: a starter log with two example activities.\nNext: edit it, then run \`coprod map ${safeInline(target)}\`.\n`);
  }
  return 0;
}
