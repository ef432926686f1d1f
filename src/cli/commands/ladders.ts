/** `coprod ladders [ID]`: lists the ladders, or shows one top rung first with band and summary. */
import { renderTable } from '../../output/box-table.js';
import type { Ladder } from '../../model/ladder.js';
import { safeBlock, safeInline } from '../../text/terminal-text.js';
import { bandPaint } from '../../output/band-colour.js';
import { colourLevel, makeChalk } from '../colour.js';
import { emit } from '../emit.js';
import type { Io } from '../io.js';
import { loadContext } from '../load-inputs.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { terminalWidth } from '../terminal-width.js';
import { relative } from 'node:path';
import { markdownText as md } from '../../text/markdown-escape.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

function ladderJson(l: Ladder) {
  return {
    id: l.id,
    name: l.name,
    shipped: l.shipped,
    file: l.file,
    source: l.source,
    description: l.description,
    bands: l.bands.map((b) => ({ id: b.id, name: b.name, description: b.description ?? null })),
    facts: l.extraFacts.map((f) => ({ name: f.name, kind: f.kind, values: f.values, question: f.question })),
    rungs: l.rungs.map((r) => ({ id: r.id, index: r.index, name: r.name, band: r.band.id, summary: r.summary, description: r.description, advice: r.advice, ...(r.promise ? { promise: r.promise } : {}) })),
  };
}

export async function laddersCommand(id: string | undefined, options: CommonOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, FORMATS, 'text');
  const { registry } = await loadContext(io, options);
  const chalk = makeChalk(options.output ? 0 : colourLevel(io, io.stdout, options.color));
  const width = terminalWidth(io);
  if (!id) {
    const ladders = await registry.all();
    let text: string;
    if (format === 'json') text = `${JSON.stringify(ladders.map((l) => ({ id: l.id, name: l.name, rungs: l.rungs.length, shipped: l.shipped, file: l.file, source: l.source })), null, 2)}\n`;
    else if (format === 'markdown') {
      text = ['| Ladder | Name | Rungs | Source |', '| --- | --- | --- | --- |', ...ladders.map((l) => `| ${md(l.id)} | ${md(l.name)} | ${l.rungs.length} | ${md(l.source.organisation)}${l.source.year ? ` (${md(String(l.source.year))})` : ''} |`)].join('\n') + '\n';
    } else {
      const rows = ladders.map((l) => {
        const where = l.shipped ? '' : `\n(${safeInline(relative(io.cwd, l.file) || l.file)})`;
        return [safeInline(l.id), safeInline(l.name) + where, String(l.rungs.length), safeInline(`${l.source.organisation}${l.source.year ? ` (${l.source.year})` : ''}`)];
      });
      const table = renderTable(rows, {
        head: ['Ladder', 'Name', 'Rungs', 'Source'].map((h) => ({ text: h, paint: chalk.bold })),
        widths: [16, Math.max(20, Math.floor((width - 30) * 0.45)), 7, Math.max(20, Math.floor((width - 30) * 0.55))],
      });
      text = `${table}\nShow one with \`coprod ladders <id>\`; compare them with \`coprod crosswalk\`.\n`;
    }
    await emit(text, options, io, []);
    return 0;
  }
  const ladder = await registry.get(id);
  let text: string;
  if (format === 'json') text = `${JSON.stringify(ladderJson(ladder), null, 2)}\n`;
  else if (format === 'markdown') {
    const s = ladder.source;
    const lines = [`# ${md(ladder.name)} (${md(ladder.id)})`, '', md(ladder.description), '', `Source: ${md(s.title)}, ${md(s.organisation)}${s.year ? `, ${md(String(s.year))}` : ''}${s.url ? `, ${md(s.url)}` : ''}`, ''];
    lines.push('| # | Rung | Band | Summary |', '| --- | --- | --- | --- |');
    for (const r of [...ladder.rungs].reverse()) lines.push(`| ${r.index} | ${md(r.name)} (${md(r.id)}) | ${md(r.band.name)} | ${md(r.summary)}${r.promise ? ` Promise: ${md(r.promise)}` : ''} |`);
    text = `${lines.join('\n')}\n`;
  } else {
    const lines = [chalk.bold(`${safeInline(ladder.name)} (${safeInline(ladder.id)})`), safeBlock(ladder.description), ''];
    const rows = [...ladder.rungs].reverse().map((r) => [
      String(r.index),
      { text: safeInline(r.id), paint: bandPaint(chalk, ladder, r.band) },
      safeInline(r.band.name),
      safeBlock(r.summary + (r.promise ? `\nPromise: ${r.promise}` : '')),
    ]);
    lines.push(
      renderTable(rows, {
        head: ['#', 'Rung', 'Band', 'Summary'].map((h) => ({ text: h, paint: chalk.bold })),
        widths: [4, 18, 20, Math.max(30, width - 4 - 18 - 20 - 5)],
      }),
    );
    if (ladder.extraFacts.length) lines.push('', `Extra facts: ${ladder.extraFacts.map((f) => `${f.name} (${f.question})`).join('; ')}`);
    const s = ladder.source;
    lines.push('', `Source: ${safeInline(s.title)}, ${safeInline(s.organisation)}${s.year ? `, ${s.year}` : ''}${s.url ? `, ${safeInline(s.url)}` : ''}`);
    if (s.credit) lines.push(safeBlock(s.credit));
    if (!ladder.shipped) lines.push(`File: ${safeInline(ladder.file)}`);
    text = `${lines.join('\n')}\n`;
  }
  await emit(text, options, io, []);
  return 0;
}
