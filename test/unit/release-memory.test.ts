// A big run collects the reader's working memory once; nothing leaks into the program's globals.
import { describe, expect, it } from 'vitest';
import { releaseReadingMemory } from '../../src/cli/release-memory.js';

describe('releasing the memory reading needed', () => {
  it('runs a full collection for a big log without putting gc in the globals, and skips small logs', () => {
    expect(() => releaseReadingMemory(20)).not.toThrow();
    expect(() => releaseReadingMemory(20_000)).not.toThrow();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
