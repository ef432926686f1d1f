// Output chunks are joined into bigger pieces before writing: nothing lost, reordered or held back.
import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/cli/coalesce.js';

describe('coalesce', () => {
  it('joins small chunks into pieces of at least the size, in order, the rest last', () => {
    expect([...coalesce(['a', 'bb', 'ccc', 'd', 'eeee', 'f'], 3)]).toEqual(['abb', 'ccc', 'deeee', 'f']);
    expect([...coalesce(['big chunk'], 3)]).toEqual(['big chunk']);
    expect([...coalesce([], 3)]).toEqual([]);
  });

  it('gives a piece as soon as it is big enough (a streamed run is never held whole)', () => {
    const seen: string[] = [];
    function* chunks(): Generator<string> {
      for (const c of ['xx', 'yy', 'zz']) {
        seen.push(c);
        yield c;
      }
    }
    const pieces = coalesce(chunks(), 4);
    expect(pieces.next().value).toBe('xxyy');
    expect(seen).toEqual(['xx', 'yy']);
  });
});
