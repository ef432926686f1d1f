// A run works out each placement and next step once per "facts key": the key must tell
// apart any two sets of facts a ladder could tell apart, and a remembered next step must
// never reach an activity whose own target changes it.
import { describe, expect, it } from 'vitest';
import { factsKey, ladderFactNames } from '../../src/core/facts-key.js';
import type { FactValue } from '../../src/core/facts-model.js';
import { assess, mapLogs } from '../../src/core/map-log.js';
import { ladders, readYaml } from '../helpers/core.js';

const keyOf = (values: Record<string, FactValue | undefined>): string => factsKey(Object.keys(values), (name) => values[name]);

describe('facts key', () => {
  it('tells apart values that written plainly would read alike', () => {
    const pairs: Array<[Record<string, FactValue | undefined>, Record<string, FactValue | undefined>]> = [
      [{ a: ['x', 'y'] }, { a: ['x,y'] }],
      [{ a: ['xy'] }, { a: ['x', 'y'] }],
      [{ a: 'T' }, { a: true }],
      [{ a: '' }, { a: undefined }],
      [{ a: [] }, { a: undefined }],
      [{ a: 's1:x', b: undefined }, { a: 's', b: 'x' }],
      [{ a: 'true' }, { a: true }],
      [{ a: false }, { a: 'F' }],
    ];
    for (const [x, y] of pairs) expect(keyOf(x)).not.toBe(keyOf(y));
    expect(keyOf({ a: ['x', 'y'], b: true })).toBe(keyOf({ a: ['x', 'y'], b: true }));
  });

  it("covers every fact a ladder's rungs read, and the facts of the every-ladder rules", async () => {
    const [tlap, paid] = await ladders('tlap', `${import.meta.dirname}/../fixtures/paid-roles.yaml`);
    expect(ladderFactNames(tlap!)).toEqual(expect.arrayContaining(['say', 'before_decision', 'voluntary', 'stages']));
    expect(ladderFactNames(paid!)).toContain('paid_role');
  });
});

describe('remembered placements and next steps', () => {
  it('match what each activity gives on its own, with and without a target', async () => {
    const log = await readYaml(
      'activities:\n' +
        '  - { name: A, say: joint, stages: [design] }\n' +
        '  - { name: B, say: joint, stages: [design], target: co-design }\n' +
        '  - { name: C, say: joint, stages: [design] }\n' +
        '  - { name: D, say: joint, before_decision: false }\n' +
        '  - { name: E, say: lead, before_decision: false }\n' +
        '  - { name: F, say: told, voluntary: false, stages: [design] }\n' +
        '  - { name: G, say: joint, stages: [design, delivery] }\n' +
        '  - { name: H, say: heard, claimed: co-production }\n' +
        '  - { name: I, say: heard, claimed: co-production }\n' +
        '  - { name: J, say: heard, claimed: co-design }\n' +
        '  - { name: K, say: heard, claimed: arnstein:citizen-control }\n' +
        '  - { name: L, say: told, claimed: co-production }\n',
    );
    const ls = await ladders('tlap', 'arnstein');
    const together = mapLogs([log], ls).results;
    const alone = log.activities.map((a) => assess(a, ls));
    for (let i = 0; i < alone.length; i++) {
      expect(together[i]!.placements).toEqual(alone[i]!.placements);
      expect(together[i]!.next).toEqual(alone[i]!.next);
      expect(together[i]!.flags).toEqual(alone[i]!.flags);
    }
    // the same facts, claims of different rungs: each overclaim names its own rung's steps
    expect(together[9]!.flags[0]!.action).not.toBe(together[8]!.flags[0]!.action);
    // the same facts and claim: one overclaim flag; other facts, the same claim: its own
    expect(together[8]!.flags[0]).toBe(together[7]!.flags[0]);
    expect(together[11]!.flags[0]!.message).toBe('claimed co-production (tlap) but the evidence places it at informing');
    expect(together[7]!.flags[0]!.message).toBe('claimed co-production (tlap) but the evidence places it at consultation');
    // B has reached its own target, A and C (the same facts) have not been told so
    expect(together[1]!.next.get('tlap')!.status).toBe('target-reached');
    expect(together[2]!.next.get('tlap')!.status).toBe('climb');
    // the same facts: one placement, worked out once
    expect(together[2]!.placements.get('tlap')).toBe(together[0]!.placements.get('tlap'));
  });
});
