/**
 * Matching a compiled cue pattern (pattern.ts) against the words of one clause. The
 * matcher remembers where the rest of a pattern failed, so matching is linear in the text.
 */
import type { AgentMark } from './agents.js';
import type { Token } from './tokenise.js';
import { type Alternative, type WordElement, type Element, type CompiledPattern } from './pattern.js';

export interface Match {
  start: number;
  end: number;
  /** Number of words matched by word elements: more means more specific. */
  specificity: number;
  /** Positions of the words a gap skipped, or a negation word stepped over (a "not" there negates the match). */
  skipped: number[];
}

export interface ClauseView {
  tokens: readonly Token[];
  /** agent phrase starting at each position */
  marks: ReadonlyArray<AgentMark | undefined>;
  /** true where a word belongs to an agent's name ("quality lead"): no cue word matches it */
  inAgent: readonly boolean[];
  /** words a pattern may step over between two of its parts ("were not asked") */
  transparent: ReadonlySet<string>;
  /** working memory, shared by the clauses of one activity */
  memory?: MatchMemory;
}

/**
 * Where the rest of a pattern is known not to match, for one pattern in one clause at a
 * time: a buffer reused from match to match, each match marking with its own stamp.
 */
export class MatchMemory {
  failed = new Uint32Array(64);
  stamp = 0;

  /** A fresh memory of at least `size` places. */
  next(size: number): void {
    if (this.failed.length < size) this.failed = new Uint32Array(Math.max(size, this.failed.length * 2));
    if (++this.stamp === 0xffffffff) {
      this.failed.fill(0);
      this.stamp = 1;
    }
  }
}

function altMatches(alt: Alternative, view: ClauseView, i: number): number {
  const t = view.tokens[i];
  if (!t) return 0;
  switch (alt.kind) {
    case 'word':
      return t.word === alt.word && !view.inAgent[i] ? 1 : 0;
    case 'prefix':
      return t.word.startsWith(alt.prefix) && !view.inAgent[i] ? 1 : 0;
    case 'agent': {
      const m = view.marks[i];
      return m && (alt.group === 'any' || m.group === alt.group) ? m.length : 0;
    }
    case 'number':
      return /^[0-9]+$/.test(t.word) ? 1 : 0;
  }
}

/** The word positions after one word element at `ti` (none when it cannot match; `ti` itself when optional). */
function wordEnds(el: WordElement, view: ClauseView, ti: number): number[] {
  const ends: number[] = [];
  for (const alt of el.alts) {
    const n = altMatches(alt, view, ti);
    if (n > 0 && !ends.includes(ti + n)) ends.push(ti + n);
  }
  if (el.optional && !ends.includes(ti)) ends.push(ti);
  return ends;
}

/** Whether a phrase is words only, none optional: it matches one word per part, or not at all. */
function isPlain(phrase: readonly WordElement[]): boolean {
  for (const el of phrase) {
    if (el.optional) return false;
    for (const alt of el.alts) if (alt.kind !== 'word' && alt.kind !== 'prefix') return false;
  }
  return true;
}

/** Where a plain phrase matched from `ti` ends, or -1. */
function plainEnd(phrase: readonly WordElement[], view: ClauseView, ti: number): number {
  let p = ti;
  for (const el of phrase) {
    let hit = false;
    for (let a = 0; a < el.alts.length && !hit; a++) hit = altMatches(el.alts[a]!, view, p) > 0;
    if (!hit) return -1;
    p++;
  }
  return p;
}

/** The word positions after one phrase of a group, matched from `ti`, added to `ends`. */
function phraseEnds(phrase: readonly WordElement[], view: ClauseView, ti: number, ends: number[]): void {
  if (isPlain(phrase)) {
    const end = plainEnd(phrase, view, ti);
    if (end >= 0 && !ends.includes(end)) ends.push(end);
    return;
  }
  let at = [ti];
  for (const el of phrase) {
    const next: number[] = [];
    for (const p of at) for (const e of wordEnds(el, view, p)) if (!next.includes(e)) next.push(e);
    if (!next.length) return;
    at = next;
  }
  for (const e of at) if (!ends.includes(e)) ends.push(e);
}

/** Matching state for one clause (matching is synchronous). */
interface State {
  pattern: CompiledPattern;
  view: ClauseView;
  skipped: number[];
  endAt: number;
  specificityAt: number;
  /**
   * Positions (part, word) from which the rest of the pattern is known not to match:
   * whether it matches from there depends on nothing else, so each is tried once per
   * clause, and optional parts, gaps and negation words cannot make it backtrack
   * exponentially.
   */
  failed: Uint32Array;
  stamp: number;
  width: number;
}

function step(s: State, ei: number, ti: number, specificity: number): boolean {
  if (ei === s.pattern.elements.length) {
    s.endAt = ti;
    s.specificityAt = specificity;
    return true;
  }
  const at = ei * s.width + ti;
  if (s.failed[at] === s.stamp) return false;
  if (attempt(s, ei, ti, specificity)) return true;
  s.failed[at] = s.stamp;
  return false;
}

