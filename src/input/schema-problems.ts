/**
 * Turns schema-library (zod) issues into located diagnostics: where the field is in
 * the file, what was expected, and the nearest valid key or value. Generic over
 * every file kind (activities, ladders, cues, config).
 */
import { BOOLEAN_SYNONYMS } from '../model/facts-model.js';
import type * as z from 'zod/mini';
import type { Diagnostic } from './problem.js';
import { fieldPath } from './problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue, shorten } from '../text/terminal-text.js';
import { locate, type PathSegment, type YamlDocument } from './yaml-source.js';
import { compareText } from '../text/compare-text.js';

type Issue = z.core.$ZodIssue;

export interface DiagnosticOptions {
  /** Path of the validated value inside the document (e.g. `['activities']`). */
  basePath?: PathSegment[];
  /** Synonyms for the values of the field at a path (e.g. `shared` → `joint` for `say`). */
  synonymsFor?: (path: PathSegment[]) => Readonly<Record<string, string>> | undefined;
  /** Words people use for field names, mapped to the real name. */
  keySynonyms?: Readonly<Record<string, string>>;
  /** Extra line for unknown keys (e.g. how to keep your own fields). */
  unknownKeyNote?: string;
}


function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return quoteValue(input);
  return String(input);
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (key: value lines)';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    default:
      return expected;
  }
}

/** The keys a schema accepts at a path, by walking the schema's definition. */
export function keysAt(schema: z.ZodMiniType, path: readonly PathSegment[]): string[] {
  let node: unknown = schema;
  const unwrap = (n: unknown): unknown => {
    for (let guard = 0; guard < 20; guard++) {
      const def = (n as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def) return n;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') n = def.innerType;
      else if (def.type === 'lazy') n = (def.getter as () => unknown)();
      else if (def.type === 'pipe') n = def.in;
      else return n;
    }
    return n;
  };
  for (const segment of path) {
    node = unwrap(node);
    const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (typeof segment === 'number' && def.type === 'array') node = def.element;
    else if (typeof segment === 'string' && def.type === 'object') node = (def.shape as Record<string, unknown>)[segment];
    else if (def.type === 'union') {
      const options = def.options as unknown[];
      const next = options.map(unwrap).find((o) => {
        const d = (o as { _zod: { def: Record<string, unknown> } })._zod.def;
        return (typeof segment === 'number' && d.type === 'array') || (typeof segment === 'string' && d.type === 'object');
      });
      if (!next) return [];
      node = next;
      const d = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
      node = typeof segment === 'number' ? d.element : (d.shape as Record<string, unknown>)[segment];
    } else return [];
    if (!node) return [];
  }
  node = unwrap(node);
  const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (def?.type === 'object') return Object.keys(def.shape as object);
  if (def?.type === 'union') {
    for (const option of def.options as unknown[]) {
      const d = (unwrap(option) as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (d?.type === 'object') return Object.keys(d.shape as object);
    }
  }
  return [];
}

function listOf(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((v) => String(v));
  return `one of ${shown.join(', ')}${values.length > max ? ', …' : ''}`;
}

export function issuesToDiagnostics(
  issues: readonly Issue[],
  doc: YamlDocument,
  schema: z.ZodMiniType,
  options: DiagnosticOptions = {},
): Diagnostic[] {
  const base = options.basePath ?? [];
  const out: Diagnostic[] = [];
  const file = doc.source.name;
  for (const issue of issues) {
    const rel = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
    const path = [...base, ...rel];
    const input = (issue as { input?: unknown }).input;
    if (issue.code === 'unrecognized_keys') {
      const candidates = keysAt(schema, rel);
      for (const key of issue.keys) {
        const at = locate(doc, path, key);
        const d: Diagnostic = {
          file,
          ...at,
          field: fieldPath([...path, key]),
          message: `unknown field ${quoteValue(key)}`,
          expected: candidates.length ? listOf(candidates, 30) : 'no extra fields',
        };
        const near = didYouMean(key, candidates, options.keySynonyms);
        const hint = near ? `did you mean "${near}"?` : options.unknownKeyNote;
        if (hint) d.help = hint;
        out.push(d);
      }
      continue;
    }
    const missing = input === undefined && issue.code === 'invalid_type';
    const parentPath = missing ? path.slice(0, -1) : path;
    const at = locate(doc, parentPath);
    const field = fieldPath(path);
    const d: Diagnostic = { file, ...at, field, message: '' };
    switch (issue.code) {
      case 'invalid_type': {
        const expected = expectedName(issue.expected);
        if (missing) {
          d.message = `missing required field "${String(path[path.length - 1])}"`;
          d.expected = expected;
        } else {
          d.message = `expected ${expected}, got ${describeInput(input)}`;
          if (issue.expected === 'boolean' && typeof input === 'string') {
            const near = BOOLEAN_SYNONYMS[input.toLowerCase()];
            if (near) d.help = `did you mean ${near}?`;
          } else if (issue.expected === 'array' && typeof input === 'string' && input.includes(',')) {
            d.help = `write a list: [${shorten(input, 60)}]`;
          } else if (issue.expected === 'string' && typeof input === 'object' && input !== null) {
            d.help = 'if the text contains ": " or starts with a special character, put it in quotes';
          }
        }
        break;
      }
      case 'invalid_value': {
        const values = issue.values as unknown[];
        d.message = `${describeInput(input)} is not a valid value`;
        d.expected = listOf(values);
        if (typeof input === 'string') {
          const near = didYouMean(input, values.map(String), options.synonymsFor?.(path));
          const parts = input.split(',').map((x) => x.trim());
          // "design, delivery": several values written as one
          if (parts.length > 1 && parts.every((x) => values.includes(x))) d.help = `write a list: [${parts.join(', ')}]`;
          else if (near) d.help = `did you mean "${near}"?`;
        }
        break;
      }
      case 'invalid_union': {
        // the only unions in our schemas are "text" (string, number or boolean) and
        // list-or-single-value; report what was wanted in plain words
        d.message = `expected text, got ${describeInput(input)}`;
        d.expected = 'text';
        if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
          d.help = 'if the text contains ": " put it in quotes';
        }
        break;
      }
      case 'too_small': {
        if (issue.origin === 'string') d.message = 'must not be empty';
        else if (issue.origin === 'array') d.message = `must list at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
        else d.message = `must be at least ${String(issue.minimum)}`;
        d.expected = issue.origin === 'string' ? 'non-empty text' : `at least ${String(issue.minimum)}`;
        break;
      }
      case 'too_big': {
        d.message = issue.origin === 'string' ? `is too long (at most ${String(issue.maximum)} characters)` : `must be at most ${String(issue.maximum)}`;
        d.expected = `at most ${String(issue.maximum)}`;
        break;
      }
      case 'invalid_format': {
        d.message = `${describeInput(input)} is not in the expected format`;
        d.expected = String(issue.format);
        break;
      }
      case 'custom': {
        // predicates ("is not a real date") read better after the value they judge
        d.message = issue.message.startsWith('is ') ? `${describeInput(input)} ${issue.message}` : issue.message;
        break;
      }
      default:
        d.message = 'invalid value';
    }
    // a schema's own wording (custom errors on checks) wins over the generic one
    const own = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
    if (own && issue.code !== 'custom') {
      d.message = issue.code === 'invalid_format' ? `${describeInput(input)} is ${own}` : own;
    }
    const params = (issue as { params?: { expected?: string; hint?: string } }).params;
    if (params?.expected) d.expected = params.expected;
    if (params?.hint) d.help = params.hint;
    out.push(d);
  }
  return out;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
}
