/**
 * The cue file format (docs/inference.md): agents, spellings, compounds, negation
 * words and cues (fact, value or cap, strength, subject, patterns). Also the source
 * of `coprod schema cues`.
 */
import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1));
const word = z.string().check(z.trim(), z.regex(/^[a-z0-9' -]+$/i, { error: 'letters, digits, apostrophes, hyphens and spaces only' }));

export const SUBJECTS = ['people', 'organisation', 'both', 'unknown'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const cueSchema = z
  .strictObject({
    id: z.optional(text),
    fact: text,
    value: z.optional(z.union([z.string(), z.boolean()])),
    cap: z.optional(text),
    ignore: z.optional(z.literal(true)),
    negative: z.optional(z.boolean()),
    strength: z.int().check(z.gte(1), z.lte(3)),
    subject: z.optional(z.array(z.enum(SUBJECTS)).check(z.minLength(1))),
    negated: z.optional(z.enum(['default', 'drop'])),
    patterns: z.array(text).check(z.minLength(1)),
  })
  .check(
    z.superRefine((cue, ctx) => {
      const has = (cue.value !== undefined ? 1 : 0) + (cue.cap !== undefined ? 1 : 0) + (cue.ignore ? 1 : 0);
      if (has !== 1) {
        ctx.issues.push({
          code: 'custom',
          input: cue,
          path: [],
          message: has === 0 ? 'a cue needs a value (or a cap, or ignore: true)' : 'a cue takes one of value, cap or ignore',
          params: { expected: 'value: heard  or  cap: influence  or  ignore: true' },
        });
      }
    }),
  );

export const cueFileSchema = z.strictObject({
  agents: z.optional(
    z.strictObject({
      titles: z.optional(z.array(word)),
      modifiers: z.optional(z.array(word)),
      people: z.optional(z.array(word)),
      organisation: z.optional(z.array(word)),
    }),
  ),
  spellings: z.optional(z.record(z.string().check(z.regex(/^[a-z0-9'-]+$/)), z.string().check(z.regex(/^[a-z0-9'-]+$/)))),
  compounds: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)+$/, { error: 'a hyphenated word such as "peer-led"' })))),
  negators: z.optional(z.array(word)),
  negatorExceptions: z.optional(z.array(word)),
  negationStops: z.optional(z.array(word)),
  clauseBreaks: z.optional(z.array(word)),
  cues: z.optional(z.array(cueSchema)),
});

export type CueFile = z.infer<typeof cueFileSchema>;
export type CueSpec = z.infer<typeof cueSchema>;
