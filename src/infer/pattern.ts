/**
 * The cue pattern language, compiled to a small matcher over words, never to code or to a
 * user-written regular expression:
 *   word   word*   a|b|c   (several words|other words)   part?   …   {people} {organisation} {agent} {number}
 * A pattern is written so that it can mean one thing only: two bare alternations side by
 * side ("decided|agreed together|jointly") must be bracketed, because readers take them
 * for phrases ("(decided|agreed) (together|jointly)" or "(decided|agreed together|jointly)").
 * Gaps are bounded (at most 4 words), patterns short (at most 12 parts). Matching is in
 * match-pattern.ts.
 */
import type { AgentGroup } from './agents.js';

export type Alternative =
  | { kind: 'word'; word: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'agent'; group: AgentGroup | 'any' }
  | { kind: 'number' };

/** One word position: one of several single-word alternatives. */
export interface WordElement {
  kind: 'alts';
  alts: Alternative[];
  optional: boolean;
}

export type Element =
  | WordElement
  /** One of several phrases: `(sat on|joined)`. */
  | { kind: 'group'; options: WordElement[][]; optional: boolean }
  | { kind: 'gap'; max: number };

export interface CompiledPattern {
  source: string;
  elements: Element[];
  /** For each gap: whether it stands next to an agent placeholder (and may not skip agents). */
  guarded: boolean[];
  /** Words that must occur for the pattern to match (one of them): the index of a rule. */
  anchor: Alternative[];
  /** The part those words belong to, and how many words the parts before it can take at most. */
  anchorIndex: number;
  maxBefore: number;
  /** Every part that must match a word, as its alternatives: a clause missing any of them cannot match. */
  required: Alternative[][];
}

const MAX_GAP = 4;
/** Longest agent name (with its modifiers) a placeholder can take, for bounding where a match starts. */
const MAX_AGENT_WORDS = 8;
const TRANSPARENT_ALLOWANCE = 2;
const MAX_PARTS = 12;
/** Common words: a pattern is indexed under a rarer one when it has one. */
const COMMON = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'to', 'of', 'and', 'or', 'in', 'on', 'for', 'with', 'by', 'at', 'their', 'its', 'his', 'her', 'them', 'they', 'it', 'that', 'which', 'who', 'how', 'what', 'not', 'no', 'so', 'as', 'had', 'has', 'have', 'did', 'do', 'we', 'us', 'our', 'all', 'some', 'this', 'these', 'those', 'from', 'about', 'after', 'before', 'then', 'now', 'up', 'out']);

export class PatternError extends Error {}

