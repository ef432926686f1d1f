/**
 * Reads facts from an activity's words (name, methods, description) with a cue set:
 * finds cue matches clause by clause, notes negation ("were not consulted") and who
 * acts ("staff decided" vs "residents decided"), lets the more specific of two
 * overlapping matches win, then settles each fact: the strongest evidence wins, caps
 * and negations hold it down, ties go to the least generous value. Every finding
 * carries the phrase it rests on and a confidence.
 */
import type { Activity } from '../core/activity.js';
import { SAY_VALUES, STAGE_VALUES, type FactValue } from '../core/facts-model.js';
import type { FactFinding, Inference, Inferrer } from '../core/resolve-facts.js';
import type { AgentMark } from './agents.js';
import type { Subject } from './cue-schema.js';
import type { CompiledCue, CueSet } from './cue-set.js';
import { matchAll } from './pattern.js';
import { tokenise, type Token } from './tokenise.js';
import { maxOf } from '../util/max-of.js';

/** A cue match as settling reads it; one object may serve many activities, so it is never changed. */
export interface Hit {
  cue: CompiledCue;
  /** the cue's strength, one less when the words are only the activity's name */
  strength: number;
  negated: boolean;
  /** the words as written, for evidence */
  phrase: string;
}

/** Minimum strength for a fact to be inferred at all; weaker cues are only labels. */
export const MIN_STRENGTH = 2;
/** Stages need what people did (strength 3), not a topic word. */
const STAGE_STRENGTH = 3;
const CONFIDENCE = [0, 0.4, 0.7, 0.9];
const LEAST_GENEROUS_BOOLEAN: Record<string, boolean> = { before_decision: false, feedback_given: false, voluntary: false };

// An agent right after one of these is an object ("designed it with officers"), not who acts.
const OBJECT_MARKERS = new Set(['with', 'to', 'for', 'from', 'about', 'by', 'alongside', 'among', 'than', 'including', 'on', 'at', 'asked', 'told', 'informed', 'invited', 'showed', 'helped']);
const DETERMINERS = new Set(['the', 'their', 'his', 'her', 'its', 'a', 'an', 'our', 'two', 'some']);
const SUPPORTING = /^(help|support|assist|advic|on)/;
const RELATIVES = new Set(['who', 'which', 'that']);
// words that start a new clause inside a sentence: an agent after them is a subject again
const CLAUSE_WORDS = new Set(['and', 'or', 'then', 'how', 'what', 'which', 'who', 'that', 'when', 'where', 'whether', 'why', 'so', 'because']);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);

/** An agent is an object when a preposition or verb such as "with" or "asked" stands just before it ("with the housing team"). */
function isObject(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, i: number): boolean {
  // "by" reaches further: "trained by the public health team" names who trained, not who acts next
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = clause[k]!.word;
    if (OBJECT_MARKERS.has(w) && (i - k <= 3 || w === 'by')) return true;
    if (marks[k] || CLAUSE_WORDS.has(w)) return false;
  }
  return false;
}

