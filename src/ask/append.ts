/**
 * Adds one activity to a log without disturbing anything else: the yaml Document API
 * finds the activities list and renders the new entry, and the entry's text is spliced
 * in after the last activity, so every other byte (comments, layout, key order) stays
 * exactly as it was. The result is re-read and the old activities compared before it
 * is accepted; flow-style lists fall back to the Document API.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type YAMLSeq } from 'yaml';
import { slugify } from '../text/slug.js';

export type Entry = Record<string, unknown>;

export interface AppendResult {
  text: string;
  id: string;
  /** Set when the wanted id was taken and a suffix was added. */
  renamedFrom?: string;
}

function renderItem(entry: Entry, indent: number, eol: string): string {
  const doc = new Document([entry]);
  visit(doc, {
    Seq(_, node, path) {
      if (path.length > 1) node.flow = true;
    },
  });
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indent: 2 });
  const pad = ' '.repeat(indent);
  return body
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => pad + line)
    .join(eol) + eol;
}

function existingIds(seq: YAMLSeq | undefined): Set<string> {
  const ids = new Set<string>();
  for (const item of seq?.items ?? []) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    const name = item.get('name');
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
    else if (typeof name === 'string' || typeof name === 'number') {
      let derived = slugify(String(name));
      for (let n = 2; ids.has(derived); n++) derived = `${slugify(String(name))}-${n}`;
      ids.add(derived);
    }
  }
  return ids;
}

function withId(entry: Entry, taken: Set<string>): { entry: Entry; id: string; renamedFrom?: string } {
  const wanted = typeof entry.id === 'string' && entry.id ? entry.id : slugify(String(entry.name));
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  const { name, id: _old, ...rest } = entry;
  const result: { entry: Entry; id: string; renamedFrom?: string } = { entry: { name, id, ...rest }, id };
  if (id !== wanted) result.renamedFrom = wanted;
  return result;
}

