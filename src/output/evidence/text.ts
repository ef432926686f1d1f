/** `coprod evidence` for a person at a terminal: each framework's requirements with their status, what was found, what is behind it and the next step; then the groups. */
import type { EvidenceResult } from '../../assess/evidence.js';
import type { View } from '../view.js';
import { safeInline } from '../../text/terminal-text.js';
import { wrapIndented } from '../../text/wrap.js';
import { countedText, groupCount, nextOf, periodText, placeOf, STATUS_WORDS, totalsText } from './words.js';

const MAX_BEHIND = 5;

export function formatEvidenceText(results: readonly EvidenceResult[], view: View): string {
  const { colours: c, width } = view;
  const mark = { evidenced: view.ascii ? '[x]' : '✔', partly: view.ascii ? '[~]' : '◐', 'not-evidenced': view.ascii ? '[ ]' : '✖' } as const;
  const paint = { evidenced: c.green, partly: c.yellow, 'not-evidenced': c.red } as const;
  const out: string[] = [];
  for (const e of results) {
    const f = e.framework;
    out.push(c.bold(safeInline(f.name)));
    out.push(wrapIndented(`Source: ${safeInline(f.source.title)} (${safeInline(f.source.body)}, ${safeInline(String(f.source.year))}) ${safeInline(f.source.url)}`, width, '  ', ''));
    out.push(wrapIndented(`Period: ${periodText(e.period)}; ${countedText(e)}.`, width, '  ', ''), '');
    for (const r of e.requirements) {
      const status = paint[r.status](`${mark[r.status]} ${STATUS_WORDS[r.status]}`);
      out.push(wrapIndented(`${status}  ${c.dim(safeInline(r.requirement.id))}  ${safeInline(r.requirement.title)}`, width, '    ', ''));
      out.push(wrapIndented(`Found: ${safeInline(r.found)}`, width, '    '));
      if (r.behind.length) {
        const shown = r.behind.slice(0, MAX_BEHIND).map((a) => `${safeInline(placeOf(a))} ${safeInline(a.activity.name)}`);
        const more = r.behind.length > MAX_BEHIND ? `, and ${r.behind.length - MAX_BEHIND} more` : '';
        out.push(wrapIndented(`Behind it: ${shown.join('; ')}${more}`, width, '    '));
      }
      const next = nextOf(r);
      if (next) out.push(wrapIndented(`${c.green('→')} ${safeInline(next)}`, width, '      ', '    '));
      out.push('');
    }
    if (e.groups.length) {
      out.push(c.bold('Groups the service serves, in the period'));
      for (const g of e.groups) {
        const reach = g.highestSay ? `highest say: ${g.highestSay}${g.highestRung ? ` (${g.highestRung})` : ''}` : 'never involved';
        const gap = !g.highestSay || ['none', 'taught', 'told'].includes(g.highestSay) ? c.yellow(' · not yet heard') : '';
        out.push(wrapIndented(`${safeInline(g.group)}: ${groupCount(g.activities.length)}; ${reach}${gap}`, width, '    ', '  '));
      }
      out.push('');
    }
    out.push(totalsText(e), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
