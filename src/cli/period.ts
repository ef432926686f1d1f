/**
 * The period an `evidence` run counts (PRODUCT.md §3b): `--since` and `--until` (ISO
 * dates), or `--period 12m` back from today (d days, m months, y years), else the
 * framework's own look-back, else every activity.
 */
import { UsageError } from '../input/problem.js';
import { isRealDate } from '../input/activity-schema.js';
import type { Period } from '../assess/evidence.js';

export interface PeriodOptions {
  period?: string;
  since?: string;
  until?: string;
}

export function periodOf(options: PeriodOptions, fallback: string | undefined, today: string): Period {
  for (const [flag, value] of [['--since', options.since], ['--until', options.until]] as const) {
    if (value !== undefined && !isRealDate(value)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a date`, `write it as YYYY-MM-DD, e.g. ${flag} 2026-04-01`);
  }
  if (options.period && (options.since || options.until)) throw new UsageError('--period and --since/--until cannot be used together', 'give a look-back (--period 12m) or the dates, not both');
  if (options.since || options.until) return { ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
  const look = options.period ?? fallback;
  if (!look || look === 'all') return {};
  const m = /^(\d{1,3})([dmy])$/.exec(look);
  if (!m) throw new UsageError(`--period ${JSON.stringify(look)} is not a period`, 'write it as 12m (months), 2y (years), 90d (days), or all');
  const n = Number(m[1]);
  const d = new Date(`${today}T00:00:00Z`);
  if (m[2] === 'd') d.setUTCDate(d.getUTCDate() - n);
  else if (m[2] === 'm') d.setUTCMonth(d.getUTCMonth() - n);
  else d.setUTCFullYear(d.getUTCFullYear() - n);
  return { since: d.toISOString().slice(0, 10), until: today };
}
