/**
 * The machine-readable model of a map run (PRODUCT.md §5 "JSON output of map"):
 * stable keys, `index` counted from 1 at the bottom rung, 0 when unclassified.
 * Shared by the json and yaml formats and by reports.
 */
import { CORE_FACT_NAMES } from '../../model/facts-model.js';
import type { MapResult } from '../../assess/map-log.js';
import type { ActivityResult } from '../../assess/assess-activity.js';
import type { Summary } from '../../assess/summary.js';
import type { Ladder } from '../../model/ladder.js';
import type { RungRef } from '../../model/activity.js';
import type { NextStep } from '../../assess/next-step.js';
import type { Placement } from '../../assess/place.js';

export interface FactJson {
  value: string | boolean | string[];
  basis: 'declared' | 'inferred' | 'default';
  evidence: string;
  /** The cue that decided an inferred fact (cues/default.yaml, or the user's cue file). */
  cue?: string;
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
  /** A label the words use ("co-produced"), read as a claim when the log declares none. */
  claimedInWords?: { label: string; evidence: string; cue: string };
  target?: string;
  participant_view?: string;
  rules?: string[];
  [extension: `x-${string}`]: unknown;
}

export interface MapJson {
  ladders: Array<{ id: string; name: string; shipped: boolean; file: string | null; rungs: Array<{ id: string; name: string; index: number; band: string; advice: string }> }>;
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
    if (f.cue !== undefined) entry.cue = f.cue;
    if (f.confidence !== undefined) entry.confidence = f.confidence;
    if (name === 'say' && facts.capped) entry.effective = String(facts.lookup('say'));
    factsJson[name] = entry;
  }
  const placements: ActivityJson['placements'] = {};
  for (const [id, p] of result.placements) placements[id] = placementJson(p);
  const next: ActivityJson['next'] = {};
  for (const [id, n] of result.next) next[id] = nextJson(n);
  const flags = result.flags;
  const json: ActivityJson = {
    id: activity.id,
    name: activity.name,
    level: String(resolved.findings.get('level')?.value ?? 'service'),
    participants: activity.participants,
    methods: activity.methods,
    source: activity.source,
    facts: factsJson,
    placements,
    flags: flags.length ? flags.map((f) => f.id) : NONE,
    flagDetails: flags.length ? flags.map((f) => ({ id: f.id, message: f.message, action: f.help })) : NO_DETAILS,
    next,
  };
  if (facts.capped || facts.coerced) {
    const rules: string[] = [];
    if (facts.capped) rules.push('before-decision-caps-say');
    if (facts.coerced) rules.push('not-voluntary-bottom-rung');
    json.rules = rules;
  }
  if (activity.date) json.date = activity.date;
  if (activity.claimed) json.claimed = refText(activity.claimed);
  else if (resolved.claim) json.claimedInWords = { label: resolved.claim.label, evidence: resolved.claim.evidence, cue: resolved.claim.cue };
  if (activity.target) json.target = refText(activity.target);
  if (activity.participantView) json.participant_view = refText(activity.participantView);
  for (const key in activity.extensions) (json as unknown as Record<string, unknown>)[key] = activity.extensions[key];
  return json;
}

const NONE: string[] = [];
const NO_DETAILS: ActivityJson['flagDetails'] = [];

function placementJson(p: Placement): ActivityJson['placements'][string] {
  const entry: ActivityJson['placements'][string] = { rung: p.rung?.id ?? 'unclassified', index: p.index, band: p.band?.id ?? null };
  if (p.forcedBy) entry.forcedBy = p.forcedBy;
  if (p.missing.length) entry.missing = p.missing;
  return entry;
}

function nextJson(n: NextStep): ActivityJson['next'][string] {
  const entry: ActivityJson['next'][string] = { rung: n.rung, status: n.status, steps: n.steps };
  if (n.questions.length) entry.questions = n.questions;
  return entry;
}

/** "tlap:co-design" */
function refText(ref: RungRef): string {
  return `${ref.ladder.id}:${ref.rung.id}`;
}

export function factNamesOf(result: Pick<MapResult, 'ladders'>): string[] {
  return [...new Set([...CORE_FACT_NAMES, ...result.ladders.flatMap((l) => l.extraFacts.map((f) => f.name))])];
}

export function laddersJson(ladders: readonly Ladder[]): MapJson['ladders'] {
  return ladders.map((l) => ({
    id: l.id,
    name: l.name,
    shipped: l.shipped,
    // a shipped ladder's place on this machine says nothing to a reader (and would differ on every machine)
    file: l.shipped ? null : l.file,
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
