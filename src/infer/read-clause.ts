/**
 * Reads one clause: which cues match it, and for each match who acted (people who use
 * services, the organisation, both, or nobody named), whether it was negated, and
 * whether it happened or was only hoped, planned or offered. A reading carries its clause
 * as evidence, negation included ("residents were not involved", never "involved").
 */
import type { AgentGroup, AgentMark } from './agents.js';
import type { Subject } from '../input/cue-schema.js';
import type { Cue, CueSet } from './cue-set.js';
import { couldMatch, matchAll, MatchMemory, type ClauseView } from './match-pattern.js';
import { anchoredIn, type PatternIndex } from './pattern-index.js';
import type { CompiledPattern } from './pattern.js';
import type { Token } from './tokenise.js';
import { subjectOf } from './subject.js';

/** Where a field's words come from: a name is a label, methods are signs, a description tells. */
export type Field = 'name' | 'methods' | 'description';

export interface Reading {
  cue: Cue;
  field: Field;
  /** the cue's strength, one less when the words are only the activity's name */
  strength: number;
  negated: boolean;
  /** hoped, planned, offered or "set up to", a decision still to come, or the content of what people reported: not something done */
  intent: boolean;
  /** for a change the organisation made: its clause ties it to the views it answers ("as a result") */
  answers?: boolean;
  /** The tie is only a heading before the clause ("We did: …"), not words in it ("as a result"). */
  byHeading?: boolean;
  subject: Subject;
  /** the words naming who acted, lower case ("the board"), when named */
  agent?: string;
  /** the clause's place among the activity's clauses, in reading order */
  clause: number;
  /** the clause as written (cut short around the match when long), with its field */
  evidence: string;
  /** the matched words as written */
  words: string;
  start: number;
  end: number;
  specificity: number;
}

function isNegated(set: CueSet, clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, start: number, end: number, skipped: readonly number[]): boolean {
  // an exception may start before the negation word ("yes or no", "paid or not")
  const isException = (k: number): boolean =>
    set.negatorExceptions.some((ex) => ex.some((word, at) => word === clause[k]!.word && ex.every((w, q) => clause[k - at + q]?.word === w)));
  for (const k of skipped) if (set.negators.has(clause[k]!.word) && !isException(k)) return true;
  for (let k = start - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const w = clause[k]!.word;
    if (set.negationStops.has(w)) break;
    if (set.negators.has(w) && !isException(k)) return true;
  }
  // "… without them", "… without the group"
  for (let k = end; k < Math.min(clause.length - 1, end + 4); k++) {
    if (clause[k]!.word !== 'without') continue;
    const next = clause[k + 1]!.word;
    if (marks[k + 1]?.group === 'people' || next === 'them' || next === 'him' || next === 'her') return true;
  }
  return false;
}

/** Whether a clause has words of `index` (the cue set's `answers` or `answerHeadings`). */
function hasAny(index: PatternIndex<{ pattern: CompiledPattern }>, view: ClauseView, words: ReadonlySet<string>): boolean {
  for (const [{ pattern }, anchorAt] of anchoredIn(index, view.tokens)) {
    if (couldMatch(pattern, words, view.tokens) && matchAll(pattern, view, anchorAt).length) return true;
  }
  return false;
}

/** Whether a short clause is only words that tie what follows to the views ("We did:" after "You said: …"). */
export function isAnswerHeading(set: CueSet, clause: readonly Token[]): boolean {
  if (clause.length > 3) return false;
  const marks = set.agents.mark(clause);
  const view: ClauseView = { tokens: clause, marks, inAgent: clause.map(() => false), transparent: set.negators };
  return hasAny(set.answerHeadings, view, new Set(clause.map((t) => t.word)));
}

/**
 * Where the clause's words of `index` end, if any: of intent ("hope to", "will", "set up
 * to help"), after which nothing is done; or of reported content ("the main themes
 * were"), after which the words are what people said, not what was done.
 */
