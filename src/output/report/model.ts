/**
 * The audit report as data, built from a map run: the ladder with counts per rung,
 * every activity grouped by rung, a trend by quarter, who took part at which rung,
 * the flags with their next steps, and the next steps ranked by how many activities
 * each would lift. Formatters (HTML, Markdown) only lay it out.
 */
import type { StreamedMap } from '../../assess/map-log.js';
import { FLAG_IDS, FLAG_TITLES, type FlagId } from '../../assess/flags.js';
import { rungWithId, type Band, type Ladder } from '../../model/ladder.js';
import { basisOf, nextStepText, readingsOf, type Reading } from '../describe.js';
import { pushTo } from '../group.js';
import type { Outcome } from '../../model/activity.js';
import type { EvidenceResult } from '../../assess/evidence.js';
import { GroupTally, type GroupRow } from '../../assess/group-tally.js';

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
  /** the log's description, and the facts read from it with the words each rests on */
  description?: string;
  readings: Reading[];
  /** the loop: what people said and what was done, when recorded */
  outcome?: Outcome;
  /** evidence files, and those not found */
  evidence: string[];
  evidenceMissing: string[];
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
  /** `unnamed`: activities that name no participants, so the table cannot show them */
  participation: { participants: string[]; rungs: string[]; counts: number[][]; unnamed: number };
  /** how many placements rest, wholly or partly, on words read from descriptions */
  inferred: number;
  flags: Array<{ id: FlagId; title: string; items: Array<{ activity: ReportActivity; message: string; action: string }> }>;
  nextSteps: Array<{ action: string; count: number; activities: ReportActivity[] }>;
  /** "you said, we did": activities with an outcome, latest told first */
  loop: ReportActivity[];
  /** the groups the logs say they serve: activities that involved each, and the highest say and rung */
  servedGroups: GroupRow[];
  /** evidence against the frameworks asked for (the config's, or --framework) */
  evidence: EvidenceResult[];
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

/** The evidence files not found, of the many activities with none: one frozen list for all. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Anchors safe in an id attribute and a URL fragment. */
function anchorFor(prefix: string, id: string, taken: Set<string>): string {
  const base = `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'}`;
  let anchor = base;
  for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
  taken.add(anchor);
  return anchor;
}

/**
 * Builds the report in one pass over the results, keeping of each activity only what the
 * report shows (a big log's full results are never held at once).
 */
