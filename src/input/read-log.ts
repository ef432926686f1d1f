/**
 * Reads an involvement log (PRODUCT.md §1): parse, validate every activity against
 * the schema, check ids and rung names, and return activities that know where they
 * sit in the file. All problems in a file are reported together, sorted by position.
 */
import { dirname } from 'node:path';
import { InputError, fieldPath, type Diagnostic, type Position } from './problem.js';
import type { SourceText } from './read-source.js';
import { hasKnownKey, notThisKind } from './file-kind.js';
import { issuesToDiagnostics, keysAt, sortDiagnostics } from './schema-problems.js';
import { locate, parseYaml, type PathSegment, type YamlDocument } from './yaml-source.js';
import { slugify } from '../text/slug.js';
import { quoteValue } from '../text/terminal-text.js';
import type { Activity, ActivityLog, Outcome, RungRef } from '../model/activity.js';
import { checkEvidence } from './evidence-files.js';
import { ACTIVITY_KEY_SYNONYMS } from './activity-fields.js';
import { LIST_FIELDS, TEXT_FIELDS, buildActivitySchema } from './activity-schema.js';
import { CORE_FACTS, type FactDefinition, type FactValue } from '../model/facts-model.js';
import { isRefProblem, type RungRefResolver } from './rung-ref.js';

