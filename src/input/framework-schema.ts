/**
 * The framework file format as a schema (PRODUCT.md §3b): id, name, source citation,
 * description, an optional look-back period, and requirements, each with an id as the
 * source numbers it, a title and description in the project's own words, a declarative
 * test over the log, and what to do when it is short. Also the source of `coprod schema
 * framework`. A test is data: a count, a share, the log's groups, or all/any of tests;
 * each picks activities with a filter (facts, level, rung, flags, fields present,
 * participants). Nothing in it is evaluated as code.
 */
import * as z from 'zod/mini';
import { COMPARATORS } from '../model/condition.js';
import { factTestFields } from './ladder-schema.js';

const text = z.string().check(z.minLength(1), z.trim());
const id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, { error: 'letters, digits, dots and hyphens, as the source numbers it, e.g. "1.3", "S2" or "listening"' }));
const valueList = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const oneOrMany = z.union([z.string().check(z.minLength(1)), valueList]);
/** A look-back period: 12m (months), 2y (years), 90d (days). */
export const period = z.string().check(z.regex(/^\d{1,3}[dmy]$/, { error: 'a period such as 12m (months), 2y (years) or 90d (days)' }));

export const FILTER_KEYS = ['all', 'any', 'not', 'fact', 'level', 'rung', 'flag', 'has', 'participants'] as const;

/** Which activities: one key of FILTER_KEYS (a fact test takes one comparator, as in a ladder). */
export const filterSchema: z.ZodMiniType = z.lazy(() =>
  z
    .strictObject({
      all: z.optional(z.array(filterSchema).check(z.minLength(1))),
      any: z.optional(z.array(filterSchema).check(z.minLength(1))),
      not: z.optional(filterSchema),
      ...factTestFields,
      level: z.optional(oneOrMany),
      rung: z.optional(z.strictObject({ ladder: text, atLeast: z.optional(text), is: z.optional(text) })),
      flag: z.optional(oneOrMany),
      has: z.optional(oneOrMany),
      participants: z.optional(oneOrMany),
    })
    .check(
      z.superRefine((value, ctx) => {
        const v = value as Record<string, unknown>;
        const kinds = FILTER_KEYS.filter((k) => v[k] !== undefined);
        const comparators = COMPARATORS.filter((k) => v[k] !== undefined);
        const fail = (message: string, expected: string): void => void ctx.issues.push({ code: 'custom', input: value, path: [], message, params: { expected } });
        if (kinds.length !== 1) fail(kinds.length === 0 ? 'a filter needs one of all, any, not, fact, level, rung, flag, has or participants' : `a filter takes one of ${kinds.join(', ')}, not several (put them in all: [ … ])`, 'e.g. { fact: say, atLeast: heard } or { all: [ …filters ] }');
        else if (kinds[0] === 'fact' && comparators.length !== 1) fail(comparators.length === 0 ? `the filter on "${String(v.fact)}" has no test` : `the filter on "${String(v.fact)}" has several tests`, `exactly one of ${COMPARATORS.join(', ')}`);
        else if (kinds[0] !== 'fact' && comparators.length > 0) fail(`${comparators.join(', ')} belongs in a filter on a fact`, 'e.g. { fact: say, atLeast: heard }');
      }),
    ),
);

export const TEST_KEYS = ['count', 'share', 'groups', 'all', 'any'] as const;

/** What evidences a requirement. */
export const testSchema: z.ZodMiniType = z.lazy(() =>
  z
    .strictObject({
      count: z.optional(z.strictObject({ where: z.optional(filterSchema), atLeast: z.int().check(z.positive()) })),
      share: z.optional(z.strictObject({ of: z.optional(filterSchema), where: filterSchema, atLeast: z.number().check(z.gt(0), z.lte(1)) })),
      groups: z.optional(z.strictObject({ atLeast: text })),
      all: z.optional(z.array(testSchema).check(z.minLength(1))),
      any: z.optional(z.array(testSchema).check(z.minLength(1))),
    })
    .check(
      z.superRefine((value, ctx) => {
        const kinds = TEST_KEYS.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
        if (kinds.length !== 1) {
          ctx.issues.push({ code: 'custom', input: value, path: [], message: kinds.length === 0 ? 'a test needs one of count, share, groups, all or any' : `a test takes one of ${kinds.join(', ')}, not several`, params: { expected: 'e.g. { count: { where: { fact: say, atLeast: heard }, atLeast: 3 } }' } });
        }
      }),
    ),
);

export const frameworkSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'lower-case letters, digits and hyphens, e.g. "cqc"' })),
  name: text,
  source: z.strictObject({ title: text, body: text, year: z.union([z.int(), text]), url: text }),
  description: text,
  period: z.optional(period),
  requirements: z
    .array(
      z.strictObject({
        id,
        title: text,
        description: text,
        evidence: testSchema,
        next: text,
      }),
    )
    .check(z.minLength(1)),
});

export type FrameworkFile = z.infer<typeof frameworkSchema>;
