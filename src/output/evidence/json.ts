/** `coprod evidence --format json`: the machine shape, one entry per framework. */
import type { EvidenceResult } from '../../assess/evidence.js';
import { shownCount } from '../../assess/evidence.js';
import { totals } from './words.js';

export function formatEvidenceJson(results: readonly EvidenceResult[], pretty: boolean): string {
  const data = {
    frameworks: results.map((e) => ({
      id: e.framework.id,
      name: e.framework.name,
      source: e.framework.source,
      period: e.period,
      activities: e.counted.length,
      leftOut: e.leftOut,
      summary: (({ evidenced, partly, 'not-evidenced': notEvidenced }) => ({ evidenced, partly, notEvidenced }))(totals(e)),
      requirements: e.requirements.map((r) => ({
        id: r.requirement.id,
        title: r.requirement.title,
        status: r.status,
        found: r.found,
        activities: r.behind.map((a) => ({ id: a.activity.id, name: a.activity.name, file: a.activity.source.file, line: a.activity.source.line, ...(a.activity.source.sheet === undefined ? {} : { sheet: a.activity.source.sheet }) })),
        ...(r.status === 'evidenced' ? {} : { next: r.requirement.next }),
      })),
      // counts under 5 are not given, so that nobody is identifiable
      groups: e.groups.map((g) => ({ group: g.group, activities: g.activities.length >= 5 || g.activities.length === 0 ? g.activities.length : shownCount(g.activities.length), highestSay: g.highestSay ?? null, highestRung: g.highestRung ?? null })),
    })),
  };
  return `${JSON.stringify(data, null, pretty ? 2 : undefined)}\n`;
}
