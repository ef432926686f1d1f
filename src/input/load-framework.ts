/**
 * Loads one framework file: parse, validate against the framework schema, check every
 * reference (facts and their values, levels, flags, fields, `say` values) with located
 * errors and "did you mean", then compile the filters. Frameworks are found by id in
 * coprod's frameworks/ folder, or by path (the command line and the config only).
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { CORE_FACTS, SAY_VALUES } from '../model/facts-model.js';
import { compileCondition, type ConditionSpec } from '../model/condition.js';
import { checkCondition, type ReferenceProblem } from './load-ladder.js';
import { HAS_FIELDS, type Filter, type Framework, type Test } from '../model/framework.js';
import { FLAG_IDS } from '../assess/flags.js';
import { InputError, UsageError, fieldPath, type Diagnostic } from './problem.js';
import { readSource } from './read-source.js';
import { hasKnownKey, notThisKind } from './file-kind.js';
import { issuesToDiagnostics, keysAt, sortDiagnostics } from './schema-problems.js';
import { locate, parseYaml, type PathSegment } from './yaml-source.js';
import { packageRoot } from './package-root.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue, visibleStrings } from '../text/terminal-text.js';
import { frameworkSchema, type FrameworkFile } from './framework-schema.js';

const FACTS = new Map(CORE_FACTS.map((f) => [f.name, f]));
const LEVELS = FACTS.get('level')!.values;

export function frameworksDir(): string {
  return join(packageRoot(), 'frameworks');
}

export function shippedFrameworkIds(): string[] {
  return readdirSync(frameworksDir()).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort();
}

/** A framework by shipped id, or by path to a YAML file (relative to `cwd`). */
export async function loadFramework(ref: string, cwd: string): Promise<Framework> {
  const shipped = shippedFrameworkIds();
  if (shipped.includes(ref)) return loadFrameworkFile(join(frameworksDir(), `${ref}.yaml`), true, `${ref}.yaml`);
  if (/\.ya?ml$/i.test(ref) || ref.includes('/')) return loadFrameworkFile(resolve(cwd, ref), false, ref);
  const near = didYouMean(ref, shipped);
  throw new UsageError(`no framework ${quoteValue(ref)}`, near ? `did you mean ${near}? (shipped: ${shipped.join(', ')})` : `shipped frameworks: ${shipped.join(', ')}; or give a path to your own framework file`);
}

async function loadFrameworkFile(path: string, shipped: boolean, shownAs: string): Promise<Framework> {
  const source = await readSource(path, { label: 'framework file' });
  const doc = parseYaml({ ...source, name: shipped ? path : shownAs }, { itemsKey: 'requirements' });
  const file = doc.source.name;
  if (doc.value === undefined || doc.value === null) {
    throw new InputError([{ file, line: 1, column: 1, field: '', message: 'the framework file is empty', expected: 'a framework: id, name, source, description, requirements' }]);
  }
  if (!hasKnownKey(doc.value, keysAt(frameworkSchema, []))) throw notThisKind(file, 'a framework file', 'a mapping with id, name, source, description and requirements');
  const parsed = frameworkSchema.safeParse(doc.value, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, doc, frameworkSchema, { keySynonyms: { condition: 'evidence', test: 'evidence', when: 'evidence', advice: 'next', items: 'requirements', standards: 'requirements' } })));
  }
  const data = visibleStrings(parsed.data) as FrameworkFile;
  const problems: Diagnostic[] = [];
  const problem = (path: PathSegment[], message: string, expected?: string, help?: string): void => {
    problems.push({ file, ...locate(doc, path), field: fieldPath(path), message, ...(expected ? { expected } : {}), ...(help ? { help } : {}) });
  };
  const ladders = new Set<string>();
  const seen = new Set<string>();
  const requirements = data.requirements.map((r, i) => {
    if (seen.has(r.id)) problem(['requirements', i, 'id'], `requirement ${quoteValue(r.id)} is listed twice`, 'an id used once in the framework');
    seen.add(r.id);
    return { id: r.id, title: r.title, description: r.description, next: r.next, test: compileTest(r.evidence as never, ['requirements', i, 'evidence'], problem, ladders) };
  });
  if (problems.length) throw new InputError(sortDiagnostics(problems));
  if (shipped && data.id !== basename(path, extname(path))) throw new Error(`shipped framework ${path} has id ${data.id}`);
  const framework: Framework = { id: data.id, name: data.name, source: data.source, description: data.description, requirements, file, shipped, ladders: [...ladders] };
  if (data.period) framework.period = data.period;
  return framework;
}

