/**
 * Reads one clause: which cues match it, and for each match who acted (people who use
 * services, the organisation, both, or nobody named), whether it was negated, and
 * whether it happened or was only hoped, planned or offered. A reading carries its clause
 * as evidence, negation included ("residents were not involved", never "involved").
 */
import type { AgentGroup, AgentMark } from './agents.js';
import type { Subject } from './cue-schema.js';
import type { Cue, CueSet } from './cue-set.js';
import { couldMatch, matchAll, MatchMemory, type ClauseView, type CompiledPattern } from './pattern.js';
import type { Token } from './tokenise.js';

/** Where a field's words come from: a name is a label, methods are signs, a description tells. */
export type Field = 'name' | 'methods' | 'description';

export interface Reading {
  cue: Cue;
  field: Field;
  /** the cue's strength, one less when the words are only the activity's name */
  strength: number;
  negated: boolean;
  /** hoped, planned, offered or "set up to": not something done */
  intent: boolean;
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

// An agent right after one of these is an object ("designed it with officers"), not who acts.
const OBJECT_MARKERS = new Set(['with', 'to', 'for', 'from', 'about', 'by', 'in', 'met', 'meet', 'meets', 'visited', 'contacted', 'called', 'phoned', 'emailed', 'surveyed', 'consulted', 'engaged', 'involved', 'recruited', 'paid', 'interviewed', 'alongside', 'among', 'than', 'including', 'on', 'at', 'asked', 'told', 'informed', 'invited', 'showed', 'helped', 'thanked', 'supported', 'trained', 'gave', 'sent']);
const PREPOSITIONS = new Set(['with', 'to', 'for', 'from', 'about', 'by', 'in', 'alongside', 'among', 'than', 'including', 'on', 'at']);
const DETERMINERS = new Set(['the', 'their', 'his', 'her', 'its', 'a', 'an', 'our', 'two', 'some']);
const SUPPORTING = /^(help|support|assist|advic|on)/;
const RELATIVES = new Set(['who', 'which', 'that']);
// words that start a new clause inside a sentence: an agent after them is a subject again
const CLAUSE_WORDS = new Set(['and', 'or', 'then', 'how', 'what', 'which', 'who', 'that', 'when', 'where', 'whether', 'why', 'so', 'because']);
const NEW_SUBJECT_JOINS = new Set(['and', 'but', 'then', 'while', 'whilst', 'so']);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got']);

/** An agent is an object when a preposition or verb such as "with" or "asked" stands just before it ("with the housing team"). */
function isObject(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, i: number): boolean {
  // "by" reaches further: "trained by the public health team" names who trained, not who acts next
  // ("with estates and facilities staff": a preposition reaches across an "and" inside a name)
  let joined = false;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = clause[k]!.word;
    if (OBJECT_MARKERS.has(w) && (i - k <= 3 || w === 'by') && (!joined || PREPOSITIONS.has(w))) return true;
    if (marks[k]) return false;
    if (w === 'and' && !joined) {
      joined = true;
      continue;
    }
    if (CLAUSE_WORDS.has(w)) return false;
  }
  return false;
}

