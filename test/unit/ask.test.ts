// `coprod ask` in-process: which questions are asked (and which skipped), extra facts
// of a ladder, and appending to logs of every shape.
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendEntry } from '../../src/ask/append.js';
import type { Io } from '../../src/cli/io.js';
import type { Choice, Prompter } from '../../src/cli/prompter.js';
import { askCommand } from '../../src/cli/commands/ask.js';
import { ROOT } from '../helpers/cli.js';

function fakeIo(): { io: Io; out: () => string } {
  let out = '';
  const sink = new Writable({ write(chunk, _e, cb) { out += String(chunk); cb(); } });
  const stdin = Object.assign(Readable.from([]), { isTTY: true });
  return {
    io: { stdout: Object.assign(sink, { isTTY: false }), stderr: new Writable({ write(_c, _e, cb) { cb(); } }), stdin, env: {}, cwd: ROOT },
    out: () => out,
  };
}

/** A prompter that answers from a table keyed by words of the question, and records what was asked. */
function scripted(answers: Array<[RegExp, string | string[]]>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const pick = (message: string): string | string[] => {
    asked.push(message);
    const found = answers.find(([re]) => re.test(message));
    if (!found) throw new Error(`unexpected question: ${message}`);
    return found[1];
  };
  return {
    asked,
    prompter: {
      input: async (m) => pick(m) as string,
      select: async (m, choices: Choice[]) => {
        const v = pick(m) as string;
        if (!choices.some((c) => c.value === v)) throw new Error(`${v} is not a choice of ${m}`);
        return v;
      },
      checkbox: async (m) => pick(m) as string[],
    },
  };
}

describe('which questions are asked', () => {
  it('views sought: asks what people said, what was done and when they were told, and records it as the outcome', async () => {
    const { io, out } = fakeIo();
    const { prompter, asked } = scripted([
      [/Name/, 'Menu panel'],
      [/what happened/, ''],
      [/When did it happen/, '2026-03-14'],
      [/Who took part/, 'residents'],
      [/level/, 'service'],
      [/What say/, 'heard'],
      [/before the decision/, 'true'],
      [/stages/, []],
      [/choose to take part/, 'true'],
      [/Who started it/, 'organisation'],
      [/people say or ask for/, 'Lighter suppers'],
      [/do about it/, 'Soup at 6pm'],
      [/When were people told/, '2026-04-02'],
    ]);
    expect(await askCommand({ quiet: true }, io, async () => prompter)).toBe(0);
    // the yes/no question is not asked: the outcome answers it
    expect(asked.some((q) => /told how their input/.test(q))).toBe(false);
    expect(out()).not.toMatch(/feedback-missing/);
  });

  it('"told" asks whether it was voluntary, but not stages or the decision', async () => {
    const { io, out } = fakeIo();
    const { prompter, asked } = scripted([
      [/Name/, 'Fire talk'],
      [/what happened/, ''],
      [/When did it happen/, ''],
      [/Who took part/, ''],
      [/level/, 'service'],
      [/What say/, 'told'],
      [/choose to take part/, 'false'],
    ]);
    expect(await askCommand({ quiet: true }, io, async () => prompter)).toBe(0);
    expect(asked.some((q) => /stages/.test(q))).toBe(false);
    expect(asked.some((q) => /before the decision/.test(q))).toBe(false);
    expect(out()).toMatch(/Coercion/);
  });

  it('"not sure" about say asks nothing that could not change the answer', async () => {
    const { io, out } = fakeIo();
    const { prompter, asked } = scripted([
      [/Name/, 'Team meeting'],
      [/what happened/, ''],
      [/When did it happen/, ''],
      [/Who took part/, ''],
      [/level/, 'service'],
      [/What say/, '__not_sure__'],
      [/before the decision/, '__not_sure__'],
    ]);
    await askCommand({ quiet: true }, io, async () => prompter);
    expect(asked.some((q) => /stages/.test(q))).toBe(false);
    expect(out()).toMatch(/unclassified/);
    expect(out()).toMatch(/To place it, answer:/);
  });

  it('a ladder with an extra fact asks its question too', async () => {
    const { io, out } = fakeIo();
    const { prompter, asked } = scripted([
      [/Name/, 'Peer trainers'],
      [/what happened/, ''],
      [/When did it happen/, ''],
      [/Who took part/, ''],
      [/level/, 'service'],
      [/What say/, 'joint'],
      [/before the decision/, 'true'],
      [/stages/, ['design', 'delivery']],
      [/people say or ask for/, ''],
      [/told how their input/, 'true'],
      [/paid for their time/, 'true'],
    ]);
    await askCommand({ quiet: true, ladder: ['test/fixtures/paid-roles.yaml'] }, io, async () => prompter);
    expect(asked.some((q) => /paid for their time/.test(q))).toBe(true);
    expect(out()).toMatch(/Paid partner/);
  });
});

describe('hart in coprod ask', () => {
  it("asks Hart's own question and who started it", async () => {
    const { io, out } = fakeIo();
    const { prompter, asked } = scripted([
      [/Name/, 'Youth forum'],
      [/what happened/, ''],
      [/When did it happen/, ''],
      [/Who took part/, ''],
      [/level/, 'service'],
      [/What say/, 'joint'],
      [/before the decision/, 'true'],
      [/choose to take part/, 'true'],
      [/Who started it/, 'people'],
      [/people say or ask for/, ''],
      [/told how their input/, 'true'],
      [/children understand/, 'true'],
    ]);
    await askCommand({ quiet: true, ladder: ['hart'] }, io, async () => prompter);
    expect(asked.some((q) => /Who started it/.test(q))).toBe(true);
    expect(out().replace(/\s+/g, ' ')).toMatch(/Child-initiated, shared decisions with adults/);
  });
});

describe('appendEntry', () => {
  const entry = { name: 'New one', say: 'heard', stages: ['design'] };
  const template = '# starter\nservice: x\nactivities:\n  - name: Example\n';

  it('a bare list', () => {
    const r = appendEntry('# mine\n- name: A\n', entry, template);
    expect(r.text).toBe('# mine\n- name: A\n- name: New one\n  id: new-one\n  say: heard\n  stages: [design]\n');
  });

  it('a file without a final newline', () => {
    const r = appendEntry('activities:\n  - name: A', entry, template);
    expect(parse(r.text).activities).toHaveLength(2);
    expect(r.text.startsWith('activities:\n  - name: A\n')).toBe(true);
  });

  it('a flow-style list falls back to the Document API', () => {
    const r = appendEntry('activities: [{name: A}]\n', entry, template);
    expect(parse(r.text).activities.map((a: { name: string }) => a.name)).toEqual(['A', 'New one']);
  });

  it('a mapping without activities gains the list; an empty activities key gets one', () => {
    expect(parse(appendEntry('service: x # keep\n', entry, template).text)).toMatchObject({ service: 'x', activities: [{ name: 'New one' }] });
    expect(parse(appendEntry('activities:\nservice: x\n', entry, template).text)).toMatchObject({ service: 'x', activities: [{ name: 'New one' }] });
  });

  it('an id clash gets a suffix, counting derived ids', () => {
    const r = appendEntry('- name: New one\n- name: New one\n', entry, template);
    expect(r.id).toBe('new-one-3');
    expect(r.renamedFrom).toBe('new-one');
  });

  it('a new log keeps the template header, without its examples', () => {
    const r = appendEntry(undefined, entry, template);
    expect(r.text).toBe('# starter\nservice: x\nactivities:\n  - name: New one\n    id: new-one\n    say: heard\n    stages: [design]\n');
  });
});
