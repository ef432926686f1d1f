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
}

export interface Lexicon {
  spellings: ReadonlyMap<string, string>;
  /** "peer-led" → merged from "peer led" */
  compounds: ReadonlySet<string>;
  clauseBreaks: ReadonlySet<string>;
}

const WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['’\-][A-Za-z0-9\u00C0-\u024F]+)*|[.;:!?,]/g;
// ", and the service is …": a comma, a joining word and a new subject start a new clause
const COMMA_JOINERS = new Set(['and', 'but', 'so', 'then', 'while', 'whilst', 'yet']);
const SUBJECT_STARTS = new Set(['the', 'a', 'an', 'they', 'we', 'it', 'he', 'she', 'this', 'that', 'their', 'our', 'its', 'there', 'his', 'her', 'staff', 'residents', 'tenants']);
const IZE = /^([a-z]{3,})(iz|yz)(e|ed|es|ing|ation|ations|er|ers)$/;

// Normalised forms of each raw word, per lexicon: vocabularies are small, logs are long.
const memo = new WeakMap<Lexicon, Map<string, string[]>>();

function normaliseWord(raw: string, lexicon: Lexicon): string[] {
  let cache = memo.get(lexicon);
  if (!cache) {
    cache = new Map();
    memo.set(lexicon, cache);
  }
  let found = cache.get(raw);
  if (!found) {
    found = normaliseFresh(raw, lexicon);
    if (cache.size < 200_000) cache.set(raw, found);
  }
  return found;
}

function normaliseFresh(raw: string, lexicon: Lexicon): string[] {
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

/** Clauses of tokens; `text` is one field (name, a method, or the description). */
export function tokenise(text: string, lexicon: Lexicon): Token[][] {
  const clauses: Token[][] = [];
  let clause: Token[] = [];
  const push = (): void => {
    if (clause.length) clauses.push(clause);
    clause = [];
  };
  WORD.lastIndex = 0;
  let afterComma = 0; // 1: just saw a comma; 2: comma then a joining word
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    if (raw === ',') {
      afterComma = 1;
      continue;
    }
    if (raw.length === 1 && '.;:!?'.includes(raw)) {
      push();
      afterComma = 0;
      continue;
    }
    const lower = raw.toLowerCase();
    if (afterComma === 1 && COMMA_JOINERS.has(lower)) afterComma = 2;
    else if (afterComma === 2 && SUBJECT_STARTS.has(lower)) {
      push();
      afterComma = 0;
    } else afterComma = 0;
    const start = m.index;
    const end = start + raw.length;
    for (const word of normaliseWord(raw, lexicon)) {
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
      clause.push({ word, start, end });
    }
  }
  push();
  return clauses;
}