/** Who acts in a match, and where that agent is named: "by …" after it, else the nearest agent before it that is not an object. */
export function subjectOf(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, start: number, end: number): { subject: Subject; at?: number } {
  // passive: "… by residents"; "a course run by the diabetes nurses" names someone, even if not whom
  for (let k = start; k < Math.min(clause.length - 1, end + 3); k++) {
    if (clause[k]!.word !== 'by') continue;
    for (let a = k + 1; a <= Math.min(clause.length - 1, k + 3); a++) {
      if (marks[a]) return { subject: withOthers(clause, marks, a, end, listedWith(clause, marks, a)), at: a };
      if (!DETERMINERS.has(clause[a]!.word) && a > k + 1) break;
    }
    if (k === end) return { subject: 'unknown' };
  }
  // passive without "by": "their observations were written up", "residents were asked" name nobody who acts
  const before = clause[start - 1]?.word === 'not' ? clause[start - 2]?.word : clause[start - 1]?.word;
  if ((before && PASSIVE.has(before)) || PASSIVE.has(clause[start]!.word)) return { subject: 'unknown' };
  // "… with residents, who pointed out": a relative pronoun refers back to the word before it;
  // "the ward round that decides": when that word names nobody, nobody is known to act
  const relative = RELATIVES.has(clause[start - 1]?.word ?? '') ? start - 1 : -1;
  if (relative > 0 && !marks.some((m, i) => m && i + m.length === relative)) return { subject: 'unknown' };
  // "… and their scores decided": a joining word and a determiner start a new subject that names nobody
  // ("… the flats and the lounge, and agreed …": the nearest joining word decides; here the verbs share a subject)
  let from = 0;
  for (let k = start - 2; k >= 0; k--) {
    if (marks[k]) break;
    if (!NEW_SUBJECT_JOINS.has(clause[k]!.word)) continue;
    if (DETERMINERS.has(clause[k + 1]!.word) && !marks[k + 1] && !marks[k + 2]) from = k + 1;
    break;
  }
  // "… by local older men, who run it and manage its money": the name before "who" acts
  for (let k = start - 1; k > from; k--) {
    if (marks[k]) break;
    if (clause[k]!.word !== 'who') continue;
    for (let i = k - 1; i >= 0; i--) {
      const m = marks[i];
      if (m && i + m.length === k && !clause[k - 1]!.possessive) return { subject: withOthers(clause, marks, i, end, coordinated(clause, marks, i)), at: i };
      if (m) break;
    }
    break;
  }
  for (let i = start - 1; i >= from; i--) {
    const m = marks[i];
    if (!m || i + m.length > start) continue;
    // "Mrs D's medication": whose, not who acts
    if (clause[i + m.length - 1]!.possessive) continue;
    const isRelativeHead = relative >= 0 && i + m.length === relative;
    if (!isRelativeHead && isObject(clause, marks, i)) continue;
    let group: Subject = coordinated(clause, marks, i);
    // "staff and residents": the second name joins the first
    const after = i + m.length;
    if (group !== 'both' && (clause[after]?.word === 'and' || clause[after]?.word === '&')) {
      const next = marks[after + 1] ?? (DETERMINERS.has(clause[after + 1]?.word ?? '') ? marks[after + 2] : undefined);
      if (next && next.group !== m.group) group = 'both';
    }
    return { subject: withOthers(clause, marks, i, end, group), at: i };
  }
  return { subject: 'unknown' };
}

// "ran three focus groups with patients": people met in a meeting are taking part in it, not acting with the others
const MEETINGS = /^(focus|group|groups|session|sessions|interview|interviews|workshop|workshops|meeting|meetings|conversation|conversations|discussion|discussions|event|events|survey|surveys|visit|visits|call|calls)$/;

/**
 * The group named at `i`, with the names it is listed with: "residents and staff",
 * "people living with dementia, their carers and the memory service team" are both.
 */
function coordinated(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, i: number): Subject {
  const group = marks[i]!.group;
  let k = i - 1;
  if (k >= 0 && DETERMINERS.has(clause[k]!.word)) k--;
  if (k <= 0 || (clause[k]!.word !== 'and' && clause[k]!.word !== '&')) return group;
  // a list goes name, name and name: each name ends where the next begins
  let endAt = k;
  for (let j = k - 1; j >= 0; j--) {
    const other = marks[j];
    if (!other) continue;
    if (j + other.length !== endAt) break;
    if (other.group !== group) return 'both';
    endAt = j;
  }
  return group;
}

/** The group named at `a`, with the names listed after it: "by two tenants and the housing officer" is both. */
function listedWith(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, a: number): Subject {
  const group = marks[a]!.group;
  let k = a + marks[a]!.length;
  while (k < clause.length && (clause[k]!.word === 'and' || clause[k]!.word === '&')) {
    const next = marks[k + 1] ?? (DETERMINERS.has(clause[k + 1]?.word ?? '') ? marks[k + 2] : undefined);
    if (!next) break;
    if (next.group !== group) return 'both';
    k += (marks[k + 1] ? 1 : 2) + next.length;
  }
  return group;
}

