// Ids derived from names: the one-pass ASCII path gives exactly what the general path does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/text/slug.js';

/** The general rule, written out as it is documented. */
function reference(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'activity';
}

describe('slugify', () => {
  it('examples', () => {
    expect(slugify('Menu survey')).toBe('menu-survey');
    expect(slugify("  Residents' meeting: March 2026!  ")).toBe('residents-meeting-march-2026');
    expect(slugify('Café décor')).toBe('cafe-decor');
    expect(slugify('???')).toBe('activity');
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('plain ASCII names give what the general rule gives', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 -_.:!?\'"\t\n~'.split(''), ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')), maxLength: 140 });
    fc.assert(fc.property(ascii, (name) => {
      expect(slugify(name)).toBe(reference(name));
    }), { numRuns: 2000, seed: 20261122 });
  });
});
