/** `coprod crosswalk --format markdown`: a row per `say` value, a column per ladder, then the notes. */
import { markdownText as md } from '../../text/markdown-escape.js';
import { cellText, liftNotes, noteText, type CrosswalkShown } from './cell-text.js';

export function formatCrosswalkMarkdown(shown: CrosswalkShown): string {
  const { ladders, rows } = shown;
  const head = ['say', ...ladders.map((l) => md(l.id))];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.say} | ${ladders.map((l) => md(cellText(r.cells.get(l.id)!))).join(' | ')} |`);
  return `${lines.join('\n')}\n\n${liftNotes(shown).map((n) => md(noteText(n))).join('\n\n')}\n`;
}