function scopeEnds(index: CueSet['intent'], view: ClauseView, words: ReadonlySet<string>): number[] {
  const ends: number[] = [];
  for (const [{ pattern }, anchorAt] of anchoredIn(index, view.tokens)) {
    if (!couldMatch(pattern, words, view.tokens)) continue;
    // "next year's business plan" names a plan, not something still to be done
    for (const m of matchAll(pattern, view, anchorAt)) if (!view.tokens[m.end - 1]!.possessive) ends.push(m.end);
  }
  return ends;
}

/**
 * Who is named in a clause: the cue set's agents; a single initial ("T.", "J.") as a
 * person; and the head word of a group named earlier in the activity ("the Panel" after
 * "the Tenant Scrutiny Panel"), which `heads` remembers from clause to clause.
 */
function markAgents(set: CueSet, clause: readonly Token[], heads: Map<string, AgentGroup>): Array<AgentMark | undefined> {
  const marks = set.agents.mark(clause);
  for (let i = 0; i < clause.length; i++) {
    const m = marks[i];
    if (m) {
      if (m.length > 1) {
        const head = clause[i + m.length - 1]!.word;
        // a head that names the other side on its own ("council" of "youth council") is not remembered
        if (!set.agents.mark([{ word: head, start: 0, end: 0, initial: false, name: false, possessive: false }])[0]) heads.set(head, m.group);
      }
      i += m.length - 1;
      continue;
    }
    const t = clause[i]!;
    if (t.initial || t.name) marks[i] = { group: 'people', length: 1 };
    else {
      const group = heads.get(t.word);
      if (group) marks[i] = { group, length: 1 };
    }
  }
  return marks;
}

const EVIDENCE_MAX = 140;
const LABELS: Record<Field, string> = { name: 'name: ', methods: 'methods: ', description: '' };

/** The clause as written, cut around the match when it is long. */
function evidenceOf(text: string, clause: readonly Token[], start: number, end: number, field: Field): string {
  let from = clause[0]!.start;
  let to = clause[clause.length - 1]!.end;
  if (to - from > EVIDENCE_MAX) {
    const a = clause[start]!.start;
    const b = clause[end - 1]!.end;
    from = Math.max(from, Math.min(a - 40, b - EVIDENCE_MAX));
    to = Math.min(to, Math.max(b + 40, from + EVIDENCE_MAX));
    // whole words only
    from = clause.find((t) => t.start >= from)!.start;
    to = [...clause].reverse().find((t) => t.end <= to)!.end;
  }
  const head = from > clause[0]!.start ? '…' : '';
  const tail = to < clause[clause.length - 1]!.end ? '…' : '';
  return `${LABELS[field]}${head}${text.slice(from, to).replace(/\s+/g, ' ')}${tail}`;
}

/** Whether the clause is short enough to be quoted whole, whatever matched in it. */
const quotedWhole = (clause: readonly Token[]): boolean => clause[clause.length - 1]!.end - clause[0]!.start <= EVIDENCE_MAX;

/**
 * Every cue match in one clause of `text`, overlaps settled (the more specific match
 * stands). Matches of words to ignore are among them: they read nothing.
 */