/** The entry as one flow mapping: `{name: Menu survey, id: menu-survey, say: heard}`. */
function renderFlow(entry: Entry): string {
  const doc = new Document(entry);
  visit(doc, {
    Map(_, node) {
      node.flow = true;
    },
    Seq(_, node) {
      node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

/**
 * Adds the entry to a flow-style list (`activities: [{…}, {…}]`) in the text itself,
 * after the last item and in its layout (same line, or a line of its own at the same
 * indentation), so that nothing else in the file changes.
 */
function spliceFlow(original: string, seq: YAMLSeq, entry: Entry, eol: string): string {
  const close = seq.range![1] - 1;
  const flow = renderFlow(entry);
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
  if (!last?.range) return `${original.slice(0, close)}${flow}${original.slice(close)}`;
  const lastEnd = last.range[1];
  const between = original.slice(lastEnd, close);
  const lineStart = original.lastIndexOf('\n', last.range[0] - 1) + 1;
  const ownLine = between.includes('\n') && /^[ \t]*$/.test(original.slice(lineStart, last.range[0]));
  const gap = ownLine ? `${eol}${original.slice(lineStart, last.range[0])}` : ' ';
  const comma = /^[ \t]*,/.exec(between);
  if (comma) {
    // a trailing comma stays trailing
    const at = lastEnd + comma[0].length;
    return `${original.slice(0, at)}${gap}${flow},${original.slice(at)}`;
  }
  if (ownLine) {
    // the new item on a line of its own, after the rest of the last item's line (its comment)
    let lineEnd = original.indexOf('\n', lastEnd);
    if (original[lineEnd - 1] === '\r') lineEnd--;
    return `${original.slice(0, lastEnd)},${original.slice(lastEnd, lineEnd)}${gap}${flow}${original.slice(lineEnd)}`;
  }
  return `${original.slice(0, lastEnd)},${gap}${flow}${original.slice(lastEnd)}`;
}

/** The plain data of a document's activities, for the before/after comparison. */
function activitiesOf(text: string): unknown[] {
  const doc = parseDocument(text);
  const root = doc.toJS() as unknown;
  if (Array.isArray(root)) return root;
  if (root && typeof root === 'object') {
    const list = (root as Record<string, unknown>).activities;
    return Array.isArray(list) ? list : [];
  }
  return [];
}

/**
 * @param original the log's text, or undefined to start a new log from `template`
 * @param template a starter log whose `activities:` line ends its header
 */
export function appendEntry(original: string | undefined, entry: Entry, template: string): AppendResult {
  // a byte order mark is not YAML: set it aside and put it back
  if (original?.startsWith('\ufeff')) {
    const r = appendEntry(original.slice(1), entry, template);
    return { ...r, text: `\ufeff${r.text}` };
  }
  if (original === undefined) {
    const cut = template.search(/^activities:[ \t]*(#.*)?$/m);
    const header = cut >= 0 ? template.slice(0, cut) : template;
    const { entry: e, id, renamedFrom } = withId(entry, new Set());
    const r: AppendResult = { text: `${header}activities:\n${renderItem(e, 2, '\n')}`, id };
    if (renamedFrom) r.renamedFrom = renamedFrom;
    return r;
  }
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(original);
  const root = doc.contents;
  let seq: YAMLSeq | undefined;
  if (isSeq(root)) seq = root;
  else if (isMap(root)) {
    const value = root.get('activities', true);
    if (isSeq(value)) seq = value;
    else if (value !== undefined && !(isScalar(value) && value.value === null)) {
      throw new Error('`activities:` is not a list');
    }
  } else if (root !== null && !(isScalar(root) && (root.value === null || root.value === undefined))) {
    throw new Error('the file is neither a list of activities nor a mapping with `activities:`');
  }
  const { entry: e, id, renamedFrom } = withId(entry, existingIds(seq));
  const result = (text: string): AppendResult => {
    const r: AppendResult = { text, id };
    if (renamedFrom) r.renamedFrom = renamedFrom;
    return r;
  };

  const last = seq?.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
  if (seq && !seq.flow && last?.range && seq.range) {
    // splice after the last activity, at the list's own indentation
    const lineStart = original.lastIndexOf('\n', seq.range[0] - 1) + 1;
    const indent = seq.range[0] - lineStart;
    let at = last.range[2];
    let prefix = '';
    if (at > 0 && original[at - 1] !== '\n') {
      const nl = original.indexOf('\n', at);
      if (nl === -1) prefix = eol;
      at = nl === -1 ? original.length : nl + 1;
    }
    const text = original.slice(0, at) + prefix + renderItem(e, indent, eol) + original.slice(at);
    const before = activitiesOf(original);
    const after = activitiesOf(text);
    if (after.length === before.length + 1 && JSON.stringify(after.slice(0, -1)) === JSON.stringify(before)) return result(text);
  }
  if (seq?.flow && seq.range && original[seq.range[1] - 1] === ']') {
    const text = spliceFlow(original, seq, e, eol);
    const before = activitiesOf(original);
    const after = activitiesOf(text);
    if (after.length === before.length + 1 && JSON.stringify(after.slice(0, -1)) === JSON.stringify(before)) return result(text);
  }
  if (!seq && isMap(root)) {
    if (root.has('activities')) {
      // `activities:` with nothing under it: give it a list
      doc.setIn(['activities'], doc.createNode([e]));
      return result(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    }
    // a mapping without activities: add the list at the end
    const base = original.length && !original.endsWith('\n') ? original + eol : original;
    return result(`${base}activities:${eol}${renderItem(e, 2, eol)}`);
  }
  if (!seq) return result(`${original}${original && !original.endsWith('\n') ? eol : ''}${renderItem(e, 0, eol)}`);
  // unusual layouts: let the Document API add the item
  seq.add(doc.createNode(e));
  return result(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}
