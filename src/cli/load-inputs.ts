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
import { readBytes, readSource } from '../input/read-source.js';
import { expandFiles } from '../input/expand-files.js';
import { logFormat } from '../input/log-format.js';
import { readCsvLog } from '../input/read-csv-log.js';
import { readXlsxLog } from '../input/read-xlsx-log.js';
import type { TableLog } from '../input/table-log.js';
import { openSnapshot } from '../input/snapshot.js';
import { locate, type YamlDocument } from '../input/yaml-source.js';
import type { Ladder } from '../model/ladder.js';
import { LadderRegistry, isLadderPath } from '../input/ladder-registry.js';
import { sortDiagnostics } from '../input/schema-problems.js';
import type { CommonOptions } from './options.js';
import type { Io } from './io.js';
import { quoteValue, safeInline } from '../text/terminal-text.js';
import { shownPath } from '../text/shown-path.js';
import { releaseReadingMemory } from './release-memory.js';

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
  // a spreadsheet log's problems name its columns by their headers
  const tableLogs = new Map<YamlDocument, TableLog>();
  for (const file of files) {
    try {
      const { doc, table } = await readLogDocument(file, io, options.sheet);
      if (table) tableLogs.set(doc, table);
      docs.push(doc);
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
  for (const read of docs) {
    if (failed.has(read)) continue;
    // a spreadsheet's columns may name the ladders' own facts, known only now
    const table = extraFacts.length ? tableLogs.get(read)?.withFacts(extraFacts) : tableLogs.get(read);
    const doc = table?.doc ?? read;
    if (table) {
      tableLogs.set(doc, table);
      // said once per file, so that a misnamed column is not silently set aside
      if (table.kept.length && !options.quiet) {
        io.stderr.write(`${safeInline(doc.source.name)}: ${table.kept.length === 1 ? 'a column' : 'columns'} kept as your own ${table.kept.length === 1 ? 'field' : 'fields'}: ${table.kept.map((k) => `${safeInline(k.header)} (${safeInline(k.field)})`).join(', ')}\n`);
      }
    }
    try {
      logs.push(await readLog(doc, { extraFacts, resolveRef, folder: io.cwd }));
    } catch (error) {
      const table = tableLogs.get(doc);
      if (error instanceof InputError) for (const d of error.diagnostics) ofFiles.push(table && d.field ? { ...d, field: table.shownField(d.field) } : d);
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
  releaseReadingMemory(logs.reduce((n, l) => n + l.activities.length, 0));
  return { config, registry, ladders, logs, inferrer, inputs, problems };
}

/**
 * One log file as a document, whatever it is kept in: YAML (also standard input), CSV, or
 * an Excel workbook (`sheet`: which of its sheets). A workbook of another kind is refused
 * with what to do, not reported as bad YAML. `table`: how a spreadsheet's columns are named.
 */
export async function readLogDocument(file: string, io: Io, sheet?: string): Promise<{ doc: YamlDocument; table?: TableLog }> {
  const kind = logFormat(file);
  if (kind === 'other-workbook') {
    throw new InputError([{
      file,
      line: 1,
      column: 1,
      field: '',
      message: 'this kind of workbook cannot be read',
      expected: 'a YAML log, a CSV log or an Excel workbook (.xlsx)',
      help: 'save it as an Excel workbook (.xlsx), or as "CSV UTF-8" (LibreOffice: File → Save As, Excel 2007-365 or Text CSV)',
    }]);
  }
  if (kind === 'yaml') return { doc: parseLog(await readSource(file, { stdin: io.stdin, label: 'log file', cwd: io.cwd })) };
  const table = kind === 'csv'
    ? await readCsvLog(await readSource(file, { stdin: io.stdin, label: 'log file', cwd: io.cwd }))
    : await readXlsxLog(await readBytes(file, { label: 'log file', cwd: io.cwd }), [], sheet);
  return { doc: table.doc, table };
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
