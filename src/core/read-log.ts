/**
 * Reads an involvement log (PRODUCT.md §1): parse, validate every activity against
 * the schema, check ids and rung names, and return activities that know where they
 * sit in the file. All problems in a file are reported together, sorted by position.
 */
import { dirname } from 'node:path';
import { InputError, fieldPath, type Diagnostic } from '../errors/diagnostic.js';
import type { SourceText } from '../io/read-source.js';
import { hasKnownKey, notThisKind } from '../io/file-kind.js';
import { issuesToDiagnostics, keysAt, sortDiagnostics } from '../io/schema-diagnostics.js';
import { locate, parseYaml, type PathSegment, type YamlDocument } from '../io/yaml-source.js';
import { slugify } from '../util/slug.js';
import { quoteValue } from '../util/terminal-text.js';
import type { Activity, ActivityLog, RungRef } from './activity.js';
import { ACTIVITY_KEY_SYNONYMS } from './activity-fields.js';
import { LIST_FIELDS, TEXT_FIELDS, buildActivitySchema, compiledSchema, type ActivitySchemas } from './activity-schema.js';
import { CORE_FACTS, type FactDefinition, type FactValue } from './facts-model.js';
import { isRefProblem, type RungRefResolver } from './rung-ref.js';
import * as z from 'zod/mini';

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

const schemaCache = new Map<string, ActivitySchemas>();
/**
 * Logs at least this long are checked with zod's compiled fast path: compiling takes
 * ~5 ms, and pays for itself from about 200 activities (cold, median of 9: 100 → plain
 * 3.7 ms, compiled 5.9 ms; 300 → 9.2 against 6.7 ms; 1,000 → 20 against 9.5 ms).
 */
const COMPILE_FROM = 250;

function schemasFor(extraFacts: readonly FactDefinition[]): ActivitySchemas {
  const key = extraFacts.map((f) => `${f.name}:${f.kind}:${f.values.join('|')}`).join(',');
  let schemas = schemaCache.get(key);
  if (!schemas) {
    schemas = buildActivitySchema(extraFacts);
    schemaCache.set(key, schemas);
  }
  return schemas;
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
    if (typeof v === 'string') item[key] = [v];
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
        hint: 'run `coprod init` for a commented starter log',
      },
    ]);
  if (value === undefined || value === null) throw empty('the log is empty: it has no activities');
  const extraFacts = options.extraFacts ?? [];
  const schemas = schemasFor(extraFacts);
  // a file that is no log at all is said so, quoting nothing of it
  const notALog = (): InputError => notThisKind(file, 'an involvement log', 'a list of activities, or a mapping with `activities:`');
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
  const where = (i: number, field?: string): { line: number; column: number } =>
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
        hint: `first used at line ${where(first).line}; change one of them`,
      });
    } else declaredIds.set(id, i);
  });

  // rung names in target / claimed / participant_view: each distinct name resolved once
  const REF_KEYS = ['target', 'claimed', 'participant_view'] as const;
  const distinct = new Set<string>();
  // (indexed loops: an array iterator is slow before V8 optimises, and this runs once per activity)
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
          if (resolved.hint) d.hint = resolved.hint;
          refDiagnostics.push(d);
        } else (found ??= {})[key] = resolved;
      }
    }
    refs.push(found ?? NO_REFS);
  }

  const factNames = [...CORE_FACTS, ...extraFacts].map((f) => f.name);
  const usedIds = new Set(declaredIds.keys());
  /**
   * An activity from its validated fields and its place in the file. The fields are
   * zod's checked copy (small logs) or the file's own, checked (big logs): the texts
   * the schema trims (activity-schema.ts: name, id, description, and the items of
   * participants, methods and evidence) are trimmed here too, which changes nothing in
   * a checked copy.
   */
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
      participants: trimmedList(item.participants),
      methods: trimmedList(item.methods),
      evidence: trimmedList(item.evidence),
      declared,
      extensions: itemExtensions[i] ?? NO_EXTENSIONS,
      source: { file, line: pos.line, column: pos.column },
    };
    if (typeof item.date === 'string') activity.date = item.date;
    const description = typeof item.description === 'string' ? item.description.trim() : '';
    if (description !== '') activity.description = description;
    if (item.support) activity.support = item.support as Activity['support'] & object;
    const r = refs[i]!;
    if (r.target) activity.target = r.target;
    if (r.claimed) activity.claimed = r.claimed;
    if (r.participant_view) activity.participantView = r.participant_view;
    return activity;
  };

  const buildable = idDiagnostics.length === 0 && refDiagnostics.length === 0;
  const checked = rawItems.length >= COMPILE_FROM && !single && buildable ? checkEach(rawItems, schemas, root, build) : undefined;
  let header: Header = checked?.header ?? {};
  let activities = checked?.activities;
  const diagnostics: Diagnostic[] = [];
  if (!checked) {
    // small logs, and big ones with a problem: the whole file in one parse, for every issue with its path
    const schema = single ? schemas.activity : root ? schemas.file : schemas.activities;
    const parser = rawItems.length >= COMPILE_FROM ? compiledSchema(schema) : schema;
    const parsed = parser.safeParse(single ? value : root ?? rawItems, { reportInput: true });
    if (!parsed.success) {
      diagnostics.push(
        ...issuesToDiagnostics(parsed.error.issues, doc, schema, {
          synonymsFor: (path) => {
            const field = [...path].reverse().find((p): p is string => typeof p === 'string');
            return field ? synonyms.get(field) : undefined;
          },
          keySynonyms: ACTIVITY_KEY_SYNONYMS,
          unknownKeyNote: 'To keep a field of your own, start its name with "x-".',
        }),
      );
    } else if (buildable) {
      const data = (single ? [parsed.data] : parsed.data) as (Header & { activities?: Record<string, unknown>[] }) | Record<string, unknown>[];
      const items = (Array.isArray(data) ? data : data.activities) as Record<string, unknown>[];
      // (a big log's one-at-a-time check may have derived some ids before it stopped)
      usedIds.clear();
      for (const id of declaredIds.keys()) usedIds.add(id);
      activities = items.map(build);
      if (!Array.isArray(data)) header = data;
    }
  }
  diagnostics.push(...idDiagnostics, ...refDiagnostics);
  if (diagnostics.length || !activities) throw new InputError(sortDiagnostics(dedupe(diagnostics)));

  const log: ActivityLog = { file, activities, extensions: fileExtensions };
  if (header.service) log.service = header.service;
  if (header.ladder) log.ladder = header.ladder;
  return log;
}

