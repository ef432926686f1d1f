/**
 * Loads cue files (coprod's own, then the user's), validates them with located errors
 * and compiles them into one cue set: the vocabulary a clause is read with, and the cues
 * indexed by the words that must occur for them to match. A user's cues are also held to
 * their own examples on load (each must match what it says it matches, and not what it
 * says it does not); coprod's own are held to theirs by the build and the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_FACTS, type FactDefinition, type FactValue } from '../model/facts-model.js';
import { InputError, fieldPath, type Diagnostic } from '../input/problem.js';
import { readSource, type SourceText } from '../input/read-source.js';
import type { Snapshot } from '../input/snapshot.js';
import { hasKnownKey, notThisKind } from '../input/file-kind.js';
import { issuesToDiagnostics, keysAt, sortDiagnostics } from '../input/schema-problems.js';
import { locate, parseYaml, type PathSegment } from '../input/yaml-source.js';
import { didYouMean } from '../text/did-you-mean.js';
import { packageRoot } from '../input/package-root.js';
import { quoteValue } from '../text/terminal-text.js';
import { AgentIndex, type AgentGroup } from './agents.js';
import { cueFileSchema, type Claim, type CueFile, type Subject } from '../input/cue-schema.js';
import { compilePattern, PatternError, type CompiledPattern } from './pattern.js';
import type { Lexicon } from './tokenise.js';
import { indexPatterns, type PatternIndex } from './pattern-index.js';

/** The pseudo-fact of cues that read a label: what the words claim, not what was done. */
const CLAIMED = 'claimed';

export interface Cue {
  id: string;
  /** The fact it reads (undefined for a claim). */
  fact: FactDefinition | undefined;
  /** A fact's value, or for a claim the label's name (a key of the cue set's claims). */
  value: FactValue | undefined;
  cap: string | undefined;
  /** Words that look like a cue but say nothing; they only knock out weaker overlapping matches. */
  ignore: boolean;
  /** The organisation changed something: with views given before it, their influence. */
  response: boolean;
  negative: boolean;
  strength: number;
  subject: ReadonlySet<Subject> | undefined;
  dropWhenNegated: boolean;
  patterns: CompiledPattern[];
  examples: { match: string[]; nomatch: string[] };
  /** How often readings it decided were right on first contact with blind sets. */
  measured: { right: number; of: number; high?: number } | undefined;
  /** Where it is written, for errors about it. */
  file: string;
  at: PathSegment[];
}

export interface CueSet {
  lexicon: Lexicon;
  agents: AgentIndex;
  negators: ReadonlySet<string>;
  negatorExceptions: ReadonlyArray<readonly string[]>;
  negationStops: ReadonlySet<string>;
  /** words of hope, plan or offer ("hope to", "will"): what follows them is not done */
  intent: PatternIndex<{ pattern: CompiledPattern }>;
  /** words after which a clause reports what people said ("the main themes were"): what follows was not done in the activity */
  reported: PatternIndex<{ pattern: CompiledPattern }>;
  /** words that tie a change to the views it answers ("as a result", "four of them") */
  answers: PatternIndex<{ pattern: CompiledPattern }>;
  /** headings that tie the change after them to the views before ("We did:") */
  answerHeadings: PatternIndex<{ pattern: CompiledPattern }>;
  claims: ReadonlyMap<string, Claim>;
  cues: Cue[];
  /** the cues' patterns by anchor word */
  patterns: PatternIndex<{ cue: Cue; pattern: CompiledPattern }>;
  files: string[];
}

function defaultCueFile(): string {
  return join(packageRoot(), 'cues', 'default.yaml');
}

/** Parses and validates a cue file against the schema, with located errors. */
export function validateCueFile(source: SourceText): { data: CueFile; where: (path: PathSegment[]) => { line: number; column: number } } {
  const doc = parseYaml(source, { itemsKey: 'cues' });
  if (doc.value != null && !hasKnownKey(doc.value, keysAt(cueFileSchema, []))) throw notThisKind(source.name, 'a cue file', 'a mapping with cues (and optionally agents, negators, spellings)');
  const parsed = cueFileSchema.safeParse(doc.value ?? {}, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, doc, cueFileSchema, { keySynonyms: { pattern: 'patterns', when: 'patterns', weight: 'strength', example: 'examples' } })));
  }
  return { data: parsed.data, where: (path) => locate(doc, path) };
}

interface Accumulated {
  data: CueFile;
  cues: Cue[];
  ids: Map<string, string>;
}

type Where = (path: PathSegment[]) => { line: number; column: number };

