/**
 * JSON Schemas for editors (yaml-language-server), generated from the same schemas
 * that validate files, with the facts model's questions as field descriptions.
 */
import * as z from 'zod/mini';
import { configSchema } from './config-schema.js';
import { ladderSchema } from './ladder-schema.js';
import { buildActivitySchema, LIST_FIELDS, TEXT_FIELDS } from './activity-schema.js';
import { frameworkSchema } from './framework-schema.js';
import { cueFileSchema } from './cue-schema.js';
import { CORE_FACTS } from '../model/facts-model.js';

export const SCHEMA_KINDS = ['activities', 'ladder', 'config', 'cues', 'framework'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

type Json = Record<string, unknown>;

const FIELD_DOCS: Record<string, string> = {
  name: 'Short name of the activity (required).',
  id: 'Unique id in this file; derived from the name if absent.',
  date: 'When it happened, as YYYY-MM-DD (used for trends).',
  description: 'Free text, e.g. from meeting notes.',
  participants: 'Who took part (free text), e.g. [residents, families].',
  methods: 'How, e.g. [survey, working-group].',
  target: 'The rung chosen as right for this activity ("rung" or "ladder:rung").',
  claimed: 'The rung the service says it reached ("rung" or "ladder:rung").',
  participant_view: 'The rung the participants themselves would give it.',
  support: 'What made taking part possible.',
  evidence: 'Files or links that show what happened.',
  service: 'Whose log this is.',
  ladder: 'Default ladder for this file: the id of a shipped ladder (`coprod ladders` lists them all) or a path.',
  activities: 'The activities, one entry each.',
};

function describeFacts(props: Json): void {
  for (const fact of CORE_FACTS) {
    const p = props[fact.name] as Json | undefined;
    if (p) p.description = `${fact.question} ${Object.values(fact.options).join('; ')}`;
  }
  for (const [name, text] of Object.entries(FIELD_DOCS)) {
    const p = props[name] as Json | undefined;
    if (p && !p.description) p.description = text;
  }
}

/**
 * What read-log.ts accepts before validating, so the editor and the CLI agree: a number
 * or true/false as free text, one value for a list, and a date the calendar has (the
 * refinement of the zod schema does not reach JSON Schema by itself).
 */
function acceptAsTheLogReader(props: Json): void {
  for (const name of TEXT_FIELDS) {
    const p = props[name] as Json | undefined;
    if (p) props[name] = { description: p.description, anyOf: [strip(p), { type: 'number' }, { type: 'boolean' }] };
  }
  for (const name of LIST_FIELDS) {
    const p = props[name] as Json | undefined;
    if (p?.items) props[name] = { description: p.description, anyOf: [strip(p), p.items] };
  }
  const date = props.date as Json | undefined;
  if (date) Object.assign(date, { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date' });
}

/** A property's schema without its description (kept once, on the field). */
function strip(p: Json): Json {
  const { description: _description, ...rest } = p;
  return rest;
}

/** Walks a generated schema and lets `x-` fields through on activities and the file root. */
function allowExtensions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(allowExtensions);
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Json;
  const props = obj.properties as Json | undefined;
  if (props && obj.additionalProperties === false && ('name' in props || 'activities' in props)) {
    obj.patternProperties = { '^x-': {} };
    describeFacts(props);
    if ('name' in props) acceptAsTheLogReader(props);
  }
  for (const value of Object.values(obj)) allowExtensions(value);
}

export function jsonSchema(kind: SchemaKind): Json {
  const options = { target: 'draft-7' as const, io: 'input' as const };
  const log = buildActivitySchema();
  const kinds: Record<SchemaKind, [z.ZodMiniType, string]> = {
    activities: [z.union([log.file, log.activities]), 'coprod involvement log'],
    ladder: [ladderSchema, 'coprod ladder'],
    config: [configSchema, 'coprod.config.yaml'],
    cues: [cueFileSchema, 'coprod inference cues'],
    framework: [frameworkSchema, 'coprod framework'],
  };
  const [source, title] = kinds[kind];
  const schema = z.toJSONSchema(source, options) as Json;
  if (kind === 'activities') allowExtensions(schema);
  const { $schema, ...rest } = schema;
  return { $schema, title, ...rest };
}
