// User text is hostile: terminal control characters, CSV formulas and Markdown/HTML markup are neutralised.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { makeColours } from '../../src/output/colours.js';
import { mapLogs } from '../../src/assess/map-log.js';
import { formatCsv } from '../../src/output/map/csv.js';
import { formatMarkdown } from '../../src/output/map/markdown.js';
import { formatTable } from '../../src/output/map/table.js';
import { formatJson } from '../../src/output/map/json.js';
import { csvSafe } from '../../src/text/csv-cell.js';
import { markdownText } from '../../src/text/markdown-escape.js';
import { quoteValue, safeBlock, safeInline } from '../../src/text/terminal-text.js';
import { ladders, readYaml } from '../helpers/core.js';

const HOSTILE = 'Evil \u001b[31mred\u001b[0m \u0007bell\r\u202eoverride <img src=x onerror=alert(1)> | `tick`';

async function hostileResult() {
  const log = await readYaml(`service: "${'\\u001b]0;pwned\\u0007'}Home"\nactivities:\n  - name: ${JSON.stringify(HOSTILE)}\n    say: heard\n  - name: "=HYPERLINK(\\"http://x\\")"\n    say: joint\n  - name: "+1"\n  - name: "-2"\n  - name: "@SUM(A1)"\n`);
  return mapLogs([log], await ladders('tlap'));
}

describe('terminal', () => {
  it('control characters and bidi overrides are shown escaped', () => {
    expect(safeInline('a\u001b[31mb\u0007c\u202ed')).toBe('a\\u001b[31mb\\u0007c\\u202ed');
    expect(quoteValue('x\ny')).toBe('"x\\ny"');
  });

  it('the table carries no raw escape from user text', async () => {
    const out = formatTable(await hostileResult(), { colours: makeColours(false), width: 120 });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('\\u001b[31mred');
  });
});

describe('csv', () => {
  it('neutralises formula prefixes', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx']) expect(csvSafe(s).startsWith("'")).toBe(true);
    expect(csvSafe('\rx')).toBe('\nx'); // a lone CR is a line break, as everywhere
    expect(csvSafe('Menu survey')).toBe('Menu survey');
  });

  it('shows control characters escaped, as every output does', () => {
    expect(csvSafe('Evil \u001b[31mred\u0007')).toBe('Evil \\u001b[31mred\\u0007');
  });

  it('is RFC 4180 with CRLF and parses back to the same cells, control characters shown escaped', async () => {
    const out = formatCsv(await hostileResult());
    expect(out).toContain('\r\n');
    const rows = parse(out, { relax_column_count: false }) as string[][];
    expect(rows[0]).toContain('tlap_rung');
    const names = rows.slice(1).map((r) => r[3]);
    expect(names).toEqual([safeBlock(HOSTILE), `'=HYPERLINK("http://x")`, "'+1", "'-2", "'@SUM(A1)"]);
  });
});

describe('markdown', () => {
  it('escapes pipes, backticks, HTML and newlines', () => {
    expect(markdownText('a | b `c` <img> \n d')).toBe('a \\| b \\`c\\` &lt;img&gt;   d');
  });

  it('a hostile name cannot break the table or inject HTML', async () => {
    const out = formatMarkdown(await hostileResult());
    expect(out).not.toContain('<img');
    const row = out.split('\n').find((l) => l.includes('Evil'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });
});

describe('json', () => {
  it('keeps user text exact (JSON escapes it)', async () => {
    const json = JSON.parse([...formatJson(await hostileResult())].join(''));
    expect(json.activities[0].name).toBe(HOSTILE);
  });
});
