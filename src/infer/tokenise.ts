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
  initial?: boolean;
  /** A capital letter standing alone as a word ("D chose"): a person's initial, as logs write names. */
  name?: boolean;
  /** The word was written with "'s" ("Mrs D's medication"): it names whose, not who acts. */
  possessive?: boolean;
}

export interface Lexicon {
  spellings: ReadonlyMap<string, string>;
  /** "peer-led" → merged from "peer led" */
  compounds: ReadonlySet<string>;
  clauseBreaks: ReadonlySet<string>;
}

// ", and the service is …": a comma, a joining word and a new subject start a new clause
export const COMMA_JOINERS = new Set(['and', 'but', 'so', 'then', 'while', 'whilst', 'yet']);
export const SUBJECT_STARTS = new Set(['the', 'a', 'an', 'they', 'we', 'it', 'he', 'she', 'this', 'that', 'their', 'our', 'its', 'there', 'his', 'her', 'staff', 'residents', 'tenants']);
const IZE = /^([a-z]{3,})(iz|yz)(e|ed|es|ing|ation|ations|er|ers)$/;

export function normalise(raw: string, lexicon: Lexicon): string[] {
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("n't")) {
    const stem = w.slice(0, -3);
    const head = stem === 'wo' ? 'will' : stem === 'ca' ? 'can' : stem === 'sha' ? 'shall' : stem;
    return [head, 'not'];
  }
  w = w.replace(/^([a-z]+)'(re|ve|ll|d|m)$/, '$1');
  const spelled = lexicon.spellings.get(w);
  if (spelled) return [spelled];
  const ize = IZE.exec(w);
  if (ize) w = `${ize[1]}${ize[2] === 'iz' ? 'is' : 'ys'}${ize[3]}`;
  return [lexicon.spellings.get(w) ?? w];
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
    const forms = isNumber(raw) ? [raw] : normalise(raw, lexicon);
    for (const word of forms) {
      if (lexicon.clauseBreaks.has(word)) {
        push();
        continue;
      }
      const prev = clause[clause.length - 1];
      if (prev) {
        const joined = `${prev.word}-${word}`;
        if (lexicon.compounds.has(joined)) {
          clause[clause.length - 1] = { word: joined, start: prev.start, end };
          continue;
        }
      }
      // a clause longer than any a person writes (a pasted table, a hostile file) is read in pieces
      if (clause.length >= MAX_CLAUSE) push();
      const token: Token = { word, start, end };
      // a capital letter standing alone before a full stop: someone's initial ("T. chose")
      if (end - start === 1 && raw >= 'A' && raw <= 'Z') {
        if (text.charCodeAt(end) === 46) token.initial = true;
        else if (raw !== 'A' && raw !== 'I') token.name = true;
      }
      if (/['’]s$/i.test(raw)) token.possessive = true;
      clause.push(token);
    }
  }
  push();
  return clauses;
}
