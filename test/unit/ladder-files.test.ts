// Ladder files are validated data: located errors for bad facts, values, comparators
// and anything that looks like code; the shipped ladders all load.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/problem.js';
import { buildLadder } from '../../src/input/load-ladder.js';
import { parseYaml } from '../../src/input/yaml-source.js';
import { registry } from '../helpers/core.js';

const HEADER = `id: mine
name: My ladder
source: { title: T, organisation: O }
description: D
bands: [{ id: low, name: Low }, { id: high, name: High }]
`;

function ladderErrors(rungs: string) {
  const doc = parseYaml({ name: 'mine.yaml', path: null, text: `${HEADER}rungs:\n${rungs}` });
  try {
    buildLadder(doc, false);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected errors');
}

const rung = (id: string, when: string, band = 'low') =>
  `  - { id: ${id}, name: ${id}, band: ${band}, summary: s, description: d, advice: a, when: ${when} }\n`;

describe('shipped ladders', () => {
  it('all load, with rungs bottom first and a citation', async () => {
    const all = await registry.all();
    expect(all.map((l) => l.id)).toEqual(expect.arrayContaining(['tlap', 'logmycare', 'logmycare-6', 'arnstein']));
    for (const l of all) {
      expect(l.source.title.length).toBeGreaterThan(3);
      expect(l.source.organisation.length).toBeGreaterThan(3);
      expect(l.rungs[0]!.index).toBe(1);
      for (const r of l.rungs) expect(r.advice.length).toBeGreaterThan(20);
    }
  });

  it('Arnstein groups its rungs into the three bands', async () => {
    const a = await registry.get('arnstein');
    expect(a.rungs.map((r) => r.band.id)).toEqual([
      'nonparticipation', 'nonparticipation', 'tokenism', 'tokenism', 'tokenism', 'citizen-power', 'citizen-power', 'citizen-power',
    ]);
  });
});

describe('ladder validation', () => {
  it('a valid custom ladder loads', () => {
    const doc = parseYaml({ name: 'mine.yaml', path: null, text: `${HEADER}rungs:\n${rung('a', '{ fact: say, atLeast: none }')}${rung('b', '{ fact: say, atLeast: joint }', 'high')}` });
    expect(buildLadder(doc, false).rungs.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('an unknown fact suggests the nearest', () => {
    const [d] = ladderErrors(rung('a', '{ fact: sey, atLeast: none }') + rung('b', '{ fact: say, is: joint }'));
    expect(d).toMatchObject({ field: 'rungs[0].when.fact', line: 7 });
    expect(d!.help).toBe('did you mean "say"?');
  });

  it('an unknown value suggests the nearest (with synonyms)', () => {
    const [d] = ladderErrors(rung('a', '{ fact: say, atLeast: none }') + rung('b', '{ fact: say, atLeast: shared }'));
    expect(d!.field).toBe('rungs[1].when.atLeast');
    expect(d!.help).toBe('did you mean "joint"?');
  });

  it('a comparator that does not fit the fact is refused', () => {
    const [d] = ladderErrors(rung('a', '{ fact: say, atLeast: none }') + rung('b', '{ fact: stages, atLeast: design }'));
    expect(d!.message).toMatch(/does not apply to stages/);
  });

  it('a condition written as code is refused', () => {
    const [d] = ladderErrors(rung('a', '"say >= joint"') + rung('b', '{ fact: say, is: joint }'));
    expect(d!.field).toBe('rungs[0].when');
    expect(d!.message).toMatch(/expected a mapping/);
  });

  it('a condition with two tests is refused', () => {
    const [d] = ladderErrors(rung('a', '{ fact: say, atLeast: none, atMost: told }') + rung('b', '{ fact: say, is: joint }'));
    expect(d!.message).toMatch(/several tests/);
  });

  it('an unknown band is refused with a suggestion', () => {
    const [d] = ladderErrors(rung('a', '{ fact: say, atLeast: none }', 'hihg') + rung('b', '{ fact: say, is: joint }'));
    expect(d!.help).toBe('did you mean "high"?');
  });

  it('duplicate rung ids are refused', () => {
    const [d] = ladderErrors(rung('a', '{ fact: say, atLeast: none }') + rung('a', '{ fact: say, is: joint }'));
    expect(d!.message).toMatch(/listed twice/);
  });
});