/** Who acts in a match: the nearest agent before it that is not an object, or "by …" after it. */
function subjectOf(clause: readonly Token[], marks: ReadonlyArray<AgentMark | undefined>, start: number, end: number): Subject {
  // passive: "… by residents"
  for (let k = end; k < Math.min(clause.length - 1, end + 3); k++) {
    if (clause[k]!.word === 'by' && marks[k + 1]) return marks[k + 1]!.group;
  }
  // passive without "by": "their observations were written up" names nobody
  const before = clause[start - 1]?.word === 'not' ? clause[start - 2]?.word : clause[start - 1]?.word;
  if (before && PASSIVE.has(before)) return 'unknown';
  // "… with residents, who pointed out": a relative pronoun refers back to the word before it;
  // "the ward round that decides": when that word names nobody, nobody is known to act
  const relative = RELATIVES.has(clause[start - 1]?.word ?? '') ? start - 1 : -1;
  if (relative > 0 && !marks.some((m, i) => m && i + m.length === relative)) return 'unknown';
  for (let i = start - 1; i >= 0; i--) {
    const m = marks[i];
    if (!m || i + m.length > start) continue;
    const isRelativeHead = relative >= 0 && i + m.length === relative;
    if (!isRelativeHead && isObject(clause, marks, i)) continue;
    let group: Subject = m.group;
    // "residents and staff", "people with lived experience and practitioners",
    // "their carers and the memory service team"
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      if (marks[k]) break; // "a resident and a relative joined the quality lead": the "and" joins others
      const w = clause[k]!.word;
      if (w !== 'and' && w !== '&') continue;
      for (let j = k - 1; j >= 0; j--) {
        const other = marks[j];
        if (other && j + other.length >= k - 5 && other.group !== m.group) group = 'both';
      }
      break;
    }
    // "residents … with officers" after the match, unless the others only help
    if (group !== 'both') {
      for (let k = end; k < Math.min(clause.length - 1, end + 5); k++) {
        const w = clause[k]!.word;
        if (w !== 'with' && w !== 'alongside') continue;
        let a = k + 1;
        if (!marks[a] && DETERMINERS.has(clause[a]?.word ?? '')) a++;
        const other = marks[a];
        if (other && other.group !== m.group && !SUPPORTING.test(clause[a + other.length]?.word ?? '')) group = 'both';
      }
    }
    return group;
  }
  return 'unknown';
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

/** Cues whose rarest word could match this word, worked out once per distinct word that has any. */
const wordCandidates = new WeakMap<CueSet, Map<string, CompiledCue[]>>();
const EMPTY: CompiledCue[] = [];

function candidatesOf(set: CueSet, word: string): CompiledCue[] {
  const exact = set.byWord.get(word);
  const prefixed = word.length >= 3 ? set.byPrefix.get(word.slice(0, 3)) : undefined;
  if (!prefixed) return exact ?? EMPTY;
  // most words have no cue at all: only those that might are remembered
  let memo = wordCandidates.get(set);
  if (!memo) {
    memo = new Map();
    wordCandidates.set(set, memo);
  }
  let list = memo.get(word);
  if (!list) {
    const found: CompiledCue[] = exact ? [...exact] : [];
    for (const p of prefixed) if (word.startsWith(p.prefix) && !found.includes(p.cue)) found.push(p.cue);
    list = found.length ? found : EMPTY;
    if (memo.size < 100_000) memo.set(word, list);
  }
  return list;
}

/** The cues that could match in a clause, each with the positions where its anchor word occurs. */
function candidates(set: CueSet, clause: readonly Token[]): Map<CompiledCue, number[]> | undefined {
  let found: Map<CompiledCue, number[]> | undefined;
  for (let i = 0; i < clause.length; i++) {
    const list = candidatesOf(set, clause[i]!.word);
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      const at = (found ??= new Map()).get(c);
      if (at) at.push(i);
      else found.set(c, [i]);
    }
  }
  return found;
}

/** A cue match in a sentence: which cue, where (clause and word range, and the characters it covers), how specific. */
interface WordHit {
  cue: CompiledCue;
  negated: boolean;
  clause: number;
  start: number;
  end: number;
  specificity: number;
  /** the characters the match covers in the text read */
  from: number;
  to: number;
}

/** A cue match in a field, placed in the field's text with its numbers written "0". */
interface FieldHit {
  cue: CompiledCue;
  negated: boolean;
  from: number;
  to: number;
}

/** Where a field's words come from; each gives its matches a label and a strength shift. */
const enum Field {
  Name,
  Methods,
  Description,
}
const LABELS = ['name: ', 'methods: ', ''] as const;
/** a name is a label: it suggests, the description decides */
const STRENGTH_SHIFTS = [-1, 0, 0] as const;

