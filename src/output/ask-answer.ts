/**
 * The answer of `coprod ask`, for an 80-column terminal: the rung on the chosen ladder
 * with its summary, the same activity on the other ladders, the flags, and the next step.
 */
import type { Colours } from './colours.js';
import { wrapIndented } from '../text/wrap.js';
import type { ActivityResult } from '../assess/assess-activity.js';
import { rungWithId, type Ladder } from '../model/ladder.js';
import { safeInline } from '../text/terminal-text.js';
import { bandPaint } from './band-colour.js';
import { maxOf } from './max-of.js';
import { readingsOf } from './describe.js';

export interface AnswerOptions {
  colours: Colours;
  width: number;
}

export function formatAnswer(result: ActivityResult, primary: Ladder, others: readonly Ladder[], { colours, width }: AnswerOptions): string {
  const w = Math.max(50, Math.min(width, 100));
  const out: string[] = [];
  const p = result.placements.get(primary.id)!;
  out.push('');
  out.push(wrapIndented(safeInline(result.activity.name), w, '', '').split('\n').map(colours.bold).join('\n'));
  if (p.rung) {
    const paint = bandPaint(colours, primary, p.band);
    out.push(wrapIndented(`${primary.name}: ${paint(colours.bold(p.rung.name))} (rung ${p.index} of ${primary.rungs.length}, ${p.band!.name})`, w, '    ', '  '));
    out.push(wrapIndented(p.rung.summary, w, '    '));
  } else {
    out.push(wrapIndented(`${primary.name}: ${colours.gray('unclassified')}: not enough is known to place it.`, w, '    ', '  '));
  }
  const readings = readingsOf(result);
  if (readings.length) {
    out.push('', '  Read from your description:');
    for (const r of readings) out.push(wrapIndented(`${r.fact}: ${r.value} (from "${safeInline(r.evidence)}")`, w, '      ', '    • '));
  }
  if (others.length) {
    out.push('', '  On the other ladders:');
    const idWidth = maxOf(others.map((l) => l.id.length), 0);
    for (const l of others) {
      const op = result.placements.get(l.id)!;
      const label = op.rung ? bandPaint(colours, l, op.band)(op.rung.name) : colours.gray('unclassified');
      out.push(wrapIndented(label, w, ' '.repeat(idWidth + 6), `    ${safeInline(l.id).padEnd(idWidth)}  `));
    }
  }
  if (result.flags.length) {
    out.push('', '  Flags:');
    for (const f of result.flags) {
      out.push(wrapIndented(`${colours.yellow(f.id)}: ${safeInline(f.message)}`, w, '      ', '    • '));
      out.push(wrapIndented(`→ ${safeInline(f.help)}`, w, '        ', '      '));
    }
  }
  const next = result.next.get(primary.id)!;
  out.push('');
  switch (next.status) {
    case 'unclassified':
      out.push('  To place it, answer:');
      for (const q of next.steps) out.push(wrapIndented(q, w, '      ', '    • '));
      break;
    case 'top':
      out.push('  Top rung. To sustain it:');
      out.push(wrapIndented(next.steps.join(' '), w, '    '));
      break;
    case 'target-reached':
      out.push(wrapIndented(next.steps.join(' '), w, '  '));
      break;
    default: {
      const above = rungWithId(primary, next.rung!)!;
      out.push(`  Next step, towards ${colours.bold(above.name)}:`);
      for (const s of next.steps) out.push(wrapIndented(s, w, '      ', '    • '));
      if (next.advice) out.push(wrapIndented(`Advice: ${next.advice}`, w, '    '));
    }
  }
  out.push('');
  return `${out.join('\n')}\n`;
}
