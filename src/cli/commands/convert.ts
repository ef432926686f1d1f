/**
 * `coprod convert FILE --output FILE`: a log from one format to another (YAML, CSV,
 * XLSX), told by the files' endings. The log is checked first (a log coprod cannot read
 * is not converted), then written with nothing lost: a round trip gives the same
 * activities. YAML gets the schema line editors read; a file is never replaced without
 * --force. A workbook is read from `--sheet`, or its first sheet of coprod's columns.
 */
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { UsageError } from '../../input/problem.js';
import { logFormat } from '../../input/log-format.js';
import { loadInputs, readLogDocument } from '../load-inputs.js';
import { logTable } from '../../output/log-table.js';
import { workbookBytes } from '../../output/workbook.js';
import { safeInline } from '../../text/terminal-text.js';
import { csvSafe } from '../../text/csv-cell.js';
import { emit } from '../output.js';
import { schemaReference } from './init.js';
import type { Io } from '../io.js';
import type { CommonOptions } from '../options.js';

export async function convertCommand(file: string, options: CommonOptions, io: Io): Promise<number> {
  const output = options.output;
  if (!output) throw new UsageError('name the file to write with --output', 'its ending chooses the format: .yaml, .csv or .xlsx (e.g. coprod convert log.xlsx --output log.yaml)');
  const to = output === '-' ? 'yaml' : logFormat(output);
  if (to === 'other-workbook') throw new UsageError(`cannot write ${safeInline(output)}: coprod writes .yaml, .csv and .xlsx logs`, 'end the --output name with .yaml, .csv or .xlsx');
  // checked as every command checks a log: located errors, exit 2, nothing written
  await loadInputs([file], io, { ...options, quiet: true, infer: false });
  const { doc } = await readLogDocument(file, io, options.sheet);
  const log = doc.value as { service?: unknown; ladder?: unknown; groups?: unknown; activities: unknown[] };
  const inputs = file === '-' ? ['-'] : [resolve(io.cwd, file)];
  if (to === 'yaml') {
    const modeline = `# yaml-language-server: $schema=${await schemaReference(output === '-' ? undefined : resolve(io.cwd, output))}\n`;
    await emit(`${modeline}${stringify(log, { lineWidth: 100 })}`, options, io, inputs);
  } else if (to === 'csv') {
    const { stringify: csv } = await import('csv-stringify/sync');
    const table = logTable(log);
    const rows = [...table.preamble, table.header, ...table.rows].map((row) => row.map((cell) => (typeof cell === 'string' ? csvSafe(cell) : cell)));
    // with a byte order mark, so Excel reads it as UTF-8
    await emit(`\ufeff${csv(rows as never, { record_delimiter: 'windows' })}`, options, io, inputs);
  } else {
    const table = logTable(log, 'cells');
    await emit(await workbookBytes([{ name: 'Log', preamble: table.preamble, header: table.header, rows: table.rows, widths: table.fields.map((f) => (f === 'description' ? 60 : f === 'name' ? 30 : 16)) }]), options, io, inputs);
  }
  return 0;
}