/** The folder a log's ladder paths are relative to: its own, or the one the caller gives. */
export function logFolder(doc: YamlDocument, options: Pick<ReadLogOptions, 'folder'>): string {
  if (doc.source.path) return dirname(doc.source.path);
  if (options.folder !== undefined) return options.folder;
  throw new Error('a log read without a path needs the folder its ladder paths are relative to');
}

const NO_TEXTS: string[] = [];

/** A checked list of texts, trimmed: the same list when no text needed it. */
function trimmedList(list: unknown): string[] {
  if (list === undefined) return NO_TEXTS;
  const texts = list as string[];
  for (let k = 0; k < texts.length; k++) if (texts[k] !== texts[k]!.trim()) return texts.map((t) => t.trim());
  return texts;
}

interface Header {
  service?: string;
  ladder?: string;
}

/**
 * Big logs: each activity checked by the compiled schema (z.validate: no checked copy is
 * made) and built at once from the file's own fields; the file's own fields are checked
 * by the header schema. Passing both is passing the whole-file schema, and build() gives
 * the same activities from either (a unit test compares a big log with a small one).
 * Undefined when anything fails: the caller then parses the whole file again, for every
 * issue with its path.
 */
function checkEach(
  rawItems: readonly unknown[],
  schemas: ActivitySchemas,
  root: Record<string, unknown> | undefined,
  build: (item: Record<string, unknown>, i: number) => Activity,
): { activities: Activity[]; header: Header } | undefined {
  let header: Header = {};
  if (root) {
    const parsed = schemas.header.safeParse(root);
    if (!parsed.success) return undefined;
    header = parsed.data;
  }
  const check = compiledSchema(schemas.activity);
  const activities: Activity[] = [];
  for (let i = 0; i < rawItems.length; i++) {
    // z.validate answers without building a checked copy: build() reads the file's own fields
    if (!z.validate(check, rawItems[i])) return undefined;
    activities.push(build(rawItems[i] as Record<string, unknown>, i));
  }
  return { activities, header };
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