/** What a cue set remembers about one field text (numbers written "0"). */
interface FieldEntry {
  found: FieldHit[];
  /**
   * Per field kind, the finished hits, made once: a match whose words take in no number
   * quotes the same words in every text of this entry. A match over a number (undefined
   * here) quotes each text as written.
   */
  ready: Array<Array<Hit | undefined> | undefined>;
}

/** What a cue set has read so far. */
interface Memo {
  /**
   * Matches per sentence, with its numbers written "0". Clauses never cross a sentence
   * mark (. ; : ! ?), and everything a match depends on (negation, who acts, overlaps)
   * lies inside its clause, so the same sentence always gives the same matches: logs
   * repeat themselves ("Monthly residents' meeting.", "Residents were consulted."), and
   * each distinct sentence is read once. Unless a cue file mentions a number, no cue,
   * name or list word has a digit in it, so matching never tells one number from
   * another: "Menu 12" and "Menu 13", or "unit 886 on day 4" and "unit 12 on day 9",
   * match the same way, and only the words quoted as evidence differ (they are taken
   * from each text as written). Sentences with numbers seldom repeat as they are;
   * written this way, they do.
   */
  sentences: Map<string, WordHit[]>;
  /** The same per whole field (a name, the methods, a description), read the same way. */
  fields: Map<string, FieldEntry>;
  /**
   * One hit per cue, field kind, negation and words, shared by every field entry whose
   * match reads alike ("results were shared" in a thousand descriptions is one hit).
   */
  hits: Map<CompiledCue, Map<string, Hit>>;
  /**
   * What a list of such shared hits settles to, found by following the list hit by hit
   * (a tree keyed by the hits themselves): settling depends on the hits alone, and most
   * activities of a log bring one of a few hundred lists.
   */
  settled: SettledNode;
  settledNodes: number;
}

interface SettledNode {
  next: Map<Hit, SettledNode> | undefined;
  inference: Inference | undefined;
}

const memos = new WeakMap<CueSet, Memo>();
const MEMO_ENTRIES = 50_000;
const MEMO_LONGEST = 400;
const FIELD_LONGEST = 1_000;
const NO_WORD_HITS: WordHit[] = [];
const NO_FIELD_HITS: FieldHit[] = [];

function memoOf(set: CueSet): Memo {
  let memo = memos.get(set);
  if (!memo) {
    memo = { sentences: new Map(), fields: new Map(), hits: new Map(), settled: { next: undefined, inference: undefined }, settledNodes: 0 };
    memos.set(set, memo);
  }
  return memo;
}

/** The matches in a sentence (a stretch of text without sentence marks), overlaps settled. */
function wordHits(set: CueSet, sentence: string): WordHit[] {
  const clauses = tokenise(sentence, set.lexicon);
  let hits: WordHit[] | undefined;
  for (let ci = 0; ci < clauses.length; ci++) {
    const clause = clauses[ci]!;
    const found = candidates(set, clause);
    if (!found) continue;
    const marks = set.agents.mark(clause);
    // words inside a name of two or more words ("quality lead") are not cue words
    const inAgent: boolean[] = new Array(clause.length).fill(false);
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i];
      if (m && m.length > 1) for (let k = i; k < i + m.length; k++) inAgent[k] = true;
    }
    const view = { tokens: clause, marks, inAgent, transparent: set.negators };
    for (const [cue, anchorAt] of found) {
      for (const m of matchAll(cue.pattern, view, anchorAt)) {
        if (cue.subject && !cue.subject.has(subjectOf(clause, marks, m.start, m.end))) continue;
        const negated = isNegated(set, clause, marks, m.start, m.end, m.skipped);
        if (negated && cue.dropWhenNegated) continue;
        const from = clause[m.start]!.start;
        const to = clause[m.end - 1]!.end;
        (hits ??= []).push({ cue, negated, clause: ci, start: m.start, end: m.end, specificity: m.specificity, from, to });
      }
    }
  }
  return hits ? dropOverlapped(hits) : NO_WORD_HITS;
}

