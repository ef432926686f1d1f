/** `coprod map FILE…`: places every activity on the chosen ladders and prints the table (or json, markdown, csv, yaml). */
import { mapLogs, streamLogs } from '../../assess/map-log.js';
import { MAP_FORMATS, pickFormat } from '../formats.js';
import type { Io } from '../io.js';
import { loadInputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { destination, emit } from '../output.js';

export interface MapOptions extends CommonOptions {
  /** CSV with a byte order mark: on by default for a file, off for standard output. */
  bom?: boolean;
}

export async function mapCommand(files: string[], options: MapOptions, io: Io): Promise<number> {
  const { name, format } = pickFormat(MAP_FORMATS, options.format);
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const { view } = destination(options, io);
  // compact JSON is written as activities are assessed; every other format needs them all
  if (name === 'json' && !view.pretty) {
    const { formatJson } = await import('../../output/map/json.js');
    await emit(formatJson(streamLogs(inputs.logs, inputs.ladders, inputs.inferrer)), options, io, inputs.inputs);
    return 0;
  }
  const output = await format(mapLogs(inputs.logs, inputs.ladders, inputs.inferrer), view);
  // Excel (and LibreOffice's default import) reads a CSV without a byte order mark as the local code page
  const bom = name === 'csv' && (options.bom ?? (options.output !== undefined && options.output !== '-'));
  await emit(bom && typeof output === 'string' ? `\ufeff${output}` : output, options, io, inputs.inputs);
  return 0;
}