export interface ReadLogOptions {
  /** Facts declared by the ladders in use; they become valid activity fields. */
  extraFacts?: readonly FactDefinition[];
  resolveRef: RungRefResolver;
  /** The document is one activity (a mapping with `name`), as in `coprod ask --answers`. */
  single?: boolean;
  /**
   * The folder the log's ladder paths are relative to, when the document has no path of
   * its own (standard input, an old version from git): by default the file's folder.
   */
  folder?: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isNumberOrBoolean = (x: unknown): boolean => typeof x === 'number' || typeof x === 'boolean';

/** Moves `x-` fields aside and reads kindly written values (a number as a name, one value for a list). */
function normalise(item: Record<string, unknown>): Record<string, unknown> {
  let extensions: Record<string, unknown> | undefined;
  for (const key in item) {
    if (key.startsWith('x-')) {
      (extensions ??= {})[key] = item[key];
      delete item[key];
    }
  }
  for (const key of TEXT_FIELDS) {
    const v = item[key];
    if (typeof v === 'number' || typeof v === 'boolean') item[key] = String(v);
  }
  for (const key of LIST_FIELDS) {
    const v = item[key];
    // "residents, families" in a free list is two entries (PRODUCT.md §1); in stages, one value to correct
    if (typeof v === 'string') item[key] = key === 'stages' ? [v] : v.split(',').map((x) => x.trim()).filter(Boolean);
    else if (Array.isArray(v) && key !== 'stages' && v.some(isNumberOrBoolean)) item[key] = v.map((x) => (isNumberOrBoolean(x) ? String(x) : x));
  }
  return extensions ?? NO_EXTENSIONS;
}

const NO_REFS: Partial<Record<'target' | 'claimed' | 'participant_view', RungRef>> = Object.freeze({});

/** The `x-` fields of the many activities that have none: one frozen object for all. */
const NO_EXTENSIONS: Record<string, unknown> = Object.freeze({});

const FACT_SYNONYMS = new Map(CORE_FACTS.map((f) => [f.name, f.synonyms]));

/** Parses a log file's text; records the start of each activity for later pointers. */
export function parseLog(source: SourceText): YamlDocument {
  return parseYaml(source, { itemsKey: 'activities' });
}

export async function readLog(doc: YamlDocument, options: ReadLogOptions): Promise<ActivityLog> {
  const file = doc.source.name;
  const value = doc.value;
  const empty = (message: string): InputError =>
    new InputError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message,
        expected: 'a list of activities, or a mapping with `activities:`',
        help: 'run `coprod init` for a commented starter log',
      },
    ]);
  if (value === undefined || value === null) throw empty('the log is empty: it has no activities');
  const extraFacts = options.extraFacts ?? [];
  const schemas = buildActivitySchema(extraFacts);
  // a file that is no log at all is said so, quoting nothing of it
  // a ladder or framework file among the logs (a folder holding them all) is said to be one
  const kindHint = isPlainObject(value) && 'requirements' in value ? 'it looks like a framework file: use it with `coprod evidence LOG --framework FILE`' : isPlainObject(value) && 'rungs' in value ? 'it looks like a ladder file: use it with `--ladder FILE`' : undefined;
  const notALog = (): InputError => notThisKind(file, 'an involvement log', 'a list of activities, or a mapping with `activities:`', kindHint);
  if (!Array.isArray(value) && !isPlainObject(value)) throw notALog();
  if (Array.isArray(value) ? value.length > 0 && !value.some(isPlainObject) : !options.single && !hasKnownKey(value, keysAt(schemas.file, []))) throw notALog();
  if (isPlainObject(value) && value.activities === null) {
    throw new InputError([
      { ...empty('the log has no activities: `activities:` is empty').diagnostics[0]!, ...locate(doc, ['activities']), field: 'activities' },
    ]);
  }
  const synonyms = new Map(FACT_SYNONYMS);
  for (const f of extraFacts) synonyms.set(f.name, f.synonyms);

  const single = options.single === true && isPlainObject(value);
  const root = isPlainObject(value) && !single ? value : undefined;
  const rawItems: unknown[] = single ? [value] : root ? (Array.isArray(root.activities) ? root.activities : []) : (value as unknown[]);
  const basePath: PathSegment[] = root ? ['activities'] : [];
  const itemPath = (i: number): PathSegment[] => (single ? [] : [...basePath, i]);
  const fileExtensions = root ? normalise(root) : {};
  const itemExtensions = rawItems.map((item) => (isPlainObject(item) ? normalise(item) : NO_EXTENSIONS));

  const fileLadder = root && typeof root.ladder === 'string' ? root.ladder : undefined;
  const where = (i: number, field?: string): Position =>
    field ? locate(doc, [...itemPath(i), field]) : single ? locate(doc, []) : doc.lines.position(doc.itemOffsets[i] ?? 0);

  // ids: declared ones must be unique; derived ones get a suffix
  const idDiagnostics: Diagnostic[] = [];
  const declaredIds = new Map<string, number>();
  rawItems.forEach((item, i) => {
    if (!isPlainObject(item) || typeof item.id !== 'string' || item.id.trim() === '') return;
    const id = item.id.trim();
    const first = declaredIds.get(id);
    if (first !== undefined) {
      idDiagnostics.push({
        file,
        ...where(i, 'id'),
        field: fieldPath([...itemPath(i), 'id']),
        message: `duplicate id ${quoteValue(id)}`,
        expected: 'an id used once in the file',
        help: `first used at line ${where(first).line}; change one of them`,
      });
    } else declaredIds.set(id, i);
  });

  // rung names in target / claimed / participant_view: each distinct name resolved once
  const REF_KEYS = ['target', 'claimed', 'participant_view'] as const;
  const distinct = new Set<string>();
  for (let i = 0; i < rawItems.length; i++) {
    const item = rawItems[i];
    if (!isPlainObject(item)) continue;
    for (let k = 0; k < REF_KEYS.length; k++) {
      const raw = item[REF_KEYS[k]!];
      if (typeof raw === 'string' && raw.trim() !== '') distinct.add(raw);
    }
  }
  const resolvedRefs = new Map<string, Awaited<ReturnType<RungRefResolver>>>();
  const folder = logFolder(doc, options);
  await Promise.all([...distinct].map(async (raw) => resolvedRefs.set(raw, await options.resolveRef(raw, fileLadder, folder))));
  const refDiagnostics: Diagnostic[] = [];
  const refs: Array<Partial<Record<'target' | 'claimed' | 'participant_view', RungRef>>> = [];
  for (let i = 0; i < rawItems.length; i++) {
    const item = rawItems[i];
    let found: Partial<Record<'target' | 'claimed' | 'participant_view', RungRef>> | undefined;
    if (isPlainObject(item)) {
      for (let k = 0; k < REF_KEYS.length; k++) {
        const key = REF_KEYS[k]!;
        const raw = item[key];
        if (typeof raw !== 'string' || raw.trim() === '') continue;
        const resolved = resolvedRefs.get(raw)!;
        if (isRefProblem(resolved)) {
          const d: Diagnostic = { file, ...where(i, key), field: fieldPath([...itemPath(i), key]), message: resolved.message, expected: resolved.expected };
          if (resolved.help) d.help = resolved.help;
          refDiagnostics.push(d);
        } else (found ??= {})[key] = resolved;
      }
    }
    refs.push(found ?? NO_REFS);
  }

  const factNames = [...CORE_FACTS, ...extraFacts].map((f) => f.name);
  const usedIds = new Set(declaredIds.keys());
  /** An activity from its validated fields (zod's checked copy) and its place in the file. */
  const build = (item: Record<string, unknown>, i: number): Activity => {
    const declaredId = typeof item.id === 'string' ? item.id.trim() : undefined;
    let id = declaredId;
    if (!id) {
      const base = slugify((item.name as string).trim());
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
    }
    const declared = new Map<string, FactValue>();
    for (let k = 0; k < factNames.length; k++) {
      const name = factNames[k]!;
      const v = item[name];
      if (v !== undefined) declared.set(name, v as FactValue);
    }
    const pos = where(i);
    const activity: Activity = {
      id,
      idDeclared: declaredId !== undefined,
      name: (item.name as string).trim(),
      participants: listOf(item.participants),
      methods: listOf(item.methods),
      evidence: listOf(item.evidence),
      declared,
      extensions: itemExtensions[i] ?? NO_EXTENSIONS,
      source: { file, ...pos },
    };
    if (typeof item.date === 'string') activity.date = item.date;
    const description = typeof item.description === 'string' ? item.description.trim() : '';
    if (description !== '') activity.description = description;
    if (item.support) activity.support = item.support as Activity['support'] & object;
    if (item.outcome) activity.outcome = item.outcome as Outcome;
    // evidence files: never read; missing ones flagged, ones outside the repository refused
    activity.evidence.forEach((ref, j) => {
      const checked = checkEvidence(ref, evidenceFolder);
      if (checked.ok) return;
      if ('missing' in checked) (activity.evidenceMissing ??= []).push({ path: ref, why: checked.missing });
      else {
        evidenceDiagnostics.push({
          file,
          ...locate(doc, [...itemPath(i), 'evidence', j]),
          field: fieldPath([...itemPath(i), 'evidence', j]),
          message: `the evidence file ${quoteValue(ref)} ${checked.refused}`,
          expected: "a path relative to the log's folder, inside its repository",
          help: 'keep evidence files in the repository beside the log (e.g. minutes/2026-03.pdf)',
        });
      }
    });
    const r = refs[i]!;
    if (r.target) activity.target = r.target;
    if (r.claimed) activity.claimed = r.claimed;
    if (r.participant_view) activity.participantView = r.participant_view;
    return activity;
  };

  const buildable = idDiagnostics.length === 0 && refDiagnostics.length === 0;
  const evidenceDiagnostics: Diagnostic[] = [];
  const evidenceFolder = doc.source.path ? dirname(doc.source.path) : (options.folder ?? process.cwd());
  const diagnostics: Diagnostic[] = [];
  const report = (issues: Parameters<typeof issuesToDiagnostics>[0], schema: Parameters<typeof issuesToDiagnostics>[2], basePath: PathSegment[]): void => {
    diagnostics.push(
      ...issuesToDiagnostics(issues, doc, schema, {
        basePath,
        synonymsFor: (path) => {
          const field = [...path].reverse().find((p): p is string => typeof p === 'string');
          return field ? synonyms.get(field) : undefined;
        },
        keySynonyms: ACTIVITY_KEY_SYNONYMS,
        unknownKeyNote: 'To keep a field of your own, start its name with "x-".',
      }),
    );
  };
  // the file's own fields, then each activity on its own: its checked copy becomes an
  // Activity and is dropped, so a big log is never held twice over
  let header: Header = {};
  if (root) {
    const parsed = schemas.header.safeParse(root, { reportInput: true });
    if (parsed.success) header = parsed.data;
    else report(parsed.error.issues, schemas.header, []);
  } else if (!single && rawItems.length === 0) {
    const parsed = schemas.activities.safeParse(rawItems, { reportInput: true });
    if (!parsed.success) report(parsed.error.issues, schemas.activities, []);
  }
  const activities: Activity[] = [];
  for (let i = 0; i < rawItems.length; i++) {
    const parsed = schemas.activity.safeParse(rawItems[i], { reportInput: true });
    if (!parsed.success) report(parsed.error.issues, schemas.activity, itemPath(i));
    else if (buildable && diagnostics.length === 0) activities.push(build(parsed.data as Record<string, unknown>, i));
  }
  diagnostics.push(...idDiagnostics, ...refDiagnostics, ...evidenceDiagnostics);
  if (diagnostics.length) throw new InputError(sortDiagnostics(dedupe(diagnostics)));

  const log: ActivityLog = { file, activities, extensions: fileExtensions };
  if (header.service) log.service = header.service;
  if (header.ladder) log.ladder = header.ladder;
  if (header.groups?.length) log.groups = header.groups;
  return log;
}

/** The folder a log's ladder paths are relative to: its own, or the one the caller gives. */
export function logFolder(doc: YamlDocument, options: Pick<ReadLogOptions, 'folder'>): string {
  if (doc.source.path) return dirname(doc.source.path);
  if (options.folder !== undefined) return options.folder;
  throw new Error('a log read without a path needs the folder its ladder paths are relative to');
}

/** A validated list field (the schema trims its texts), or none. */
function listOf(list: unknown): string[] {
  return (list as string[] | undefined) ?? [];
}

interface Header {
  service?: string;
  ladder?: string;
  groups?: string[];
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.field}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

