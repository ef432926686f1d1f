// End to end: the editor's schema (`coprod schema activities`, what yaml-language-server
// checks a log against) and the CLI accept and refuse the same logs.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { coprodInProcess } from '../helpers/in-process.js';
import { tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Validator {
  (data: unknown): boolean;
}
const require = createRequire(import.meta.url);
const Ajv = (require('ajv') as { default: new (options: object) => { compile(schema: object): Validator } }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: object) => void }).default;

const LOGS: Record<string, string> = {
  'a full, valid log': 'service: Oakwood\nladder: tlap\nactivities:\n  - name: A\n    date: 2026-03-14\n    say: heard\n    stages: [review]\n    participants: [residents]\n    before_decision: false\n',
  'a bare list': '- name: A\n  say: heard\n',
  'a UK date': 'activities:\n  - name: A\n    date: 14/03/2026\n',
  'a day the calendar lacks': 'activities:\n  - name: A\n    date: 2026-02-30\n',
  'a leap day': 'activities:\n  - name: A\n    date: 2028-02-29\n',
  'one stage, not a list': 'activities:\n  - name: A\n    stages: review\n',
  'a number as a name': 'activities:\n  - name: 2024\n',
  'participants as one text': 'activities:\n  - name: A\n    participants: residents\n',
  'a say that is not a value': 'activities:\n  - name: A\n    say: sharing\n',
  'an empty name': 'activities:\n  - name: ""\n',
  'a field of your own': 'activities:\n  - name: A\n    x-room: 4\n',
  'an unknown field': 'activities:\n  - name: A\n    colour: red\n',
  '"yes" for a yes/no fact': 'activities:\n  - name: A\n    before_decision: yes\n',
  'no activities': 'activities: []\n',
};

describe('the editor schema and the CLI agree', async () => {
  const schema = JSON.parse((await coprodInProcess(['schema', 'activities'], { cwd: tmp.dir })).stdout);
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it.each(Object.entries(LOGS))('%s', async (_what, text) => {
    const file = join(tmp.dir, 'log.yaml');
    writeFileSync(file, text);
    const cli = (await coprodInProcess(['map', file, '-f', 'json'], { cwd: tmp.dir })).code === 0;
    // yaml-language-server reads YAML 1.2: a date is text, as the CLI reads it
    expect(validate(parse(text))).toBe(cli);
  });
});
