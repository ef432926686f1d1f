import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/text/text-width.js';
import { wrapIndented, wrapLines } from '../../src/text/wrap.js';
import { renderTable } from '../../src/output/box-table.js';

describe('text as the terminal shows it', () => {
  it('counts emoji and wide characters as two columns, marks and colour codes as none', () => {
    expect(textWidth('✅')).toBe(2);
    expect(textWidth('⌚')).toBe(2);
    expect(textWidth('漢字')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });

  it('keeps every line of a table the same width whatever the cells hold', () => {
    const table = renderTable([['✅ done ⌚ soon', '👩‍👩‍👧 family group'], ['漢字のテキスト', 'plain']], { widths: [12, 14], head: ['Status', 'Who'] });
    const widths = new Set(table.split('\n').map(textWidth));
    expect(widths).toEqual(new Set([12 + 14 + 3]));
  });

  it('wraps words to the width, breaking a long word after a hyphen, never a family emoji apart', () => {
    expect(wrapLines('residents and staff decided', 12)).toEqual(['residents', 'and staff', 'decided']);
    expect(wrapLines('co-production-led', 10)).toEqual(['co-', 'production', '-led']);
    expect(wrapLines('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 4)).toEqual(['👩‍👩‍👧👩‍👩‍👧', '👩‍👩‍👧']);
    expect(wrapIndented('views were sought but nobody was told', 20, '    ', '  • ')).toBe('  • views were\n    sought but\n    nobody was told');
  });
});
