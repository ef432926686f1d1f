/** `coprod report FILE…`: the audit report, one self-contained HTML page (or Markdown). */
import { streamLogs } from '../../assess/map-log.js';
import { buildReport } from '../../output/report/model.js';
import { UsageError } from '../../input/problem.js';
import { destination, emit } from '../output.js';
import { today } from '../today.js';
import type { Io } from '../io.js';
import { loadInputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { pickFormat, REPORT_FORMATS } from '../formats.js';

export async function reportCommand(files: string[], options: CommonOptions, io: Io): Promise<number> {
  const { name, format } = pickFormat(REPORT_FORMATS, options.format);
  if (name === 'html' && !options.output && io.stdout.isTTY) {
    throw new UsageError('an HTML report is a file to open in a browser', 'add --output report.html (or use --format markdown to read it here)');
  }
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const model = buildReport(streamLogs(inputs.logs, inputs.ladders, inputs.inferrer), today(io.env));
  await emit(await format(model, destination(options, io).view), options, io, inputs.inputs, 'report');
  return 0;
}
