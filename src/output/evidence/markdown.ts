/** `coprod evidence --format markdown`: each framework as a table of requirements, for an evidence pack. */
import type { EvidenceResult } from '../../assess/evidence.js';
import { markdownText as md } from '../../text/markdown-escape.js';
import { markdownTable } from '../map/markdown.js';
import { countedText, groupCount, nextOf, periodText, placeOf, STATUS_WORDS, totalsText } from './words.js';

/** `level`: the heading level of each framework (2 inside the report); `groups`: whether to list the log's groups. */
export function formatEvidenceMarkdown(results: readonly EvidenceResult[], { level = 1, groups = true }: { level?: number; groups?: boolean } = {}): string {
  const out: string[] = [];
  const hashes = '#'.repeat(level);
  for (const e of results) {
    const f = e.framework;
    out.push(`${hashes} Evidence against ${md(f.name)}`, '');
    out.push(`Source: ${md(f.source.title)}, ${md(f.source.body)} (${md(String(f.source.year))}), <${md(f.source.url)}>.`, '');
    out.push(`Period: ${md(periodText(e.period))}; ${md(countedText(e))}. ${md(totalsText(e))}.`, '');
    const rows = e.requirements.map((r) => [
      md(r.requirement.id),
      md(r.requirement.title),
      `**${STATUS_WORDS[r.status]}**`,
      md(r.found),
      r.behind.length ? r.behind.map((a) => `${md(placeOf(a))} ${md(a.activity.name)}`).join('<br>') : '—',
      md(nextOf(r) ?? '—'),
    ]);
    out.push(markdownTable(['Requirement', 'Title', 'Status', 'Found', 'Activities behind it', 'Next step'], rows), '');
    if (groups && e.groups.length) {
      out.push(`${hashes}# Groups the service serves`, '');
      out.push(markdownTable(['Group', 'Activities in the period', 'Highest say', 'Highest rung'], e.groups.map((g) => [md(g.group), md(groupCount(g.activities.length)), md(g.highestSay ?? 'never involved'), md(g.highestRung ?? '—')])), '');
    }
  }
  return out.join('\n');
}