const DIGIT = /[0-9]/;
const DIGIT_RUNS = /[0-9]+/g;

/** The text with each run of digits written "0" (the text itself when it has none). */
function numbersAsZero(text: string): string {
  return DIGIT.test(text) ? text.replace(DIGIT_RUNS, '0') : text;
}

/**
 * For each run of digits in `text`: where its "0" stands in the text with numbers written
 * "0", and how many digits it stands for beyond one.
 */
function runsOf(text: string): number[] {
  const runs: number[] = [];
  let shift = 0;
  DIGIT_RUNS.lastIndex = 0;
  for (let m = DIGIT_RUNS.exec(text); m; m = DIGIT_RUNS.exec(text)) {
    runs.push(m.index - shift, m[0].length - 1);
    shift += m[0].length - 1;
  }
  return runs;
}

/** Where a position in the text with numbers written "0" falls in the text as written. */
function positionIn(runs: readonly number[], p: number): number {
  let at = p;
  for (let k = 0; k < runs.length && runs[k]! < p; k += 2) at += runs[k + 1]!;
  return at;
}

function isSentenceMark(c: number): boolean {
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63; // . ; : ! ?
}

/** Every cue match in an activity's words. */
export function findHits(set: CueSet, activity: Pick<Activity, 'name' | 'methods' | 'description'>): Hit[] {
  const hits: Hit[] = [];
  collectHits(set, memoOf(set), activity, hits);
  return hits;
}

/** Adds an activity's hits to `hits`; true when every one is a shared hit (memo.hits). */
function collectHits(set: CueSet, memo: Memo, activity: Pick<Activity, 'name' | 'methods' | 'description'>, hits: Hit[]): boolean {
  let shared = addHits(set, memo, activity.name, Field.Name, hits);
  if (activity.methods.length) shared = addHits(set, memo, methodsText(activity.methods), Field.Methods, hits) && shared;
  if (activity.description) shared = addHits(set, memo, activity.description, Field.Description, hits) && shared;
  return shared;
}

/** The findings of a list of shared hits: settled once per list (Memo.settled). */
function settledOnce(memo: Memo, hits: readonly Hit[]): Inference {
  let node = memo.settled;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    let next = node.next?.get(h);
    if (!next) {
      if (memo.settledNodes >= MEMO_ENTRIES) return { findings: settle(hits) };
      next = { next: undefined, inference: undefined };
      (node.next ??= new Map()).set(h, next);
      memo.settledNodes++;
    }
    node = next;
  }
  return (node.inference ??= { findings: settle(hits) });
}

/** Methods as words: "focus-group" reads as "focus group", one sentence each. */
function methodsText(methods: readonly string[]): string {
  if (methods.length === 1) return methodWords(methods[0]!);
  let text = '';
  for (let i = 0; i < methods.length; i++) text += (i ? '. ' : '') + methodWords(methods[i]!);
  return text;
}

/** A method's words, worked out once per method name (logs use a handful). */
const methodWordsMemo = new Map<string, string>();

function methodWords(method: string): string {
  let words = methodWordsMemo.get(method);
  if (words === undefined) {
    words = method.includes('-') || method.includes('_') ? method.replace(/[-_]+/g, ' ') : method;
    if (methodWordsMemo.size < 1_000) methodWordsMemo.set(method, words);
  }
  return words;
}

/**
 * Adds the matches in one field's text, each quoting the words as written there. True
 * when all of them are shared hits (none takes in a number of this text).
 */
