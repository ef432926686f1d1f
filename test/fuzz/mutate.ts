// Generators of broken files for the property tests: random edits of real YAML text
// (truncation, lost or doubled lines, stray characters, wrong indentation, values of
// the wrong type, misspelt or dangerous keys, deep nesting) and random edits of the
// parsed tree written back as YAML or JSON. Every generator shrinks to a small case.
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Values of every type a hand-written or exported file might hold where another was expected. */
const ODD_SCALARS = [
  '123', '-1', '0.5', '1e309', 'true', 'false', 'yes', 'null', '~', '""', "''", '[]', '{}', '[a, b]', '{ x: 1 }',
  '2026-13-45', '"unterminated', "'unterminated", '*nowhere', '&anchor value', '!!binary aGVsbG8=', '!js/function "f(){}"',
  '!!python/object:os.system ls', '<<: *x', '|', '>-', '- a', ': x', '? x', '%YAML 1.1', '---', '...', '#', '@x', '`x`',
  '=HYPERLINK("http://x")', '\u001b[31mred\u001b[0m', '\u202eevil', '\u0000', '\ufeff', '😀'.repeat(3), 'ⅷ', 'Ünïcødé', '\t',
  '__proto__', 'constructor', 'prototype', 'toString',
];

/** Keys that are misspelt, unknown, or dangerous as object keys. */
const ODD_KEYS = [
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'x-note', 'x-', 'descripion', 'Say', 'say ',
  'stages', 'activities', 'rungs', 'when', 'all', 'any', 'not', 'fact', 'in', 'at_least', 'policy', 'cues', 'patterns', '',
  '😀', 'a:b', '"quoted"', '1',
];

const unicodeText = fc.string({ unit: 'binary', maxLength: 12 });
const oddScalar = fc.oneof(fc.constantFrom(...ODD_SCALARS), unicodeText.map((s) => JSON.stringify(s)), unicodeText);
const oddKey = fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ unit: 'grapheme', maxLength: 8 }));

type Edit = (text: string) => string;

function lineAt(text: string, n: number): { lines: string[]; i: number } {
  const lines = text.split('\n');
  return { lines, i: n % lines.length };
}

const edits: fc.Arbitrary<Edit>[] = [
  // truncated part-way (a file cut off by a failed copy)
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
  // a line lost, doubled, or two lines swapped
  fc.nat().map((n) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    lines.splice(i, 1);
    return lines.join('\n');
  }),
  fc.nat().map((n) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
    const { lines, i } = lineAt(t, a);
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
  // stray characters anywhere
  fc.tuple(fc.nat(), fc.oneof(unicodeText, fc.constantFrom(':', '- ', '"', "'", '[', '{', '}', ']', '#', '&a', '*a', '\t', '\r', '\u0000', '\ufeff', '\\'))).map(
    ([n, s]) => (t: string) => {
      const at = n % (t.length + 1);
      return t.slice(0, at) + s + t.slice(at);
    },
  ),
  // a line indented wrongly
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 6 })).map(([n, d]) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    lines[i] = d >= 0 ? ' '.repeat(d) + lines[i] : lines[i]!.slice(Math.min(-d, lines[i]!.length - lines[i]!.trimStart().length));
    return lines.join('\n');
  }),
  // the value of a `key: value` line replaced by one of the wrong type
  fc.tuple(fc.nat(), oddScalar).map(([n, v]) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    const at = lines.findIndex((l, k) => k >= i && /^\s*(- )?[\w-]+:/.test(l));
    if (at < 0) return t;
    lines[at] = lines[at]!.replace(/^(\s*(?:- )?[\w-]+:).*$/, (_m, key: string) => `${key} ${v}`);
    return lines.join('\n');
  }),
  // a key misspelt or replaced by a dangerous one
  fc.tuple(fc.nat(), oddKey).map(([n, k]) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    const at = lines.findIndex((l, j) => j >= i && /^\s*(- )?[\w-]+:/.test(l));
    if (at < 0) return t;
    lines[at] = lines[at]!.replace(/^(\s*(?:- )?)[\w-]+:/, (_m, lead: string) => `${lead}${k}:`);
    return lines.join('\n');
  }),
  // a value nested deeply, in flow or block style
  fc.tuple(fc.nat(), fc.integer({ min: 10, max: 2000 }), fc.boolean()).map(([n, depth, flow]) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    const nest = flow ? `${'['.repeat(depth)}x${']'.repeat(depth)}` : `\n${Array.from({ length: Math.min(depth, 300) }, (_, k) => `${' '.repeat(k * 2 + 6)}- `).join('\n')}x`;
    lines[i] = `${lines[i]} ${nest}`;
    return lines.join('\n');
  }),
  // an alias expanded many times (a small "billion laughs")
  fc.nat().map((n) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    const bomb = ['x-a: &a [y, y, y, y, y, y, y, y, y]', 'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'x-e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'];
    const indent = /^\s*/.exec(lines[i]!)![0];
    lines.splice(i, 0, ...bomb.map((b) => indent + b));
    return lines.join('\n');
  }),
  // Windows line endings, a byte order mark, or a long string
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => `\ufeff${t}`),
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 50_000 })).map(([n, size]) => (t: string) => {
    const { lines, i } = lineAt(t, n);
    lines[i] = `${lines[i]}${'consulted co-produced not '.repeat(Math.ceil(size / 26)).slice(0, size)}`;
    return lines.join('\n');
  }),
];

