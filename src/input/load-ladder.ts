/**
 * Loads one ladder file: parse, validate against the ladder schema, check every
 * cross-reference (bands, facts, values, comparators) with located errors and
 * "did you mean", then compile the conditions. Conditions are data; nothing is evaluated as code.
 */
import { CORE_FACTS, type FactDefinition } from '../model/facts-model.js';
import { ACTIVITY_FIELDS } from './activity-fields.js';
import { InputError, fieldPath, type Diagnostic } from './problem.js';
import { readSource } from './read-source.js';
import type { Snapshot } from './snapshot.js';
import { hasKnownKey, notThisKind } from './file-kind.js';
import { issuesToDiagnostics, keysAt, sortDiagnostics } from './schema-problems.js';
import { locate, parseYaml, type PathSegment, type YamlDocument } from './yaml-source.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue, visibleStrings } from '../text/terminal-text.js';
import { COMPARATORS, COMPARATORS_BY_KIND, compileCondition, type ConditionSpec } from '../model/condition.js';
import { ladderSchema, type LadderFile } from './ladder-schema.js';
import type { Band, Ladder, Rung } from '../model/ladder.js';

const CORE_BY_NAME = new Map(CORE_FACTS.map((f) => [f.name, f]));

export async function loadLadderFile(path: string, shipped: boolean, snapshot?: Snapshot): Promise<Ladder> {
  const source = await readSource(path, { label: 'ladder file' });
  // a shipped ladder validated by the build, unchanged since: no need to parse it again
  const known = shipped ? (snapshot?.dataFor(path, source.text) as LadderFile | undefined) : undefined;
  if (known) return ladderFromData(known, source.name, () => ({ line: 1, column: 1 }), shipped);
  return buildLadder(parseYaml(source, { itemsKey: 'rungs' }), shipped);
}

/** Parses and validates a ladder document against the schema, with located errors. */
export function validateLadder(doc: YamlDocument): LadderFile {
  const file = doc.source.name;
  if (doc.value === undefined || doc.value === null) {
    throw new InputError([
      { file, line: 1, column: 1, field: '', message: 'the ladder file is empty', expected: 'a ladder: id, name, source, description, bands, rungs' },
    ]);
  }
  if (!hasKnownKey(doc.value, keysAt(ladderSchema, []))) {
    // a log given where a ladder was asked for (`--ladder log.yaml`) is said to be one
    const log = Array.isArray(doc.value) || (typeof doc.value === 'object' && doc.value !== null && 'activities' in doc.value);
    throw notThisKind(file, 'a ladder file', 'a mapping with id, name, source, description, bands and rungs', log ? 'it looks like an involvement log: name a log as a file to map (`coprod map FILE`), and a ladder with --ladder' : undefined);
  }
  const parsed = ladderSchema.safeParse(doc.value, { reportInput: true });
  if (!parsed.success) {
    const shape = issuesToDiagnostics(parsed.error.issues, doc, ladderSchema, {
      keySynonyms: { condition: 'when', conditions: 'when', steps: 'rungs', levels: 'rungs', title: 'name', climb: 'advice' },
    });
    // the conditions and band names are checked too, so every problem is reported in one run
    const taken = new Set(shape.map((d) => `${d.line}:${d.column}`));
    const references = toDiagnostics(looseReferenceProblems(doc.value), file, (path, key) => locate(doc, path, key)).filter((d) => !taken.has(`${d.line}:${d.column}`));
    throw new InputError(sortDiagnostics([...shape, ...references]));
  }
  return parsed.data;
}

export function buildLadder(doc: YamlDocument, shipped: boolean): Ladder {
  return ladderFromData(validateLadder(doc), doc.source.name, (path, key) => locate(doc, path, key), shipped);
}