function addHits(set: CueSet, memo: Memo, text: string, field: Field, hits: Hit[]): boolean {
  const read = set.numbersAreWords ? text : numbersAsZero(text);
  let entry = memo.fields.get(read);
  if (!entry) {
    entry = { found: fieldHits(set, memo, read), ready: [undefined, undefined, undefined] };
    if (read.length <= FIELD_LONGEST && memo.fields.size < MEMO_ENTRIES) memo.fields.set(read, entry);
  }
  const found = entry.found;
  if (!found.length) return true;
  const ready = (entry.ready[field] ??= readyHits(memo, found, read, field, !set.numbersAreWords));
  let runs: number[] | undefined;
  for (let k = 0; k < found.length; k++) {
    const h = ready[k];
    if (h) {
      hits.push(h);
      continue;
    }
    // the words take in a number: quoted from this text
    const f = found[k]!;
    runs ??= runsOf(text);
    hits.push(hitOf(f, field, text.slice(positionIn(runs, f.from), positionIn(runs, f.to))));
  }
  return runs === undefined;
}

/** A match as settling reads it, quoting `words` with the field's label. */
function hitOf(f: FieldHit, field: Field, words: string): Hit {
  return { cue: f.cue, strength: f.cue.strength + STRENGTH_SHIFTS[field], negated: f.negated, phrase: LABELS[field] + words };
}

/**
 * The hits of a field entry that are the same for every text it stands for: those whose
 * words take in no "0" (which stands for a number) when numbers are read as "0".
 */
function readyHits(memo: Memo, found: readonly FieldHit[], read: string, field: Field, numbersRead: boolean): Array<Hit | undefined> {
  return found.map((f) => {
    const words = read.slice(f.from, f.to);
    return numbersRead && words.includes('0') ? undefined : sharedHit(memo, f, field, words);
  });
}

/** The one hit for a cue, field kind, negation and words (Memo.hits). */
function sharedHit(memo: Memo, f: FieldHit, field: Field, words: string): Hit {
  let byWords = memo.hits.get(f.cue);
  if (!byWords) {
    byWords = new Map();
    memo.hits.set(f.cue, byWords);
  }
  const key = `${field}${f.negated ? '!' : ' '}${words}`;
  let hit = byWords.get(key);
  if (!hit) {
    hit = hitOf(f, field, words);
    if (byWords.size < MEMO_ENTRIES) byWords.set(key, hit);
  }
  return hit;
}

/** The matches in a field's text (numbers already written "0"), sentence by sentence. */
function fieldHits(set: CueSet, memo: Memo, text: string): FieldHit[] {
  let found: FieldHit[] | undefined;
  const n = text.length;
  let from = 0;
  while (from <= n) {
    let to = from;
    while (to < n && !isSentenceMark(text.charCodeAt(to))) to++;
    const sentence = from === 0 && to === n ? text : text.slice(from, to);
    let matches = memo.sentences.get(sentence);
    if (!matches) {
      matches = wordHits(set, sentence);
      if (sentence.length <= MEMO_LONGEST && memo.sentences.size < MEMO_ENTRIES) memo.sentences.set(sentence, matches);
    }
    for (let k = 0; k < matches.length; k++) {
      const h = matches[k]!;
      (found ??= []).push({ cue: h.cue, negated: h.negated, from: from + h.from, to: from + h.to });
    }
    from = to + 1;
  }
  return found ?? NO_FIELD_HITS;
}

/**
 * Of two overlapping matches for the same fact, the more specific one stands; an
 * "ignore" match (words that only look like a cue) also wins a tie.
 */
function dropOverlapped(hits: WordHit[]): WordHit[] {
  // sorted by clause then start, the matches overlapping a match follow it closely:
  // each pair is compared once, so a long text costs time in proportion to its length
  const order = hits.map((_, i) => i);
  order.sort((a, b) => {
    const ha = hits[a]!;
    const hb = hits[b]!;
    return ha.clause < hb.clause ? -1 : ha.clause > hb.clause ? 1 : ha.start - hb.start;
  });
  const beaten = new Array<boolean>(hits.length).fill(false);
  for (let x = 0; x < order.length; x++) {
    const h = hits[order[x]!]!;
    for (let y = x + 1; y < order.length; y++) {
      const o = hits[order[y]!]!;
      if (o.clause !== h.clause || o.start >= h.end) break;
      if (o.cue.fact !== h.cue.fact) continue;
      if (beats(o, h)) beaten[order[x]!] = true;
      if (beats(h, o)) beaten[order[y]!] = true;
    }
  }
  return hits.filter((_, i) => !beaten[i]);
}

