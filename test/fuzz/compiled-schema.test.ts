// Property test: big logs are validated by zod's compiled fast path (compiledSchema),
// small ones by the plain schema. Both must give the same answer on any tree (valid
// or damaged): the same success, the same parsed value, and the same issues, since the
// located errors are built from them.
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildActivitySchema, compiledSchema } from '../../src/core/activity-schema.js';
import { loadLadderFile } from '../../src/ladders/load-ladder.js';
import { ROOT } from '../helpers/cli.js';
import { ACTIVITY_FILES, SMALL_LOG } from './fixtures.js';
import { treeMutation } from './mutate.js';
import { RUNS, seed } from './seed.js';

function outcome(result: { success: boolean; data?: unknown; error?: { issues: unknown[] } }): unknown {
  return result.success ? { data: result.data } : { issues: result.error!.issues };
}

describe('the compiled activity schema', async () => {
  const northshire = await loadLadderFile(join(ROOT, 'examples/northshire-ladder.yaml'), false);
  const schemaSets = [buildActivitySchema(), buildActivitySchema(northshire.extraFacts)];
  const trees = [...ACTIVITY_FILES, SMALL_LOG].map((text) => parse(text) as unknown);

  it('accepts and rejects exactly what the plain schema does, with the same issues', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), treeMutation, fc.boolean(), (t, s, mutate, asList) => {
        const schemas = schemaSets[s % schemaSets.length]!;
        let tree = parse(mutate(trees[t % trees.length])) as unknown;
        // the same activities as a bare list, checked by the list schema
        if (asList && tree && typeof tree === 'object' && 'activities' in tree) tree = (tree as { activities: unknown }).activities;
        const schema = asList ? schemas.activities : schemas.file;
        const plain = schema.safeParse(structuredClone(tree), { reportInput: true });
        const fast = compiledSchema(schema).safeParse(structuredClone(tree), { reportInput: true });
        expect(outcome(fast)).toEqual(outcome(plain));
      }),
      { numRuns: RUNS * 3, ...seed() },
    );
  });

  it('gives the same value for the shipped examples, undamaged', () => {
    let valid = 0;
    for (const tree of trees) {
      const schema = Array.isArray(tree) ? schemaSets[0]!.activities : schemaSets[0]!.file;
      const fast = compiledSchema(schema).safeParse(structuredClone(tree));
      if (fast.success) valid++;
      expect(outcome(fast)).toEqual(outcome(schema.safeParse(structuredClone(tree))));
    }
    expect(valid).toBeGreaterThanOrEqual(3);
  });

  it('a ladder fact whose values look like code is matched as text, never run', () => {
    const marker = '__coprodCompiledSchemaRan';
    const hostile = [`a"; globalThis.${marker} = true; "`, `b'; globalThis.${marker} = true; '`, `\`\${globalThis.${marker} = true}\``, 'c\\', 'd\n e', '\u2028x', '__proto__'];
    const fact = { name: 'odd_fact', kind: 'enum', values: hostile, question: 'Odd?', options: {}, actionable: true } as const;
    const schema = buildActivitySchema([fact]).activities;
    const fast = compiledSchema(schema);
    for (const value of [...hostile, 'not a value']) {
      const tree = [{ name: 'A', odd_fact: value }];
      expect(outcome(fast.safeParse(structuredClone(tree)))).toEqual(outcome(schema.safeParse(structuredClone(tree))));
    }
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});
