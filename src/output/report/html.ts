/**
 * `coprod report` as one self-contained HTML page: inline CSS and SVG, no script, a
 * content security policy that forbids any, every user string escaped, headings and
 * table headers for screen readers, and print rules for A4.
 */
import { rungName, rungWithId } from '../../model/ladder.js';
import { FLAG_TITLES } from '../../assess/flags.js';
import { percent } from '../summary-text.js';
import type { ReportActivity, ReportModel } from './model.js';
import { activities, ladderSvg, trendSvg } from './charts.js';
import { fragment, h, openTag, type Markup } from './markup.js';
import { bandFill, bandPattern, heatFill, rungFill } from './palette.js';
import { inferredNote, NO_PARTICIPANTS, unnamedNote } from './coverage-text.js';
import { maxOf } from '../max-of.js';
import { CSS, EVIDENCE_CSS, headOf } from './styles.js';
import { evidenceSection } from '../evidence/html-section.js';
import { groupCount } from '../evidence/words.js';
import { sayRank } from '../../model/facts-model.js';


function flagsCell(a: ReportActivity): Markup | string {
  return a.flags.length ? fragment(...a.flags.map((f) => h('span', { class: 'flag', title: FLAG_TITLES[f] }, f))) : '—';
}

/** A wide table or chart in a box of its own that scrolls sideways on a small screen, reachable by keyboard. */
function scrollBox(label: string, content: Markup): Markup {
  return h('div', { class: 'scroll', role: 'region', 'aria-label': label, tabindex: 0 }, content);
}

/** Why an activity sits where it does: the description and the words each inferred fact rests on. */
/** The activity's evidence files, a missing one said so. */
function evidenceOf(a: ReportActivity): Markup | null {
  if (!a.evidence.length) return null;
  return h('span', { class: 'muted' }, h('br', {}), 'Evidence: ', ...a.evidence.map((e, i) => fragment(i ? ', ' : '', e, a.evidenceMissing.includes(e) ? ' (not found)' : '')));
}

function why(a: ReportActivity): Markup | null {
  if (!a.readings.length) return null;
  return h(
    'details',
    { class: 'why' },
    h('summary', {}, 'Why this rung'),
    a.description ? h('blockquote', {}, a.description) : null,
    h('ul', {}, ...a.readings.map((r) => h('li', {}, `${r.fact}: ${r.value}, from `, h('q', {}, r.evidence)))),
  );
}

/**
 * The page, in parts written one after another (head, each section, each rung's
 * activities), so that a big log's report is never built as one string.
 */
