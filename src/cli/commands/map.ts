/** `coprod map FILE…`: places every activity on the chosen ladders and prints the table (or json, markdown, csv, yaml). */
import { mapLogs, type MapResult } from '../../core/map-log.js';
import { formatCsv } from '../../format/map/csv.js';
import { formatJson } from '../../format/map/json.js';
import { formatMarkdown } from '../../format/map/markdown.js';
import { formatTable } from '../../format/map/table.js';
import { formatYaml } from '../../format/map/yaml.js';
import { colourLevel, makeChalk } from '../colour.js';
import { emit, toTerminal, type Output } from '../emit.js';
import type { Io } from '../io.js';
import { loadRun } from '../load-run.js';
import { makeInferrer } from '../make-inferrer.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { terminalWidth } from '../terminal-width.js';

export const MAP_FORMATS = ['table', 'json', 'markdown', 'csv', 'yaml'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

export async function mapCommand(files: string[], options: CommonOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, MAP_FORMATS, 'table');
  const run = await loadRun(files, io, options, (config, extraFacts) => makeInferrer(io, options, config, extraFacts));
  const result = mapLogs(run.logs, run.ladders, run.inferrer);
  const toFile = !!options.output && options.output !== '-';
  const text = render(result, format, options, io, toFile);
  await emit(text, options, io, files);
  return 0;
}

function render(result: MapResult, format: MapFormat, options: CommonOptions, io: Io, toFile: boolean): Output {
  switch (format) {
    case 'json':
      return formatJson(result, toTerminal(options, io));
    case 'yaml':
      return formatYaml(result);
    case 'csv':
      return formatCsv(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'table': {
      const chalk = makeChalk(toFile ? 0 : colourLevel(io, io.stdout, options.color));
      return formatTable(result, {
        chalk,
        width: terminalWidth(io),
        quiet: options.quiet ?? false,
        verbose: options.verbose ?? false,
        ascii: io.env.TERM === 'dumb',
      });
    }
  }
}
