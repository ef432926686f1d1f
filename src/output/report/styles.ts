/**
 * The look of coprod's HTML pages (the report, the evidence page): one style sheet, inline,
 * and the page head every one shares: UTF-8, a phone-width viewport, and a content security
 * policy that allows no script and loads nothing.
 */
import { h, raw, type Markup } from './markup.js';
import { INK } from './palette.js';

export const CSS = `
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b5394; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1040px; padding: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.meta, .muted { color: var(--muted); }
a { color: var(--accent); }
nav ul { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: .8rem 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: .6rem; margin: .8rem 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
.card strong { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
h1, h2, h3, p, li { overflow-wrap: break-word; }
thead th { background: #f0f4f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .35em; vertical-align: -0.1em; border: 1px solid rgba(0,0,0,.25); }
.flag { display: inline-block; font-size: .8rem; padding: 0 .4em; margin: 0 .2em .2em 0; border-radius: 4px; border: 1px solid #b7791f; color: #7b4a00; background: #fff8e6; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: ${INK}; }
svg .rung-label { font-size: 14px; font-weight: 600; }
svg .rung-count { font-size: 13px; }
svg .band-label { font-size: 12px; font-weight: 600; }
svg .axis { font-size: 11px; fill: #52606d; }
svg a:focus rect, svg a:hover rect:first-of-type { stroke-width: 3; }
.heat td.num { min-width: 3.2em; }
ol.steps li { margin-bottom: .4rem; }
details.why { margin-top: .3rem; font-size: .88rem; }
details.why summary { cursor: pointer; color: var(--accent); }
details.why blockquote { margin: .3rem 0; padding-left: .6rem; border-left: 3px solid var(--line); color: var(--muted); }
details.why ul { margin: .2rem 0; padding-left: 1.1rem; }
.scroll { overflow-x: auto; margin: .4rem 0 1rem; }
.scroll table { margin: 0; }
.scroll:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.ladder-narrow { display: none; }
svg.trend { min-width: 520px; }
.swatch, .heat td, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media (max-width: 640px) {
  body { padding: 14px; font-size: 16px; }
  .ladder-wide { display: none; }
  .ladder-narrow { display: block; max-width: 420px; }
  /* text tables become a card per row: each cell on its own line, headed by its column */
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 8px; margin-bottom: .6rem; padding: .2rem 0; }
  table.stack th, table.stack td { border: 0; padding: .2rem .6rem; text-align: left; overflow-wrap: anywhere; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
footer { margin-top: 2.5rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .6rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, .cards, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .ladder-wide { display: block; }
  .ladder-narrow { display: none; }
  details.why { display: none; }
}
`;

/** Styles of the evidence section: a status is said in words and marked by shape, never by colour alone. */
export const EVIDENCE_CSS = `
.status { font-weight: 600; white-space: nowrap; }
.status-evidenced { color: #1e6b34; }
.status-partly { color: #7b4a00; }
.status-not-evidenced { color: #9b1c1c; }
`;

export function headOf(title: string, css: string): Markup {
  return h(
    'head',
    {},
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'" }),
    h('title', {}, title),
    h('style', {}, raw(css)),
  );
}