export function buildReport(run: StreamedMap, generated: string, evidence: EvidenceResult[] = []): ReportModel {
  const ladder = run.ladders[0]!;
  const taken = new Set<string>();
  const listed: Array<{ activity: ReportActivity; rung: string }> = [];
  const flagItems = new Map<FlagId, Array<{ activity: ReportActivity; message: string; action: string }>>();
  const steps = new Map<string, ReportActivity[]>();
  const servedGroups = new GroupTally(run.logs.flatMap((l) => l.groups ?? []), ladder);
  for (const r of run.results) {
    const a: ReportActivity = {
      id: r.activity.id,
      anchor: anchorFor('activity', `${r.activity.id}`, taken),
      name: r.activity.name,
      file: r.activity.source.file,
      line: r.activity.source.line,
      level: String(r.resolved.findings.get('level')?.value ?? 'service'),
      rungs: Object.fromEntries(run.ladders.map((l) => [l.id, r.placements.get(l.id)?.rung?.id ?? 'unclassified'])),
      basis: basisOf(r),
      flags: r.flags.map((f) => f.id),
      next: nextStepText(r, ladder.id),
      participants: r.activity.participants,
      readings: readingsOf(r),
      evidence: r.activity.evidence,
      evidenceMissing: r.activity.evidenceMissing ? r.activity.evidenceMissing.map((e) => e.path) : NONE,
    };
    if (r.activity.outcome) a.outcome = r.activity.outcome;
    // the groups the logs serve: who this activity involved, at what say and rung
    servedGroups.add(r);
    if (r.activity.date) a.date = r.activity.date;
    if (r.activity.description) a.description = r.activity.description;
    listed.push({ activity: a, rung: a.rungs[ladder.id]! });
    for (const f of r.flags) pushTo(flagItems, f.id, { activity: a, message: f.message, action: f.help });
    // next steps ranked later by how many activities each would lift
    const next = r.next.get(ladder.id);
    if (next?.status === 'climb') for (const step of next.steps) pushTo(steps, step.replace(/ \(or record .*\)$/, ''), a);
  }
  const summaryOf = run.summary();
  const summary = summaryOf.ladders.find((x) => x.ladder === ladder)!;
  const rungs: RungRow[] = [...ladder.rungs].reverse().map((r) => ({ id: r.id, name: r.name, summary: r.summary, band: r.band, index: r.index, count: summary.counts.get(r.id) ?? 0 }));
  const unclassified = summary.counts.get('unclassified') ?? 0;

  const byRung = new Map<string, ReportActivity[]>();
  for (const { activity, rung } of listed) pushTo(byRung, rung, activity);
  const groups: RungGroup[] = [];
  for (const row of rungs) {
    const list = byRung.get(row.id);
    if (list) groups.push({ rung: row, activities: list });
  }
  const loose = byRung.get('unclassified');
  if (loose) groups.push({ rung: null, activities: loose });

  // trend by quarter
  const dated = listed.filter((x) => x.activity.date);
  const qs = dated.map((x) => quarterOf(x.activity.date!)).sort();
  const quarters = qs.length ? quartersBetween(qs[0]!, qs[qs.length - 1]!) : [];
  const perQuarter = new Map<string, number>();
  for (const x of dated) {
    const key = `${x.rung} ${quarterOf(x.activity.date!)}`;
    perQuarter.set(key, (perQuarter.get(key) ?? 0) + 1);
  }
  const series: TrendSeries[] = [...ladder.rungs.map((r) => r.id), 'unclassified']
    .map((id) => ({
      rung: id,
      band: rungWithId(ladder, id)?.band ?? null,
      counts: quarters.map((q) => perQuarter.get(`${id} ${q}`) ?? 0),
    }))
    .filter((x) => x.counts.some((n) => n > 0));

  // who took part at which rung (names compared without case; the first spelling shown)
  const names = new Map<string, string>();
  const perParticipant = new Map<string, number>();
  for (const { activity, rung } of listed) {
    for (const key of new Set(activity.participants.map((p) => p.toLowerCase()))) {
      if (!names.has(key)) names.set(key, activity.participants.find((p) => p.toLowerCase() === key)!);
      perParticipant.set(`${key}\u0000${rung}`, (perParticipant.get(`${key}\u0000${rung}`) ?? 0) + 1);
    }
  }
  const participants = [...names.values()].sort((x, y) => x.localeCompare(y));
  const matrixRungs = [...rungs.map((r) => r.id), ...(unclassified ? ['unclassified'] : [])];
  const counts = participants.map((p) => matrixRungs.map((rung) => perParticipant.get(`${p.toLowerCase()}\u0000${rung}`) ?? 0));

  const flags = FLAG_IDS.filter((id) => flagItems.has(id)).map((id) => ({ id, title: FLAG_TITLES[id], items: flagItems.get(id)! }));
  const nextSteps = [...steps]
    .map(([action, list]) => ({ action, count: list.length, activities: list }))
    .sort((a, b) => b.count - a.count || a.action.localeCompare(b.action));

  const services = [...new Set(run.logs.map((l) => l.service).filter((x): x is string => !!x))];
  return {
    title: services.length ? `Involvement report: ${services.join(', ')}` : 'Involvement report',
    services,
    files: run.logs.map((l) => l.file),
    generated,
    ladder,
    ladders: run.ladders,
    total: summaryOf.total,
    rungs,
    unclassified,
    bands: [...ladder.bands].reverse().map((band) => ({ band, count: summary.bandCounts.get(band.id) ?? 0, share: summary.bandShares.get(band.id) ?? 0 })),
    groups,
    trend: { quarters, series, undated: listed.length - dated.length },
    participation: { participants, rungs: matrixRungs, counts, unnamed: listed.filter((x) => !x.activity.participants.length).length },
    inferred: listed.filter((x) => x.activity.readings.length).length,
    flags,
    nextSteps,
    loop: listed.map((x) => x.activity).filter((a) => a.outcome).sort((x, y) => (y.outcome!.told_on ?? '').localeCompare(x.outcome!.told_on ?? '')),
    servedGroups: servedGroups.finish(),
    evidence,
  };
}