/** Checks a validated ladder's cross-references and compiles its conditions. */
function ladderFromData(raw: LadderFile, file: string, where: (path: PathSegment[], key?: string) => { line: number; column: number }, shipped: boolean): Ladder {
  // a ladder's text reaches every output: control characters are shown escaped from here on
  const data = visibleStrings(raw);
  const problems: Array<{ path: PathSegment[]; message: string; expected?: string; hint?: string; key?: string }> = [];

  // extra facts
  const facts = new Map<string, FactDefinition>(CORE_BY_NAME);
  const extraFacts: FactDefinition[] = [];
  (data.facts ?? []).forEach((f, i) => {
    if (facts.has(f.name) || ACTIVITY_FIELDS.includes(f.name)) {
      problems.push({ path: ['facts', i, 'name'], message: `fact "${f.name}" already exists`, hint: 'use the existing fact in conditions, or choose another name' });
      return;
    }
    const values = f.kind === 'boolean' ? ['true', 'false'] : f.values;
    if (!values || values.length === 0) {
      problems.push({ path: ['facts', i], message: `fact "${f.name}" of kind ${f.kind} needs values`, expected: 'values: [ … ]' });
      return;
    }
    // values are the ladder's own words ("constructor" is a fine value): records keyed by
    // them have no prototype, so a lookup finds only what the file says
    const def: FactDefinition = {
      name: f.name,
      kind: f.kind,
      values,
      question: f.question,
      options: record(f.options ?? Object.fromEntries(values.map((v) => [v, v]))),
      actionable: f.actionable ?? true,
    };
    if (f.actions) def.actions = record(f.actions);
    if (f.synonyms) def.synonyms = record(f.synonyms);
    facts.set(f.name, def);
    extraFacts.push(def);
  });

  // bands
  const bands: Band[] = [];
  data.bands.forEach((b, i) => {
    if (bands.some((x) => x.id === b.id)) problems.push({ path: ['bands', i, 'id'], message: `band "${b.id}" is listed twice` });
    const band: Band = { id: b.id, name: b.name, order: i };
    if (b.description) band.description = b.description;
    bands.push(band);
  });

  // rungs
  const seen = new Set<string>();
  data.rungs.forEach((r, i) => {
    if (seen.has(r.id)) problems.push({ path: ['rungs', i, 'id'], message: `rung "${r.id}" is listed twice`, hint: 'rung ids must be unique in a ladder' });
    seen.add(r.id);
    checkRungReferences(r, i, bands.map((b) => b.id), facts, problems);
  });

  if (problems.length) throw new InputError(sortDiagnostics(toDiagnostics(problems, file, where)));

  const rungs: Rung[] = data.rungs.map((r, i) => {
    const rung: Rung = {
      id: r.id,
      name: r.name,
      band: bands.find((b) => b.id === r.band)!,
      summary: r.summary,
      description: r.description,
      advice: r.advice,
      index: i + 1,
      condition: compileCondition(r.when as ConditionSpec, facts),
    };
    if (r.promise) rung.promise = r.promise;
    return rung;
  });
  return {
    id: data.id,
    name: data.name,
    source: data.source as Ladder['source'],
    description: data.description,
    bands,
    rungs,
    extraFacts,
    facts,
    file,
    idAt: where(['id']),
    shipped,
  };
}

/** A copy of a record without a prototype. */
function record<T>(from: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, from);
}

export type ReferenceProblem = { path: PathSegment[]; message: string; expected?: string; hint?: string; key?: string };
type Problem = ReferenceProblem;

function toDiagnostics(problems: readonly Problem[], file: string, where: (path: PathSegment[], key?: string) => { line: number; column: number }): Diagnostic[] {
  return problems.map((p) => {
    const d: Diagnostic = { file, ...where(p.path, p.key), field: fieldPath(p.key ? [...p.path, p.key] : p.path), message: p.message };
    if (p.expected) d.expected = p.expected;
    if (p.hint) d.help = p.hint;
    return d;
  });
}

/**
 * The rungs' conditions and band names checked on a file the schema refused: whatever
 * parts have the right shape, so a missing field does not hide a misspelt fact.
 */
function looseReferenceProblems(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const v = value as { facts?: unknown; bands?: unknown; rungs?: unknown };
  const facts = new Map<string, FactDefinition>(CORE_BY_NAME);
  for (const f of Array.isArray(v.facts) ? (v.facts as Array<Record<string, unknown>>) : []) {
    if (!f || typeof f.name !== 'string' || facts.has(f.name)) continue;
    const values = f.kind === 'boolean' ? ['true', 'false'] : Array.isArray(f.values) ? f.values.filter((x): x is string => typeof x === 'string') : [];
    const kind = f.kind === 'boolean' || f.kind === 'set' || f.kind === 'ordered' ? f.kind : 'enum';
    facts.set(f.name, { name: f.name, kind, values, question: '', options: {}, actionable: true } as FactDefinition);
  }
  const bandIds = (Array.isArray(v.bands) ? (v.bands as Array<Record<string, unknown>>) : []).map((b) => b?.id).filter((x): x is string => typeof x === 'string');
  (Array.isArray(v.rungs) ? (v.rungs as Array<Record<string, unknown>>) : []).forEach((r, i) => {
    // a band name is only judged against bands that are there; its own shape is the schema's
    if (r && typeof r === 'object') checkRungReferences({ band: typeof r.band === 'string' && bandIds.length ? r.band : undefined, when: r.when }, i, bandIds, facts, problems);
  });
  return problems;
}

