/**
 * Turns free text into clauses of normalised words, keeping where each word came from
 * (for evidence quotes): lower case, British spelling, contractions opened ("wasn't"
 * → "was not"), possessives dropped, hyphen variants joined ("co production" →
 * "co-production"), clauses split at sentence marks and words such as "but".
 */

export interface Token {
  word: string;
  start: number;
  end: number;
  /** A capital letter standing alone before a full stop ("J.", "T."): a person's initial. */
  initial: boolean;
  /** A capital letter standing alone as a word ("D chose"): a person's initial, as logs write names. */
  name: boolean;
  /** The word was written with "'s" ("Mrs D's medication"): it names whose, not who acts. */
  possessive: boolean;
}

export interface Lexicon {
  spellings: ReadonlyMap<string, string>;
  /** "peer-led" → merged from "peer led" */
  compounds: ReadonlySet<string>;
  /** the parts a compound can start with: "peer" of "peer-led", "you" and "you-said" of "you-said-we-did" */
  compoundStarts: ReadonlySet<string>;
  clauseBreaks: ReadonlySet<string>;
}

// ", and the service is …": a comma, a joining word and a new subject start a new clause
const COMMA_JOINERS = new Set(['and', 'but', 'so', 'then', 'while', 'whilst', 'yet']);
const SUBJECT_STARTS = new Set(['the', 'a', 'an', 'they', 'we', 'it', 'he', 'she', 'this', 'that', 'their', 'our', 'its', 'there', 'his', 'her', 'staff', 'residents', 'tenants']);
const IZE = /^([a-z]{3,})(iz|yz)(e|ed|es|ing|ation|ations|er|ers)$/;

/** A word as the cues read it: lower case, curly apostrophe straightened, "'s" and "'re" dropped, British spelling ("n't" is opened by the tokeniser). */
function normalise(raw: string, lexicon: Lexicon): string {
  let w = raw.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  if (w.includes("'")) {
    if (w.endsWith("'s")) w = w.slice(0, -2);
    w = w.replace(/^([a-z]+)'(re|ve|ll|d|m)$/, '$1');
  }
  const spelled = lexicon.spellings.get(w);
  if (spelled) return spelled;
  const ize = w.length > 5 && (w.includes('iz') || w.includes('yz')) ? IZE.exec(w) : null;
  if (ize) w = `${ize[1]}${ize[2] === 'iz' ? 'is' : 'ys'}${ize[3]}`;
  return lexicon.spellings.get(w) ?? w;
}

/** "wasn't" → "was not", "won't" → "will not"; undefined for any other word. */
function opened(raw: string): [string, string] | undefined {
  const last = raw.charCodeAt(raw.length - 1);
  if (last !== 116 && last !== 84) return undefined; // t
  const w = raw.toLowerCase().replace(/’/g, "'");
  if (!w.endsWith("n't")) return undefined;
  const stem = w.slice(0, -3);
  return [stem === 'wo' ? 'will' : stem === 'ca' ? 'can' : stem === 'sha' ? 'shall' : stem, 'not'];
}

/** Letters and digits (ASCII and Latin), which make up words. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isNumber(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Words in one clause at most; real clauses are far shorter. */
const MAX_CLAUSE = 80;

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'eg', 'e', 'g', 'i', 'ie', 'etc', 'vs', 'no', 'approx']);

/** Whether a full stop right after this token abbreviates it (an initial, "Mr.", "e.g.") rather than ending a sentence. */
function abbreviated(last: Token | undefined, text: string): boolean {
  if (!last) return false;
  if (last.initial) return true;
  return last.end === text.indexOf('.', last.end) && ABBREVIATIONS.has(last.word) && last.word !== 'no';
}

/** Clauses of tokens; `text` is one field (name, a method, or the description). */
export function tokenise(text: string, lexicon: Lexicon): Token[][] {
  const clauses: Token[][] = [];
  let clause: Token[] = [];
  const push = (): void => {
    if (clause.length) clauses.push(clause);
    clause = [];
  };
  let afterComma = 0; // 1: just saw a comma; 2: comma then a joining word
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 44) afterComma = 1; // ,
      else if (c === 46 && abbreviated(clause[clause.length - 1], text)) {
        // "J. wrote", "Mr. B", "e.g. the": not the end of a sentence
      } else if (c === 46 || c === 59 || c === 58 || c === 33 || c === 63) {
        // . ; : ! ?
        push();
        afterComma = 0;
      }
      i++;
      continue;
    }
    // a word: letters and digits, joined by single apostrophes or hyphens
    const start = i;
    i++;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      const j = text.charCodeAt(i);
      if ((j === 39 || j === 0x2019 || j === 45) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    const end = i;
    const raw = text.slice(start, end);
    if (afterComma) {
      const lower = raw.toLowerCase();
      if (afterComma === 1 && COMMA_JOINERS.has(lower)) afterComma = 2;
      else if (afterComma === 2 && SUBJECT_STARTS.has(lower)) {
        push();
        afterComma = 0;
      } else afterComma = 0;
    }
    const pair = isNumber(raw) ? undefined : opened(raw);
    const single = pair ? undefined : isNumber(raw) ? raw : normalise(raw, lexicon);
    for (let f = 0; f < (pair ? 2 : 1); f++) {
      const word = pair ? pair[f]! : single!;
      if (lexicon.clauseBreaks.has(word)) {
        push();
        continue;
      }
      const prev = clause[clause.length - 1];
      if (prev && lexicon.compoundStarts.has(prev.word)) {
        const joined = `${prev.word}-${word}`;
        if (lexicon.compounds.has(joined)) {
          clause[clause.length - 1] = { word: joined, start: prev.start, end, initial: false, name: false, possessive: false };
          continue;
        }
      }
      // a clause longer than any a person writes (a pasted table, a hostile file) is read in pieces
      if (clause.length >= MAX_CLAUSE) push();
      // a capital letter standing alone: someone's initial, before a full stop ("T. chose") or as a name ("D chose")
      const capital = end - start === 1 && raw >= 'A' && raw <= 'Z';
      const initial = capital && text.charCodeAt(end) === 46;
      // "Mrs D's", and the plural "carers'" (the apostrophe after the word)
      const after = text.charCodeAt(end);
      const possessive = /['’]s$/i.test(raw) || ((after === 39 || after === 0x2019) && /s$/i.test(raw));
      clause.push({ word, start, end, initial, name: capital && !initial && raw !== 'A' && raw !== 'I', possessive });
    }
  }
  push();
  return clauses;
}
