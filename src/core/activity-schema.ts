/**
 * The activity file format as a schema (PRODUCT.md §1), built from the facts model
 * so that a ladder's extra facts become fields too. Also the source of
 * `coprod schema activities`.
 */
import * as z from 'zod/mini';
import { CORE_FACTS, type FactDefinition } from './facts-model.js';

const text = z.string().check(z.trim());
const nonEmptyText = z.string().check(z.trim(), z.minLength(1));
const textList = z.array(nonEmptyText);
const isoDate = z.string().check(
  z.refine(
    (v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
    },
    { error: 'is not a real date in the form YYYY-MM-DD', params: { expected: 'a date like 2026-03-14' } },
  ),
);
const rungRef = z.string().check(
  z.regex(/^\s*[A-Za-z0-9_.-]+(\s*:\s*[A-Za-z0-9_-]+)?\s*$/, {
    error: 'not a rung name (write a rung id such as "consultation", or "ladder:rung" such as "arnstein:placation")',
  }),
);

function factField(fact: FactDefinition): z.ZodMiniType {
  switch (fact.kind) {
    case 'boolean':
      return z.boolean();
    case 'set':
      return z.array(z.enum(fact.values as [string, ...string[]]));
    default:
      return z.enum(fact.values as [string, ...string[]]);
  }
}

export function buildActivitySchema(extraFacts: readonly FactDefinition[] = []) {
  const facts: Record<string, z.ZodMiniOptional<z.ZodMiniType>> = {};
  for (const fact of [...CORE_FACTS, ...extraFacts]) facts[fact.name] = z.optional(factField(fact));
  const activity = z.strictObject({
    name: nonEmptyText,
    id: z.optional(nonEmptyText.check(z.maxLength(200))),
    date: z.optional(isoDate),
    description: z.optional(text),
    participants: z.optional(textList),
    methods: z.optional(textList),
    ...facts,
    target: z.optional(rungRef),
    claimed: z.optional(rungRef),
    participant_view: z.optional(rungRef),
    support: z.optional(
      z.strictObject({
        expenses_paid: z.optional(z.boolean()),
        accessible_venue: z.optional(z.boolean()),
        notice_days: z.optional(z.int().check(z.nonnegative())),
      }),
    ),
    evidence: z.optional(textList),
  });
  const activities = z.array(activity).check(z.minLength(1, { error: 'the log has no activities' }));
  const file = z.strictObject({
    service: z.optional(nonEmptyText),
    ladder: z.optional(nonEmptyText),
    activities,
  });
  return { activity, activities, file };
}

export type ActivitySchemas = ReturnType<typeof buildActivitySchema>;

/** Free-text fields that accept a number or true/false and read it as text. */
export const TEXT_FIELDS = ['name', 'id', 'description'] as const;
/** List fields that accept a single value in place of a one-item list. */
export const LIST_FIELDS = ['participants', 'methods', 'evidence', 'stages'] as const;

type ActivitySchema = ActivitySchemas[keyof ActivitySchemas];
const compiledCache = new WeakMap<ActivitySchema, ActivitySchema>();

/**
 * The schema compiled by zod to a fast path for big logs. It gives the same answers; a
 * value it rejects is parsed again by the plain schema, so the issues (and the located
 * errors built from them) are the same too (test/fuzz/compiled-schema.test.ts).
 */
export function compiledSchema<S extends ActivitySchema>(schema: S): S {
  let fast = compiledCache.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiledCache.set(schema, fast);
  }
  return fast as S;
}
