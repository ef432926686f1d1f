/** One framework's evidence as an HTML section: its requirements in a table (status in words and by mark), what is behind each, the next step; then the groups. Shared by the evidence page and the report. */
import type { EvidenceResult } from '../../assess/evidence.js';
import { h, type Markup } from '../report/markup.js';
import { countedText, groupCount, nextOf, periodText, placeOf, STATUS_WORDS, totalsText } from './words.js';

const MARK = { evidenced: '✔', partly: '◐', 'not-evidenced': '✖' } as const;

/** `groups`: whether to list the log's groups too (the report shows them once, in a section of their own). */
export function evidenceSection(e: EvidenceResult, id: string, groups = true): Markup {
  const f = e.framework;
  return h(
    'section',
    { id, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, `Evidence against ${f.name}`),
    h('p', { class: 'muted' }, 'Source: ', h('cite', {}, f.source.title), `, ${f.source.body} (${f.source.year}), `, h('span', {}, f.source.url), '.'),
    h('p', {}, `Period: ${periodText(e.period)}; ${countedText(e)}. `, h('strong', {}, totalsText(e)), '.'),
    h(
      'table',
      { class: 'stack' },
      h('caption', { class: 'visually-hidden' }, `Requirements of ${f.name}`),
      h('thead', {}, h('tr', {}, ...['Requirement', 'Status', 'Found', 'Activities behind it', 'Next step'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...e.requirements.map((r) =>
          h(
            'tr',
            {},
            h('td', { 'data-label': 'Requirement' }, h('strong', {}, r.requirement.id), ' ', r.requirement.title),
            h('td', { 'data-label': 'Status' }, h('span', { class: `status status-${r.status}` }, h('span', { 'aria-hidden': 'true' }, `${MARK[r.status]} `), STATUS_WORDS[r.status])),
            h('td', { 'data-label': 'Found' }, r.found),
            h('td', { 'data-label': 'Activities behind it' }, r.behind.length ? h('ul', {}, ...r.behind.slice(0, 10).map((a) => h('li', {}, a.activity.name, ' ', h('span', { class: 'muted' }, `(${placeOf(a)})`))), r.behind.length > 10 ? h('li', {}, `and ${r.behind.length - 10} more`) : null) : '—'),
            h('td', { 'data-label': 'Next step' }, nextOf(r) ?? '—'),
          ),
        ),
      ),
    ),
    groups && e.groups.length
      ? h(
          'table',
          { class: 'stack' },
          h('caption', {}, 'Groups the service serves, in the period (fewer than 5 is not counted exactly, so that nobody is identifiable)'),
          h('thead', {}, h('tr', {}, ...['Group', 'Activities', 'Highest say', 'Highest rung'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...e.groups.map((g) => h('tr', {}, h('td', { 'data-label': 'Group' }, g.group), h('td', { 'data-label': 'Activities' }, groupCount(g.activities.length)), h('td', { 'data-label': 'Highest say' }, g.highestSay ?? 'never involved'), h('td', { 'data-label': 'Highest rung' }, g.highestRung ?? '—')))),
        )
      : null,
  );
}
