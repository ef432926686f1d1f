/**
 * Everything a map, check or report run needs before the core can work: the config,
 * the ladders (from --ladder, each file's `ladder:`, the config, or tlap), and the
 * validated logs. Problems from every file are gathered and reported together.
 */
import { resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '../input/load-config.js';
import type { ActivityLog } from '../model/activity.js';
import type { FactDefinition } from '../model/facts-model.js';
import { logFolder, parseLog, readLog } from '../input/read-log.js';
import type { Inferrer } from '../model/resolve-facts.js';
import { makeRungRefResolver } from '../input/rung-ref.js';
import { InputError, problemsOf, UsageError, type Diagnostic, type Problem } from '../input/problem.js';
import { readSource } from '../input/read-source.js';
import { expandFiles } from '../input/expand-files.js';
import { logFormat } from '../input/log-format.js';
import { readCsvLog, type CsvLog } from '../input/read-csv-log.js';
import { openSnapshot } from '../input/snapshot.js';
import { locate, type YamlDocument } from '../input/yaml-source.js';
import type { Ladder } from '../model/ladder.js';
import { LadderRegistry, isLadderPath } from '../input/ladder-registry.js';
import { sortDiagnostics } from '../input/schema-problems.js';
import type { CommonOptions } from './options.js';
import type { Io } from './io.js';
import { quoteValue, safeInline } from '../text/terminal-text.js';
import { shownPath } from '../text/shown-path.js';

export interface Inputs {
  config: LoadedConfig | undefined;
  registry: LadderRegistry;
  ladders: Ladder[];
  logs: ActivityLog[];
  inferrer: Inferrer | undefined;
  /** Every file the run reads (logs, config, ladder and cue files; `-` for standard input): none may be overwritten by --output. */
  inputs: string[];
  /** With `keepGoing`: the problems of the log files that could not be used (left out of `logs`). */
  problems: Problem[];
}

export const DEFAULT_LADDER = 'tlap';

/** A log's own `ladder:` field, as written. */
export function peekLadder(doc: YamlDocument): string | undefined {
  const v = doc.value;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const ladder = (v as Record<string, unknown>).ladder;
    if (typeof ladder === 'string' && ladder.trim()) return ladder.trim();
  }
  return undefined;
}

export async function loadContext(io: Io, options: CommonOptions): Promise<{ config: LoadedConfig | undefined; registry: LadderRegistry }> {
  const config = await loadConfig(io.cwd, options.config, io.env.HOME || undefined);
  const registry = new LadderRegistry(io.cwd, config?.ladderFiles ?? [], openSnapshot());
  if (config) await checkConfigLadders(config, registry);
  return { config, registry };
}

/** A log's `ladder:` that names no ladder (or a file it may not), located at that field. */
export function ladderFieldProblem(doc: YamlDocument, error: UsageError): Diagnostic {
  const d: Diagnostic = { file: doc.source.name, ...locate(doc, ['ladder']), field: 'ladder', message: error.message };
  if (error.hint) d.help = error.hint;
  return d;
}

/** The config's `ladder:` must name ladders that exist: an unknown one is an error at that entry. */
async function checkConfigLadders(config: LoadedConfig, registry: LadderRegistry): Promise<void> {
  const diagnostics: Diagnostic[] = [];
  const refs = configLadders(config);
  const listed = Array.isArray(config.data.ladder);
  for (const [i, ref] of refs.entries()) {
    try {
      await registry.get(ref);
    } catch (error) {
      if (error instanceof UsageError) {
        const path = listed ? ['ladder', i] : ['ladder'];
        const d: Diagnostic = { file: config.file, ...locate(config.doc, path), field: listed ? `ladder[${i}]` : 'ladder', message: error.message };
        if (error.hint) d.help = error.hint;
        diagnostics.push(d);
      } else if (error instanceof InputError) for (const d of error.diagnostics) diagnostics.push(d);
      else throw error;
    }
  }
  if (diagnostics.length) throw new InputError(diagnostics);
}

