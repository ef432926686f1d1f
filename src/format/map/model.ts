/**
 * The machine-readable model of a map run (PRODUCT.md §5 "JSON output of map"):
 * stable keys, `index` counted from 1 at the bottom rung, 0 when unclassified.
 * Shared by the json and yaml formats and by reports.
 */
import { CORE_FACT_NAMES } from '../../core/facts-model.js';
import type { ActivityResult, MapResult } from '../../core/map-log.js';
import type { Summary } from '../../core/summary.js';
import type { Ladder } from '../../ladders/ladder.js';

export interface FactJson {
  value: string | boolean | string[];
  basis: 'declared' | 'inferred' | 'default';
  evidence: string;
  confidence?: number;
  effective?: string;
}

export interface ActivityJson {
  id: string;
  name: string;
  level: string;
  date?: string;
  participants: string[];
  methods: string[];
  source: { file: string; line: number; column: number };
  facts: Record<string, FactJson>;
  placements: Record<string, { rung: string; index: number; band: string | null; forcedBy?: string; missing?: string[] }>;
  flags: string[];
  flagDetails: Array<{ id: string; message: string; action: string }>;
  next: Record<string, { rung: string | null; status: string; steps: string[]; questions?: string[] }>;
  claimed?: string;
  target?: string;
  participant_view?: string;
  rules?: string[];
  [extension: `x-${string}`]: unknown;
}

export interface MapJson {
  ladders: Array<{ id: string; name: string; file: string; rungs: Array<{ id: string; name: string; index: number; band: string; advice: string }> }>;
  activities: ActivityJson[];
  summary: Record<string, Record<string, number>>;
  bands: Record<string, Record<string, number>>;
  flags: Record<string, number>;
  total: number;
}

export function activityJson(result: ActivityResult, factNames: readonly string[]): ActivityJson {
  const { activity, resolved, facts } = result;
  const factsJson: Record<string, FactJson> = {};
  for (const name of factNames) {
    const f = resolved.findings.get(name);
    if (!f) continue; // unknown: not recorded and not read from the words
    // values and the source are shared, not copied: the model is only ever written out
    // (JSON, and YAML without references)
    const entry: FactJson = { value: f.value as FactJson['value'], basis: f.basis, evidence: f.evidence };
    if (f.confidence !== undefined) entry.confidence = f.confidence;
    if (name === 'say' && facts.capped) entry.effective = String(facts.lookup('say'));
    factsJson[name] = entry;
  }
  const placements: ActivityJson['placements'] = {};
  for (const [id, p] of result.placements) {
    const entry: ActivityJson['placements'][string] = { rung: p.rung?.id ?? 'unclassified', index: p.index, band: p.band?.id ?? null };
    if (p.forcedBy) entry.forcedBy = p.forcedBy;
    if (p.missing.length) entry.missing = p.missing;
    placements[id] = entry;
  }
  const next: ActivityJson['next'] = {};
  for (const [id, n] of result.next) {
    next[id] = { rung: n.rung, status: n.status, steps: n.steps };
    if (n.questions.length) next[id]!.questions = n.questions;
  }
  const rules: string[] = [];
  if (facts.capped) rules.push('before-decision-caps-say');
  if (facts.coerced) rules.push('not-voluntary-bottom-rung');
  const json: ActivityJson = {
    id: activity.id,
    name: activity.name,
    level: String(resolved.findings.get('level')?.value ?? 'service'),
    participants: activity.participants,
    methods: activity.methods,
    source: activity.source,
    facts: factsJson,
    placements,
    flags: result.flags.map((f) => f.id),
    flagDetails: result.flags.map((f) => ({ id: f.id, message: f.message, action: f.action })),
    next,
  };
  if (rules.length) json.rules = rules;
  if (activity.date) json.date = activity.date;
  if (activity.claimed) json.claimed = `${activity.claimed.ladder.id}:${activity.claimed.rung.id}`;
  if (activity.target) json.target = `${activity.target.ladder.id}:${activity.target.rung.id}`;
  if (activity.participantView) json.participant_view = `${activity.participantView.ladder.id}:${activity.participantView.rung.id}`;
  for (const [key, value] of Object.entries(activity.extensions)) (json as unknown as Record<string, unknown>)[key] = value;
  return json;
}

export function factNamesOf(result: Pick<MapResult, 'ladders'>): string[] {
  return [...new Set([...CORE_FACT_NAMES, ...result.ladders.flatMap((l) => l.extraFacts.map((f) => f.name))])];
}

export function laddersJson(ladders: readonly Ladder[]): MapJson['ladders'] {
  return ladders.map((l) => ({
    id: l.id,
    name: l.name,
    file: l.file,
    rungs: l.rungs.map((r) => ({ id: r.id, name: r.name, index: r.index, band: r.band.id, advice: r.advice })),
  }));
}

/** What follows the activities, in key order: summary, bands, flags, total. */
export function summaryJson(summary: Summary): Pick<MapJson, 'summary' | 'bands' | 'flags' | 'total'> {
  const counts: MapJson['summary'] = {};
  const bands: MapJson['bands'] = {};
  for (const s of summary.ladders) {
    counts[s.ladder.id] = Object.fromEntries(s.counts);
    bands[s.ladder.id] = Object.fromEntries([...s.bandShares].map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  }
  return { summary: counts, bands, flags: Object.fromEntries(summary.flags), total: summary.total };
}

export function mapJson(result: MapResult): MapJson {
  const factNames = factNamesOf(result);
  return { ladders: laddersJson(result.ladders), activities: result.results.map((r) => activityJson(r, factNames)), ...summaryJson(result.summary) };
}