function attempt(s: State, ei: number, ti: number, specificity: number): boolean {
  const el = s.pattern.elements[ei]!;
  const { tokens } = s.view;
  if (el.kind === 'gap') {
    // a gap next to a placeholder may not jump over another agent ("who acts")
    const guard = s.pattern.guarded[ei]!;
    const mark = s.skipped.length;
    for (let g = 0; g <= el.max && ti + g <= tokens.length; g++) {
      if (g > 0) {
        if (guard && s.view.marks[ti + g - 1]) break;
        s.skipped.push(ti + g - 1);
      }
      if (step(s, ei + 1, ti + g, specificity)) return true;
    }
    s.skipped.length = mark;
    return false;
  }
  if (el.kind === 'alts') {
    // each distinct length the alternatives match, in their order (an agent's name counts as one word)
    const { alts } = el;
    for (let a = 0; a < alts.length; a++) {
      const n = altMatches(alts[a]!, s.view, ti);
      if (n === 0) continue;
      let seen = false;
      for (let b = 0; b < a && !seen; b++) seen = altMatches(alts[b]!, s.view, ti) === n;
      if (!seen && step(s, ei + 1, ti + n, specificity + 1)) return true;
    }
  } else {
    const ends: number[] = [];
    for (const o of el.options) phraseEnds(o, s.view, ti, ends);
    for (const end of ends) {
      if (end === ti) continue; // the optional case, tried last
      if (step(s, ei + 1, end, specificity + end - ti)) return true;
    }
    if (!el.optional && ends.includes(ti)) return stepOver(s, ei, ti, specificity) || step(s, ei + 1, ti, specificity);
  }
  return stepOver(s, ei, ti, specificity) || (el.optional && step(s, ei + 1, ti, specificity));
}

/** "were not asked": a negation word between two parts is stepped over and remembered. */
function stepOver(s: State, ei: number, ti: number, specificity: number): boolean {
  const { tokens } = s.view;
  if (ei === 0 || ti >= tokens.length || !s.view.transparent.has(tokens[ti]!.word)) return false;
  // not before a last part that may be empty: "comments (on)?" does not take in "comments instead"
  const el = s.pattern.elements[ei]!;
  if (ei === s.pattern.elements.length - 1 && el.kind !== 'gap' && el.optional) return false;
  s.skipped.push(ti);
  if (step(s, ei, ti + 1, specificity)) return true;
  s.skipped.pop();
  return false;
}

/** Whether a clause has a word for every part of the pattern that must match one (a quick test before matching). */
export function couldMatch(pattern: CompiledPattern, words: ReadonlySet<string>, tokens: readonly Token[]): boolean {
  for (const alts of pattern.required) {
    // the anchor's words are how the pattern was found: they are there
    if (alts === pattern.anchor) continue;
    let found = false;
    for (let a = 0; a < alts.length && !found; a++) {
      const alt = alts[a]!;
      if (alt.kind === 'word') found = words.has(alt.word);
      else if (alt.kind === 'prefix') for (let t = 0; t < tokens.length && !found; t++) found = tokens[t]!.word.startsWith(alt.prefix);
      else found = true;
    }
    if (!found) return false;
  }
  return true;
}

function canBegin(el: Element, view: ClauseView, i: number): boolean {
  if (el.kind === 'gap' || el.optional) return true;
  if (el.kind === 'alts') return el.alts.some((a) => altMatches(a, view, i) > 0);
  return el.options.some((o) => o[0]!.optional || o[0]!.alts.some((a) => altMatches(a, view, i) > 0));
}

/**
 * All leftmost matches of a pattern in one clause (one per start position). Given where
 * its anchor words occur, only the starts that could reach one of them are tried.
 */
export function matchAll(pattern: CompiledPattern, view: ClauseView, anchorAt?: readonly number[]): Match[] {
  const first = pattern.elements[0]!;
  const n = view.tokens.length;
  let from = 0;
  let to = n - 1;
  if (anchorAt?.length) {
    from = Math.max(0, anchorAt[0]! - pattern.maxBefore);
    to = Math.min(n - 1, anchorAt[anchorAt.length - 1]!);
  }
  let found: Match[] | undefined;
  let s: State | undefined;
  for (let start = from; start <= to; start++) {
    // most words cannot begin a match: tried only where the first part could
    if (!canBegin(first, view, start)) continue;
    if (!s) {
      const memory = view.memory ?? new MatchMemory();
      memory.next(pattern.elements.length * (n + 1));
      s = { pattern, view, skipped: [], endAt: -1, specificityAt: 0, failed: memory.failed, stamp: memory.stamp, width: n + 1 };
    }
    s.skipped.length = 0;
    if (step(s, 0, start, 0) && s.endAt > start) (found ??= []).push({ start, end: s.endAt, specificity: s.specificityAt, skipped: s.skipped.slice() });
  }
  return found ?? NO_MATCHES;
}

const NO_MATCHES: Match[] = [];
