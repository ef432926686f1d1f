/**
 * The answer of `coprod ask`, for an 80-column terminal: the rung on the chosen ladder
 * with its summary, the same activity on the other ladders, the flags, and the next step.
 */
import type { Colours } from './colours.js';
import type { ActivityResult } from '../assess/assess-activity.js';
import type { Ladder } from '../model/ladder.js';
import { safeInline } from '../text/terminal-text.js';
import { bandPaint } from './band-colour.js';
import { maxOf } from './max-of.js';

/** Word-wraps plain text to `width`, indenting every line. */
export function wrap(text: string, width: number, indent: string, first = indent): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

export interface AnswerOptions {
  chalk: Colours;
  width: number;
}

export function formatAnswer(result: ActivityResult, primary: Ladder, others: readonly Ladder[], { chalk, width }: AnswerOptions): string {
  const w = Math.max(50, Math.min(width, 100));
  const out: string[] = [];
  const p = result.placements.get(primary.id)!;
  out.push('');
  out.push(chalk.bold(safeInline(result.activity.name)));
  if (p.rung) {
    const paint = bandPaint(chalk, primary, p.band);
    out.push(wrap(`${primary.name}: ${paint(chalk.bold(p.rung.name))} (rung ${p.index} of ${primary.rungs.length}, ${p.band!.name})`, w + 20, '  '));
    out.push(wrap(p.rung.summary, w, '    '));
  } else {
    out.push(`  ${primary.name}: ${chalk.gray('unclassified')}: not enough is known to place it.`);
  }
  const inferred = [...result.resolved.findings].filter(([, f]) => f.basis === 'inferred');
  if (inferred.length) {
    out.push('', '  Read from your description:');
    for (const [name, f] of inferred) out.push(wrap(`${name}: ${Array.isArray(f.value) ? f.value.join(', ') : String(f.value)} (from "${safeInline(f.evidence)}")`, w, '      ', '    • '));
  }
  if (others.length) {
    out.push('', '  On the other ladders:');
    const idWidth = maxOf(others.map((l) => l.id.length), 0);
    for (const l of others) {
      const op = result.placements.get(l.id)!;
      const label = op.rung ? bandPaint(chalk, l, op.band)(op.rung.name) : chalk.gray('unclassified');
      out.push(`    ${l.id.padEnd(idWidth)}  ${label}`);
    }
  }
  if (result.flags.length) {
    out.push('', '  Flags:');
    for (const f of result.flags) {
      out.push(wrap(`${chalk.yellow(f.id)}: ${safeInline(f.message)}`, w + 10, '      ', '    • '));
      out.push(wrap(`→ ${safeInline(f.action)}`, w, '        ', '      '));
    }
  }
  const next = result.next.get(primary.id)!;
  out.push('');
  switch (next.status) {
    case 'unclassified':
      out.push('  To place it, answer:');
      for (const q of next.steps) out.push(wrap(q, w, '      ', '    • '));
      break;
    case 'top':
      out.push('  Top rung. To sustain it:');
      out.push(wrap(next.steps.join(' '), w, '    '));
      break;
    case 'target-reached':
      out.push(wrap(next.steps.join(' '), w, '  '));
      break;
    default: {
      const above = primary.rungs.find((r) => r.id === next.rung)!;
      out.push(`  Next step, towards ${chalk.bold(above.name)}:`);
      for (const s of next.steps) out.push(wrap(s, w, '      ', '    • '));
      if (next.advice) out.push(wrap(`Advice: ${next.advice}`, w, '    '));
    }
  }
  out.push('');
  return out.join('\n');
}