/** Whether overlapping match `o` (same fact, same clause) makes `h` stand down. */
function beats(o: WordHit, h: WordHit): boolean {
  return (
    o.specificity > h.specificity ||
    (o.specificity === h.specificity && o.cue.ignore && !h.cue.ignore) ||
    (o.specificity === h.specificity && o.cue === h.cue && (o.start < h.start || (o.start === h.start && o.end > h.end)))
  );
}

const SAY = SAY_VALUES as readonly string[];
const HEARD = SAY.indexOf('heard');

function settleSay(hits: Hit[]): FactFinding | undefined {
  type Positive = { rank: number; strength: number; phrase: string };
  const positives: Positive[] = [];
  const caps: Positive[] = [];
  for (const h of hits) {
    if (h.cue.cap !== undefined) {
      if (!h.negated) caps.push({ rank: SAY.indexOf(h.cue.cap), strength: h.strength, phrase: h.phrase });
      continue;
    }
    const rank = SAY.indexOf(h.cue.value as string);
    if (!h.negated) positives.push({ rank, strength: h.strength, phrase: h.phrase });
    else if (rank >= HEARD) {
      // "were not consulted": nothing as high as that happened; views not sought means none.
      // (Not being told something says nothing about being heard, so told/taught never cap.)
      caps.push({ rank: rank - 1, strength: h.strength, phrase: h.phrase });
      if (rank <= SAY.indexOf('influence')) positives.push({ rank: 0, strength: MIN_STRENGTH, phrase: h.phrase });
    }
  }
  // (loops rather than filter/map chains: this runs for every activity)
  let top = 0;
  for (const p of positives) if (p.strength > top) top = p.strength;
  if (top < MIN_STRENGTH) return undefined;
  // evidence of the same strength adds up (a survey and a co-designed plan: joint): the
  // highest value among the strongest evidence, the first of equals
  let best = positives.find((p) => p.strength === top)!;
  for (const p of positives) if (p.strength === top && p.rank > best.rank) best = p;
  let confidence = CONFIDENCE[top]!;
  if (positives.some((p) => p.strength === top && best.rank - p.rank >= 3)) confidence -= 0.15;
  let evidence = best.phrase;
  // the lowest cap at least as strong, below the value (the first of equals)
  let binding: Positive | undefined;
  for (const c of caps) if (c.strength >= top && c.rank < best.rank && (!binding || c.rank < binding.rank)) binding = c;
  if (binding) {
    let capped: Positive | undefined;
    for (const p of positives) if (p.strength === top && p.rank <= binding.rank && (!capped || p.rank > capped.rank)) capped = p;
    best = capped ?? { rank: binding.rank, strength: top, phrase: binding.phrase };
    evidence = `${best.phrase}; held down by "${binding.phrase}"`;
    confidence -= 0.1;
  }
  return { value: SAY[best.rank]!, basis: 'inferred', evidence, confidence: Math.round(confidence * 100) / 100 };
}

function voteOf(h: Hit): boolean {
  return h.negated ? !(h.cue.value as boolean) : (h.cue.value as boolean);
}