type Report = (path: PathSegment[], message: string, expected?: string, help?: string) => void;

function compileTest(spec: Record<string, any>, path: PathSegment[], problem: Report, ladders: Set<string>): Test {
  if (spec.count) return { kind: 'count', atLeast: spec.count.atLeast, ...(spec.count.where ? { where: compileFilter(spec.count.where, [...path, 'count', 'where'], problem, ladders) } : {}) };
  if (spec.share) {
    return {
      kind: 'share',
      atLeast: spec.share.atLeast,
      where: compileFilter(spec.share.where, [...path, 'share', 'where'], problem, ladders),
      ...(spec.share.of ? { of: compileFilter(spec.share.of, [...path, 'share', 'of'], problem, ladders) } : {}),
    };
  }
  if (spec.groups) {
    checkValue(spec.groups.atLeast, SAY_VALUES, [...path, 'groups', 'atLeast'], 'a say value', problem);
    return { kind: 'groups', atLeast: spec.groups.atLeast };
  }
  const kind = spec.all ? 'all' : 'any';
  return { kind, children: (spec[kind] as Array<Record<string, any>>).map((c, i) => compileTest(c, [...path, kind, i], problem, ladders)) };
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

function compileFilter(spec: Record<string, any>, path: PathSegment[], problem: Report, ladders: Set<string>): Filter {
  for (const kind of ['all', 'any'] as const) if (spec[kind]) return { kind, children: (spec[kind] as Array<Record<string, any>>).map((c, i) => compileFilter(c, [...path, kind, i], problem, ladders)) };
  if (spec.not) return { kind: 'not', child: compileFilter(spec.not, [...path, 'not'], problem, ladders) };
  if (spec.level !== undefined) {
    list(spec.level).forEach((l, i) => checkValue(l, LEVELS, Array.isArray(spec.level) ? [...path, 'level', i] : [...path, 'level'], 'a level', problem));
    return { kind: 'level', levels: list(spec.level) };
  }
  if (spec.flag !== undefined) {
    list(spec.flag).forEach((f, i) => checkValue(f, FLAG_IDS, Array.isArray(spec.flag) ? [...path, 'flag', i] : [...path, 'flag'], 'a flag', problem));
    return { kind: 'flag', flags: list(spec.flag) };
  }
  if (spec.has !== undefined) {
    list(spec.has).forEach((f, i) => checkValue(f, HAS_FIELDS, Array.isArray(spec.has) ? [...path, 'has', i] : [...path, 'has'], 'a field of an activity', problem));
    return { kind: 'has', fields: list(spec.has) };
  }
  if (spec.participants !== undefined) return { kind: 'participants', groups: list(spec.participants) };
  if (spec.rung) {
    ladders.add(spec.rung.ladder);
    if (!spec.rung.atLeast === !spec.rung.is) problem([...path, 'rung'], 'a rung filter needs one of atLeast or is', 'e.g. { ladder: tlap, atLeast: co-design }');
    return { kind: 'rung', ladder: spec.rung.ladder, ...(spec.rung.atLeast ? { atLeast: spec.rung.atLeast } : {}), ...(spec.rung.is ? { is: spec.rung.is } : {}) };
  }
  // a fact test, checked and compiled as a ladder's condition atom
  const found: ReferenceProblem[] = [];
  checkCondition(spec as ConditionSpec, path, FACTS, found, `one of the facts: ${[...FACTS.keys()].join(', ')}`);
  for (const p of found) problem(p.path, p.message, p.expected, p.hint);
  if (found.length) return { kind: 'all', children: [] };
  return { kind: 'fact', condition: compileCondition(spec as ConditionSpec, FACTS) };
}

function checkValue(value: string, allowed: readonly string[], path: PathSegment[], what: string, problem: Report): void {
  if (allowed.includes(value)) return;
  const near = didYouMean(value, allowed);
  problem(path, `${quoteValue(value)} is not ${what}`, `one of ${allowed.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
}

