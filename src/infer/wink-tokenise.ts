/**
 * EVALUATION ONLY (docs/inference.md, "A language library?"): clauses of tokens made with
 * wink-nlp and its English model instead of coprod's own tokeniser: the library's
 * sentences, lemmas and negation, with coprod's clause breaks, spellings and compounds.
 * Chosen with COPROD_ANALYSER=wink; the comparison decides whether it stays.
 */
import { createRequire } from 'node:module';
import { COMMA_JOINERS, normalise, SUBJECT_STARTS, type Lexicon, type Token } from './tokenise.js';

interface WinkToken {
  out(what: unknown): unknown;
}
interface Wink {
  readDoc(text: string): { sentences(): { each(f: (s: { tokens(): { each(f: (t: WinkToken) => void): void } }) => void): void } };
  its: Record<string, unknown>;
}

let nlp: Wink | undefined;
function wink(): Wink {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink;
    nlp = winkNLP(require('wink-eng-lite-web-model'));
  }
  return nlp;
}

const MAX_CLAUSE = 80;

export function winkTokenise(text: string, lexicon: Lexicon): Token[][] {
  const w = wink();
  const its = w.its;
  const clauses: Token[][] = [];
  let pos = 0;
  w.readDoc(text).sentences().each((sentence) => {
    let clause: Token[] = [];
    const push = (): void => {
      if (clause.length) clauses.push(clause);
      clause = [];
    };
    let afterComma = 0;
    sentence.tokens().each((t) => {
      const value = String(t.out(its.value));
      const spaces = String(t.out(its.precedingSpaces));
      const at = text.indexOf(value, pos + spaces.length - (spaces.length ? 0 : 0));
      const start = at >= 0 ? at : pos + spaces.length;
      const end = start + value.length;
      const glued = spaces === '' && start === pos;
      pos = end;
      const type = String(t.out(its.type));
      if (type === 'punctuation') {
        if (value === ',') afterComma = 1;
        else if (value === ';' || value === ':') push();
        else if (value === '-' && glued && clause.length) {
          // "user - led" written "user-led": joined with the next word
          const prev = clause[clause.length - 1]!;
          clause[clause.length - 1] = { ...prev, word: `${prev.word}-`, end };
        }
        return;
      }
      if (value === "'s" || value === '’s') {
        const prev = clause[clause.length - 1];
        if (prev) prev.possessive = true;
        return;
      }
      const lower = value.toLowerCase();
      if (afterComma) {
        if (afterComma === 1 && COMMA_JOINERS.has(lower)) afterComma = 2;
        else if (afterComma === 2 && SUBJECT_STARTS.has(lower)) {
          push();
          afterComma = 0;
        } else afterComma = 0;
      }
      const lemma = String(t.out(its.lemma)).toLowerCase();
      const negated = t.out(its.negationFlag) === true;
      for (const word of /^[0-9]+$/.test(value) ? [value] : normalise(value, lexicon)) {
        if (lexicon.clauseBreaks.has(word)) {
          push();
          continue;
        }
        const prev = clause[clause.length - 1];
        if (prev && prev.word.endsWith('-') && glued) {
          clause[clause.length - 1] = { ...prev, word: `${prev.word}${word}`, end };
          continue;
        }
        if (prev && lexicon.compounds.has(`${prev.word}-${word}`)) {
          clause[clause.length - 1] = { ...prev, word: `${prev.word}-${word}`, end };
          continue;
        }
        if (clause.length >= MAX_CLAUSE) push();
        const token: Token = { word: word === "n't" ? 'not' : word, start, end, lemma: lexicon.spellings.get(lemma) ?? lemma, negated };
        if (value.length === 2 && /^[A-Z]\.$/.test(value)) {
          token.word = value[0]!.toLowerCase();
          token.initial = true;
        }
        clause.push(token);
      }
    });
    push();
  });
  return clauses;
}
