/**
 * Patterns by their anchor words (pattern.ts picks each pattern's rarest required word), so
 * that a clause is matched only against the patterns whose anchor it contains.
 */
import type { Token } from './tokenise.js';
import type { CompiledPattern } from './pattern.js';

export interface PatternIndex<T extends { pattern: CompiledPattern }> {
  /** anchor word → the entries anchored on it */
  byWord: ReadonlyMap<string, T[]>;
  /** first three letters of an anchor prefix → the entries anchored on it */
  byPrefix: ReadonlyMap<string, Array<{ prefix: string; entry: T }>>;
}

export function indexPatterns<T extends { pattern: CompiledPattern }>(entries: readonly T[]): PatternIndex<T> {
  const byWord = new Map<string, T[]>();
  const byPrefix = new Map<string, Array<{ prefix: string; entry: T }>>();
  for (const entry of entries) {
    for (const alt of entry.pattern.anchor) {
      if (alt.kind === 'word') {
        const list = byWord.get(alt.word) ?? [];
        if (!list.some((x) => x.pattern === entry.pattern)) list.push(entry);
        byWord.set(alt.word, list);
      } else if (alt.kind === 'prefix') {
        const key = alt.prefix.slice(0, 3);
        const list = byPrefix.get(key) ?? [];
        list.push({ prefix: alt.prefix, entry });
        byPrefix.set(key, list);
      }
    }
  }
  return { byWord, byPrefix };
}

/** The entries whose anchor occurs in a clause, each with the positions where it does. */
export function anchoredIn<T extends { pattern: CompiledPattern }>(index: PatternIndex<T>, clause: readonly Token[]): Map<T, number[]> {
  const found = new Map<T, number[]>();
  const add = (entry: T, i: number): void => {
    const at = found.get(entry);
    if (!at) found.set(entry, [i]);
    else if (at[at.length - 1] !== i) at.push(i);
  };
  for (let i = 0; i < clause.length; i++) {
    const word = clause[i]!.word;
    const exact = index.byWord.get(word);
    if (exact) for (const entry of exact) add(entry, i);
    if (word.length >= 3) {
      const near = index.byPrefix.get(word.slice(0, 3));
      if (near) for (const { prefix, entry } of near) if (word.startsWith(prefix)) add(entry, i);
    }
  }
  return found;
}
