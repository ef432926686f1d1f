/**
 * The cue pattern language, compiled to a small matcher over words (never to code or
 * to a user-written regular expression), which remembers where a match failed so that
 * no pattern can take more than linear time in the text:
 *   word   word*   a|b|c   element?   …   {people}   {organisation}   {agent}
 * Gaps are bounded (at most 4 words) and patterns short (at most 12 elements).
 */
import type { AgentGroup, AgentMark } from './agents.js';
import type { Token } from './tokenise.js';

export type Alternative =
  | { kind: 'word'; word: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'agent'; group: AgentGroup | 'any' };

export type Element =
  | { kind: 'alts'; alts: Alternative[]; optional: boolean }
  | { kind: 'gap'; max: number };

export interface CompiledPattern {
  source: string;
  elements: Element[];
  /** Index of the anchor element, and how many words the parts before it can take at most. */
  anchorIndex: number;
  maxBefore: number;
  /** For each gap: whether it stands next to an agent placeholder (and may not skip agents). */
  guarded: boolean[];
  /** Alternatives of the first required word element: used to skip texts that cannot match. */
  anchor: Alternative[];
}

/** A compiled pattern as the build stores it (dist/snapshot.json): restored by restorePattern. */
export type StoredPattern = Pick<CompiledPattern, 'elements' | 'anchorIndex' | 'maxBefore' | 'guarded'>;

export function restorePattern(source: string, stored: StoredPattern): CompiledPattern {
  const anchor = stored.elements[stored.anchorIndex]!;
  return { source, ...stored, anchor: anchor.kind === 'alts' ? anchor.alts : [] };
}

export const MAX_GAP = 4;
/** Longest agent name (with a modifier) a placeholder can take, for bounding match starts. */
const MAX_AGENT_WORDS = 8;
/** Negation words a pattern may step over between two parts ("were not … asked"). */
const TRANSPARENT_ALLOWANCE = 2;
const COMMON = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'to', 'of', 'and', 'or', 'in', 'on', 'for', 'with', 'by', 'at', 'their', 'its', 'his', 'her', 'them', 'they', 'it', 'that', 'which', 'who', 'how', 'what', 'not', 'no', 'so', 'as', 'had', 'has', 'have', 'did', 'do', 'we', 'us', 'our', 'all', 'some', 'this', 'these', 'those', 'from', 'about', 'after', 'before', 'then', 'now', 'up', 'out']);
const MAX_ELEMENTS = 12;

export class PatternError extends Error {}

