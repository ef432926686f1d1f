/**
 * The groups a log serves (`groups:`), tallied over results one at a time: for each, the
 * activities that involved it (a participant entry naming it), and the highest `say` and
 * rung on the primary ladder it reached in one. The report tallies as results stream by;
 * evidence against a framework also keeps each group's activities.
 */
import type { ActivityResult } from './assess-activity.js';
import { sayRank } from '../model/facts-model.js';
import type { Ladder } from '../model/ladder.js';

/** A group as the log names it and as a participant entry names it: case, spaces and a plural s aside. */
export function sameGroup(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '').replace(/s$/, '');
  return norm(a) === norm(b);
}

export interface GroupRow {
  group: string;
  /** Activities that involved the group. */
  count: number;
  /** The highest `say` it had in one (none when never involved). */
  highestSay?: string;
  /** The highest rung on the primary ladder. */
  highestRung?: string;
  /** Its activities, when asked to keep them. */
  activities?: ActivityResult[];
}

export class GroupTally {
  private readonly rows: Array<GroupRow & { rungIndex: number }>;

  constructor(
    groups: readonly string[],
    private readonly primary: Ladder | undefined,
    keep = false,
  ) {
    this.rows = [...new Set(groups)].map((group) => ({ group, count: 0, rungIndex: 0, ...(keep ? { activities: [] } : {}) }));
  }

  add(r: ActivityResult): void {
    for (const row of this.rows) {
      if (!r.activity.participants.some((p) => sameGroup(p, row.group))) continue;
      row.count += 1;
      row.activities?.push(r);
      const say = r.facts.lookup('say');
      if (typeof say === 'string' && (row.highestSay === undefined || sayRank(say) > sayRank(row.highestSay))) row.highestSay = say;
      const placed = this.primary ? r.placements.get(this.primary.id) : undefined;
      if (placed?.rung && placed.index > row.rungIndex) {
        row.rungIndex = placed.index;
        row.highestRung = placed.rung.id;
      }
    }
  }

  finish(): GroupRow[] {
    return this.rows.map(({ rungIndex: _rungIndex, ...row }) => row);
  }
}
