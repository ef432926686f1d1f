/** `coprod map --format markdown`: the table and summary as Markdown, for pasting into documents. */
import { plural } from '../../text/plural.js';
import type { MapResult } from '../../assess/map-log.js';
import { markdownText as md } from '../../text/markdown-escape.js';
import { percent } from '../summary-text.js';
import { basisOf, nextStepText } from '../describe.js';

export function markdownTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function formatMarkdown(result: MapResult): string {
  const ladders = result.ladders;
  const primary = ladders[0]!;
  const services = [...new Set(result.logs.map((l) => l.service).filter((s): s is string => !!s))];
  const out: string[] = [];
  out.push(`# Involvement map${services.length ? `: ${services.map(md).join(', ')}` : ''}`, '');
  out.push(`Ladder${ladders.length > 1 ? 's' : ''}: ${ladders.map((l) => md(l.name)).join(', ')}. ${plural(result.summary.total, 'activity', 'activities')}.`, '');
  // the same headers as the terminal table
  const head = ['Activity', 'Level', ...ladders.map((l) => md(ladders.length === 1 ? `${l.id.toUpperCase()} rung` : l.id)), 'Basis', 'Flags', `Next step${ladders.length > 1 ? ` (${md(primary.id)})` : ''}`];
  const rows = result.results.map((r) => [
    md(r.activity.name),
    md(String(r.resolved.findings.get('level')?.value ?? 'service')),
    ...ladders.map((l) => md(r.placements.get(l.id)?.rung?.id ?? 'unclassified')),
    md(basisOf(r)),
    r.flags.length ? r.flags.map((f) => md(f.id)).join(', ') : '—',
    md(nextStepText(r, primary.id)),
  ]);
  out.push(markdownTable(head, rows), '');
  out.push('## Summary', '');
  for (const s of result.summary.ladders) {
    out.push(`### ${md(s.ladder.name)}`, '');
    const rungRows = [...s.ladder.rungs].reverse().map((r) => [md(r.name), md(r.band.name), String(s.counts.get(r.id) ?? 0), percent(result.summary.total ? (s.counts.get(r.id) ?? 0) / result.summary.total : 0)]);
    const unclassified = s.counts.get('unclassified') ?? 0;
    if (unclassified) rungRows.push(['unclassified', '—', String(unclassified), percent(unclassified / result.summary.total)]);
    out.push(markdownTable(['Rung (top first)', 'Band', 'Activities', 'Share'], rungRows), '');
    const bands = [...s.ladder.bands].reverse().map((b) => `${md(b.name)} ${percent(s.bandShares.get(b.id) ?? 0)}`);
    if (unclassified) bands.push(`unclassified ${percent(s.bandShares.get('unclassified') ?? 0)}`);
    out.push(`Bands: ${bands.join(' · ')}`, '');
  }
  const flags = [...result.summary.flags].filter(([, n]) => n > 0);
  out.push(`Flags: ${flags.length ? flags.map(([id, n]) => `${id} ${n}`).join(' · ') : 'none'}`, '');
  return out.join('\n');
}