/** The config's `ladder:` entries, with paths resolved against the config's folder. */
export function configLadders(config: LoadedConfig | undefined): string[] {
  return (config?.ladders ?? []).map((l) => (isLadderPath(l) ? resolve(config!.dir, l) : l));
}

export async function loadInputs(
  given: readonly string[],
  io: Io,
  options: CommonOptions,
  makeInferrer?: (config: LoadedConfig | undefined, extraFacts: readonly FactDefinition[], registry: LadderRegistry) => Promise<Inferrer | undefined>,
  keepGoing = false,
): Promise<Inputs> {
  // folders and globs become the files they hold
  const files = await expandFiles(given, io.cwd);
  if (files.length === 0) throw new UsageError('no log file given', 'name one or more activity files, e.g. `coprod map activities.yaml`, or `-` for standard input');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const { config, registry } = await loadContext(io, options);
  // problems of the run as a whole (a ladder of --ladder or the config), and of one log file
  const diagnostics: Diagnostic[] = [];
  const ofFiles: Diagnostic[] = [];
  const failed = new Set<YamlDocument>();

  const docs: YamlDocument[] = [];
  // a CSV log's problems name its columns by their headers
  const csvLogs = new Map<YamlDocument, CsvLog>();
  for (const file of files) {
    // a workbook is not text: say what to do rather than report its bytes as bad YAML
    const kind = logFormat(file);
    if (kind === 'workbook') {
      ofFiles.push({
        file,
        line: 1,
        column: 1,
        field: '',
        message: 'a spreadsheet workbook cannot be read yet',
        expected: 'a YAML log, or a CSV log',
        help: 'save the sheet as "CSV UTF-8" (Excel: File → Save As; LibreOffice: Text CSV, UTF-8) and give coprod the .csv file',
      });
      continue;
    }
    try {
      const source = await readSource(file, { stdin: io.stdin, label: 'log file', cwd: io.cwd });
      if (kind === 'csv') {
        const csv = await readCsvLog(source);
        csvLogs.set(csv.doc, csv);
        docs.push(csv.doc);
        // said once per file, so that a misnamed column is not silently set aside
        if (csv.kept.length && !options.quiet) {
          io.stderr.write(`${safeInline(file)}: ${csv.kept.length === 1 ? 'a column' : 'columns'} kept as your own ${csv.kept.length === 1 ? 'field' : 'fields'}: ${csv.kept.map((k) => `${safeInline(k.header)} (${safeInline(k.field)})`).join(', ')}\n`);
        }
      } else docs.push(parseLog(source));
    } catch (error) {
      if (error instanceof InputError) for (const d of error.diagnostics) ofFiles.push(d);
      else throw error;
    }
  }
  // which ladders: --ladder, else each file's own, else the config's, else tlap
  const fromConfig = configLadders(config);
  const refs: Array<{ ref: string; doc?: YamlDocument }> = [];
  if (options.ladder?.length) refs.push(...options.ladder.map((ref) => ({ ref })));
  else {
    for (const doc of docs) {
      const own = peekLadder(doc);
      if (own) refs.push({ ref: own, doc });
      else refs.push(...(fromConfig.length ? fromConfig : [DEFAULT_LADDER]).map((ref) => ({ ref })));
    }
    if (refs.length === 0) refs.push(...(fromConfig.length ? fromConfig : [DEFAULT_LADDER]).map((ref) => ({ ref })));
  }
  const ladders: Ladder[] = [];
  for (const { ref, doc } of refs) {
    try {
      const ladder = await registry.get(ref, doc ? logFolder(doc, { folder: io.cwd }) : undefined);
      if (!ladders.includes(ladder)) ladders.push(ladder);
    } catch (error) {
      if (error instanceof UsageError && doc) {
        ofFiles.push(ladderFieldProblem(doc, error));
        failed.add(doc);
      } else if (error instanceof InputError) {
        for (const d of error.diagnostics) (doc ? ofFiles : diagnostics).push(d);
        if (doc) failed.add(doc);
      } else throw error;
    }
  }
  const ids = ladders.map((l) => l.id);
  for (const [i, ladder] of ladders.entries()) {
    const first = ladders.findIndex((l) => l.id === ladder.id);
    if (first === i) continue;
    const other = ladders[first]!;
    diagnostics.push({
      file: ladder.file,
      ...ladder.idAt,
      field: 'id',
      message: `two ladders share the id ${quoteValue(ladder.id)}: this file and ${other.shipped ? `the shipped ladder ${other.id}` : safeInline(shownPath(other.file, io.cwd))}`,
      expected: 'a ladder id used by one ladder only',
      help: 'give your own ladder a different id',
    });
  }
  const extraFacts: FactDefinition[] = [];
  for (const l of ladders) for (const f of l.extraFacts) if (!extraFacts.some((x) => x.name === f.name)) extraFacts.push(f);
  const resolveRef = makeRungRefResolver(registry, ids);
  const logs: ActivityLog[] = [];
  for (const doc of docs) {
    if (failed.has(doc)) continue;
    try {
      logs.push(await readLog(doc, { extraFacts, resolveRef, folder: io.cwd }));
    } catch (error) {
      const csv = csvLogs.get(doc);
      if (error instanceof InputError) for (const d of error.diagnostics) ofFiles.push(csv && d.field ? { ...d, field: csv.shownField(d.field) } : d);
      else throw error;
    }
  }
  // with keepGoing, a log file that cannot be used is left out, its problems kept for the output
  const fatal = keepGoing ? diagnostics : [...diagnostics, ...ofFiles];
  if (fatal.length) throw new InputError(sortDiagnosticsByFileOrder(await explainLadderFacts(fatal, registry, ids), files));
  const problems = keepGoing ? problemsOf(sortDiagnosticsByFileOrder(await explainLadderFacts(ofFiles, registry, ids), files)) : [];
  const inferrer = makeInferrer ? await makeInferrer(config, extraFacts, registry) : undefined;
  const inputs = [
    ...files.map((f) => (f === '-' ? '-' : resolve(io.cwd, f))),
    ...(config ? [config.file, ...config.cueFiles, ...config.ladderFiles] : []),
    ...ladders.filter((l) => !l.shipped).map((l) => l.file),
    ...(options.cues ?? []).map((f) => resolve(io.cwd, f)),
  ];
  return { config, registry, ladders, logs, inferrer, inputs, problems };
}

