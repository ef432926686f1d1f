// Validates SARIF against the official 2.1.0 JSON Schema (the final rtm.5 schema, as
// shipped in Microsoft's @microsoft/jest-sarif package), with ajv for JSON Schema draft 4 and its URI formats.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// CommonJS packages, loaded as CommonJS
interface Validator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}
const Ajv = (require('ajv-draft-04') as { default: new (options: object) => { compile(schema: object): Validator } }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: object) => void }).default;
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// the schema's own language-tag pattern is not valid as a Unicode regular expression
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a SARIF log, as "path: message" lines; none when it is valid. */
export function sarifProblems(sarif: unknown): string[] {
  if (validate(sarif)) return [];
  return (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'}: ${e.message}`);
}
