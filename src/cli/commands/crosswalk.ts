/** `coprod crosswalk`: the rungs of several ladders side by side, a row per `say` value. */
import { renderTable } from '../../output/box-table.js';
import { crosswalk, type CrosswalkCell } from '../../assess/crosswalk.js';
import { CORE_FACTS } from '../../model/facts-model.js';
import { bandPaint } from '../../output/band-colour.js';
import { markdownText as md } from '../../text/markdown-escape.js';
import { safeInline } from '../../text/terminal-text.js';
import { colourLevel, makeChalk } from '../colour.js';
import { emit } from '../emit.js';
import type { Io } from '../io.js';
import { loadContext } from '../load-inputs.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { terminalWidth } from '../terminal-width.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

function cellText(cell: CrosswalkCell): string {
  if (!cell.least && !cell.most) return '—';
  const least = cell.least?.id ?? 'unclassified';
  return cell.most ? `${least} or ${cell.most.id}*` : least;
}

export async function crosswalkCommand(options: CommonOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, FORMATS, 'text');
  const { registry } = await loadContext(io, options);
  const ladders = options.ladder?.length ? await Promise.all(options.ladder.map((l) => registry.get(l))) : await registry.all();
  const rows = crosswalk(ladders);
  const sayDef = CORE_FACTS.find((f) => f.name === 'say')!;
  const notes = ladders.flatMap((l) => {
    const lifted = rows.map((r) => r.cells.get(l.id)!).filter((c) => c.most);
    if (!lifted.length) return [];
    const rungs = [...new Set(lifted.map((c) => c.most!.id))].join(', ');
    const needs = [...new Set(lifted.flatMap((c) => c.needs))].join('; ');
    return [`* ${l.id}: ${rungs} only when, as well: ${needs}`];
  });
  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(
      {
        ladders: ladders.map((l) => l.id),
        rows: rows.map((r) => ({
          say: r.say,
          meaning: sayDef.options[r.say],
          rungs: Object.fromEntries([...r.cells].map(([id, c]) => [id, { least: c.least?.id ?? null, most: c.most?.id ?? null, dependsOn: c.dependsOn, needs: c.needs }])),
        })),
      },
      null,
      2,
    )}\n`;
  } else if (format === 'markdown') {
    const head = ['say', ...ladders.map((l) => md(l.id))];
    const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
    for (const r of rows) lines.push(`| ${r.say} | ${ladders.map((l) => md(cellText(r.cells.get(l.id)!))).join(' | ')} |`);
    text = `${lines.join('\n')}\n\n${notes.map(md).join('\n\n')}\n`;
  } else {
    const chalk = makeChalk(options.output ? 0 : colourLevel(io, io.stdout, options.color));
    const width = terminalWidth(io);
    const colWidth = Math.max(12, Math.min(26, Math.floor((width - 14) / Math.max(1, ladders.length)) - 1));
    const body = [...rows].reverse().map((r) => [
      r.say,
      ...ladders.map((l) => {
        const c = r.cells.get(l.id)!;
        return { text: cellText(c), paint: bandPaint(chalk, l, (c.most ?? c.least)?.band ?? null) };
      }),
    ]);
    const table = renderTable(body, {
      head: ['say (top first)', ...ladders.map((l) => safeInline(l.id))].map((h) => ({ text: h, paint: chalk.bold })),
      widths: [17, ...ladders.map(() => colWidth)],
    });
    text = `${table}\n${notes.map(safeInline).join('\n')}${notes.length ? '\n' : ''}`;
  }
  await emit(text, options, io, []);
  return 0;
}
