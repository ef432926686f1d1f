/** The summary under every output: activities per rung, share per band, flag counts, per ladder. */
import type { Ladder } from '../ladders/ladder.js';
import { FLAG_IDS, type FlagId } from './flags.js';
import type { ActivityResult } from './map-log.js';

export interface LadderSummary {
  ladder: Ladder;
  /** Rung id → count, bottom rung first, then `unclassified`. */
  counts: Map<string, number>;
  /** Band id → share of all activities (0–1), lowest band first, then `unclassified`. */
  bandShares: Map<string, number>;
  /** Band id → count. */
  bandCounts: Map<string, number>;
}

export interface Summary {
  total: number;
  ladders: LadderSummary[];
  flags: Map<FlagId, number>;
}

export function summarise(results: readonly ActivityResult[], ladders: readonly Ladder[]): Summary {
  const total = results.length;
  const perLadder = ladders.map((ladder) => {
    const counts = new Map<string, number>(ladder.rungs.map((r) => [r.id, 0]));
    counts.set('unclassified', 0);
    const bandCounts = new Map<string, number>(ladder.bands.map((b) => [b.id, 0]));
    bandCounts.set('unclassified', 0);
    for (const result of results) {
      const p = result.placements.get(ladder.id);
      const rung = p?.rung?.id ?? 'unclassified';
      counts.set(rung, (counts.get(rung) ?? 0) + 1);
      const band = p?.band?.id ?? 'unclassified';
      bandCounts.set(band, (bandCounts.get(band) ?? 0) + 1);
    }
    const bandShares = new Map<string, number>();
    for (const [band, n] of bandCounts) bandShares.set(band, total ? n / total : 0);
    return { ladder, counts, bandShares, bandCounts };
  });
  const flags = new Map<FlagId, number>(FLAG_IDS.map((f) => [f, 0]));
  for (const result of results) for (const flag of result.flags) flags.set(flag.id, (flags.get(flag.id) ?? 0) + 1);
  return { total, ladders: perLadder, flags };
}
