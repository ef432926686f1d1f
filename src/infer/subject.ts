/**
 * Who acts in a matched clause: people who use services, the organisation, both, or
 * nobody named. An agent after "with", "by" or a verb such as "asked" is an object, not
 * the one who acts; a list of groups ("two tenants and the housing officer") is both.
 */
import type { AgentMark } from './agents.js';
import type { Subject } from '../input/cue-schema.js';
import type { Token } from './tokenise.js';

// An agent right after one of these is an object ("designed it with officers"), not who acts.
// (and a participle: "the practices taking new NHS patients" are not patients acting)
const OBJECT_MARKERS = new Set(['with', 'to', 'for', 'from', 'about', 'by', 'in', 'met', 'meet', 'meets', 'visited', 'contacted', 'called', 'phoned', 'emailed', 'surveyed', 'consulted', 'engaged', 'involved', 'recruited', 'paid', 'interviewed', 'alongside', 'among', 'than', 'including', 'on', 'at', 'asked', 'told', 'informed', 'invited', 'showed', 'helped', 'thanked', 'supported', 'trained', 'gave', 'sent', 'taking', 'serving', 'supporting', 'helping', 'visiting', 'treating', 'representing', 'employing', 'asking', 'telling', 'inviting', 'involving', 'contacting', 'accepting', 'registering', 'seeing']);
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
  // "the rules were announced and explained": the second verb is passive too
  if ((before === 'and' || before === 'or') && PASSIVE.has(clause[start - 3]?.word ?? '')) return { subject: 'unknown' };
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
  // "the memory service team": up to three words between a determiner and the name belong to it
  let k = i - 1;
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const w = clause[j]!.word;
    if (marks[j] || w === 'and' || w === '&') break;
    if (DETERMINERS.has(w)) {
      k = j - 1;
      break;
    }
  }
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

/**
 * Where the name at `a` ends, with what runs on after it: more names of the same group,
 * or words after a possessive ("the charity's research team"), up to three words.
 */
function nameEnd(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, a: number): number {
  const group = marks[a]!.group;
  const limit = a + marks[a]!.length + 3;
  let e = a + marks[a]!.length;
  while (e < limit) {
    const m = marks[e];
    if (m?.group === group) e += m.length;
    else if (!m && clause[e - 1]?.possessive && clause[e + 1] && !SUPPORTING.test(clause[e]!.word)) e++;
    else break;
  }
  return e;
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
    if (!other || other.group === group) continue;
    // "with staff helping", "with the charity's research team in support"
    const e = nameEnd(clause, marks, a);
    const after = clause[e]?.word ?? '';
    if (SUPPORTING.test(after) || (after === 'in' && /^support/.test(clause[e + 1]?.word ?? ''))) continue;
    // before the act, the others count only when the act is joined on with "and"
    // ("… with the GP partners and agreed"), not as a purpose ("sat with each resident to write")
    if (k < start && !clause.slice(a + other.length, start).some((t) => t.word === 'and')) continue;
    return 'both';
  }
  return group;
}
