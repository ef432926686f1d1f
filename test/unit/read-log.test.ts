// Reading and validating activity files: located errors, all of them, with "did you mean".
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/input/problem.js';
import { readYaml } from '../helpers/core.js';

async function errorsOf(text: string): Promise<Diagnostic[]> {
  try {
    await readYaml(text);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('valid files', () => {
  it('reads a mapping with activities and derives ids', async () => {
    const log = await readYaml('service: Home\nladder: tlap\nactivities:\n  - name: Menu survey\n    say: heard\n  - name: Menu survey\n');
    expect(log.service).toBe('Home');
    expect(log.ladder).toBe('tlap');
    expect(log.activities.map((a) => a.id)).toEqual(['menu-survey', 'menu-survey-2']);
    expect(log.activities[0]!.source).toEqual({ file: 'test.yaml', line: 4, column: 5 });
    expect(log.activities[0]!.declared.get('say')).toBe('heard');
  });

  it('reads a bare list', async () => {
    const log = await readYaml('- name: A\n- name: B\n  say: joint\n');
    expect(log.activities).toHaveLength(2);
    expect(log.activities[1]!.source.line).toBe(2);
  });

  it('keeps x- fields and passes them through', async () => {
    const log = await readYaml('x-owner: quality team\nactivities:\n  - name: A\n    x-team: north\n');
    expect(log.extensions).toEqual({ 'x-owner': 'quality team' });
    expect(log.activities[0]!.extensions).toEqual({ 'x-team': 'north' });
  });

  it('reads kindly: a single method, a numeric name, flow style, CRLF and a BOM', async () => {
    const log = await readYaml('\ufeffactivities:\r\n  - {name: 2024, methods: survey, say: heard}\r\n');
    expect(log.activities[0]!.name).toBe('2024');
    expect(log.activities[0]!.methods).toEqual(['survey']);
  });

  it('resolves claimed rungs on other ladders', async () => {
    const log = await readYaml('activities:\n  - name: A\n    say: heard\n    claimed: arnstein:placation\n    target: Consultation\n');
    expect(log.activities[0]!.claimed!.ladder.id).toBe('arnstein');
    expect(log.activities[0]!.claimed!.rung.id).toBe('placation');
    expect(log.activities[0]!.target!.rung.id).toBe('consultation');
  });
});

describe('errors', () => {
  it('say: shared suggests joint, at the value', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n    say: shared\n');
    expect(d).toMatchObject({ file: 'test.yaml', line: 3, column: 10, field: 'activities[0].say' });
    expect(d!.help).toBe('did you mean "joint"?');
    expect(d!.expected).toContain('influence');
  });

  it('descripion suggests description, at the key', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n    descripion: x\n');
    expect(d).toMatchObject({ line: 3, column: 5, field: 'activities[0].descripion' });
    expect(d!.help).toBe('did you mean "description"?');
  });

  it('reports every error in the file, in order', async () => {
    const ds = await errorsOf('activities:\n  - name: A\n    say: shred\n    stages: [desgn]\n  - name: B\n    voluntary: yes\n    level: strategy\n');
    expect(ds.map((d) => `${d.line}:${d.field}`)).toEqual([
      '3:activities[0].say',
      '4:activities[0].stages[0]',
      '6:activities[1].voluntary',
      '7:activities[1].level',
    ]);
    expect(ds[2]!.help).toBe('did you mean true?');
    expect(ds[3]!.help).toBe('did you mean "strategic"?');
  });

  it('a duplicate id points at the second one', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n    id: x\n  - name: B\n    id: x\n');
    expect(d).toMatchObject({ line: 5, column: 9, field: 'activities[1].id' });
    expect(d!.message).toContain('duplicate id');
    expect(d!.help).toContain('line 2');
  });

  it('a missing name is reported at the activity', async () => {
    const [d] = await errorsOf('activities:\n  - say: heard\n');
    expect(d).toMatchObject({ line: 2, column: 5, field: 'activities[0].name' });
    expect(d!.message).toBe('missing required field "name"');
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing yet\n'],
    ['an empty list', '[]\n'],
    ['activities with an empty list', 'activities: []\n'],
    ['activities with nothing', 'activities:\n'],
  ])('%s is an error', async (_label, text) => {
    const [d] = await errorsOf(text);
    expect(d!.message).toMatch(/no activities/);
  });

  it('a scalar file is an error', async () => {
    const [d] = await errorsOf('hello\n');
    expect(d!.message).toMatch(/not an involvement log/);
    expect(d!.message).not.toContain('hello');
    expect(d!.expected).toMatch(/a list of activities/);
  });

  it('an unknown rung in claimed suggests the nearest', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n    claimed: coproduction\n');
    expect(d).toMatchObject({ line: 3, field: 'activities[0].claimed' });
    expect(d!.help).toBe('did you mean "co-production"?');
  });

  it('an unknown ladder prefix in a rung name is an error', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n    target: tlapp:consultation\n');
    expect(d!.message).toMatch(/unknown ladder "tlapp"/);
    expect(d!.help).toMatch(/did you mean "tlap"/);
  });

  it('an invalid date says what is expected', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n    date: 2026-02-30\n');
    expect(d!.message).toMatch(/not a real date/);
    expect(d!.expected).toMatch(/YYYY-MM-DD|2026-03-14/);
  });

  it('invalid YAML gives a located syntax error', async () => {
    const [d] = await errorsOf('activities:\n  - name: A\n   say: heard\n');
    expect(d!.message).toMatch(/invalid YAML/);
    expect(d!.line).toBe(3);
  });

  it('a long value is quoted cut short', async () => {
    const [d] = await errorsOf(`activities:\n  - name: A\n    say: ${'x'.repeat(500)}\n`);
    expect(d!.message.length).toBeLessThan(120);
    expect(d!.message).toContain('…');
  });

  it('an unknown top-level key suggests activities', async () => {
    const [d] = await errorsOf('activites:\n  - name: A\nactivities:\n  - name: B\n');
    expect(d!.help).toBe('did you mean "activities"?');
    expect(d!.line).toBe(1);
  });

  it('a big log (checked by the compiled schema) gives the same located errors as a small one', async () => {
    const item = (i: number, extra = ''): string => `  - name: Meeting ${i}\n    date: 2026-01-0${(i % 9) + 1}\n    say: heard\n${extra}`;
    const broken = (count: number): string => {
      const items = Array.from({ length: count }, (_, i) => item(i));
      items[1] = item(1, '    say: shred\n'.replace('say', 'level'));
      items[count - 2] = item(count - 2, '    descripion: x\n');
      items[count - 1] = `  - name: Last\n    date: 2026-02-30\n`;
      return `activities:\n${items.join('')}`;
    };
    const shape = (ds: Diagnostic[], count: number): string[] => ds.map((d) => `${d.line - (d.line > 20 ? count * 3 : 0)}:${d.column}:${d.field.replace(String(count - 2), 'N-2').replace(String(count - 1), 'N-1')}:${d.help ?? ''}`);
    const small = await errorsOf(broken(10));
    const big = await errorsOf(broken(1500));
    expect(small).toHaveLength(3);
    expect(shape(big, 1500)).toEqual(shape(small, 10));
    // three lines an item, two items with a fourth, and the date on the last item's second line
    expect(big[2]).toMatchObject({ line: 1 + 1499 * 3 + 2 + 2, column: 11, field: 'activities[1499].date' });
  });

  describe('a big log (each activity checked and built in turn) reads as a small one does', () => {
    // every field the big-log path reads from the file itself, with texts to trim, in turn
    const variants = [
      '    participants: [" residents ", carers]\n    methods: focus-group\n    say: heard\n    claimed: consultation\n',
      '    id: "  own-id-ID  "\n    description: "  Residents co-designed it.  "\n    evidence: [" minutes.pdf ", notes]\n    stages: [design, delivery]\n',
      '    description: Told by letter.\n    support: { expenses_paid: false, notice_days: 3 }\n    before_decision: false\n    x-team: north\n',
      '    level: strategic\n    initiated_by: people\n    feedback_given: true\n    voluntary: true\n    target: " co-design "\n    participant_view: informing\n',
      '    description: "   "\n    participants: residents\n    methods: [" survey"]\n',
    ];
    const item = (i: number): string =>
      `  - name: "  Meeting ${i % 7}  "\n    date: 2026-01-0${(i % 9) + 1}\n${variants[i % variants.length]!.replace('own-id', `own-${i}`)}`;
    const log = (count: number, head = 'service: "  Home  "\nladder: tlap\n'): string => `${head}activities:\n${Array.from({ length: count }, (_, i) => item(i)).join('')}`;

    it('the same activities, ids, positions and file fields', async () => {
      const small = await readYaml(log(20));
      const big = await readYaml(log(600));
      expect(big.activities).toHaveLength(600);
      expect(big.activities.slice(0, 20)).toEqual(small.activities);
      // derived ids count the earlier activities of the same name without an id of their own
      const sameName = Array.from({ length: 600 }, (_, i) => i).filter((i) => i % 7 === 599 % 7 && i % variants.length !== 1);
      expect(big.activities[599]!.id).toBe(`meeting-${599 % 7}-${sameName.length}`);
      expect([big.service, big.ladder]).toEqual(['Home', 'tlap']);
      expect(big.activities[0]).toMatchObject({ name: 'Meeting 0', participants: ['residents', 'carers'], methods: ['focus-group'] });
      expect(big.activities[1]).toMatchObject({ id: 'own-1-ID', description: 'Residents co-designed it.', evidence: ['minutes.pdf', 'notes'] });
      expect(big.activities[4]!.description).toBeUndefined();
      expect(big.activities[2]!.extensions).toEqual({ 'x-team': 'north' });
    });

    it('a problem with the file itself or with an id is reported as in a small log', async () => {
      const shape = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.line}:${d.column}:${d.field}:${d.message}`);
      for (const head of ['servise: Home\n', 'service: ""\n', 'ladder: [tlap]\n']) {
        expect(shape(await errorsOf(log(600, head)))).toEqual(shape(await errorsOf(log(20, head))));
      }
      const duplicate = (count: number): string => log(count).replace('  - name: "  Meeting 2  "\n', '  - name: "  Meeting 2  "\n    id: meeting-0\n').replace('  - name: "  Meeting 0  "\n', '  - name: "  Meeting 0  "\n    id: meeting-0\n');
      const [d] = await errorsOf(duplicate(600));
      expect(d).toMatchObject({ field: 'activities[2].id', message: 'duplicate id "meeting-0"' });
      expect(shape(await errorsOf(duplicate(600)))).toEqual(shape(await errorsOf(duplicate(20))));
    });
  });
});