function settleBoolean(name: string, hits: Hit[]): FactFinding | undefined {
  let top = 0;
  for (const h of hits) if (h.strength > top) top = h.strength;
  if (top < MIN_STRENGTH) return undefined;
  // the strongest votes: the first one, unless they disagree and the least generous value is known
  let first: Hit | undefined;
  let conflict = false;
  for (const h of hits) {
    if (h.strength !== top) continue;
    if (!first) first = h;
    else if (voteOf(h) !== voteOf(first)) conflict = true;
  }
  let chosen = first!;
  const least = LEAST_GENEROUS_BOOLEAN[name];
  if (conflict && least !== undefined) chosen = hits.find((h) => h.strength === top && voteOf(h) === least)!;
  return { value: voteOf(chosen), basis: 'inferred', evidence: chosen.phrase, confidence: CONFIDENCE[top]! - (conflict ? 0.25 : 0) };
}

function settleChoice(hits: Hit[], tieBreak: string): FactFinding | undefined {
  let top = 0;
  for (const h of hits) if (!h.negated && h.strength > top) top = h.strength;
  if (top < MIN_STRENGTH) return undefined;
  let first: Hit | undefined;
  let conflict = false;
  for (const h of hits) {
    if (h.negated || h.strength !== top) continue;
    if (!first) first = h;
    else if (h.cue.value !== first.cue.value) conflict = true;
  }
  let chosen = first!;
  if (conflict) chosen = hits.find((h) => !h.negated && h.strength === top && h.cue.value === tieBreak) ?? first!;
  return { value: chosen.cue.value as string, basis: 'inferred', evidence: chosen.phrase, confidence: CONFIDENCE[top]! - (conflict ? 0.25 : 0) };
}

function settleStages(hits: Hit[]): FactFinding | undefined {
  let removed: Set<string> | undefined;
  for (const h of hits) if ((h.cue.negative || h.negated) && h.strength >= STAGE_STRENGTH) (removed ??= new Set()).add(h.cue.value as string);
  let added: Hit[] | undefined;
  for (const h of hits) {
    if (!h.cue.negative && !h.negated && h.strength >= STAGE_STRENGTH && !removed?.has(h.cue.value as string)) (added ??= []).push(h);
  }
  if (!added) return undefined;
  const found = added;
  const values = STAGE_VALUES.filter((s) => found.some((h) => h.cue.value === s));
  // 'design: "co-designed"; delivery: "now run it"' (plain ASCII: an ASCII log gives an ASCII result, which is written faster)
  const evidence = values.map((s) => `${s}: "${found.find((h) => h.cue.value === s)!.phrase}"`).join('; ');
  return { value: values, basis: 'inferred', evidence, confidence: CONFIDENCE[maxOf(found.map((h) => h.strength))]! };
}

export function settle(hits: readonly Hit[]): Map<string, FactFinding> {
  const findings = new Map<string, FactFinding>();
  // the hits of each fact, facts in the order first met (a few per activity: arrays, not a map)
  const names: string[] = [];
  const lists: Hit[][] = [];
  for (const h of hits) {
    if (h.cue.ignore) continue;
    const name = h.cue.fact.name;
    let k = names.indexOf(name);
    if (k < 0) {
      k = names.length;
      names.push(name);
      lists.push([]);
    }
    lists[k]!.push(h);
  }
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    const list = lists[k]!;
    const fact = list[0]!.cue.fact;
    let finding: FactFinding | undefined;
    if (name === 'say') finding = settleSay(list);
    else if (name === 'stages' || fact.kind === 'set') finding = settleStages(list);
    else if (fact.kind === 'boolean') finding = settleBoolean(name, list);
    else finding = settleChoice(list, name === 'level' ? 'strategic' : name === 'initiated_by' ? 'organisation' : fact.values[0]!);
    if (finding) findings.set(name, finding);
  }
  return findings;
}

export class CueInferrer implements Inferrer {
  constructor(readonly cues: CueSet) {}

  infer(activity: Activity): Inference {
    const memo = memoOf(this.cues);
    const hits: Hit[] = [];
    // (an inference may be shared by many activities: it is never changed)
    return collectHits(this.cues, memo, activity, hits) ? settledOnce(memo, hits) : { findings: settle(hits) };
  }
}

export type { FactValue };