/** One to four random edits of a YAML text. */
export const textMutation: fc.Arbitrary<Edit> = fc
  .array(fc.oneof(...edits), { minLength: 1, maxLength: 4 })
  .map((list) => (text: string) => list.reduce((t, edit) => edit(t), text));

/** A random value of any type, for tree edits. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'x', 'heard', 'joint', 'co-production', '__proto__', []),
  fc.integer(),
  fc.double(),
  unicodeText,
  fc.array(unicodeText, { maxLength: 3 }),
  fc.dictionary(oddKey, fc.oneof(unicodeText, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);

type TreeEdit = (root: unknown) => unknown;

/** Every container path in a tree, root first. */
function paths(node: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(node)) node.forEach((v, i) => paths(v, [...at, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...at, k], out);
  return out;
}

function edit(root: unknown, path: (string | number)[], change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) {
    const box: Record<string, unknown> = { root };
    change(box, 'root');
    return box.root;
  }
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return root;
}

const treeEdits: fc.Arbitrary<TreeEdit>[] = [
  // a value replaced by one of another type
  fc.tuple(fc.nat(), anyValue).map(([n, v]) => (root) => {
    const all = paths(root);
    return edit(root, all[n % all.length]!, (p, k) => void (p[k] = v));
  }),
  // a key removed
  fc.nat().map((n) => (root) => {
    const all = paths(root).filter((p) => p.length > 0);
    if (!all.length) return root;
    return edit(root, all[n % all.length]!, (p, k) => {
      if (Array.isArray(p)) p.splice(k as number, 1);
      else delete p[k];
    });
  }),
  // an extra key (possibly __proto__ or constructor, as an own key)
  fc.tuple(fc.nat(), oddKey, anyValue).map(([n, key, v]) => (root) => {
    const objects = paths(root).filter((p) => {
      const node = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
      return node && typeof node === 'object' && !Array.isArray(node);
    });
    if (!objects.length) return root;
    return edit(root, objects[n % objects.length]!, (p, k) => {
      Object.defineProperty(p[k] as object, key, { value: v, enumerable: true, writable: true, configurable: true });
    });
  }),
  // a value wrapped in lists or maps, deeply
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 120 }), fc.boolean()).map(([n, depth, asList]) => (root) => {
    const all = paths(root);
    return edit(root, all[n % all.length]!, (p, k) => {
      let v = p[k];
      for (let d = 0; d < depth; d++) v = asList ? [v] : { x: v };
      p[k] = v;
    });
  }),
  // a list item duplicated (duplicate ids, duplicate rungs)
  fc.nat().map((n) => (root) => {
    const lists = paths(root).filter((p) => Array.isArray(p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root)));
    if (!lists.length) return root;
    const at = lists[n % lists.length]!;
    const list = at.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as unknown[];
    if (list.length) list.push(structuredClone(list[0]));
    return root;
  }),
];

/** One to three random edits of a parsed document, written back as YAML or JSON. */
export const treeMutation: fc.Arbitrary<(tree: unknown) => string> = fc
  .tuple(fc.array(fc.oneof(...treeEdits), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([list, json]) => (tree: unknown) => {
    const mutated = list.reduce((t, e) => e(t), structuredClone(tree));
    return json ? JSON.stringify(mutated, null, 1) ?? 'null' : stringify(mutated, { aliasDuplicateObjects: false });
  });
