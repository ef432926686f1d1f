/** What every evidence format says the same way: a status in words, a period, the activities behind a requirement. */
import type { EvidenceResult, Period, RequirementResult, Status } from '../../assess/evidence.js';
import type { ActivityResult } from '../../assess/assess-activity.js';
import { shownCount } from '../../assess/evidence.js';

export const STATUS_WORDS: Record<Status, string> = { evidenced: 'evidenced', partly: 'partly', 'not-evidenced': 'not evidenced' };

export function periodText(period: Period): string {
  if (period.since && period.until) return `${period.since} to ${period.until}`;
  if (period.since) return `from ${period.since}`;
  if (period.until) return `up to ${period.until}`;
  return 'every activity in the log';
}

export function countedText(e: EvidenceResult): string {
  const n = e.counted.length;
  return `${n} ${n === 1 ? 'activity' : 'activities'} counted${e.leftOut ? ` (${e.leftOut} outside the period or undated)` : ''}`;
}

/** `file:line name` of an activity behind a requirement (the sheet and cell for a workbook). */
export function placeOf(r: ActivityResult): string {
  const s = r.activity.source;
  return `${s.file}:${s.sheet === undefined ? s.line : `${s.sheet}!A${s.line}`}`;
}

export function totals(e: EvidenceResult): Record<Status, number> {
  const t: Record<Status, number> = { evidenced: 0, partly: 0, 'not-evidenced': 0 };
  for (const r of e.requirements) t[r.status] += 1;
  return t;
}

export function totalsText(e: EvidenceResult): string {
  const t = totals(e);
  return `${t.evidenced} evidenced · ${t.partly} partly · ${t['not-evidenced']} not evidenced`;
}

/** The next step, shown while a requirement is short. */
export function nextOf(r: RequirementResult): string | undefined {
  return r.status === 'evidenced' ? undefined : r.requirement.next;
}

/** How many activities involved a group, with small numbers hidden so nobody is identifiable. */
export function groupCount(n: number): string {
  if (n === 0) return 'none';
  return n < 5 ? `${shownCount(n)} activities` : `${n} activities`;
}
