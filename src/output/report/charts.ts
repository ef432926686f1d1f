/**
 * The report's two pictures as SVG: the ladder itself (top rung at the top, bands
 * shaded and labelled, each rung linking to its activities) and activities per rung
 * by quarter as stacked bars. Both carry a title and a text description for screen
 * readers, and patterns as well as colours.
 */
import { plural } from '../../text/plural.js';
import { rungName, type Ladder } from '../../model/ladder.js';
import type { ReportModel } from './model.js';
import { fragment, h, type Markup } from './markup.js';
import { bandFill, bandPattern, rungFill } from './palette.js';

const PATTERNS = h(
  'defs',
  {},
  h('pattern', { id: 'pattern-hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, h('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#000', 'stroke-opacity': 0.12, 'stroke-width': 3 })),
  h('pattern', { id: 'pattern-dots', width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, h('circle', { cx: 4, cy: 4, r: 1.4, fill: '#000', 'fill-opacity': 0.16 })),
);

export function activities(n: number): string {
  return plural(n, 'activity', 'activities');
}

/**
 * The ladder picture. `wide`: band names in shaded blocks left of their rungs. `narrow`
 * (a phone): the rungs take the whole width, each band's name on a line above its
 * rungs, so the labels stay at a readable size. The page shows one or the other.
 */
export function ladderSvg(model: ReportModel, layout: 'wide' | 'narrow'): Markup {
  const ladder = model.ladder;
  const wide = layout === 'wide';
  const W = wide ? 660 : 340;
  const RH = 40;
  const GAP = 8;
  const BAND_ROW = wide ? 0 : 24;
  const LEFT = wide ? 150 : 14;
  const max = Math.max(1, ...model.rungs.map((r) => r.count), model.unclassified);
  // each rung's top edge, top rung first; in the narrow picture a band's first rung sits under its name
  const ys: number[] = [];
  let cursor = 12;
  model.rungs.forEach((r, i) => {
    if (BAND_ROW && (i === 0 || model.rungs[i - 1]!.band !== r.band)) cursor += BAND_ROW;
    ys.push(cursor);
    cursor += RH + GAP;
  });
  const ground = model.unclassified ? 52 : 0;
  const H = cursor + ground + 8;
  const parts: Markup[] = [];
  // rails
  parts.push(h('rect', { x: LEFT - 8, y: 6, width: 6, height: cursor - 6, fill: '#6d4c41', rx: 2 }));
  parts.push(h('rect', { x: W - 14, y: 6, width: 6, height: cursor - 6, fill: '#6d4c41', rx: 2 }));
  for (const band of [...ladder.bands].reverse()) {
    const idx = model.rungs.map((r, i) => (r.band === band ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const y0 = ys[idx[0]!]!;
    const y1 = ys[idx[idx.length - 1]!]! + RH;
    const pattern = bandPattern(band.order, ladder.bands.length);
    if (wide) {
      // a shaded, labelled block to the left of the band's rungs
      parts.push(h('rect', { x: 0, y: y0, width: LEFT - 14, height: y1 - y0, fill: bandFill(ladder, band.order), rx: 6 }));
      if (pattern) parts.push(h('rect', { x: 0, y: y0, width: LEFT - 14, height: y1 - y0, fill: `url(#${pattern})`, rx: 6 }));
      const words = band.name.split(' ');
      const lines = words.length > 1 && band.name.length > 16 ? [words.slice(0, Math.ceil(words.length / 2)).join(' '), words.slice(Math.ceil(words.length / 2)).join(' ')] : [band.name];
      const mid = (y0 + y1) / 2 - ((lines.length - 1) * 14) / 2 + 4;
      parts.push(h('text', { x: (LEFT - 14) / 2, y: mid, 'text-anchor': 'middle', class: 'band-label' }, ...lines.map((l, i) => h('tspan', { x: (LEFT - 14) / 2, dy: i ? 14 : 0 }, l))));
    } else {
      parts.push(h('text', { x: LEFT, y: y0 - 8, class: 'band-label' }, band.name));
    }
  }
  model.rungs.forEach((r, i) => {
    const yy = ys[i]!;
    const barW = r.count ? Math.max(6, Math.round(((W - LEFT - 20) * (wide ? 0.35 : 0.22) * r.count) / max)) : 0;
    const pattern = bandPattern(r.band.order, ladder.bands.length);
    const body = fragment(
      h('rect', { x: LEFT, y: yy, width: W - LEFT - 16, height: RH, rx: 5, fill: rungFill(ladder, r.id), stroke: '#5d4037', 'stroke-width': 1 }),
      pattern ? h('rect', { x: LEFT, y: yy, width: W - LEFT - 16, height: RH, rx: 5, fill: `url(#${pattern})` }) : null,
      barW ? h('rect', { x: W - 30 - barW, y: yy + 8, width: barW, height: RH - 16, rx: 3, fill: '#263238', 'fill-opacity': 0.75 }) : null,
      h('text', { x: LEFT + 10, y: yy + RH / 2 + 5, class: 'rung-label' }, `${r.index} · ${r.name}`),
      h('text', { x: W - 38 - barW, y: yy + RH / 2 + 5, 'text-anchor': 'end', class: 'rung-count' }, activities(r.count)),
    );
    // a rung with activities links to them; its name is its visible text
    parts.push(r.count ? h('a', { href: `#rung-${r.id}` }, body) : h('g', {}, body));
  });
  if (model.unclassified) {
    const yy = cursor + 8;
    parts.push(
      h(
        'a',
        { href: '#rung-unclassified' },
        h('rect', { x: LEFT, y: yy, width: W - LEFT - 16, height: RH - 4, rx: 5, fill: '#eceff1', stroke: '#90a4ae', 'stroke-dasharray': '4 3' }),
        h('text', { x: LEFT + 10, y: yy + RH / 2 + 3, class: 'rung-label' }, wide ? 'Unclassified (not enough recorded)' : 'Unclassified'),
        h('text', { x: W - 38, y: yy + RH / 2 + 3, 'text-anchor': 'end', class: 'rung-count' }, activities(model.unclassified)),
      ),
    );
  }
  const desc = `${ladder.name}, top rung first: ${model.rungs.map((r) => `${r.name} ${r.count}`).join(', ')}${model.unclassified ? `; unclassified ${model.unclassified}` : ''}.`;
  // a group, not an image: its rungs are links a keyboard and a screen reader reach
  return h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'group', 'aria-labelledby': `ladder-title-${layout} ladder-desc-${layout}`, class: `ladder ladder-${layout}` },
    h('title', { id: `ladder-title-${layout}` }, `${ladder.name}: activities on each rung`),
    h('desc', { id: `ladder-desc-${layout}` }, desc),
    PATTERNS,
    ...parts,
  );
}

/** Gridline values from 0 to at least `max`, a round step apart (1, 2, 5, 10, 20, …), at most six lines. */
export function axisTicks(max: number): number[] {
  const steps = [1, 2, 5];
  let step = 1;
  for (let k = 0; ; k++) {
    step = steps[k % 3]! * 10 ** Math.floor(k / 3);
    if (Math.ceil(max / step) <= 5) break;
  }
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

export function trendSvg(model: ReportModel): Markup | null {
  const { quarters, series } = model.trend;
  if (!quarters.length) return null;
  const ladder: Ladder = model.ladder;
  const W = 660;
  const H = 250;
  const left = 36;
  const bottom = 30;
  const TOP = 24; // room for the total above the tallest bar
  const plotH = H - bottom - TOP;
  const totals = quarters.map((_, qi) => series.reduce((n, s) => n + s.counts[qi]!, 0));
  const ticks = axisTicks(Math.max(1, ...totals));
  const max = ticks[ticks.length - 1]!;
  const step = (W - left - 10) / quarters.length;
  const barW = Math.min(56, step * 0.7);
  const parts: Markup[] = [PATTERNS];
  // axis and gridlines, evenly spaced
  for (const value of ticks) {
    const yy = TOP + plotH - (plotH * value) / max;
    parts.push(h('line', { x1: left, x2: W - 6, y1: yy, y2: yy, stroke: '#cfd8dc', 'stroke-width': 1 }));
    parts.push(h('text', { x: left - 6, y: yy + 4, 'text-anchor': 'end', class: 'axis' }, value));
  }
  quarters.forEach((q, qi) => {
    const x = left + qi * step + (step - barW) / 2;
    let yy = TOP + plotH;
    for (const s of series) {
      const n = s.counts[qi]!;
      if (!n) continue;
      const hgt = (plotH * n) / max;
      yy -= hgt;
      const name = rungName(ladder, s.rung);
      const pattern = s.band ? bandPattern(s.band.order, ladder.bands.length) : undefined;
      parts.push(
        h(
          'g',
          {},
          h('title', {}, `${q}: ${name} ${n}`),
          h('rect', { x, y: yy, width: barW, height: hgt, fill: s.band ? rungFill(ladder, s.rung) : '#cfd8dc', stroke: '#fff', 'stroke-width': 1 }),
          pattern ? h('rect', { x, y: yy, width: barW, height: hgt, fill: `url(#${pattern})` }) : null,
        ),
      );
    }
    parts.push(h('text', { x: x + barW / 2, y: yy - 4, 'text-anchor': 'middle', class: 'axis' }, totals[qi]!));
    parts.push(h('text', { x: x + barW / 2, y: H - 10, 'text-anchor': 'middle', class: 'axis' }, q));
  });
  const desc = quarters.map((q, qi) => `${q}: ${series.filter((s) => s.counts[qi]).map((s) => `${rungName(ladder, s.rung, 'unclassified')} ${s.counts[qi]}`).join(', ') || 'none'}`).join('; ');
  return h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': 'trend-title trend-desc', class: 'trend' },
    h('title', { id: 'trend-title' }, 'Activities per rung, by quarter'),
    h('desc', { id: 'trend-desc' }, desc),
    ...parts,
  );
}