export function readClause(set: CueSet, text: string, clause: readonly Token[], field: Field, index: number, heads: Map<string, AgentGroup> = new Map(), memory = new MatchMemory()): Reading[] {
  const marks = markAgents(set, clause, heads);
  const found = anchoredIn(set.patterns, clause);
  if (!found.size) return [];
  // words inside a name of two or more words ("quality lead") are not cue words
  const inAgent: boolean[] = new Array(clause.length).fill(false);
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    if (m && m.length > 1) for (let k = i; k < i + m.length; k++) inAgent[k] = true;
  }
  const view: ClauseView = { tokens: clause, marks, inAgent, transparent: set.negators, memory };
  const words = new Set<string>();
  for (const t of clause) words.add(t.word);
  let intent: number[] | undefined;
  let reported: number[] | undefined;
  let answers: boolean | undefined;
  const readings: Reading[] = [];
  // a short clause is quoted whole, once for all its readings
  const short = quotedWhole(clause);
  let whole: string | undefined;
  for (const [{ cue, pattern }, anchorAt] of found) {
    if (!couldMatch(pattern, words, clause)) continue;
    for (const m of matchAll(pattern, view, anchorAt)) {
      const { subject, at } = subjectOf(clause, marks, m.start, m.end);
      if (cue.subject && !cue.subject.has(subject)) continue;
      const negated = isNegated(set, clause, marks, m.start, m.end, m.skipped);
      if (negated && cue.dropWhenNegated) continue;
      const reading: Reading = {
        cue,
        field,
        // a name or a method is a label: it suggests, the description decides
        strength: cue.strength - (field === 'description' ? 0 : 1),
        negated,
        intent:
          (intent ??= scopeEnds(set.intent, view, words)).some((e) => e <= m.start + 1) ||
          (cue.fact?.name === 'say' && (awaited(clause, marks, m.start) || (reported ??= scopeEnds(set.reported, view, words)).some((e) => e <= m.start))),
        subject,
        clause: index,
        evidence: short ? (whole ??= evidenceOf(text, clause, 0, clause.length, field)) : evidenceOf(text, clause, m.start, m.end, field),
        words: text.slice(clause[m.start]!.start, clause[m.end - 1]!.end),
        start: m.start,
        end: m.end,
        specificity: m.specificity,
      };
      // words that tie the change to the views it answers ("in response", "two of their suggestions")
      if (cue.response && (answers ??= hasAny(set.answers, view, words))) reading.answers = true;
      if (at !== undefined) reading.agent = clause.slice(at, at + marks[at]!.length).map((t) => t.word).join(' ');
      readings.push(reading);
    }
  }
  return dropOverlapped(readings);
}

/**
 * Whether a match only names the decision still to come: "before choosing between two
 * libraries", "before the hospice board chose between the sites" (what was done is the
 * rest of the sentence; "before carers were consulted" still says they were).
 */
function awaited(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, start: number): boolean {
  const until = (w: string | undefined): boolean => w === 'before' || w === 'until';
  if (until(clause[start - 1]?.word) && clause[start]!.word.endsWith('ing')) return true;
  for (let j = Math.max(0, start - 6); j < start; j++) {
    const m = marks[j];
    if (m && m.group === 'organisation' && j + m.length === start) return until(clause[j - 1]?.word);
  }
  return false;
}

/** What a reading reads, for overlaps: a value, a cap, a response, a claim, or words to ignore. */
function kindOf(r: Reading): string {
  const c = r.cue;
  return c.ignore ? 'ignore' : c.cap !== undefined ? 'cap' : c.response ? 'response' : 'value';
}

/**
 * Of two overlapping readings of the same fact and kind, the more specific stands (for a
 * list fact, of the same value); words to ignore ("staff survey") knock out any
 * overlapping reading of their fact they are at least as specific as.
 */
function dropOverlapped(readings: Reading[]): Reading[] {
  const factOf = (r: Reading): string => (r.cue.fact ? r.cue.fact.name : 'claimed');
  const beaten = readings.map(() => false);
  for (let x = 0; x < readings.length; x++) {
    for (let y = 0; y < readings.length; y++) {
      if (x === y) continue;
      const h = readings[x]!;
      const o = readings[y]!;
      if (o.start >= h.end || h.start >= o.end || factOf(o) !== factOf(h)) continue;
      const ignoring = o.cue.ignore && !h.cue.ignore;
      if (!ignoring && kindOf(o) !== kindOf(h)) continue;
      // a list fact takes every value named: "planned and ran" is design and delivery
      if (!ignoring && !o.cue.ignore && h.cue.fact?.kind === 'set' && o.cue.value !== h.cue.value) continue;
      if (
        o.specificity > h.specificity ||
        (o.specificity === h.specificity && ignoring) ||
        (o.specificity === h.specificity && o.cue === h.cue && (o.start < h.start || (o.start === h.start && o.end > h.end)))
      ) {
        beaten[x] = true;
      }
    }
  }
  return readings.filter((r, i) => !beaten[i]);
}
