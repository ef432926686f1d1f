// IAP2 and Hart: every level of IAP2; every say × initiated_by on Hart, whose top rungs
// depend on who started it; Hart's own fact; a user's ladder with an extra fact.
import { describe, expect, it } from 'vitest';
import { SAY_VALUES } from '../../src/model/facts-model.js';
import { InputError } from '../../src/input/problem.js';
import { assessOne, readYaml, registry, rungOf } from '../helpers/core.js';

describe('iap2', () => {
  const expected: Record<string, string> = {
    none: 'inform', taught: 'inform', told: 'inform', heard: 'consult', influence: 'involve', joint: 'collaborate', lead: 'empower', control: 'empower',
  };
  it.each(SAY_VALUES)('say %s', async (say) => {
    expect(rungOf(await assessOne({ say }, ['iap2']), 'iap2')).toBe(expected[say]);
  });

  it('each level carries its promise, in our own words', async () => {
    const l = await registry.get('iap2');
    expect(l.rungs.map((r) => r.id)).toEqual(['inform', 'consult', 'involve', 'collaborate', 'empower']);
    for (const r of l.rungs) expect(r.promise).toBeTruthy();
    // not IAP2's own sentences
    expect(l.rungs.map((r) => r.promise).join(' ')).not.toMatch(/We will keep you informed|We will implement what you decide/);
  });
});

describe('hart', () => {
  const byInitiator: Record<string, Record<string, string>> = {
    people: {
      none: 'manipulation', taught: 'decoration', told: 'decoration', heard: 'tokenism', influence: 'tokenism',
      joint: 'child-initiated-shared', lead: 'child-initiated-directed', control: 'child-initiated-directed',
    },
    organisation: {
      none: 'manipulation', taught: 'decoration', told: 'decoration', heard: 'tokenism', influence: 'tokenism',
      joint: 'adult-initiated-shared', lead: 'adult-initiated-shared', control: 'adult-initiated-shared',
    },
  };
  byInitiator.unknown = byInitiator.organisation!;

  for (const initiated of ['people', 'organisation', 'unknown']) {
    it.each(SAY_VALUES)(`initiated_by ${initiated}, say %s`, async (say) => {
      const fields: Record<string, unknown> = { say };
      if (initiated !== 'unknown') fields.initiated_by = initiated;
      const r = await assessOne(fields, ['hart']);
      expect(rungOf(r, 'hart')).toBe(byInitiator[initiated]![say]);
    });
  }

  it('child-initiated shared decisions sit above child-initiated and directed', async () => {
    const shared = await assessOne({ say: 'joint', initiated_by: 'people' }, ['hart']);
    const directed = await assessOne({ say: 'lead', initiated_by: 'people' }, ['hart']);
    expect(shared.placements.get('hart')!.index).toBe(8);
    expect(directed.placements.get('hart')!.index).toBe(7);
    expect(directed.next.get('hart')).toMatchObject({ rung: 'child-initiated-shared' });
  });

  it('an unknown initiator is placed on the adult-initiated rung and asked about', async () => {
    const r = await assessOne({ say: 'joint' }, ['hart']);
    expect(r.placements.get('hart')!.missing).toContain('initiated_by');
  });

  it("Hart's own fact: informed, chosen roles lift the middle rungs", async () => {
    expect(rungOf(await assessOne({ say: 'told', informed_role: true, voluntary: true }, ['hart']), 'hart')).toBe('assigned-but-informed');
    expect(rungOf(await assessOne({ say: 'heard', informed_role: true }, ['hart']), 'hart')).toBe('consulted-and-informed');
    expect(rungOf(await assessOne({ say: 'heard', informed_role: false }, ['hart']), 'hart')).toBe('tokenism');
  });

  it('extra facts are validated like any other field', async () => {
    try {
      await readYaml('- name: A\n  informed_role: maybe\n', ['hart']);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).diagnostics[0]).toMatchObject({ line: 2, field: '[0].informed_role', message: 'expected true or false, got "maybe"' });
    }
  });
});

describe("a user's own ladder", () => {
  it('the example council framework loads, with its extra fact', async () => {
    const l = await registry.get('examples/northshire-ladder.yaml');
    expect(l.id).toBe('northshire');
    expect(l.shipped).toBe(false);
    expect(l.extraFacts.map((f) => f.name)).toEqual(['paid']);
  });

  it('places activities by its own conditions', async () => {
    const ids = ['examples/northshire-ladder.yaml'];
    const on = async (fields: Record<string, unknown>) => rungOf(await assessOne(fields, ids), 'northshire');
    expect(await on({ say: 'heard' })).toBe('tell'); // before_decision unknown: not yet "ask"
    expect(await on({ say: 'heard', before_decision: true })).toBe('ask');
    expect(await on({ say: 'joint', before_decision: true })).toBe('ask'); // not paid
    expect(await on({ say: 'joint', before_decision: true, paid: true })).toBe('together');
    expect(await on({ say: 'lead' })).toBe('hand-over');
  });
});
