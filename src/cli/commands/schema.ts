/** `coprod schema [activities|ladder|config|cues|framework]`: prints the JSON Schema for editor completion. */
import { jsonSchema, SCHEMA_KINDS } from '../../input/json-schemas.js';
import { emit } from '../output.js';
import type { Io } from '../io.js';
import { checkChoice, type CommonOptions } from '../options.js';

export async function schemaCommand(kind: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  const which = checkChoice(kind, SCHEMA_KINDS, 'activities', 'schema');
  await emit(`${JSON.stringify(jsonSchema(which), null, 2)}\n`, options, io, []);
  return 0;
}
