/**
 * The activity file format as a schema (PRODUCT.md §1), built from the facts model
 * so that a ladder's extra facts become fields too. Also the source of
 * `coprod schema activities`.
 */
import * as z from 'zod/mini';
import { CORE_FACTS, type FactDefinition } from '../model/facts-model.js';

const text = z.string().check(z.trim());
const nonEmptyText = z.string().check(z.trim(), z.minLength(1));
const textList = z.array(nonEmptyText);
const isoDate = z.string().check(z.refine(isRealDate, { error: 'is not a real date in the form YYYY-MM-DD', params: { expected: 'a date like 2026-03-14' } }));
const rungRef = z.string().check(
  z.regex(/^\s*[A-Za-z0-9_.-]+(\s*:\s*[A-Za-z0-9_-]+)?\s*$/, {
    error: 'not a rung name (write a rung id such as "consultation", or "ladder:rung" such as "arnstein:placation")',
  }),
);

/** Two ASCII digits at `at`, as a number, or -1. */
function digits2(v: string, at: number): number {
  const a = v.charCodeAt(at) - 48;
  const b = v.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD naming a day of the (proleptic Gregorian) calendar, from year 0100 on
 * (JavaScript's Date reads years below 100 as 19xx, which earlier versions relied on).
 */
export function isRealDate(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const century = digits2(v, 0);
  const yy = digits2(v, 2);
  const month = digits2(v, 5);
  const day = digits2(v, 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + yy;
  if (year < 100) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

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
    outcome: z.optional(
      z.strictObject({
        you_said: z.optional(text),
        we_did: z.optional(text),
        could_not: z.optional(text),
        told_on: z.optional(isoDate),
        told_how: z.optional(textList),
      }),
    ),
  });
  const activities = z.array(activity).check(z.minLength(1, { error: 'the log has no activities' }));
  const fileFields = { service: z.optional(nonEmptyText), ladder: z.optional(nonEmptyText), groups: z.optional(textList) };
  const file = z.strictObject({ ...fileFields, activities });
  // the file's own fields, its activities left to `activity` (read-log checks them one at a time)
  const header = z.strictObject({ ...fileFields, activities: z.array(z.unknown()).check(z.minLength(1, { error: 'the log has no activities' })) });
  return { activity, activities, file, header };
}

/** Free-text fields that accept a number or true/false and read it as text. */
export const TEXT_FIELDS = ['name', 'id', 'description'] as const;
/** List fields that accept a single value in place of a one-item list. */
export const LIST_FIELDS = ['participants', 'methods', 'evidence', 'stages'] as const;