/** An unknown field that is a fact of another ladder gets a hint naming that ladder. */
async function explainLadderFacts(diagnostics: Diagnostic[], registry: LadderRegistry, inUse: readonly string[]): Promise<Diagnostic[]> {
  const unknown = diagnostics.filter((d) => /^unknown field "/.test(d.message));
  if (!unknown.length) return diagnostics;
  let ladders: Ladder[];
  try {
    ladders = await registry.all();
  } catch {
    return diagnostics;
  }
  for (const d of unknown) {
    const field = /^unknown field "([^"]+)"/.exec(d.message)?.[1];
    const owner = ladders.find((l) => !inUse.includes(l.id) && l.extraFacts.some((f) => f.name === field));
    if (owner) d.help = `${field} is a fact of the ${owner.id} ladder: map with --ladder ${owner.id}, or set ladder: ${owner.id} in the file`;
  }
  return diagnostics;
}

function sortDiagnosticsByFileOrder(diagnostics: Diagnostic[], files: readonly string[]): Diagnostic[] {
  const order = (f: string): number => {
    const i = files.indexOf(f === '<stdin>' ? '-' : f);
    return i < 0 ? files.length : i;
  };
  return sortDiagnostics(diagnostics).sort((a, b) => order(a.file) - order(b.file));
}
