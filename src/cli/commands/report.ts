/** `coprod report FILE…`: the audit report, one self-contained HTML page (or Markdown). */
import { streamLogs } from '../../assess/map-log.js';
import { formatReportHtml } from '../../output/report/html.js';
import { formatReportMarkdown } from '../../output/report/markdown.js';
import { buildReport } from '../../output/report/model.js';
import { UsageError } from '../../input/problem.js';
import { emit } from '../emit.js';
import type { Io } from '../io.js';
import { loadInputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import { checkFormat, type CommonOptions } from '../options.js';

const FORMATS = ['html', 'markdown'] as const;

function today(env: Record<string, string | undefined>): string {
  // SOURCE_DATE_EPOCH (reproducible builds) fixes the date for byte-identical reports
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

export async function reportCommand(files: string[], options: CommonOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, FORMATS, 'html');
  if (format === 'html' && !options.output && io.stdout.isTTY) {
    throw new UsageError('an HTML report is a file to open in a browser', 'add --output report.html (or use --format markdown to read it here)');
  }
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const model = buildReport(streamLogs(inputs.logs, inputs.ladders, inputs.inferrer), today(io.env));
  await emit(format === 'html' ? formatReportHtml(model) : formatReportMarkdown(model), options, io, inputs.inputs, 'report');
  return 0;
}
