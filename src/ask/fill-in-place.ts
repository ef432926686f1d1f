/**
 * Writes answered facts into activities of a log in place (`coprod ask --fill`): a fact the
 * activity already has gets its value replaced where it stands; a new one is added as a
 * line of its own after the activity's last line, at its keys' indentation (or inside the
 * braces of a flow mapping). Every other byte stays as it was, and the result is re-read
 * and compared (other activities unchanged, these ones with exactly the new facts) before
 * it is accepted.
 */
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FactValue } from '../model/facts-model.js';

export type FactAnswers = ReadonlyMap<number, Readonly<Record<string, FactValue>>>;

/** A value as YAML text on one line: plain where it can be, else double-quoted. */
function render(value: FactValue): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return `[${value.map((v) => render(v)).join(', ')}]`;
  return /^[a-z][a-z0-9 _-]*$/i.test(value) && !/^(true|false|yes|no|null|on|off|y|n)$/i.test(value) ? value : JSON.stringify(value);
}

function activitiesOf(text: string): YAMLSeq | undefined {
  const doc = parseDocument(text);
  const root = doc.contents;
  if (isSeq(root)) return root;
  if (isMap(root)) {
    const list = root.get('activities', true);
    if (isSeq(list)) return list;
  }
  return undefined;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function editsFor(text: string, item: YAMLMap, facts: Readonly<Record<string, FactValue>>, eol: string): Edit[] {
  const edits: Edit[] = [];
  const range = item.range!;
  const missing: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    const pair = item.items.find((p) => (p.key as { value?: unknown })?.value === key);
    const node = pair?.value as { range?: [number, number, number] } | null | undefined;
    if (pair && node?.range) edits.push({ at: node.range[0], remove: node.range[1] - node.range[0], insert: render(value) });
    else missing.push(`${key}: ${render(value)}`);
  }
  if (!missing.length) return edits;
  if (item.flow) {
    const close = text.lastIndexOf('}', range[1]);
    const inner = text.slice(range[0] + 1, close).trim();
    edits.push({ at: close, remove: 0, insert: `${inner ? ', ' : ''}${missing.join(', ')}` });
    return edits;
  }
  // a line of its own after the activity's last line, at its first key's indentation
  const first = item.items[0]?.key as { range?: [number, number, number] } | undefined;
  const keyAt = first?.range?.[0] ?? range[0];
  const indent = ' '.repeat(keyAt - (text.lastIndexOf('\n', keyAt - 1) + 1));
  let end = range[1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  else if (text[lineEnd - 1] === '\r') lineEnd--;
  edits.push({ at: lineEnd, remove: 0, insert: missing.map((l) => `${eol}${indent}${l}`).join('') });
  return edits;
}

/** The log's text with `answers` (activity index → facts) written in; throws when it cannot be done exactly. */
export function fillInPlace(original: string, answers: FactAnswers): string {
  const bom = original.startsWith('\ufeff') ? '\ufeff' : '';
  const text = bom ? original.slice(1) : original;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const seq = activitiesOf(text);
  if (!seq) throw new Error('the file has no list of activities');
  const edits: Edit[] = [];
  for (const [index, facts] of answers) {
    const item = seq.items[index];
    if (!isMap(item) || !item.range) throw new Error(`activity ${index + 1} is not a mapping`);
    edits.push(...editsFor(text, item, facts, eol));
  }
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  // accepted only if exactly these facts changed
  const before = (activitiesOf(text)!.toJSON() as Array<Record<string, unknown>>) ?? [];
  const after = (activitiesOf(out)?.toJSON() as Array<Record<string, unknown>> | undefined) ?? [];
  const expected = before.map((a, i) => (answers.has(i) ? { ...a, ...answers.get(i) } : a));
  const same = (x: Record<string, unknown>, y: Record<string, unknown>): boolean => JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
  if (after.length !== expected.length || expected.some((a, i) => !same(a, after[i]!))) throw new Error('the answers could not be written without changing something else');
  return bom + out;
}