export function* formatReportHtml(model: ReportModel): Generator<string> {
  const L = model.ladder;
  const nameOn = (ladderIndex: number, id: string): string => rungName(model.ladders[ladderIndex]!, id);
  const section = (id: string, title: string, ...children: Parameters<typeof h>[2][]): Markup => h('section', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);

  const glance = section(
    'glance',
    'At a glance',
    h(
      'div',
      { class: 'cards' },
      h('div', { class: 'card' }, h('strong', {}, model.total), 'activities'),
      ...model.bands.map((b) => h('div', { class: 'card' }, h('strong', {}, percent(b.share)), `${b.band.name} (${activities(b.count)})`)),
      model.unclassified ? h('div', { class: 'card' }, h('strong', {}, model.unclassified), 'not yet placed') : null,
      h('div', { class: 'card' }, h('strong', {}, model.flags.reduce((n, f) => n + f.items.length, 0)), 'flags to look at'),
    ),
  );

  const ladder = section(
    'ladder',
    `The ladder: ${L.name}`,
    h('p', { class: 'muted' }, 'Top rung first. Select a rung to see its activities. Bands are shaded and patterned.'),
    h('figure', {}, ladderSvg(model, 'wide'), ladderSvg(model, 'narrow')),
    model.inferred ? h('p', { class: 'muted' }, inferredNote(model, 'each one (basis "inferred" or "mixed") shows the words it rests on under "Why this rung"')) : null,
    h(
      'table',
      { class: 'stack' },
      h('caption', { class: 'visually-hidden' }, 'Activities per rung'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rung (top first)'), h('th', { scope: 'col' }, 'Band'), h('th', { scope: 'col', class: 'num' }, 'Activities'), h('th', { scope: 'col' }, 'What it means'))),
      h(
        'tbody',
        {},
        ...model.rungs.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${rungFill(L, r.id)}` }), r.count ? h('a', { href: `#rung-${r.id}` }, `${r.index}. ${r.name}`) : `${r.index}. ${r.name}`),
            h('td', { 'data-label': 'Band' }, r.band.name),
            h('td', { class: 'num', 'data-label': 'Activities' }, r.count),
            h('td', { 'data-label': 'What it means' }, r.summary),
          ),
        ),
        model.unclassified ? h('tr', {}, h('th', { scope: 'row' }, h('a', { href: '#rung-unclassified' }, 'Unclassified')), h('td', { 'data-label': 'Band' }, '—'), h('td', { class: 'num', 'data-label': 'Activities' }, model.unclassified), h('td', { 'data-label': 'What it means' }, 'Not enough recorded to place it; see the questions in its next step.')) : null,
      ),
    ),
  );

  const next = section(
    'next',
    'Where to go next',
    model.nextSteps.length
      ? fragment(
          h('p', { class: 'muted' }, 'Each step, and how many activities it would lift one rung.'),
          h(
            'ol',
            { class: 'steps' },
            ...model.nextSteps.slice(0, 10).map((s) =>
              h('li', {}, h('strong', {}, s.action), ` (${activities(s.count)}: `, ...s.activities.slice(0, 8).flatMap((a, i) => [i ? ', ' : '', h('a', { href: `#${a.anchor}` }, a.name)]), s.activities.length > 8 ? ', …' : '', ')'),
            ),
          ),
        )
      : h('p', {}, 'Every placed activity is at its target or on the top rung.'),
  );

  const flagHead = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Activity'), h('th', { scope: 'col' }, 'What was found'), h('th', { scope: 'col' }, 'Next step'))).html;
  /** The flags section, a row at a time. */
  function* flags(): Generator<string> {
    yield `${openTag('section', { id: 'flags', 'aria-labelledby': 'flags-h' })}${h('h2', { id: 'flags-h' }, 'Flags').html}`;
    if (!model.flags.length) yield h('p', {}, 'No flags.').html;
    for (const f of model.flags) {
      yield `${h('h3', {}, `${f.title} (${f.items.length})`).html}<table class="stack">${flagHead}<tbody>`;
      for (const i of f.items) yield h('tr', {}, h('th', { scope: 'row' }, h('a', { href: `#${i.activity.anchor}` }, i.activity.name)), h('td', { 'data-label': 'What was found' }, i.message), h('td', { 'data-label': 'Next step' }, i.action)).html;
      yield '</tbody></table>';
    }
    yield '</section>';
  }

  const trendChart = trendSvg(model);
  const { quarters, series, undated } = model.trend;
  const trend = section(
    'trend',
    'Over time',
    trendChart
      ? fragment(
          h('p', { class: 'muted' }, `Activities per rung in each quarter, from their dates${undated ? `; ${activities(undated)} without a date are not shown` : ''}.`),
          h('figure', {}, scrollBox('Chart: activities per rung, by quarter', trendChart)),
          scrollBox(
            'Activities per rung by quarter',
            h(
              'table',
              {},
              h('caption', { class: 'visually-hidden' }, 'Activities per rung by quarter'),
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rung'), ...quarters.map((q) => h('th', { scope: 'col', class: 'num' }, q)))),
              h('tbody', {}, ...[...series].reverse().map((s) => h('tr', {}, h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${s.band ? rungFill(L, s.rung) : '#cfd8dc'}` }), nameOn(0, s.rung)), ...s.counts.map((n) => h('td', { class: 'num' }, n || ''))))),
            ),
          ),
        )
      : h('p', {}, 'No activity has a date, so there is no trend to show. Add a date (YYYY-MM-DD) to each activity.'),
  );

  const { participants, rungs: pRungs, counts } = model.participation;
  const maxCell = maxOf(counts.flat(), 1);
  const who = section(
    'who',
    'Who took part, at which rung',
    participants.length
      ? fragment(
          h('p', { class: 'muted' }, `Whose voice reaches which rungs: a row per group named in the participants of each activity, top rung on the left. ${unnamedNote(model)}`.trim()),
          scrollBox(
            'Who took part, at which rung',
            h(
              'table',
              { class: 'heat' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Participants'), ...pRungs.map((r) => h('th', { scope: 'col', class: 'num' }, nameOn(0, r))))),
              h(
                'tbody',
                {},
                participants.map((p, pi) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, p),
                    ...counts[pi]!.map((n, ri) => {
                      const rung = rungWithId(L, pRungs[ri]!);
                      return h('td', { class: 'num', style: n && rung ? `background: ${heatFill(L, rung.id, n / maxCell)}` : undefined }, n || '');
                    }),
                  ),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, NO_PARTICIPANTS),
  );

  const activityHead = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Activity'),
      h('th', { scope: 'col' }, 'Level'),
      ...model.ladders.slice(1).map((l) => h('th', { scope: 'col' }, l.name)),
      h('th', { scope: 'col' }, 'Basis'),
      h('th', { scope: 'col' }, 'Flags'),
      h('th', { scope: 'col' }, 'Next step'),
    ),
  ).html;
  /** All activities, a rung at a time and a row at a time. */
  function* all(): Generator<string> {
    yield `${openTag('section', { id: 'activities', 'aria-labelledby': 'activities-h' })}${h('h2', { id: 'activities-h' }, 'All activities, by rung').html}`;
    for (const g of model.groups) {
      const id = g.rung ? `rung-${g.rung.id}` : 'rung-unclassified';
      const title = g.rung ? `${g.rung.index}. ${g.rung.name} (${activities(g.activities.length)})` : `Unclassified (${activities(g.activities.length)})`;
      yield openTag('section', { id, 'aria-labelledby': `${id}-h` });
      yield `${h('h3', { id: `${id}-h` }, g.rung ? h('span', { class: 'swatch', style: `background:${rungFill(L, g.rung.id)}` }) : null, title).html}<table class="stack">${activityHead}<tbody>`;
      for (const a of g.activities) {
        yield h(
          'tr',
          { id: a.anchor },
          h('th', { scope: 'row' }, a.name, h('br', {}), h('span', { class: 'muted' }, `${a.file}:${a.line}${a.date ? ` · ${a.date}` : ''}`), evidenceOf(a), why(a)),
          h('td', { 'data-label': 'Level' }, a.level),
          ...model.ladders.slice(1).map((l, i) => h('td', { 'data-label': l.name }, nameOn(i + 1, a.rungs[l.id]!))),
          h('td', { 'data-label': 'Basis' }, a.basis),
          h('td', { 'data-label': 'Flags' }, flagsCell(a)),
          h('td', { 'data-label': 'Next step' }, a.next),
        ).html;
      }
      yield '</tbody></table></section>';
    }
    yield '</section>';
  }

  const loop = section(
    'loop',
    'You said, we did',
    model.loop.length
      ? h(
          'table',
          { class: 'stack' },
          h('caption', { class: 'visually-hidden' }, 'What people said and what was done'),
          h('thead', {}, h('tr', {}, ...['Activity', 'You said', 'We did (or could not)', 'Told'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            ...model.loop.map((a) =>
              h(
                'tr',
                {},
                h('td', { 'data-label': 'Activity' }, h('a', { href: `#${a.anchor}` }, a.name)),
                h('td', { 'data-label': 'You said' }, a.outcome!.you_said ?? '—'),
                h('td', { 'data-label': 'We did (or could not)' }, a.outcome!.we_did ?? '', a.outcome!.we_did && a.outcome!.could_not ? h('br', {}) : null, a.outcome!.could_not ? `Could not: ${a.outcome!.could_not}` : '', !a.outcome!.we_did && !a.outcome!.could_not ? 'not recorded yet' : ''),
                h('td', { 'data-label': 'Told' }, a.outcome!.told_on ? `${a.outcome!.told_on}${a.outcome!.told_how?.length ? ` (${a.outcome!.told_how.join(', ')})` : ''}` : 'not yet'),
              ),
            ),
          ),
        )
      : h('p', {}, 'No activity records an outcome yet. Add `outcome:` (you_said, we_did or could_not, told_on) to show people what changed.'),
  );

  const served = model.servedGroups.length
    ? section(
        'groups',
        'Groups the service serves',
        h('p', { class: 'muted' }, 'From the log\'s groups. Fewer than 5 is not counted exactly, so that nobody is identifiable.'),
        h(
          'table',
          { class: 'stack' },
          h('caption', { class: 'visually-hidden' }, 'Involvement of each group'),
          h('thead', {}, h('tr', {}, ...['Group', 'Activities', 'Highest say', `Highest rung (${L.name})`].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...model.servedGroups.map((g) => h('tr', {}, h('td', { 'data-label': 'Group' }, g.group), h('td', { 'data-label': 'Activities' }, groupCount(g.count)), h('td', { 'data-label': 'Highest say' }, g.highestSay ?? 'never involved', g.highestSay && sayRank(g.highestSay) >= sayRank('heard') ? '' : ' (not yet heard)'), h('td', { 'data-label': 'Highest rung' }, g.highestRung ? nameOn(0, g.highestRung) : '—')))),
        ),
      )
    : null;

  const source = L.source;
  yield `<!doctype html>\n${openTag('html', { lang: 'en-GB' })}`;
  yield headOf(model.title, CSS + EVIDENCE_CSS).html;
  yield openTag('body');
  yield h(
    'header',
    {},
    h('h1', {}, model.title),
    h('p', { class: 'meta' }, `${activities(model.total)} on the ${L.name}. Generated by coprod on ${model.generated} from ${model.files.join(', ')}.`),
    h('nav', { 'aria-label': 'Sections' }, h('ul', {}, ...[['glance', 'At a glance'], ['ladder', 'The ladder'], ['next', 'Where to go next'], ['flags', 'Flags'], ['loop', 'You said, we did'], ...(served ? [['groups', 'Groups']] : []), ...model.evidence.map((e, i) => [`evidence-${i + 1}`, `Evidence: ${e.framework.id}`]), ['trend', 'Over time'], ['who', 'Who took part'], ['activities', 'All activities']].map(([id, t]) => h('li', {}, h('a', { href: `#${id}` }, t!))))),
  ).html;
  yield openTag('main');
  yield glance.html;
  yield ladder.html;
  yield next.html;
  yield* flags();
  yield loop.html;
  if (served) yield served.html;
  for (const [i, e] of model.evidence.entries()) yield evidenceSection(e, `evidence-${i + 1}`, false).html;
  yield trend.html;
  yield who.html;
  yield* all();
  yield '</main>';
  yield h(
    'footer',
    {},
    h('p', {}, 'Ladder: ', h('cite', {}, source.title), source.year ? ` (${source.year})` : '', '. ', source.credit ?? `${source.organisation}.`, source.url && !(source.credit ?? '').includes(source.url.replace(/^https?:\/\//, '')) ? fragment(' ', h('span', {}, source.url)) : null),
    h('p', {}, 'Placements rest on the facts recorded in the log and, where marked "inferred", on its descriptions. Bands: ', ...L.bands.map((b, i) => fragment(i ? ', ' : '', h('span', { class: 'swatch', style: `background:${bandFill(L, b.order)}` }), b.name, bandPattern(b.order, L.bands.length) === 'pattern-hatch' ? ' (hatched)' : bandPattern(b.order, L.bands.length) === 'pattern-dots' ? ' (dotted)' : ' (plain)')), '.'),
  ).html;
  yield '</body></html>\n';
}
