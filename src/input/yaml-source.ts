/**
 * Parses one YAML document with js-yaml's event stream: fast on big logs, refuses
 * alias bombs and deep nesting, and keeps the offsets needed to point at any field
 * (`locate`) without holding the events for the whole run.
 */
import {
  parseEvents,
  constructFromEvents,
  getScalarValue,
  YAMLException,
  EVENT_ID,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { InputError, type Diagnostic, type Position } from './problem.js';
import { LineIndex } from './line-index.js';
import type { SourceText } from './read-source.js';

const MAX_DEPTH = 64;

export type PathSegment = string | number;

export interface YamlDocument {
  source: SourceText;
  /** The document's value, or undefined when the file holds no document at all. */
  value: unknown;
  /** Start offsets of the items of the root list, or of the list under `itemsKey`. */
  itemOffsets: number[];
  lines: LineIndex;
  /** Where each node and key starts: worked out the first time a problem is located. */
  positions?: Positions;
}

export interface ParseOptions {
  /** Key of the root mapping whose list items are records (e.g. `activities`). */
  itemsKey?: string;
}

/**
 * A document made from a value a program built (an activity answered in `coprod ask`),
 * not read from a file: it has no text, so its problems point at its start. The value is
 * copied, because reading a log sets its `x-` fields aside.
 */
export function documentOf(value: unknown, name: string): YamlDocument {
  return { source: { name, path: null, text: '' }, value: structuredClone(value), itemOffsets: [], lines: new LineIndex('') };
}

/** Reads one document with js-yaml's event stream, with bomb and nesting checks and exact error positions. */
export function parseYaml(source: SourceText, options: ParseOptions = {}): YamlDocument {
  const lines = new LineIndex(source.text);
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(source.text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    throw yamlError(error, source, lines);
  }
  const itemOffsets = scanEvents(events, source, options.itemsKey, lines);
  try {
    documents = constructFromEvents(events, { source: source.text });
  } catch (error) {
    throw yamlError(error, source, lines);
  }
  if (documents.length > 1) {
    const match = /^---/gm;
    let offset = 0;
    let seen = 0;
    for (let m = match.exec(source.text); m; m = match.exec(source.text)) {
      offset = m.index;
      if (++seen === (source.text.startsWith('---') ? 2 : 1)) break;
    }
    const at = lines.position(offset);
    throw new InputError([
      {
        file: source.name,
        ...at,
        field: '',
        message: `the file holds ${documents.length} YAML documents`,
        expected: 'one document',
        help: 'remove the `---` line, or split the documents into separate files',
      },
    ]);
  }
  return { source, value: documents[0], itemOffsets, lines };
}

const FRIENDLY: Record<string, string> = {
  'duplicated mapping key': 'a key appears twice in the same block; remove or rename one',
  'bad indentation of a mapping entry': 'line up keys of the same block at the same indentation',
  'bad indentation of a sequence entry': 'line up the `-` of each list item',
  'deficient indentation': 'indent the lines of this block further, or close an open bracket or quote',
  'end of the stream or a document separator is expected': 'check the indentation and quotes of this line',
};

/**
 * The two commonest mistakes in a line of text, said as what to do: a ": " inside plain
 * text (`description: Agenda: laundry`), and an apostrophe inside single quotes
 * (`name: 'Residents' forum'`). The hint names the key when it is a plain name; it never
 * repeats the text itself.
 */
function textMistake(line: string): string | undefined {
  const entry = /^\s*(?:-\s+)?([A-Za-z_][\w-]{0,40}):\s+(.*)$/.exec(line);
  if (!entry) return undefined;
  const [, key, value] = entry as unknown as [string, string, string];
  if (/^'[^']*'\s*[^\s#,\]}]/.test(value)) return "an apostrophe inside single quotes ends the text: write it twice ('') or put the text in double quotes";
  if (!/^['"|>[{&*!]/.test(value) && /:\s/.test(value.replace(/\s#.*$/, ''))) {
    return `text that contains ": " must be in quotes ("…"), or written on the next lines after \`${key}: >\``;
  }
  return undefined;
}

function yamlError(error: unknown, source: SourceText, lines: LineIndex): Error {
  if (!(error instanceof YAMLException) && !(error instanceof RangeError)) return error as Error;
  if (error instanceof RangeError) {
    return new InputError([
      { file: source.name, line: 1, column: 1, field: '', message: 'the YAML is nested too deeply to read' },
    ]);
  }
  const yamlError = error as { reason?: string; mark?: unknown };
  const reason = yamlError.reason || 'invalid YAML';
  const mark = yamlError.mark as { line?: number; column?: number; position?: number } | undefined;
  const at: Position =
    mark && typeof mark.position === 'number'
      ? lines.position(mark.position)
      : { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  let hint = Object.entries(FRIENDLY).find(([k]) => reason.startsWith(k))?.[1];
  if (reason.includes('maxDepth')) hint = `nesting is limited to ${MAX_DEPTH} levels`;
  if (/tab/i.test(reason)) hint = 'indent with spaces, not tabs';
  hint = textMistake(source.text.split(/\r?\n/)[at.line - 1] ?? '') ?? hint;
  const diagnostic: Diagnostic = {
    file: source.name,
    ...at,
    field: '',
    message: `invalid YAML: ${reason.replace(/maxDepth \(\d+\)/, 'the nesting limit')}`,
  };
  if (hint) diagnostic.help = hint;
  return new InputError([diagnostic]);
}

function startOf(event: Event, text: string): number {
  switch (event.type) {
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return event.anchorStart >= 0 ? Math.min(event.anchorStart - 1, event.start) : event.start;
    case EVENT_ID.SCALAR: {
      const quoted = event.style === 2 || event.style === 3;
      const start = event.valueStart - (quoted && event.valueStart > 0 && /['"]/.test(text[event.valueStart - 1] ?? '') ? 1 : 0);
      return event.anchorStart >= 0 ? Math.min(event.anchorStart - 1, start) : start;
    }
    case EVENT_ID.ALIAS:
      return Math.max(0, event.anchorStart - 1);
    default:
      return 0;
  }
}

interface Frame {
  kind: 'seq' | 'map';
  /** children seen so far (keys and values both count in a mapping) */
  children: number;
  size: number;
  anchor: string | undefined;
  collectItems: boolean;
}

/**
 * One pass over the events: refuses alias expansion beyond a few times the document's
 * own size, counted in nodes and characters (the "billion laughs" bomb, and one long
 * text repeated thousands of times), and records where each record of the items list starts.
 */
function scanEvents(events: Event[], source: SourceText, itemsKey: string | undefined, lines: LineIndex): number[] {
  const text = source.text;
  const itemOffsets: number[] = [];
  const stack: Frame[] = [];
  const anchors = new Map<string, number>();
  // what the document may expand to, in nodes plus characters of text: a small multiple
  // of the file itself, so that aliases repeat small parts of it and never blow it up
  const limit = 4 * text.length + Math.max(10_000, events.length * 2);
  let expanded = 0;
  let rootSeen = false;
  let nextIsItems = false;

  const finish = (size: number, anchor: string | undefined): void => {
    if (anchor !== undefined) anchors.set(anchor, size);
    const parent = stack[stack.length - 1];
    if (parent) parent.size += size;
  };

  for (const event of events) {
    const type = event.type;
    if (type === EVENT_ID.DOCUMENT) continue;
    if (type === EVENT_ID.POP) {
      const frame = stack.pop();
      if (frame) finish(frame.size, frame.anchor);
      continue;
    }
    const parent = stack[stack.length - 1];
    // a node: record it if it is a record of the items list
    if (parent?.collectItems) itemOffsets.push(startOf(event, text));
    const isItemsList = nextIsItems;
    nextIsItems = false;
    if (parent && parent.kind === 'map' && parent.children % 2 === 0 && stack.length === 1 && itemsKey !== undefined) {
      // a key of the root mapping
      if (type === EVENT_ID.SCALAR && getScalarValue(text, event as ScalarEvent) === itemsKey) nextIsItems = true;
    }
    if (parent) parent.children++;
    const anchor =
      type !== EVENT_ID.ALIAS && (event as ScalarEvent).anchorStart >= 0
        ? text.slice((event as ScalarEvent).anchorStart, (event as ScalarEvent).anchorEnd)
        : undefined;
    if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) {
      const isRoot = !rootSeen;
      rootSeen = true;
      stack.push({
        kind: type === EVENT_ID.SEQUENCE ? 'seq' : 'map',
        children: 0,
        size: 1,
        anchor,
        collectItems: type === EVENT_ID.SEQUENCE && (isItemsList || (isRoot && stack.length === 0)),
      });
    } else if (type === EVENT_ID.SCALAR) {
      rootSeen = true;
      const scalar = event as ScalarEvent;
      finish(1 + Math.max(0, scalar.valueEnd - scalar.valueStart), anchor);
    } else if (type === EVENT_ID.ALIAS) {
      const name = text.slice(event.anchorStart, event.anchorEnd);
      const size = anchors.get(name) ?? 1;
      expanded += size;
      if (expanded > limit) {
        throw new InputError([
          {
            file: source.name,
            ...lines.position(startOf(event, text)),
            field: '',
            message: 'YAML aliases expand to far more than the file holds (an "alias bomb")',
            expected: 'aliases (`*name`) that repeat small parts of the file',
            help: 'write the values out instead of repeating them through aliases',
          },
        ]);
      }
      finish(size, undefined);
    }
  }
  return itemOffsets;
}

/**
 * Where each node of a document starts, by path, and each mapping key: built from the
 * events in one pass, the first time a document is asked to locate anything (that is,
 * when it has a problem), so that locating thousands of problems stays linear.
 */
/** Where each node (by `nodeKey`) and each mapping key starts, as offsets `lines` turns into positions. */
export interface Positions {
  nodes: Map<string, number>;
  keys: Map<string, number>;
}

const SEP = '\u0000';

/** The key of the node at `path` in `Positions.nodes`, for readers that build positions themselves (CSV). */
export function nodeKey(path: readonly PathSegment[]): string {
  return path.length === 0 ? '' : `${SEP}${path.join(SEP)}`;
}

function indexPositions(doc: YamlDocument): Positions {
  const nodes = new Map<string, number>();
  const keys = new Map<string, number>();
  const text = doc.source.text;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return { nodes, keys };
  }
  // for each open collection: its path, whether it is a mapping's key (rare) or a value,
  // and (mappings) the key whose value comes next
  const stack: Array<{ path: string; kind: 'seq' | 'map'; isKey: boolean; index: number; key: string | undefined }> = [];
  const open = (e: Event, path: string, isKey: boolean): void => {
    stack.push({ path, kind: e.type === EVENT_ID.SEQUENCE ? 'seq' : 'map', isKey, index: 0, key: undefined });
  };
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === EVENT_ID.DOCUMENT) break;
    const top = stack[stack.length - 1];
    if (e.type === EVENT_ID.POP) {
      const closed = stack.pop();
      if (!closed) break; // the document's own end
      const parent = stack[stack.length - 1];
      if (!closed.isKey && parent?.kind === 'map') parent.key = undefined;
      continue;
    }
    const collection = e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING;
    if (top?.kind === 'map' && top.key === undefined) {
      // a key: remember where it is; its value comes next
      const name = e.type === EVENT_ID.SCALAR ? getScalarValue(text, e) : `${SEP}complex${i}`;
      keys.set(`${top.path}${SEP}${name}`, startOf(e, text));
      top.key = name;
      if (collection) open(e, `${SEP}complex${i}`, true);
      continue;
    }
    const path = !top ? '' : top.kind === 'seq' ? `${top.path}${SEP}${top.index++}` : `${top.path}${SEP}${top.key}`;
    // (an empty value has no place of its own: its key stands for it, below)
    const at = e.type === EVENT_ID.SCALAR && (e as ScalarEvent).valueStart < 0 ? -1 : startOf(e, text);
    if (!nodes.has(path) && at >= 0) nodes.set(path, at);
    if (collection) open(e, path, false);
    else if (top?.kind === 'map') top.key = undefined;
  }
  return { nodes, keys };
}

/**
 * Finds where a field sits in a document: the node at `path`, or with `key` the key
 * `key` of the mapping at `path`. Falls back to the deepest node found.
 */
export function locate(doc: YamlDocument, path: readonly PathSegment[], key?: string): Position {
  const positions = (doc.positions ??= indexPositions(doc));
  const parts = path.map(String);
  const joined = (n: number): string => nodeKey(parts.slice(0, n));
  if (key !== undefined) {
    const at = positions.keys.get(`${joined(parts.length)}${SEP}${key}`);
    if (at !== undefined) return doc.lines.position(at);
  }
  for (let n = parts.length; n >= 0; n--) {
    const at = positions.nodes.get(joined(n)) ?? (n > 0 ? positions.keys.get(`${joined(n - 1)}${SEP}${parts[n - 1]}`) : undefined);
    if (at !== undefined) return doc.lines.position(at);
  }
  return { line: 1, column: 1 };
}
