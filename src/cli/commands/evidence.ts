/**
 * `coprod evidence FILE… --framework ID`: the log's evidence against the frameworks a
 * service is inspected on (PRODUCT.md §3b): per requirement evidenced, partly or not
 * evidenced, the activities behind it and the next step; then the groups the log serves.
 * Frameworks come from --framework (ids or paths), else the config's `frameworks:`.
 */
import { evaluateFramework, type EvidenceResult } from '../../assess/evidence.js';
import { mapLogs } from '../../assess/map-log.js';
import { loadFramework } from '../../input/load-framework.js';
import { UsageError } from '../../input/problem.js';
import { EVIDENCE_FORMATS, pickFormat } from '../formats.js';
import type { Io } from '../io.js';
import { loadInputs, type Inputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { destination, emit } from '../output.js';
import { periodOf, type PeriodOptions } from '../period.js';
import { today } from '../today.js';
import type { Framework } from '../../model/framework.js';
import type { LoadedConfig } from '../../input/load-config.js';

export interface EvidenceOptions extends CommonOptions, PeriodOptions {
  framework?: string[];
}

export async function evidenceCommand(files: string[], options: EvidenceOptions, io: Io): Promise<number> {
  const { name, format } = pickFormat(EVIDENCE_FORMATS, options.format);
  if (name === 'html' && !options.output && io.stdout.isTTY) throw new UsageError('an HTML page is a file to open in a browser', 'add --output evidence.html (or use --format markdown)');
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const frameworks = await frameworksFor(options.framework, inputs.config, io);
  const results = await evidenceAgainst(frameworks, inputs, options, today(io.env));
  await emit(await format(results, destination(options, io).view), options, io, [...inputs.inputs, ...frameworks.filter((f) => !f.shipped).map((f) => f.file)]);
  return 0;
}

/** The frameworks named on the command line, else in the config (paths there relative to it). */
export async function frameworksFor(named: string[] | undefined, config: LoadedConfig | undefined, io: Io, required = true): Promise<Framework[]> {
  const fromConfig = config?.data.frameworks === undefined ? [] : [config.data.frameworks].flat();
  const refs = named?.length ? named.map((ref) => ({ ref, cwd: io.cwd })) : fromConfig.map((ref) => ({ ref, cwd: config!.dir }));
  if (!refs.length && required) throw new UsageError('name a framework with --framework', 'shipped: cqc, rsh-tia, nhse-ppc (e.g. coprod evidence activities.yaml --framework cqc); or list them under `frameworks:` in coprod.config.yaml');
  return Promise.all(refs.map(({ ref, cwd }) => loadFramework(ref, cwd)));
}

/** Each framework evaluated over the run's logs, its ladders (and any a rung filter names) placing the activities. */
export async function evidenceAgainst(frameworks: readonly Framework[], inputs: Inputs, period: PeriodOptions, day: string): Promise<EvidenceResult[]> {
  const ladders = [...inputs.ladders];
  for (const id of new Set(frameworks.flatMap((f) => f.ladders))) if (!ladders.some((l) => l.id === id)) ladders.push(await inputs.registry.get(id));
  const { results } = mapLogs(inputs.logs, ladders, inputs.inferrer);
  const groups = [...new Set(inputs.logs.flatMap((l) => l.groups ?? []))];
  return frameworks.map((f) => evaluateFramework(f, results, groups, periodOf(period, f.period, day), ladders));
}

