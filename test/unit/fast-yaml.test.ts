// The fast YAML reader against js-yaml: on every YAML file of the project, and on
// thousands of generated documents and random mutations of them, it either gives up
// or gives exactly what js-yaml gives (values and record positions), and it never
// accepts a document js-yaml rejects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse, outsideSubset } from '../../src/io/fast-yaml.js';
import { parseWithJsYaml } from '../../src/io/yaml-source.js';
import { ROOT } from '../helpers/cli.js';
import { seed } from '../fuzz/seed.js';

function reference(text: string): { ok: true; value: unknown; offsets: number[] } | { ok: false } {
  try {
    const doc = parseWithJsYaml({ name: 't.yaml', path: null, text }, { itemsKey: 'activities' });
    return { ok: true, value: doc.value, offsets: doc.itemOffsets };
  } catch {
    return { ok: false };
  }
}

function agrees(text: string): void {
  const fast = fastParse(text, 'activities');
  if (!fast) return;
  const ref = reference(text);
  expect(ref.ok, `js-yaml rejects what the fast reader accepted:\n${text}`).toBe(true);
  if (!ref.ok) return;
  expect(fast.value).toStrictEqual(ref.value);
  expect(fast.itemOffsets).toEqual(ref.offsets);
}

const WORDS = ['name', 'say', 'heard', 'joint', 'Menu survey', 'true', 'False', 'null', '~', '12', '-3', '0x1F', '1e3', '1e-3', '1E+2', '12 apples', '3-4', '4+', '.5', 'yes', 'on', '2026-03-14', 'a:b', 'a: b', 'ends with:', 'at 10:30', 'x #y', 'x#y', 'café', 'naïve', '✓', '100%', '-x', 'a-b', '', '__proto__', 'constructor'];
const word = fc.constantFrom(...WORDS);
const plainValue = fc.oneof(word, fc.stringMatching(/^[a-z][a-z0-9 ]{0,12}$/));
const quoted = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`),
);
const flow = fc.array(fc.oneof(word, quoted), { maxLength: 4 }).map((xs) => `[${xs.filter((x) => x !== '').join(', ')}]`);
const block = fc.tuple(fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'), fc.array(fc.stringMatching(/^[a-z ]{0,10}$/), { minLength: 1, maxLength: 3 }));
const key = fc.constantFrom('name', 'id', 'say', 'stages', 'description', 'support', 'x-team', 'level', 'notes');

/** An activity as YAML lines at a given indentation, in one of several layouts. */
const activity = fc
  .tuple(
    fc.uniqueArray(key, { minLength: 1, maxLength: 5 }),
    fc.array(fc.oneof(plainValue, quoted, flow, block.map((b) => b as unknown as string)), { minLength: 5, maxLength: 5 }),
    fc.boolean(),
    fc.boolean(),
    fc.constantFrom(0, 1, 2),
  )
  .map(([keys, values, dashAlone, comment, extraIndent]) => {
    const pad = ' '.repeat(4 + extraIndent);
    const lines: string[] = [];
    keys.forEach((k, i) => {
      const v = values[i]!;
      let text: string;
      if (Array.isArray(v)) {
        const [header, body] = v as unknown as [string, string[]];
        text = `${k}: ${header}\n${body.map((l) => `${pad}  ${l}`).join('\n')}`;
      } else if (k === 'support') text = `${k}:\n${pad}  notice_days: 3\n${pad}  expenses_paid: false`;
      else if (k === 'stages') text = `${k}:\n${pad}- design\n${pad}- ${v}`;
      else text = `${k}: ${v}${comment && i === 0 ? ' # a comment' : ''}`;
      lines.push(text);
    });
    const first = dashAlone ? `  -\n${pad}${lines[0]}` : `  - ${lines[0]!.replace(/\n/g, `\n`)}`;
    return [first, ...lines.slice(1).map((l) => `${pad}${l}`)].join('\n').replace(new RegExp(`^  - `, 'm'), `  - `);
  });

const doc = fc
  .tuple(fc.array(activity, { minLength: 0, maxLength: 4 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([items, withHeader, crlf, blankLines]) => {
    const header = withHeader ? '# log\nservice: Test\n' : '';
    const text = `${header}activities:\n${items.join(blankLines ? '\n\n' : '\n')}\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('fast YAML reader', () => {
  it('agrees with js-yaml on every YAML file of the project', () => {
    const dirs = ['examples', 'ladders', 'cues', 'templates', 'test/fixtures', 'test/inference'];
    let read = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.yaml'))) {
        const text = readFileSync(join(ROOT, dir, f), 'utf8');
        agrees(text);
        if (fastParse(text, 'activities')) read++;
      }
    }
    expect(read).toBeGreaterThanOrEqual(5); // the examples are in the subset
  });

  it('agrees with js-yaml on generated logs', () => {
    fc.assert(fc.property(doc, (text) => agrees(text)), { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), ...seed() });
  });

  it('never accepts a mutation js-yaml rejects, and agrees on the rest', () => {
    const mutated = fc.tuple(doc, fc.nat(), fc.constantFrom('', ' ', '  ', '\t', ':', '-', '#', '"', "'", '[', ']', '{', '&a', '*a', '!t', '\n', '\r', '\u0000', '\\', '|', '>', ',', '?', '%', '---\n')).map(([text, at, insert]) => {
      const i = text.length ? at % text.length : 0;
      return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
    });
    fc.assert(fc.property(mutated, (text) => agrees(text)), { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), ...seed() });
  });

  it('hands anchors, tags, flow mappings and several documents to js-yaml', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !t 1\n', 'a: {b: 1}\n', 'a: 1\n---\nb: 2\n', 'a: 1\na: 2\n', "a: 'x\n  y'\n", 'a: b\n  c\n']) {
      expect(fastParse(text)).toBeUndefined();
    }
  });

  it('leaves to js-yaml exactly the texts the earlier checks (regular expressions) left to it', () => {
    // eslint-disable-next-line no-control-regex
    const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
    const byRegex = (t: string): boolean => t.includes('\t') || t.startsWith('%') || /^(---|\.\.\.)(\s|$)/m.test(t) || /\r(?!\n)/.test(t) || NON_PRINTABLE.test(t);
    const pieces = ['a', ' ', '-', '.', '%', '---', '...', '\n', '\r', '\r\n', '\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u0086', '\u009f', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '\ufffe', '\uffff', '\ud83d', '\ude00', '\ud83d\ude00', 'é', '\v', '\f'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, (t) => outsideSubset(t) === byRegex(t)), { numRuns: Number(process.env.FUZZ_RUNS ?? 20000), ...seed() });
  });
});
