/**
 * The ladder file format as a schema (PRODUCT.md §3): id, name, source citation,
 * description, bands, optional extra facts, and rungs bottom first, each with a
 * declarative condition and climbing advice. Also the source of `coprod schema ladder`.
 */
import * as z from 'zod/mini';
import { COMPARATORS } from '../model/condition.js';

const text = z.string().check(z.minLength(1), z.trim());
const id = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'lower-case letters, digits and hyphens, e.g. "co-design"' }),
);
const valueList = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

const conditionKeys = ['all', 'any', 'not', 'fact'] as const;

/** A test of one fact (`{ fact: say, atLeast: joint }`): the fact and its comparators, as ladders and frameworks write it. */
export const factTestFields = {
  fact: z.optional(z.string().check(z.minLength(1))),
  is: z.optional(z.union([z.string(), z.boolean()])),
  in: z.optional(valueList),
  atLeast: z.optional(z.string()),
  atMost: z.optional(z.string()),
  includes: z.optional(valueList),
  excludes: z.optional(valueList),
  known: z.optional(z.boolean()),
};

const conditionSchema: z.ZodMiniType = z.lazy(() =>
  z
    .strictObject({
      all: z.optional(z.array(conditionSchema).check(z.minLength(1))),
      any: z.optional(z.array(conditionSchema).check(z.minLength(1))),
      not: z.optional(conditionSchema),
      ...factTestFields,
      action: z.optional(text),
    })
    .check(
      z.superRefine((value, ctx) => {
        const v = value as Record<string, unknown>;
        const kinds = conditionKeys.filter((k) => v[k] !== undefined);
        const comparators = COMPARATORS.filter((k) => v[k] !== undefined);
        const example = 'e.g. { fact: say, atLeast: joint } or { all: [ …conditions ] }';
        if (kinds.length !== 1) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: [],
            message: kinds.length === 0 ? 'a condition needs one of all, any, not or fact' : `a condition takes one of ${kinds.join(', ')}, not several`,
            params: { expected: example },
          });
          return;
        }
        if (kinds[0] === 'fact' && comparators.length !== 1) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: [],
            message: comparators.length === 0 ? `condition on "${String(v.fact)}" has no test` : `condition on "${String(v.fact)}" has several tests (${comparators.join(', ')})`,
            params: { expected: `exactly one of ${COMPARATORS.join(', ')}` },
          });
        }
        if (kinds[0] !== 'fact' && comparators.length > 0) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: [],
            message: `${comparators.join(', ')} belongs in a condition on a fact`,
            params: { expected: example },
          });
        }
      }),
    ),
);

const factDefinitionSchema = z.strictObject({
  name: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, { error: 'lower case with underscores, e.g. "paid_role"' })),
  kind: z.enum(['ordered', 'enum', 'set', 'boolean']),
  values: z.optional(valueList),
  question: text,
  options: z.optional(z.record(z.string(), text)),
  actions: z.optional(z.record(z.string(), text)),
  synonyms: z.optional(z.record(z.string(), z.string())),
  actionable: z.optional(z.boolean()),
});

const rungSchema = z.strictObject({
  id,
  name: text,
  band: id,
  summary: text,
  description: text,
  when: conditionSchema,
  advice: text,
  /** What the organisation commits to at this rung (IAP2's "promise"), in the ladder's own words. */
  promise: z.optional(text),
});

export const ladderSchema = z.strictObject({
  id,
  name: text,
  source: z.strictObject({
    title: text,
    organisation: text,
    year: z.optional(z.union([z.int(), text])),
    url: z.optional(text),
    credit: z.optional(text),
  }),
  description: text,
  bands: z
    .array(
      z.strictObject({
        id,
        name: text,
        description: z.optional(text),
      }),
    )
    .check(z.minLength(1)),
  facts: z.optional(z.array(factDefinitionSchema)),
  rungs: z.array(rungSchema).check(z.minLength(2)),
});

export type LadderFile = z.infer<typeof ladderSchema>;