/** "residents … with officers" after the match makes it both, unless the others only help or were only met. */
function withOthers(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, at: number, end: number, group: Subject): Subject {
  if (group === 'both' || group === 'unknown') return group;
  // from just after the name: "PPG members went through the results with the GP partners and agreed"
  const start = end - 1;
  for (let k = at + 1; k < Math.min(clause.length - 1, end + 5); k++) {
    const w = clause[k]!.word;
    if (k >= start && MEETINGS.test(w)) return group;
    if (w !== 'with' && w !== 'alongside') continue;
    let a = k + 1;
    if (!marks[a] && DETERMINERS.has(clause[a]?.word ?? '')) a++;
    const other = marks[a];
    if (!other || other.group === group || SUPPORTING.test(clause[a + other.length]?.word ?? '')) continue;
    // before the act, the others count only when the act is joined on with "and"
    // ("… with the GP partners and agreed"), not as a purpose ("sat with each resident to write")
    if (k < start && !clause.slice(a + other.length, start).some((t) => t.word === 'and')) continue;
    return 'both';
  }
  return group;
}

function isNegated(set: CueSet, clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, start: number, end: number, skipped: readonly number[]): boolean {
  const isException = (k: number): boolean => set.negatorExceptions.some((ex) => ex.every((w, q) => clause[k + q]?.word === w));
  for (const k of skipped) if (set.negators.has(clause[k]!.word) && !isException(k)) return true;
  for (let k = start - 1, n = 0; k >= 0 && n < 5; k--, n++) {
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

/** Where the clause's intent words ("hope to", "will", "set up to help") end, if any: what follows is not done. */
function intentEnds(set: CueSet, view: ClauseView, words: ReadonlySet<string>): number[] {
  const ends: number[] = [];
  for (const p of set.intent) {
    if (!couldMatch(p, words, view.tokens)) continue;
    for (const m of matchAll(p, view)) ends.push(m.end);
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

/** The cues and patterns that could match in a clause, with where their anchor words occur. */
function candidates(set: CueSet, clause: readonly Token[]): Map<{ cue: Cue; pattern: CompiledPattern }, number[]> {
  const found = new Map<{ cue: Cue; pattern: CompiledPattern }, number[]>();
  const add = (c: { cue: Cue; pattern: CompiledPattern }, i: number): void => {
    const at = found.get(c);
    if (!at) found.set(c, [i]);
    else if (at[at.length - 1] !== i) at.push(i);
  };
  clause.forEach((t, i) => {
    for (const c of set.byWord.get(t.word) ?? []) add(c, i);
    if (t.word.length >= 3) for (const c of set.byPrefix.get(t.word.slice(0, 3)) ?? []) if (t.word.startsWith(c.prefix)) add(c, i);
  });
  return found;
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
  const found = candidates(set, clause);
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
  const readings: Reading[] = [];
  // a short clause is quoted whole, once for all its readings
  const whole = quotedWhole(clause) ? evidenceOf(text, clause, 0, clause.length, field) : undefined;
  for (const [{ cue, pattern }, anchorAt] of found) {
    if (!couldMatch(pattern, words, clause)) continue;
    for (const m of matchAll(pattern, view, anchorAt)) {
      const { subject, at } = subjectOf(clause, marks, m.start, m.end);
      if (cue.subject && !cue.subject.has(subject)) continue;
      const negated = isNegated(set, clause, marks, m.start, m.end, m.skipped);
      if (negated && cue.dropWhenNegated) continue;
      readings.push({
        cue,
        field,
        // a name or a method is a label: it suggests, the description decides
        strength: cue.strength - (field === 'description' ? 0 : 1),
        negated,
        intent: (intent ??= intentEnds(set, view, words)).some((e) => e <= m.start + 1),
        subject,
        ...(at !== undefined ? { agent: clause.slice(at, at + marks[at]!.length).map((t) => t.word).join(' ') } : {}),
        clause: index,
        evidence: whole ?? evidenceOf(text, clause, m.start, m.end, field),
        words: text.slice(clause[m.start]!.start, clause[m.end - 1]!.end),
        start: m.start,
        end: m.end,
        specificity: m.specificity,
      });
    }
  }
  return dropOverlapped(readings);
}

/** What a reading reads, for overlaps: a value, a cap, a response, a claim, or words to ignore. */
function kindOf(r: Reading): string {
  const c = r.cue;
  return c.ignore ? 'ignore' : c.cap !== undefined ? 'cap' : c.response ? 'response' : 'value';
}

/**
 * Of two overlapping readings of the same fact and kind, the more specific stands; words
 * to ignore ("staff survey") knock out any overlapping reading of their fact they are at
 * least as specific as.
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