function alternative(alt: string): Alternative {
  if (alt === '{people}') return { kind: 'agent', group: 'people' };
  if (alt === '{organisation}' || alt === '{org}') return { kind: 'agent', group: 'organisation' };
  if (alt === '{agent}') return { kind: 'agent', group: 'any' };
  if (alt === '{number}') return { kind: 'number' };
  if (alt.startsWith('{')) throw new PatternError(`unknown placeholder ${alt}; use {people}, {organisation}, {agent} or {number}`);
  const prefix = alt.endsWith('*');
  // written as text is read: "people's" is the word "people"
  const w = (prefix ? alt.slice(0, -1) : alt).toLowerCase().replace(/['’]s$/, '');
  if (!/^[a-z0-9][a-z0-9'-]*$/.test(w)) throw new PatternError(`"${alt}" is not a word (letters, digits, ' and - only)`);
  if (prefix && w.length < 3) throw new PatternError(`"${alt}": a word ending in * needs at least 3 letters`);
  return prefix ? { kind: 'prefix', prefix: w } : { kind: 'word', word: w };
}

function wordElement(part: string): WordElement {
  const optional = part.endsWith('?') && part.length > 1;
  const body = optional ? part.slice(0, -1) : part;
  if (!body || body.split('|').some((a) => a === '')) throw new PatternError(`"${part}" has an empty alternative`);
  return { kind: 'alts', alts: body.split('|').map(alternative), optional };
}

/** Splits a pattern into parts: words, `…`, and bracketed groups kept whole. */
function parts(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  const s = source.trim();
  while (i < s.length) {
    if (s[i] === ' ' || s[i] === '\t') {
      i++;
      continue;
    }
    if (s[i] === '(') {
      const close = s.indexOf(')', i);
      if (close < 0) throw new PatternError('a "(" is not closed');
      if (s.slice(i + 1, close).includes('(')) throw new PatternError('groups cannot be nested');
      let end = close + 1;
      if (s[end] === '?') end++;
      if (end < s.length && s[end] !== ' ') throw new PatternError('a group ends with ")" or ")?" and a space');
      out.push(s.slice(i, end));
      i = end;
      continue;
    }
    let end = i;
    while (end < s.length && s[end] !== ' ' && s[end] !== '\t') end++;
    const part = s.slice(i, end);
    if (part.includes('(') || part.includes(')')) throw new PatternError(`"${part}": brackets go around whole phrases, "(sat on|joined)"`);
    out.push(part);
    i = end;
  }
  return out;
}

const isBareAlternation = (p: string | undefined): boolean => p !== undefined && !p.startsWith('(') && p.replace(/\?$/, '').includes('|');

export function compilePattern(source: string): CompiledPattern {
  const list = parts(source);
  if (list.length > MAX_PARTS) throw new PatternError(`a pattern has at most ${MAX_PARTS} parts`);
  const elements: Element[] = [];
  for (const [i, part] of list.entries()) {
    if (part === '…' || part === '...') {
      if (elements[elements.length - 1]?.kind === 'gap') throw new PatternError('two gaps in a row');
      elements.push({ kind: 'gap', max: MAX_GAP });
      continue;
    }
    if (isBareAlternation(part) && isBareAlternation(list[i + 1])) {
      throw new PatternError(`"${part} ${list[i + 1]}" can be read two ways: bracket the alternatives, e.g. "(${part.replace(/\?$/, '')}) (${list[i + 1]!.replace(/\?$/, '')})", or "(a b|c d)" for phrases`);
    }
    // "notice board|notice boards": a phrase written without brackets repeats a neighbour's word
    if (isBareAlternation(part)) {
      const alts = part.replace(/\?$/, '').split('|');
      const neighbours = [list[i - 1], list[i + 1]].filter((p): p is string => p !== undefined && !p.startsWith('(') && !p.includes('|'));
      if (neighbours.some((n) => alts.includes(n.replace(/\?$/, '')))) {
        throw new PatternError(`"${list.slice(Math.max(0, i - 1), i + 2).join(' ')}" repeats a word beside its alternatives: to choose between phrases, bracket them, e.g. "(notice board|notice boards)"`);
      }
    }
    if (part.startsWith('(')) {
      const optional = part.endsWith('?');
      const body = part.slice(1, optional ? -2 : -1);
      const options = body.split('|').map((o) => {
        const words = o.trim().split(/\s+/).filter(Boolean);
        if (!words.length) throw new PatternError(`"${part}" has an empty alternative`);
        if (words.some((w) => w === '…' || w === '...')) throw new PatternError('a gap (…) cannot stand inside a group');
        return words.map(wordElement);
      });
      elements.push({ kind: 'group', options, optional });
      continue;
    }
    elements.push(wordElement(part));
  }
  if (elements[0]?.kind === 'gap' || elements[elements.length - 1]?.kind === 'gap') throw new PatternError('a pattern cannot start or end with …');
  // the anchor: the rarest required word element (a group of one-word options counts too)
  const requiredWords = elements.filter((e): e is WordElement => e.kind === 'alts' && !e.optional && e.alts.every((a) => a.kind !== 'agent'));
  // a group is an anchor when every phrase of it starts with a required word
  const groupAnchors: WordElement[] = [];
  for (const e of elements) {
    if (e.kind !== 'group' || e.optional) continue;
    const firsts = e.options.map((o) => o[0]!);
    if (firsts.every((w) => !w.optional && w.alts.every((a) => a.kind !== 'agent'))) groupAnchors.push({ kind: 'alts', optional: false, alts: firsts.flatMap((w) => w.alts) });
  }
  const candidates: WordElement[] = [...requiredWords, ...groupAnchors];
  if (!candidates.some((c) => c.alts.every((a) => a.kind === 'word' || a.kind === 'prefix'))) throw new PatternError('a pattern needs at least one required word');
  // (a number cannot index a pattern: it is never the anchor while a word can be)
  const cost = (e: WordElement): number => e.alts.reduce((sum, a) => sum + (a.kind === 'number' ? 1000 : a.kind === 'word' && COMMON.has(a.word) ? 50 : a.kind === 'prefix' ? 2 : 1), 0);
  const anchor = candidates.reduce((best, e) => (cost(e) < cost(best) ? e : best));
  const anchorIndex = requiredWords.includes(anchor) ? elements.indexOf(anchor) : elements.findIndex((e) => e.kind === 'group' && !e.optional && e.options.every((o) => anchor.alts.includes(o[0]!.alts[0]!)));
  const widthOf = (e: Element): number => {
    const words = (w: WordElement): number => (w.alts.some((a) => a.kind === 'agent') ? MAX_AGENT_WORDS : 1);
    if (e.kind === 'gap') return e.max;
    if (e.kind === 'alts') return words(e);
    return Math.max(...e.options.map((o) => o.reduce((n, w) => n + words(w), 0)));
  };
  // each part may also step over a negation word or two ("were not … asked")
  const maxBefore = elements.slice(0, anchorIndex).reduce((n, e) => n + widthOf(e) + TRANSPARENT_ALLOWANCE, 0);
  const isAgent = (e: Element | undefined): boolean =>
    e !== undefined && ((e.kind === 'alts' && e.alts.some((a) => a.kind === 'agent')) || (e.kind === 'group' && e.options.some((o) => o.some((w) => w.alts.some((a) => a.kind === 'agent')))));
  const guarded = elements.map((e, i) => e.kind === 'gap' && (isAgent(elements[i - 1]) || isAgent(elements[i + 1])));
  // the rarest first, so that a clause without them is passed over at once
  const required = candidates.sort((a, b) => cost(a) - cost(b)).map((c) => c.alts);
  return { source, elements, guarded, anchor: anchor.alts, anchorIndex, maxBefore, required };
}
