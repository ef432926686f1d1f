// The report model: counts per rung, groups, trend by quarter, who took part, flags,
// and next steps ranked by how many activities they would lift.
import { describe, expect, it } from 'vitest';
import { streamLogs } from '../../src/assess/map-log.js';
import { buildReport, quarterOf } from '../../src/output/report/model.js';
import { formatReportMarkdown } from '../../src/output/report/markdown.js';
import { formatReportHtml } from '../../src/output/report/html.js';
import { axisTicks } from '../../src/output/report/charts.js';
import { INK, heatFill, rungFill } from '../../src/output/report/palette.js';
import { ClauseReader } from '../../src/infer/clause-reader.js';
import { ladders, readYaml, unmeasuredCues } from '../helpers/core.js';

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

/** WCAG relative luminance of an sRGB colour given as 0–255 channels. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
function hslToRgb(css: string): number[] {
  const [h, s, l] = css.match(/[\d.]+/g)!.map(Number) as [number, number, number];
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}
const contrast = (x: number[], y: number[]) => {
  const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (a! + 0.05) / (b! + 0.05);
};
const ink = [1, 3, 5].map((i) => parseInt(INK.slice(i, i + 2), 16));

describe('report colours', () => {
  it('dark text on every rung of every shipped ladder, and on the strongest heat cell, is at least 4.5:1', async () => {
    for (const l of await ladders('tlap', 'logmycare', 'logmycare-6', 'arnstein', 'iap2', 'hart')) {
      for (const r of l.rungs) {
        const fill = hslToRgb(rungFill(l, r.id));
        expect(contrast(ink, fill), `${l.id} ${r.id}`).toBeGreaterThanOrEqual(4.5);
        // the heat cell mixes the fill with white: never darker than the fill itself
        expect(heatFill(l, r.id, 1)).toMatch(/100%, white\)$/);
      }
    }
  });

  it('strength follows the band: every rung of a band has one colour, an empty bottom rung no stronger than its neighbour', async () => {
    const [tlap] = await ladders('tlap');
    expect(rungFill(tlap!, 'educating')).toBe(rungFill(tlap!, 'coercion'));
    expect(rungFill(tlap!, 'co-design')).toBe(rungFill(tlap!, 'co-production'));
    expect(rungFill(tlap!, 'consultation')).not.toBe(rungFill(tlap!, 'coercion'));
  });
});

describe('the trend axis', () => {
  it('ticks are evenly spaced round numbers from 0 past the tallest bar', () => {
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(axisTicks(180)).toEqual([0, 50, 100, 150, 200]);
    for (let max = 1; max < 500; max++) {
      const t = axisTicks(max);
      const step = t[1]! - t[0]!;
      expect(t.every((v, i) => v === i * step)).toBe(true);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
      expect(t.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('coverage and the why', () => {
  it('counts activities that name nobody and those placed on words; an inferred one carries its description and evidence', async () => {
    const log = await readYaml('activities:\n  - { name: A, say: heard, participants: [residents] }\n  - { name: B, say: told }\n  - { name: C, description: "Residents tasted the dishes and the chef kept the most popular ones for the menu." }\n');
    const m = buildReport(streamLogs([log], await ladders('tlap'), new ClauseReader(await unmeasuredCues())), '2026-12-02');
    expect(m.participation.unnamed).toBe(2);
    expect(m.inferred).toBe(1);
    const c = m.groups.flatMap((g) => g.activities).find((a) => a.name === 'C')!;
    expect(c.description).toMatch(/^Residents tasted/);
    expect(c.readings).toContainEqual(expect.objectContaining({ fact: 'say', value: 'influence', evidence: expect.stringContaining('kept the most popular') }));
    const md = formatReportMarkdown(m);
    expect(md).toContain('2 activities of 3 name nobody');
    expect(md).toMatch(/- C: say influence, from “[^”]*kept the most popular/);
  });
});
