/**
 * The cue file format (docs/inference.md): the vocabulary a clause is read with (agents,
 * spellings, compounds, negation and intent words), the labels that are claims, and the
 * cues themselves: each an id, what it reads (a fact's value, a cap, a claim, a change the
 * organisation made, or words to ignore), its strength, who must have acted, its
 * patterns, the examples it must and must not match, and how often it was right on text
 * nobody tuned on. Also the source of `coprod schema cues`.
 */
import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1));
const word = z.string().check(z.trim(), z.regex(/^[a-z0-9' -]+$/i, { error: 'letters, digits, apostrophes, hyphens and spaces only' }));

const SUBJECTS = ['people', 'organisation', 'both', 'unknown'] as const;
export type Subject = (typeof SUBJECTS)[number];

const SAY_NAMES = ['none', 'taught', 'told', 'heard', 'influence', 'joint', 'lead', 'control'] as const;
const STAGE_NAMES = ['strategy', 'design', 'delivery', 'review'] as const;

const cueSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'lower case letters, digits and hyphens, e.g. "asked-for-views"' })),
    fact: text,
    value: z.optional(z.union([z.string(), z.boolean()])),
    cap: z.optional(z.enum(SAY_NAMES)),
    ignore: z.optional(z.literal(true)),
    response: z.optional(z.literal(true)),
    negative: z.optional(z.boolean()),
    strength: z.int().check(z.gte(1), z.lte(3)),
    subject: z.optional(z.array(z.enum(SUBJECTS)).check(z.minLength(1))),
    negated: z.optional(z.enum(['default', 'drop'])),
    patterns: z.array(text).check(z.minLength(1)),
    examples: z.strictObject({
      match: z.array(text).check(z.minLength(1)),
      nomatch: z.array(text).check(z.minLength(1)),
    }),
    measured: z.optional(z.strictObject({ right: z.int().check(z.gte(0)), of: z.int().check(z.gte(0)), high: z.optional(z.int().check(z.gte(0))) })),
  })
  .check(
    z.superRefine((cue, ctx) => {
      const has = (cue.value !== undefined ? 1 : 0) + (cue.cap !== undefined ? 1 : 0) + (cue.ignore ? 1 : 0) + (cue.response ? 1 : 0);
      if (has !== 1) {
        ctx.issues.push({
          code: 'custom',
          input: cue,
          path: [],
          message: has === 0 ? 'a cue needs a value (or a cap, response: true or ignore: true)' : 'a cue takes one of value, cap, response or ignore',
          params: { expected: 'value: heard  or  cap: influence  or  response: true  or  ignore: true' },
        });
      }
    }),
  );

const claimSchema = z.strictObject({
  say: z.enum(SAY_NAMES),
  stages: z.optional(z.array(z.enum(STAGE_NAMES))),
});

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
  /** Patterns that make what follows them in a clause a hope, a plan or an offer, not something done. */
  intent: z.optional(z.array(text)),
  /** Patterns after which a clause reports what people said ("the main themes were …"): what follows says nothing of what was done. */
  reported: z.optional(z.array(text)),
  /** Patterns that tie a change to the views it answers ("as a result", "four of them"). */
  answers: z.optional(z.array(text)),
  /** Headings that tie the change after them to the views before ("You said: … We did: …"). */
  answerHeadings: z.optional(z.array(text)),
  /** What a label claims (`co-production`: say joint, from design to delivery). */
  claims: z.optional(z.record(z.string().check(z.regex(/^[a-z0-9-]+$/)), claimSchema)),
  cues: z.optional(z.array(cueSchema)),
});

export type CueFile = z.infer<typeof cueFileSchema>;
export type Claim = z.infer<typeof claimSchema>;
