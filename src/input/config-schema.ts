/**
 * The `coprod.config.yaml` format (PRODUCT.md §5): default ladder, the user's own
 * ladder files, cue files, and the CI policy. Also the source of `coprod schema config`.
 */
import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1));
const SEVERITIES = ['error', 'warn', 'off'] as const;
const severity = z.enum(SEVERITIES);
export type Severity = (typeof SEVERITIES)[number];

const maxShare = z.strictObject({
  band: text,
  share: z.number().check(z.gte(0), z.lte(1)),
  severity: z.optional(severity),
});

const policySchema = z.strictObject({
  'min-rung': z.optional(text),
  'min-rung-by-level': z.optional(
    z.strictObject({
      individual: z.optional(text),
      service: z.optional(text),
      strategic: z.optional(text),
    }),
  ),
  'min-rung-severity': z.optional(severity),
  overclaim: z.optional(severity),
  unclassified: z.optional(severity),
  'after-decision': z.optional(severity),
  'feedback-missing': z.optional(severity),
  'evidence-missing': z.optional(severity),
  'perception-gap': z.optional(severity),
  'no-support': z.optional(severity),
  contradiction: z.optional(severity),
  'not-involved': z.optional(severity),
  'max-share': z.optional(z.union([maxShare, z.array(maxShare)])),
  'max-warnings': z.optional(z.int().check(z.gte(-1))),
});

export const configSchema = z.strictObject({
  ladder: z.optional(z.union([text, z.array(text)])),
  ladders: z.optional(z.array(text)),
  cues: z.optional(z.union([text, z.array(text)])),
  /** Frameworks the report gives evidence against: shipped ids, or paths relative to the config. */
  frameworks: z.optional(z.union([text, z.array(text)])),
  policy: z.optional(policySchema),
});

export type ConfigFile = z.infer<typeof configSchema>;
export type PolicyFile = z.infer<typeof policySchema>;