function loadFile(source: SourceText, facts: ReadonlyMap<string, FactDefinition>, into: Accumulated, snapshot?: Snapshot): { problems: Diagnostic[]; where: Where } {
  // coprod's own cue file, validated by the build and unchanged since: no need to parse it again
  const known = snapshot && source.path ? (snapshot.dataFor(source.path, source.text) as CueFile | undefined) : undefined;
  const { data, where } = known ? { data: known, where: () => ({ line: 1, column: 1 }) } : validateCueFile(source);
  const problems: Diagnostic[] = [];
  const problem = (path: PathSegment[], message: string, expected?: string, hint?: string): void => {
    const d: Diagnostic = { file: source.name, ...where(path), field: fieldPath(path), message };
    if (expected) d.expected = expected;
    if (hint) d.help = hint;
    problems.push(d);
  };
  const claims = { ...(into.data.claims ?? {}), ...(data.claims ?? {}) };
  const compile = (text: string, path: PathSegment[]): CompiledPattern | undefined => {
    try {
      return compilePattern(text);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      problem(path, `pattern ${quoteValue(text, 60)}: ${error.message}`, 'words, word*, a|b, (a phrase|another), word?, …, {people}, {organisation}');
      return undefined;
    }
  };
  (data.intent ?? []).forEach((text, j) => compile(text, ['intent', j]));
  (data.reported ?? []).forEach((text, j) => compile(text, ['reported', j]));
  (data.answers ?? []).forEach((text, j) => compile(text, ['answers', j]));
  (data.answerHeadings ?? []).forEach((text, j) => compile(text, ['answerHeadings', j]));
  (data.cues ?? []).forEach((spec, i) => {
    const at: PathSegment[] = ['cues', i];
    const earlier = into.ids.get(spec.id);
    if (earlier) return problem([...at, 'id'], `the cue id ${quoteValue(spec.id)} is used twice`, 'an id used once', `first used in ${earlier}`);
    into.ids.set(spec.id, source.name);
    let fact: FactDefinition | undefined;
    let value: FactValue | undefined;
    if (spec.fact === CLAIMED) {
      if (typeof spec.value !== 'string' || !Object.hasOwn(claims, spec.value)) {
        const names = Object.keys(claims);
        const near = typeof spec.value === 'string' ? didYouMean(spec.value, names) : undefined;
        return problem([...at, 'value'], `${quoteValue(spec.value)} is not a claim of the cue files`, names.length ? `one of ${names.join(', ')}` : 'a label named under `claims:`', near ? `did you mean "${near}"?` : undefined);
      }
      value = spec.value;
    } else {
      fact = facts.get(spec.fact);
      if (!fact) {
        const names = [...facts.keys(), CLAIMED];
        const near = didYouMean(spec.fact, names);
        return problem([...at, 'fact'], `unknown fact ${quoteValue(spec.fact)}`, `one of ${names.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
      }
      if (spec.value !== undefined) {
        if (fact.kind === 'boolean') {
          if (typeof spec.value !== 'boolean') return problem([...at, 'value'], `${fact.name} is true or false, got ${quoteValue(spec.value)}`, 'true or false');
        } else if (typeof spec.value !== 'string' || !fact.values.includes(spec.value)) {
          const near = typeof spec.value === 'string' ? didYouMean(spec.value, fact.values, fact.synonyms) : undefined;
          return problem([...at, 'value'], `${quoteValue(spec.value)} is not a value of ${fact.name}`, `one of ${fact.values.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
        }
        value = spec.value;
      }
      if ((spec.cap !== undefined || spec.response) && fact.name !== 'say') return problem([...at, spec.cap !== undefined ? 'cap' : 'response'], `${spec.cap !== undefined ? 'a cap' : 'a response'} reads say, not ${fact.name}`);
      if (spec.negative && fact.kind !== 'set') return problem([...at, 'negative'], `negative applies to list facts such as stages, not ${fact.name}`);
    }
    const patterns = spec.patterns.map((text, j) => compile(text, [...at, 'patterns', j])).filter((p): p is CompiledPattern => p !== undefined);
    if (patterns.length !== spec.patterns.length) return;
    into.cues.push({
      id: spec.id,
      fact,
      value,
      cap: spec.cap,
      ignore: spec.ignore ?? false,
      response: spec.response ?? false,
      negative: spec.negative ?? false,
      strength: spec.strength,
      subject: spec.subject ? new Set(spec.subject) : undefined,
      dropWhenNegated: spec.negated === 'drop',
      patterns,
      examples: spec.examples,
      measured: spec.measured,
      file: source.name,
      at,
    });
  });
  const d = into.data;
  d.agents = {
    titles: [...(d.agents?.titles ?? []), ...(data.agents?.titles ?? [])],
    modifiers: [...(d.agents?.modifiers ?? []), ...(data.agents?.modifiers ?? [])],
    people: [...(d.agents?.people ?? []), ...(data.agents?.people ?? [])],
    organisation: [...(d.agents?.organisation ?? []), ...(data.agents?.organisation ?? [])],
  };
  d.spellings = { ...(d.spellings ?? {}), ...(data.spellings ?? {}) };
  d.compounds = [...(d.compounds ?? []), ...(data.compounds ?? [])];
  d.negators = [...(d.negators ?? []), ...(data.negators ?? [])];
  d.negatorExceptions = [...(d.negatorExceptions ?? []), ...(data.negatorExceptions ?? [])];
  d.negationStops = [...(d.negationStops ?? []), ...(data.negationStops ?? [])];
  d.clauseBreaks = [...(d.clauseBreaks ?? []), ...(data.clauseBreaks ?? [])];
  d.intent = [...(d.intent ?? []), ...(data.intent ?? [])];
  d.reported = [...(d.reported ?? []), ...(data.reported ?? [])];
  d.answers = [...(d.answers ?? []), ...(data.answers ?? [])];
  d.answerHeadings = [...(d.answerHeadings ?? []), ...(data.answerHeadings ?? [])];
  d.claims = claims;
  return { problems, where };
}

/**
 * Reads coprod's cue file and then each user file, in order; later files add to earlier
 * ones. `examples` checks the user files' cues against their examples (`check` in
 * ./cue-examples.ts does it; passed in so that this module does not read text itself).
 */
export async function loadCueSet(
  userFiles: readonly string[],
  extraFacts: readonly FactDefinition[] = [],
  examples?: (set: CueSet, cues: readonly Cue[]) => ReadonlyArray<{ cue: Cue; message: string; index: number; kind: 'match' | 'nomatch' }>,
  snapshot?: Snapshot,
): Promise<CueSet> {
  const facts = new Map<string, FactDefinition>(CORE_FACTS.map((f) => [f.name, f]));
  for (const f of extraFacts) facts.set(f.name, f);
  const acc: Accumulated = { data: {}, cues: [], ids: new Map() };
  const path = defaultCueFile();
  const { problems } = loadFile({ name: path, path, text: readFileSync(path, 'utf8') }, facts, acc, snapshot);
  const wheres = new Map<string, Where>();
  for (const file of userFiles) {
    const loaded = loadFile(await readSource(file, { label: 'cue file' }), facts, acc);
    problems.push(...loaded.problems);
    wheres.set(file, loaded.where);
  }
  if (problems.length) throw new InputError(sortDiagnostics(problems));
  const set = compileCueSet(acc.data, acc.cues, [path, ...userFiles]);
  if (examples) {
    const own = set.cues.filter((c) => wheres.has(c.file));
    const failed = examples(set, own);
    if (failed.length) {
      throw new InputError(
        sortDiagnostics(
          failed.map(({ cue, message, index, kind }) => {
            const path = [...cue.at, 'examples', kind, index];
            return { file: cue.file, ...wheres.get(cue.file)!(path), field: fieldPath(path), message, help: 'change the cue\'s patterns (or its example) so that they agree' };
          }),
        ),
      );
    }
  }
  return set;
}

function compileCueSet(data: CueFile, cues: Cue[], files: string[]): CueSet {
  const split = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);
  const lexicon: Lexicon = {
    spellings: new Map(Object.entries(data.spellings ?? {})),
    compounds: new Set(data.compounds ?? []),
    compoundStarts: new Set((data.compounds ?? []).flatMap((c) => c.split('-').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('-')))),
    clauseBreaks: new Set((data.clauseBreaks ?? []).map((w) => w.toLowerCase())),
  };
  const phrases: Array<{ phrase: string[]; group: AgentGroup }> = [];
  const agentWords = (p: string): string[] => split(p.replace(/'s?\b/g, '').replace(/'/g, ''));
  for (const p of data.agents?.people ?? []) phrases.push({ phrase: agentWords(p), group: 'people' });
  for (const p of data.agents?.organisation ?? []) phrases.push({ phrase: agentWords(p), group: 'organisation' });
  return {
    lexicon,
    agents: new AgentIndex(phrases, (data.agents?.titles ?? []).map((t) => t.toLowerCase()), (data.agents?.modifiers ?? []).map((t) => t.toLowerCase())),
    negators: new Set((data.negators ?? []).map((w) => w.toLowerCase())),
    negatorExceptions: (data.negatorExceptions ?? []).map(split),
    negationStops: new Set((data.negationStops ?? []).map((w) => w.toLowerCase())),
    intent: indexPatterns((data.intent ?? []).map((p) => ({ pattern: compilePattern(p) }))),
    reported: indexPatterns((data.reported ?? []).map((p) => ({ pattern: compilePattern(p) }))),
    answers: indexPatterns((data.answers ?? []).map((p) => ({ pattern: compilePattern(p) }))),
    answerHeadings: indexPatterns((data.answerHeadings ?? []).map((p) => ({ pattern: compilePattern(p) }))),
    claims: new Map(Object.entries(data.claims ?? {})),
    cues,
    patterns: indexPatterns(cues.flatMap((cue) => cue.patterns.map((pattern) => ({ cue, pattern })))),
    files,
  };
}
