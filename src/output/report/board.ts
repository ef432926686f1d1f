/**
 * `coprod report --format board`: "You said, we did" as a one-page notice for a notice
 * board or a newsletter, in the Easy Read manner: large type, short sentences, one idea
 * per line, plain words, no jargon, no ladder. One HTML page for A4, no script.
 */
import type { ReportActivity, ReportModel } from './model.js';
import { h, openTag } from './markup.js';
import { headOf } from './styles.js';

const BOARD_CSS = `
* { box-sizing: border-box; }
body { font: 22px/1.45 Arial, "Helvetica Neue", Helvetica, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 820px; padding: 28px; }
h1 { font-size: 2.2rem; margin: 0 0 .2rem; line-height: 1.2; }
p.lead { font-size: 1.2rem; margin: 0 0 1.2rem; }
ol { list-style: none; padding: 0; margin: 0; }
li.item { border: 3px solid #111; border-radius: 12px; padding: .7rem 1rem; margin: 0 0 1rem; break-inside: avoid; }
li.item p { margin: .15rem 0; }
.said, .did, .couldnt { font-weight: 700; }
footer { font-size: 1.1rem; margin-top: 1.2rem; }
@media (max-width: 640px) { body { font-size: 19px; padding: 14px; } h1 { font-size: 1.7rem; } }
@media print { @page { size: A4; margin: 12mm; } body { max-width: none; padding: 0; font-size: 18pt; } }
`;

/** At most this many: one A4 page at this size. */
const ON_ONE_PAGE = 6;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-04-02 as "2 April 2026". */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** A sentence ends with a full stop. */
const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function item(a: ReportActivity) {
  const o = a.outcome!;
  return h(
    'li',
    { class: 'item' },
    o.you_said ? h('p', {}, h('span', { class: 'said' }, 'You said: '), sentence(o.you_said)) : h('p', {}, h('span', { class: 'said' }, 'We asked you about: '), sentence(a.name)),
    o.we_did ? h('p', {}, h('span', { class: 'did' }, 'We did: '), sentence(o.we_did)) : null,
    o.could_not ? h('p', {}, h('span', { class: 'couldnt' }, 'We could not: '), sentence(o.could_not)) : null,
    !o.we_did && !o.could_not ? h('p', {}, 'We are still working on this.') : null,
    o.told_on ? h('p', {}, `We told you on ${longDate(o.told_on)}.`) : null,
  );
}

export function formatBoard(model: ReportModel): string {
  const where = model.services.length ? model.services.join(', ') : '';
  const shown = model.loop.slice(0, ON_ONE_PAGE);
  const title = 'You said, we did';
  return [
    `<!doctype html>\n${openTag('html', { lang: 'en-GB' })}`,
    headOf(where ? `${title}: ${where}` : title, BOARD_CSS).html,
    openTag('body'),
    h(
      'main',
      {},
      h('h1', {}, title),
      where ? h('p', { class: 'lead' }, `${where}.`) : null,
      h('p', { class: 'lead' }, 'Thank you for telling us what you think.', h('br'), 'This is what happened next.'),
      shown.length ? h('ol', {}, ...shown.map(item)) : h('p', {}, 'Nothing to show yet.', h('br'), 'Soon we will tell you what changed.'),
      model.loop.length > shown.length ? h('p', {}, `There is more to read. Ask us for the full list.`) : null,
    ).html,
    h('footer', {}, h('p', {}, 'Want to have your say?', h('br'), 'Talk to any member of staff.')).html,
    '</body></html>\n',
  ].join('');
}
