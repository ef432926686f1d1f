/**
 * The summary under every output: activities per rung, share per band, flag counts,
 * per ladder. Built one result at a time, so a streamed run need not keep its results.
 */
import type { Ladder } from '../model/ladder.js';
import { FLAG_IDS, type FlagId } from './flags.js';
import type { ActivityResult } from './assess-activity.js';

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

export class SummaryBuilder {
  private total = 0;
  private readonly perLadder: LadderSummary[];
  private readonly flags = new Map<FlagId, number>(FLAG_IDS.map((f) => [f, 0]));

  constructor(ladders: readonly Ladder[]) {
    this.perLadder = ladders.map((ladder) => {
      const counts = new Map<string, number>(ladder.rungs.map((r) => [r.id, 0]));
      counts.set('unclassified', 0);
      const bandCounts = new Map<string, number>(ladder.bands.map((b) => [b.id, 0]));
      bandCounts.set('unclassified', 0);
      return { ladder, counts, bandCounts, bandShares: new Map() };
    });
  }

  add(result: ActivityResult): void {
    this.total++;
    for (const s of this.perLadder) {
      const p = result.placements.get(s.ladder.id);
      const rung = p?.rung?.id ?? 'unclassified';
      s.counts.set(rung, (s.counts.get(rung) ?? 0) + 1);
      const band = p?.band?.id ?? 'unclassified';
      s.bandCounts.set(band, (s.bandCounts.get(band) ?? 0) + 1);
    }
    for (const flag of result.flags) this.flags.set(flag.id, (this.flags.get(flag.id) ?? 0) + 1);
  }

  finish(): Summary {
    for (const s of this.perLadder) {
      s.bandShares.clear();
      for (const [band, n] of s.bandCounts) s.bandShares.set(band, this.total ? n / this.total : 0);
    }
    return { total: this.total, ladders: this.perLadder, flags: this.flags };
  }
}

export function summarise(results: readonly ActivityResult[], ladders: readonly Ladder[]): Summary {
  const builder = new SummaryBuilder(ladders);
  for (const r of results) builder.add(r);
  return builder.finish();
}
