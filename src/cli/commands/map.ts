/** `coprod map FILE…`: places every activity on the chosen ladders and prints the table (or json, markdown, csv, yaml). */
import { mapLogs, streamLogs, type MapResult } from '../../assess/map-log.js';
import { colourLevel, makeChalk } from '../colour.js';
import { emit, toTerminal, type Output } from '../emit.js';
import type { Io } from '../io.js';
import { loadInputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { terminalWidth } from '../terminal-width.js';

export const MAP_FORMATS = ['table', 'json', 'markdown', 'csv', 'yaml'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

export async function mapCommand(files: string[], options: CommonOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, MAP_FORMATS, 'table');
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const toFile = !!options.output && options.output !== '-';
  // compact JSON is written as activities are assessed; every other format needs them all
  if (format === 'json' && !toTerminal(options, io)) {
    const { formatJson } = await import('../../output/map/json.js');
    await emit(formatJson(streamLogs(inputs.logs, inputs.ladders, inputs.inferrer)), options, io, inputs.inputs);
    return 0;
  }
  const result = mapLogs(inputs.logs, inputs.ladders, inputs.inferrer);
  const text = await render(result, format, options, io, toFile);
  await emit(text, options, io, inputs.inputs);
  return 0;
}

/** Each format is loaded only when asked for. */
async function render(result: MapResult, format: MapFormat, options: CommonOptions, io: Io, toFile: boolean): Promise<Output> {
  switch (format) {
    case 'json':
      return (await import('../../output/map/json.js')).formatJson(result, toTerminal(options, io));
    case 'yaml':
      return (await import('../../output/map/yaml.js')).formatYaml(result);
    case 'csv':
      return (await import('../../output/map/csv.js')).formatCsv(result);
    case 'markdown':
      return (await import('../../output/map/markdown.js')).formatMarkdown(result);
    case 'table': {
      const { formatTable } = await import('../../output/map/table.js');
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