/** A rung's band must be one of the ladder's, and its condition must name known facts and values. */
function checkRungReferences(rung: { band?: unknown; when?: unknown }, i: number, bandIds: readonly string[], facts: ReadonlyMap<string, FactDefinition>, problems: Problem[]): void {
  if (typeof rung.band === 'string' && !bandIds.includes(rung.band)) {
    const near = didYouMean(rung.band, bandIds);
    const p: Problem = { path: ['rungs', i, 'band'], message: `band "${rung.band}" is not one of this ladder's bands`, expected: `one of ${bandIds.join(', ')}` };
    if (near) p.hint = `did you mean "${near}"?`;
    problems.push(p);
  }
  checkCondition(rung.when as ConditionSpec, ['rungs', i, 'when'], facts, problems);
}

/**
 * A condition's facts, comparators and values checked against the facts model (also a
 * framework's fact filters); `unknownFactHint` is said when a fact name is near none.
 */
export function checkCondition(spec: ConditionSpec, path: PathSegment[], facts: ReadonlyMap<string, FactDefinition>, problems: Problem[], unknownFactHint = 'declare it under `facts:` in the ladder file'): void {
  if (!spec || typeof spec !== 'object') return;
  const s = spec as Record<string, unknown>;
  if (Array.isArray(s.all)) (s.all as ConditionSpec[]).forEach((c, i) => checkCondition(c, [...path, 'all', i], facts, problems, unknownFactHint));
  if (Array.isArray(s.any)) (s.any as ConditionSpec[]).forEach((c, i) => checkCondition(c, [...path, 'any', i], facts, problems, unknownFactHint));
  if (s.not) checkCondition(s.not as ConditionSpec, [...path, 'not'], facts, problems, unknownFactHint);
  if (typeof s.fact !== 'string') return;
  const fact = facts.get(s.fact);
  if (!fact) {
    const near = didYouMean(s.fact, [...facts.keys()]);
    const p: Problem = { path: [...path, 'fact'], message: `unknown fact ${quoteValue(s.fact)}`, expected: `one of ${[...facts.keys()].join(', ')}` };
    p.hint = near ? `did you mean "${near}"?` : unknownFactHint;
    problems.push(p);
    return;
  }
  const comparator = COMPARATORS.find((c) => s[c] !== undefined);
  if (!comparator) return;
  const allowed = COMPARATORS_BY_KIND[fact.kind];
  if (!allowed.includes(comparator)) {
    problems.push({
      path: [...path, comparator],
      message: `"${comparator}" does not apply to ${fact.name} (a ${fact.kind} fact)`,
      expected: `one of ${allowed.join(', ')}`,
    });
    return;
  }
  const operand = s[comparator];
  const checkValue = (value: unknown, at: PathSegment[]): void => {
    if (fact.kind === 'boolean') {
      if (typeof value !== 'boolean') problems.push({ path: at, message: `${fact.name} is true or false, got ${quoteValue(value)}`, expected: 'true or false' });
      return;
    }
    if (typeof value !== 'string' || !fact.values.includes(value)) {
      const near = typeof value === 'string' ? didYouMean(value, fact.values, fact.synonyms) : undefined;
      const p: Problem = { path: at, message: `${quoteValue(value)} is not a value of ${fact.name}`, expected: `one of ${fact.values.join(', ')}` };
      if (near) p.hint = `did you mean "${near}"?`;
      problems.push(p);
    }
  };
  if (comparator === 'known') return;
  if (Array.isArray(operand)) operand.forEach((v, i) => checkValue(v, [...path, comparator, i]));
  else checkValue(operand, [...path, comparator]);
}

/** Re-exported for callers that only need the schema shape of a file. */
export type { LadderFile };
