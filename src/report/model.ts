/**
 * The audit report as data, built from a map run: the ladder with counts per rung,
 * every activity grouped by rung, a trend by quarter, who took part at which rung,
 * the flags with their next steps, and the next steps ranked by how many activities
 * each would lift. Formatters (HTML, Markdown) only lay it out.
 */
import type { ActivityResult, MapResult } from '../core/map-log.js';
import { FLAG_IDS, FLAG_TITLES, type FlagId } from '../core/flags.js';
import type { Band, Ladder } from '../ladders/ladder.js';
import { basisOf, nextStepText } from '../format/map/describe.js';
import { pushTo } from '../util/group.js';

export interface RungRow {
  id: string;
  name: string;
  summary: string;
  band: Band;
  index: number;
  count: number;
}

export interface ReportActivity {
  id: string;
  anchor: string;
  name: string;
  file: string;
  line: number;
  date?: string;
  level: string;
  /** rung id on each ladder ('unclassified' when none) */
  rungs: Record<string, string>;
  basis: string;
  flags: FlagId[];
  next: string;
  participants: string[];
}

export interface RungGroup {
  rung: RungRow | null; // null: unclassified
  activities: ReportActivity[];
}

export interface TrendSeries {
  rung: string; // rung id or 'unclassified'
  band: Band | null;
  counts: number[]; // per quarter
}

export interface ReportModel {
  title: string;
  services: string[];
  files: string[];
  generated: string;
  ladder: Ladder;
  ladders: Ladder[];
  total: number;
  /** top rung first */
  rungs: RungRow[];
  unclassified: number;
  bands: Array<{ band: Band; count: number; share: number }>;
  /** top rung first, then unclassified; empty groups left out */
  groups: RungGroup[];
  trend: { quarters: string[]; series: TrendSeries[]; undated: number };
  participation: { participants: string[]; rungs: string[]; counts: number[][] };
  flags: Array<{ id: FlagId; title: string; items: Array<{ activity: ReportActivity; message: string; action: string }> }>;
  nextSteps: Array<{ action: string; count: number; activities: ReportActivity[] }>;
}

export function quarterOf(date: string): string {
  const [y, m] = date.split('-');
  return `${y} Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

function quartersBetween(first: string, last: string): string[] {
  const parse = (q: string): number => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const out: string[] = [];
  for (let n = parse(first); n <= parse(last) && out.length < 80; n++) out.push(`${Math.floor(n / 4)} Q${(n % 4) + 1}`);
  return out;
}

/** Anchors safe in an id attribute and a URL fragment. */
export function anchorFor(prefix: string, id: string, taken: Set<string>): string {
  const base = `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'}`;
  let anchor = base;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}

export function buildReport(result: MapResult, generated: string): ReportModel {
  const ladder = result.ladders[0]!;
  const taken = new Set<string>();
  const activities = new Map<ActivityResult, ReportActivity>();
  for (const r of result.results) {
    const a: ReportActivity = {
      id: r.activity.id,
      anchor: anchorFor('activity', `${r.activity.id}`, taken),
      name: r.activity.name,
      file: r.activity.source.file,
      line: r.activity.source.line,
      level: String(r.resolved.findings.get('level')?.value ?? 'service'),
      rungs: Object.fromEntries(result.ladders.map((l) => [l.id, r.placements.get(l.id)?.rung?.id ?? 'unclassified'])),
      basis: basisOf(r),
      flags: r.flags.map((f) => f.id),
      next: nextStepText(r, ladder.id),
      participants: r.activity.participants,
    };
    if (r.activity.date) a.date = r.activity.date;
    activities.set(r, a);
  }
  const rungOf = (r: ActivityResult): string => r.placements.get(ladder.id)?.rung?.id ?? 'unclassified';

  const summary = result.summary.ladders.find((s) => s.ladder === ladder)!;
  const rungs: RungRow[] = [...ladder.rungs].reverse().map((r) => ({ id: r.id, name: r.name, summary: r.summary, band: r.band, index: r.index, count: summary.counts.get(r.id) ?? 0 }));
  const unclassified = summary.counts.get('unclassified') ?? 0;

  const groups: RungGroup[] = [];
  for (const row of rungs) {
    const list = result.results.filter((r) => rungOf(r) === row.id).map((r) => activities.get(r)!);
    if (list.length) groups.push({ rung: row, activities: list });
  }
  const loose = result.results.filter((r) => rungOf(r) === 'unclassified').map((r) => activities.get(r)!);
  if (loose.length) groups.push({ rung: null, activities: loose });

  // trend by quarter
  const dated = result.results.filter((r) => r.activity.date);
  const qs = dated.map((r) => quarterOf(r.activity.date!)).sort();
  const quarters = qs.length ? quartersBetween(qs[0]!, qs[qs.length - 1]!) : [];
  const seriesIds = [...ladder.rungs.map((r) => r.id), 'unclassified'];
  const series: TrendSeries[] = seriesIds
    .map((id) => ({
      rung: id,
      band: ladder.rungs.find((r) => r.id === id)?.band ?? null,
      counts: quarters.map((q) => dated.filter((r) => rungOf(r) === id && quarterOf(r.activity.date!) === q).length),
    }))
    .filter((s) => s.counts.some((n) => n > 0));

  // who took part at which rung
  const names = new Map<string, string>();
  for (const r of result.results) for (const p of r.activity.participants) if (!names.has(p.toLowerCase())) names.set(p.toLowerCase(), p);
  const participants = [...names.values()].sort((x, y) => x.localeCompare(y));
  const matrixRungs = [...rungs.map((r) => r.id), ...(unclassified ? ['unclassified'] : [])];
  const counts = participants.map((p) =>
    matrixRungs.map((rung) => result.results.filter((r) => rungOf(r) === rung && r.activity.participants.some((x) => x.toLowerCase() === p.toLowerCase())).length),
  );

  const flags = FLAG_IDS.map((id) => ({
    id,
    title: FLAG_TITLES[id],
    items: result.results.flatMap((r) => r.flags.filter((f) => f.id === id).map((f) => ({ activity: activities.get(r)!, message: f.message, action: f.action }))),
  })).filter((f) => f.items.length);

  // next steps ranked by how many activities each would lift
  const steps = new Map<string, ReportActivity[]>();
  for (const r of result.results) {
    const next = r.next.get(ladder.id);
    if (!next || next.status !== 'climb') continue;
    for (const s of next.steps) {
      const key = s.replace(/ \(or record .*\)$/, '');
      pushTo(steps, key, activities.get(r)!);
    }
  }
  const nextSteps = [...steps]
    .map(([action, list]) => ({ action, count: list.length, activities: list }))
    .sort((a, b) => b.count - a.count || a.action.localeCompare(b.action));

  const services = [...new Set(result.logs.map((l) => l.service).filter((s): s is string => !!s))];
  return {
    title: services.length ? `Involvement report: ${services.join(', ')}` : 'Involvement report',
    services,
    files: result.logs.map((l) => l.file),
    generated,
    ladder,
    ladders: result.ladders,
    total: result.summary.total,
    rungs,
    unclassified,
    bands: [...ladder.bands].reverse().map((band) => ({ band, count: summary.bandCounts.get(band.id) ?? 0, share: summary.bandShares.get(band.id) ?? 0 })),
    groups,
    trend: { quarters, series, undated: result.results.length - dated.length },
    participation: { participants, rungs: matrixRungs, counts },
    flags,
    nextSteps,
  };
}
