// The YAML layer: positions, refusal of alias bombs, deep nesting and several documents.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/problem.js';
import { locate, parseYaml } from '../../src/input/yaml-source.js';

const src = (text: string) => ({ name: 't.yaml', path: null, text });

function rejects(text: string): InputError {
  try {
    parseYaml(src(text));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected rejection');
}

describe('parseYaml', () => {
  it('records where each activity starts', () => {
    const doc = parseYaml(src('activities:\n  - name: a\n  -\n    name: b\n  - {name: c}\n'), { itemsKey: 'activities' });
    expect(doc.itemOffsets.map((o) => doc.lines.position(o))).toEqual([
      { line: 2, column: 5 },
      { line: 4, column: 5 },
      { line: 5, column: 5 },
    ]);
  });

  it('locates keys and values by path', () => {
    const doc = parseYaml(src('activities:\n  - name: a\n    say: "heard"\n'));
    expect(locate(doc, ['activities', 0, 'say'])).toEqual({ line: 3, column: 10 });
    expect(locate(doc, ['activities', 0], 'say')).toEqual({ line: 3, column: 5 });
    expect(locate(doc, ['activities', 5, 'say'])).toEqual({ line: 2, column: 3 });
  });

  it('refuses a billion-laughs alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const error = rejects(`${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.diagnostics[0]!.message).toMatch(/alias bomb/);
  });

  it('allows small honest aliases', () => {
    const doc = parseYaml(src('base: &s {expenses_paid: true}\nx: *s\ny: *s\n'));
    expect((doc.value as Record<string, unknown>).y).toEqual({ expenses_paid: true });
  });

  it('refuses deep nesting with a located message', () => {
    const error = rejects(`${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(error.diagnostics[0]!.message).toMatch(/nesting/);
  });

  it('refuses several documents', () => {
    const error = rejects('a: 1\n---\nb: 2\n');
    expect(error.diagnostics[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('refuses duplicate keys at the second key', () => {
    const error = rejects('a: 1\na: 2\n');
    expect(error.diagnostics[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('keeps __proto__ as an ordinary key', () => {
    const doc = parseYaml(src('__proto__: {polluted: true}\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
  });
});