export function compilePattern(source: string): CompiledPattern {
  const parts = source.trim().split(/\s+/);
  if (parts.length > MAX_ELEMENTS) throw new PatternError(`a pattern has at most ${MAX_ELEMENTS} parts`);
  const elements: Element[] = [];
  for (const part of parts) {
    if (part === '…' || part === '...') {
      if (elements[elements.length - 1]?.kind === 'gap') throw new PatternError('two gaps in a row');
      elements.push({ kind: 'gap', max: MAX_GAP });
      continue;
    }
    const optional = part.endsWith('?') && part.length > 1;
    const body = optional ? part.slice(0, -1) : part;
    const alts: Alternative[] = body.split('|').map((alt) => {
      if (alt === '{people}') return { kind: 'agent', group: 'people' };
      if (alt === '{organisation}' || alt === '{org}') return { kind: 'agent', group: 'organisation' };
      if (alt === '{agent}') return { kind: 'agent', group: 'any' };
      if (alt.startsWith('{')) throw new PatternError(`unknown placeholder ${alt}; use {people}, {organisation} or {agent}`);
      const prefix = alt.endsWith('*');
      const w = (prefix ? alt.slice(0, -1) : alt).toLowerCase();
      if (!/^[a-z0-9][a-z0-9'-]*$/.test(w)) throw new PatternError(`"${alt}" is not a word (letters, digits, ' and - only)`);
      if (prefix && w.length < 3) throw new PatternError(`"${alt}": a word ending in * needs at least 3 letters`);
      return prefix ? { kind: 'prefix', prefix: w } : { kind: 'word', word: w };
    });
    elements.push({ kind: 'alts', alts, optional });
  }
  if (elements[0]?.kind === 'gap' || elements[elements.length - 1]?.kind === 'gap') throw new PatternError('a pattern cannot start or end with …');
  // index the pattern under its rarest required part, so common words ("was", "the")
  // do not make every clause a candidate for it
  const required = elements.filter(
    (e): e is Extract<Element, { kind: 'alts' }> => e.kind === 'alts' && !e.optional && e.alts.every((a) => a.kind !== 'agent'),
  );
  if (!required.length) throw new PatternError('a pattern needs at least one required word');
  const cost = (e: Extract<Element, { kind: 'alts' }>): number =>
    e.alts.reduce((sum, a) => sum + (a.kind === 'word' && COMMON.has(a.word) ? 50 : a.kind === 'prefix' ? 2 : 1), 0);
  const anchorElement = required.reduce((best, e) => (cost(e) < cost(best) ? e : best));
  const anchorIndex = elements.indexOf(anchorElement);
  const maxBefore = elements
    .slice(0, anchorIndex)
    .reduce((n, e) => n + (e.kind === 'gap' ? e.max : e.alts.some((a) => a.kind === 'agent') ? MAX_AGENT_WORDS : 1) + (e.kind === 'alts' ? TRANSPARENT_ALLOWANCE : 0), 0);
  const isAgentAlts = (e: Element | undefined): boolean => e?.kind === 'alts' && e.alts.some((a) => a.kind === 'agent');
  const guarded = elements.map((e, i) => e.kind === 'gap' && (isAgentAlts(elements[i - 1]) || isAgentAlts(elements[i + 1])));
  return { source, elements, guarded, anchor: anchorElement.alts, anchorIndex, maxBefore };
}

export interface Match {
  start: number;
  end: number;
  /** Number of words matched by word elements: more means more specific. */
  specificity: number;
  /** Positions of the words a gap skipped (a "not" there negates the match). */
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
  }
}

/** Matching state, reused across calls (matching is synchronous). */
const skipped: number[] = [];
let endAt = -1;
let specificityAt = 0;
/**
 * Positions (element, word) from which the rest of the pattern is known not to match.
 * Whether it matches from there depends on nothing else, so each is tried once per
 * clause and matching takes time linear in the clause, whatever the pattern: optional
 * parts, gaps and negation words cannot make it backtrack exponentially.
 */
let failed = new Uint8Array(0);
let width = 0;

function step(pattern: CompiledPattern, view: ClauseView, ei: number, ti: number, specificity: number): boolean {
  const { elements } = pattern;
  if (ei === elements.length) {
    endAt = ti;
    specificityAt = specificity;
    return true;
  }
  const at = ei * width + ti;
  if (failed[at] === 1) return false;
  if (attempt(pattern, view, ei, ti, specificity)) return true;
  failed[at] = 1;
  return false;
}

function attempt(pattern: CompiledPattern, view: ClauseView, ei: number, ti: number, specificity: number): boolean {
  const { elements } = pattern;
  const el = elements[ei]!;
  const tokens = view.tokens;
  if (el.kind === 'gap') {
    // a gap next to a placeholder may not jump over another agent ("who acts")
    const guard = pattern.guarded[ei]!;
    const mark = skipped.length;
    for (let g = 0; g <= el.max && ti + g <= tokens.length; g++) {
      if (g > 0) {
        if (guard && view.marks[ti + g - 1]) break;
        skipped.push(ti + g - 1);
      }
      if (step(pattern, view, ei + 1, ti + g, specificity)) return true;
    }
    skipped.length = mark;
    return false;
  }
  const alts = el.alts;
  for (let a = 0; a < alts.length; a++) {
    const alt = alts[a]!;
    const n = altMatches(alt, view, ti);
    if (n > 0 && step(pattern, view, ei + 1, ti + n, specificity + (alt.kind === 'agent' ? 1 : n))) return true;
  }
  // "were not asked": a negation word between two parts is stepped over and remembered
  if (ei > 0 && ti < tokens.length && view.transparent.has(tokens[ti]!.word)) {
    skipped.push(ti);
    if (step(pattern, view, ei, ti + 1, specificity)) return true;
    skipped.pop();
  }
  return el.optional ? step(pattern, view, ei + 1, ti, specificity) : false;
}

/**
 * All leftmost matches of a pattern in one clause (one per start position). With the
 * positions where the pattern's anchor word occurs, only starts that could reach one of
 * them are tried.
 */
export function matchAll(pattern: CompiledPattern, view: ClauseView, anchorAt?: readonly number[]): Match[] {
  let found: Match[] | undefined;
  const tokens = view.tokens;
  let from = 0;
  let to = tokens.length - 1;
  if (anchorAt && anchorAt.length) {
    from = Math.max(0, anchorAt[0]! - pattern.maxBefore);
    to = Math.min(tokens.length - 1, anchorAt[anchorAt.length - 1]!);
  }
  width = tokens.length + 1;
  failed = new Uint8Array(pattern.elements.length * width);
  for (let start = from; start <= to; start++) {
    skipped.length = 0;
    if (step(pattern, view, 0, start, 0) && endAt > start) {
      (found ??= []).push({ start, end: endAt, specificity: specificityAt, skipped: skipped.slice() });
    }
  }
  return found ?? NONE;
}

const NONE: Match[] = [];
