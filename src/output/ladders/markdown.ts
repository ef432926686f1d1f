/** `coprod ladders --format markdown`: the ladders listed, or one ladder top rung first. */
import type { Ladder } from '../../model/ladder.js';
import { markdownText as md } from '../../text/markdown-escape.js';

export function formatLaddersMarkdown(shown: Ladder | readonly Ladder[]): string {
  if (Array.isArray(shown)) {
    const list = shown as readonly Ladder[];
    return ['| Ladder | Name | Rungs | Source |', '| --- | --- | --- | --- |', ...list.map((l) => `| ${md(l.id)} | ${md(l.name)} | ${l.rungs.length} | ${md(l.source.organisation)}${l.source.year ? ` (${md(String(l.source.year))})` : ''} |`)].join('\n') + '\n';
  }
  const ladder = shown as Ladder;
  const s = ladder.source;
  const lines = [`# ${md(ladder.name)} (${md(ladder.id)})`, '', md(ladder.description), '', `Source: ${md(s.title)}, ${md(s.organisation)}${s.year ? `, ${md(String(s.year))}` : ''}${s.url ? `, ${md(s.url)}` : ''}`, ''];
  lines.push('| # | Rung | Band | Summary |', '| --- | --- | --- | --- |');
  for (const r of [...ladder.rungs].reverse()) lines.push(`| ${r.index} | ${md(r.name)} (${md(r.id)}) | ${md(r.band.name)} | ${md(r.summary)}${r.promise ? ` Promise: ${md(r.promise)}` : ''} |`);
  return `${lines.join('\n')}\n`;
}
