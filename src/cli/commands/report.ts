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
import type { PeriodOptions } from '../period.js';

export interface ReportOptions extends CommonOptions, PeriodOptions {
  framework?: string[];
}

export async function reportCommand(files: string[], options: ReportOptions, io: Io): Promise<number> {
  const { name, format } = pickFormat(REPORT_FORMATS, options.format);
  if ((name === 'html' || name === 'board') && !options.output && io.stdout.isTTY) {
    throw new UsageError('an HTML report is a file to open in a browser', 'add --output report.html (or use --format markdown to read it here)');
  }
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  // evidence against the frameworks asked for (--framework, else the config's): loaded only then
  const evidence = options.framework?.length || inputs.config?.data.frameworks !== undefined ? await import('./evidence.js') : undefined;
  const frameworks = evidence ? await evidence.frameworksFor(options.framework, inputs.config, io, false) : [];
  const against = evidence && frameworks.length ? await evidence.evidenceAgainst(frameworks, inputs, options, today(io.env)) : [];
  const model = buildReport(streamLogs(inputs.logs, inputs.ladders, inputs.inferrer), today(io.env), against);
  await emit(await format(model, destination(options, io).view), options, io, inputs.inputs, 'report');
  return 0;
}
