// Every `say` value on every shipped ladder, as PRODUCT.md §3 maps them, plus the two
// every-ladder rules and TLAP's co-design / co-production rule.
import { describe, expect, it } from 'vitest';
import { SAY_VALUES } from '../../src/model/facts-model.js';
import { assessOne, rungOf } from '../helpers/core.js';

const TABLE: Record<string, Record<string, string>> = {
  none: { tlap: 'coercion', logmycare: 'informing', 'logmycare-6': 'informing', arnstein: 'manipulation' },
  taught: { tlap: 'educating', logmycare: 'informing', 'logmycare-6': 'informing', arnstein: 'therapy' },
  told: { tlap: 'informing', logmycare: 'informing', 'logmycare-6': 'informing', arnstein: 'informing' },
  heard: { tlap: 'consultation', logmycare: 'consulting', 'logmycare-6': 'consulting', arnstein: 'consultation' },
  influence: { tlap: 'engagement', logmycare: 'engaging', 'logmycare-6': 'engaging', arnstein: 'placation' },
  joint: { tlap: 'co-design', logmycare: 'collaborating', 'logmycare-6': 'collaborating', arnstein: 'partnership' },
  lead: { tlap: 'co-design', logmycare: 'empowering', 'logmycare-6': 'empowering', arnstein: 'delegated-power' },
  control: { tlap: 'co-design', logmycare: 'empowering', 'logmycare-6': 'ownership', arnstein: 'citizen-control' },
};
const LADDERS = ['tlap', 'logmycare', 'logmycare-6', 'arnstein'];

describe('the contract table (say only)', () => {
  for (const say of SAY_VALUES) {
    it(`say: ${say}`, async () => {
      const result = await assessOne({ say }, LADDERS);
      for (const ladder of LADDERS) expect(`${ladder}:${rungOf(result, ladder)}`).toBe(`${ladder}:${TABLE[say]![ladder]}`);
    });
  }

  it('index counts from 1 at the bottom rung', async () => {
    const result = await assessOne({ say: 'none' }, LADDERS);
    for (const ladder of LADDERS) expect(result.placements.get(ladder)!.index).toBe(1);
    const top = await assessOne({ say: 'control' }, ['arnstein', 'logmycare-6']);
    expect(top.placements.get('arnstein')!.index).toBe(8);
    expect(top.placements.get('logmycare-6')!.index).toBe(6);
  });
});

describe('TLAP co-production rule', () => {
  it.each(['joint', 'lead', 'control'])('say %s with design and delivery is co-production', async (say) => {
    expect(rungOf(await assessOne({ say, stages: ['design', 'delivery'] }))).toBe('co-production');
  });

  it('design without delivery is co-design (not seen through)', async () => {
    expect(rungOf(await assessOne({ say: 'joint', stages: ['design', 'review'] }))).toBe('co-design');
  });

  it('delivery without design is co-design', async () => {
    expect(rungOf(await assessOne({ say: 'lead', stages: ['delivery'] }))).toBe('co-design');
  });

  it('a strategic activity also needs strategy', async () => {
    expect(rungOf(await assessOne({ say: 'joint', level: 'strategic', stages: ['design', 'delivery'] }))).toBe('co-design');
    expect(rungOf(await assessOne({ say: 'joint', level: 'strategic', stages: ['strategy', 'design', 'delivery'] }))).toBe('co-production');
  });

  it('individual level needs no strategy', async () => {
    expect(rungOf(await assessOne({ say: 'joint', level: 'individual', stages: ['design', 'delivery'] }))).toBe('co-production');
  });

  it('all stages but only influence stays at engagement', async () => {
    expect(rungOf(await assessOne({ say: 'influence', stages: ['strategy', 'design', 'delivery', 'review'] }))).toBe('engagement');
  });

  it('other ladders ignore stages', async () => {
    const r = await assessOne({ say: 'joint', stages: ['design', 'delivery'] }, LADDERS);
    expect(rungOf(r, 'arnstein')).toBe('partnership');
    expect(rungOf(r, 'logmycare')).toBe('collaborating');
  });
});

describe('rule: before_decision false caps say at heard', () => {
  for (const say of ['influence', 'joint', 'lead', 'control']) {
    it(`say ${say} after the decision`, async () => {
      const r = await assessOne({ say, before_decision: false, stages: ['design', 'delivery'] }, LADDERS);
      for (const ladder of LADDERS) expect(rungOf(r, ladder)).toBe(TABLE.heard![ladder]);
      expect(r.facts.capped).toBe(true);
    });
  }

  it('does not raise lower say values', async () => {
    const r = await assessOne({ say: 'told', before_decision: false }, LADDERS);
    for (const ladder of LADDERS) expect(rungOf(r, ladder)).toBe(TABLE.told![ladder]);
    expect(r.facts.capped).toBe(false);
  });

  it('before_decision true changes nothing', async () => {
    expect(rungOf(await assessOne({ say: 'joint', before_decision: true }))).toBe('co-design');
  });
});

describe('rule: not voluntary with say at told or below is the bottom rung', () => {
  for (const say of ['none', 'taught', 'told']) {
    it(`say ${say}, made to attend`, async () => {
      const r = await assessOne({ say, voluntary: false }, LADDERS);
      for (const ladder of LADDERS) expect(r.placements.get(ladder)!.index).toBe(1);
      expect(r.placements.get('tlap')!.forcedBy).toBe('voluntary');
    });
  }

  it('made to attend but heard is not coercion', async () => {
    const r = await assessOne({ say: 'heard', voluntary: false }, LADDERS);
    expect(rungOf(r, 'tlap')).toBe('consultation');
  });

  it('both rules together: capped say stays above the coercion threshold', async () => {
    const r = await assessOne({ say: 'joint', before_decision: false, voluntary: false });
    expect(rungOf(r)).toBe('consultation');
  });
});

describe('unclassified', () => {
  it('no say is unclassified with index 0 and the questions that would place it', async () => {
    const r = await assessOne({ stages: ['design'] }, LADDERS);
    for (const ladder of LADDERS) {
      expect(r.placements.get(ladder)!.index).toBe(0);
      expect(rungOf(r, ladder)).toBe('unclassified');
    }
    const next = r.next.get('tlap')!;
    expect(next.status).toBe('unclassified');
    expect(next.questions[0]).toBe('say');
    expect(next.steps[0]).toMatch(/What say/);
  });
});
