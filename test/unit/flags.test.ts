// Quality flags: overclaim (also across ladders), after-decision, feedback-missing, perception-gap, no-support.
import { describe, expect, it } from 'vitest';
import { assessOne } from '../helpers/core.js';

const ids = async (fields: Record<string, unknown>, ladders = ['tlap']) => (await assessOne(fields, ladders)).flags.map((f) => f.id);

describe('flags', () => {
  it('overclaim: claimed above the placed rung', async () => {
    const r = await assessOne({ say: 'heard', claimed: 'co-production' });
    const flag = r.flags.find((f) => f.id === 'overclaim')!;
    expect(flag.message).toBe('claimed co-production (tlap) but the evidence places it at consultation');
    expect(flag.help).toMatch(/claim consultation, or reach co-production/);
    // a flag is a problem at its activity, as check findings and input errors are
    expect(flag).toMatchObject({ level: 'warn', file: r.activity.source.file, line: r.activity.source.line, activity: { id: r.activity.id, name: r.activity.name } });
  });

  it('no overclaim when claimed at or below', async () => {
    expect(await ids({ say: 'heard', claimed: 'consultation' })).not.toContain('overclaim');
    expect(await ids({ say: 'joint', claimed: 'engagement' })).not.toContain('overclaim');
  });

  it('overclaim through another ladder (ladder:rung)', async () => {
    expect(await ids({ say: 'influence', claimed: 'arnstein:partnership' })).toContain('overclaim');
    expect(await ids({ say: 'influence', claimed: 'arnstein:placation' })).not.toContain('overclaim');
  });

  it('co-production claimed for co-design work is an overclaim', async () => {
    expect(await ids({ say: 'joint', stages: ['design'], claimed: 'co-production' })).toContain('overclaim');
  });

  it('a claim with nothing to place it is an overclaim', async () => {
    expect(await ids({ claimed: 'consultation' })).toContain('overclaim');
  });

  it('after-decision: views sought once the decision was made', async () => {
    expect(await ids({ say: 'heard', before_decision: false })).toContain('after-decision');
    expect(await ids({ say: 'told', before_decision: false })).not.toContain('after-decision');
    expect(await ids({ say: 'heard', before_decision: true })).not.toContain('after-decision');
  });

  it('feedback-missing: views sought, nobody told how they were used', async () => {
    expect(await ids({ say: 'heard', feedback_given: false })).toContain('feedback-missing');
    expect(await ids({ say: 'heard' })).not.toContain('feedback-missing');
    expect(await ids({ say: 'told', feedback_given: false })).not.toContain('feedback-missing');
  });

  it('perception-gap: participants rate it lower', async () => {
    expect(await ids({ say: 'joint', participant_view: 'consultation' })).toContain('perception-gap');
    expect(await ids({ say: 'heard', participant_view: 'consultation' })).not.toContain('perception-gap');
  });

  it('no-support: expenses, access or under 7 days notice', async () => {
    expect(await ids({ say: 'heard', support: { expenses_paid: false } })).toContain('no-support');
    expect(await ids({ say: 'heard', support: { accessible_venue: false } })).toContain('no-support');
    expect(await ids({ say: 'heard', support: { notice_days: 6 } })).toContain('no-support');
    expect(await ids({ say: 'heard', support: { notice_days: 7, expenses_paid: true, accessible_venue: true } })).not.toContain('no-support');
  });

  it('flags do not move the rung', async () => {
    const r = await assessOne({ say: 'heard', feedback_given: false, support: { notice_days: 1 }, claimed: 'co-design' });
    expect(r.placements.get('tlap')!.rung!.id).toBe('consultation');
  });
});
