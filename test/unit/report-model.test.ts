// The report model: counts per rung, groups, trend by quarter, who took part, flags,
// and next steps ranked by how many activities they would lift.
import { describe, expect, it } from 'vitest';
import { streamLogs } from '../../src/assess/map-log.js';
import { buildReport, quarterOf } from '../../src/output/report/model.js';
import { formatReportMarkdown } from '../../src/output/report/markdown.js';
import { formatReportHtml } from '../../src/output/report/html.js';
import { ladders, readYaml } from '../helpers/core.js';

const LOG = `service: Test home
activities:
  - { name: Survey A, date: 2026-01-10, say: heard, participants: [Residents], feedback_given: false }
  - { name: Survey B, date: 2026-02-10, say: heard, participants: [residents, families] }
  - { name: Letter, date: 2026-05-01, say: told, participants: [families] }
  - { name: Garden, date: 2026-08-01, say: joint, stages: [design, delivery], participants: [residents] }
  - { name: Undated forum, say: influence }
  - { name: Team meeting }
`;

async function model() {
  const log = await readYaml(LOG, ['tlap', 'arnstein']);
  return buildReport(streamLogs([log], await ladders('tlap', 'arnstein')), '2026-11-22');
}

describe('report model', () => {
  it('counts per rung, top rung first, with unclassified apart', async () => {
    const m = await model();
    expect(m.rungs[0]!.id).toBe('co-production');
    expect(Object.fromEntries(m.rungs.map((r) => [r.id, r.count]))).toMatchObject({ 'co-production': 1, consultation: 2, informing: 1, engagement: 1, coercion: 0 });
    expect(m.unclassified).toBe(1);
    expect(m.total).toBe(6);
  });

  it('groups activities by rung, top first, unclassified last', async () => {
    const m = await model();
    expect(m.groups.map((g) => g.rung?.id ?? 'unclassified')).toEqual(['co-production', 'engagement', 'consultation', 'informing', 'unclassified']);
    expect(m.groups[2]!.activities.map((a) => a.name)).toEqual(['Survey A', 'Survey B']);
    expect(m.groups[0]!.activities[0]!.rungs).toEqual({ tlap: 'co-production', arnstein: 'partnership' });
  });

  it('trend: every quarter from the first to the last, undated counted apart', async () => {
    const m = await model();
    expect(m.trend.quarters).toEqual(['2026 Q1', '2026 Q2', '2026 Q3']);
    const consultation = m.trend.series.find((s) => s.rung === 'consultation')!;
    expect(consultation.counts).toEqual([2, 0, 0]);
    expect(m.trend.undated).toBe(2);
    expect(quarterOf('2026-12-31')).toBe('2026 Q4');
  });

  it('who took part: groups merged regardless of case', async () => {
    const m = await model();
    expect(m.participation.participants).toEqual(['families', 'Residents']);
    const residents = m.participation.counts[1]!;
    const col = (rung: string) => m.participation.rungs.indexOf(rung);
    expect(residents[col('consultation')]).toBe(2);
    expect(residents[col('co-production')]).toBe(1);
  });

  it('next steps ranked by how many activities they would lift', async () => {
    const m = await model();
    expect(m.nextSteps[0]).toMatchObject({ action: "Let people's views shape at least some of the decisions", count: 2 });
    expect(m.flags.map((f) => f.id)).toEqual(['feedback-missing']);
  });

  it('markdown and HTML carry the same sections', async () => {
    const m = await model();
    const md = formatReportMarkdown(m);
    for (const heading of ['## At a glance', '## The ladder', '## Where to go next', '## Flags', '## Over time', '## Who took part', '## All activities, by rung']) expect(md).toContain(heading);
    const html = [...formatReportHtml(m)].join('');
    for (const id of ['glance', 'ladder', 'next', 'flags', 'trend', 'who', 'activities']) expect(html).toContain(`<section id="${id}"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Content-Security-Policy");
  });

  it('escapes every user string in HTML', async () => {
    const log = await readYaml(`activities:\n  - name: "<img src=x onerror=alert(1)>"\n    say: heard\n    participants: ["<b>bold</b>"]\n`);
    const html = [...formatReportHtml(buildReport(streamLogs([log], await ladders('tlap')), '2026-11-22'))].join('');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
