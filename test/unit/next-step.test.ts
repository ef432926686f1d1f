// Next steps: the rung above, unmet conditions as actions, advice, top rung, target, rules.
import { describe, expect, it } from 'vitest';
import { assessOne } from '../helpers/core.js';

describe('next step', () => {
  it('names the rung above and the unmet condition as an action', async () => {
    const r = await assessOne({ say: 'heard' });
    const next = r.next.get('tlap')!;
    expect(next).toMatchObject({ status: 'climb', rung: 'engagement' });
    expect(next.steps).toEqual(["Let people's views shape at least some of the decisions"]);
    expect(next.advice).toMatch(/Open a real decision/);
  });

  it('lists each missing stage for co-production', async () => {
    const r = await assessOne({ say: 'joint', stages: ['design'] });
    expect(r.next.get('tlap')!.steps).toEqual(['Involve people in delivering it, seeing it through']);
  });

  it('asks a strategic activity to share strategy', async () => {
    const r = await assessOne({ say: 'joint', level: 'strategic', stages: ['design', 'delivery'] });
    expect(r.next.get('tlap')!.steps).toEqual(['Share the strategic and policy decisions with people, not only the design and delivery']);
  });

  it('a missing fact is phrased as an action or a prompt to record it', async () => {
    const r = await assessOne({ say: 'joint' });
    const steps = r.next.get('tlap')!.steps;
    expect(steps[0]).toMatch(/designing it.*record `stages`/);
    expect(r.next.get('tlap')!.questions).toContain('stages');
  });

  it('after the decision: involve people before deciding comes first', async () => {
    const r = await assessOne({ say: 'joint', before_decision: false });
    const next = r.next.get('tlap')!;
    expect(next.rung).toBe('engagement');
    expect(next.steps[0]).toBe('Involve people before the decision is made');
  });

  it('made to attend: making it a free choice comes first', async () => {
    const r = await assessOne({ say: 'told', voluntary: false });
    const next = r.next.get('tlap')!;
    expect(next.rung).toBe('educating');
    expect(next.steps).toEqual(['Make taking part a free choice, not a requirement']);
  });

  it('top rung: how to sustain it', async () => {
    const r = await assessOne({ say: 'control' }, ['arnstein']);
    const next = r.next.get('arnstein')!;
    expect(next.status).toBe('top');
    expect(next.rung).toBe('citizen-control');
    expect(next.steps[0]).toMatch(/Sustain/);
  });

  it('target reached says so instead of pushing higher', async () => {
    const r = await assessOne({ say: 'heard', target: 'consultation' });
    const next = r.next.get('tlap')!;
    expect(next.status).toBe('target-reached');
    expect(next.rung).toBe('consultation');
    expect(next.steps[0]).toMatch(/Target reached: Consultation is the level chosen/);
  });

  it('target on another ladder is compared through the facts', async () => {
    const r = await assessOne({ say: 'influence', target: 'arnstein:placation' }, ['tlap']);
    expect(r.next.get('tlap')!.status).toBe('target-reached');
  });

  it('target not yet reached: climb one rung', async () => {
    const r = await assessOne({ say: 'told', target: 'co-design' });
    expect(r.next.get('tlap')).toMatchObject({ status: 'climb', rung: 'consultation' });
  });
});
