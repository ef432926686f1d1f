/**
 * Loads cue files (coprod's own and the user's), validates them with located errors,
 * and compiles them into one cue set indexed by anchor word, so that each text is
 * checked only against the cues that could match it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_FACTS, type FactDefinition, type FactValue } from '../core/facts-model.js';
import { InputError, fieldPath, type Diagnostic } from '../errors/diagnostic.js';
import { readSource, type SourceText } from '../io/read-source.js';
import { snapshotEntry } from '../io/snapshot.js';
import { hasKnownKey, notThisKind } from '../io/file-kind.js';
import { issuesToDiagnostics, sortDiagnostics, keysAt } from '../io/schema-diagnostics.js';
import { locate, parseYaml, type PathSegment } from '../io/yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { packageRoot } from '../util/package-root.js';
import { quoteValue } from '../util/terminal-text.js';
import { AgentIndex, type AgentGroup } from './agents.js';
import { cueFileSchema, type CueFile, type Subject } from './cue-schema.js';
import { compilePattern, restorePattern, PatternError, type CompiledPattern, type StoredPattern } from './pattern.js';
import type { Lexicon } from './tokenise.js';

export interface CompiledCue {
  fact: FactDefinition;
  value: FactValue | undefined;
  cap: string | undefined;
  /** Matches words that look like a cue but say nothing; only knocks out weaker overlapping matches. */
  ignore: boolean;
  negative: boolean;
  strength: number;
  subject: ReadonlySet<Subject> | undefined;
  dropWhenNegated: boolean;
  pattern: CompiledPattern;
}

export interface CueSet {
  lexicon: Lexicon;
  agents: AgentIndex;
  negators: ReadonlySet<string>;
  negatorExceptions: ReadonlyArray<readonly string[]>;
  negationStops: ReadonlySet<string>;
  cues: CompiledCue[];
  byWord: ReadonlyMap<string, CompiledCue[]>;
  /** first three letters of a prefix → cues anchored on that prefix */
  byPrefix: ReadonlyMap<string, Array<{ prefix: string; cue: CompiledCue }>>;
  /**
   * Whether any word of the cue files (patterns, names, spellings, lists) has a digit in
   * it. When none has, every number reads alike ("unit 886" as "unit 12"), which lets
   * sentences that differ only in their numbers be matched once.
   */
  numbersAreWords: boolean;
  files: string[];
}

export function defaultCueFile(): string {
  return join(packageRoot(), 'cues', 'default.yaml');
}

/** Parses and validates a cue file against the schema, with located errors. */
export function validateCueFile(source: SourceText): { data: CueFile; where: (path: PathSegment[]) => { line: number; column: number } } {
  const doc = parseYaml(source, { itemsKey: 'cues' });
  if (doc.value != null && !hasKnownKey(doc.value, keysAt(cueFileSchema, []))) throw notThisKind(source.name, 'a cue file', 'a mapping with cues (and optionally agents, negators, spellings)');
  const parsed = cueFileSchema.safeParse(doc.value ?? {}, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, doc, cueFileSchema, { keySynonyms: { pattern: 'patterns', when: 'patterns', weight: 'strength' } })));
  }
  return { data: parsed.data, where: (path) => locate(doc, path) };
}

function loadFile(source: SourceText, facts: ReadonlyMap<string, FactDefinition>, into: { data: CueFile; cues: CompiledCue[] }, shipped = false): void {
  // coprod's own cue file, validated by the build and unchanged since: no need to parse it again
  const entry = shipped && source.path ? snapshotEntry(source.path, source.text) : undefined;
  const known = entry?.data as CueFile | undefined;
  // and its patterns, compiled by the build
  const compiled = (entry?.extra ?? {}) as Record<string, StoredPattern | undefined>;
  const { data, where } = known ? { data: known, where: () => ({ line: 1, column: 1 }) } : validateCueFile(source);
  const problems: Diagnostic[] = [];
  const problem = (path: PathSegment[], message: string, expected?: string, hint?: string): void => {
    const d: Diagnostic = { file: source.name, ...where(path), field: fieldPath(path), message };
    if (expected) d.expected = expected;
    if (hint) d.hint = hint;
    problems.push(d);
  };
  (data.cues ?? []).forEach((spec, i) => {
    const fact = facts.get(spec.fact);
    if (!fact) {
      const near = didYouMean(spec.fact, [...facts.keys()]);
      problem(['cues', i, 'fact'], `unknown fact ${quoteValue(spec.fact)}`, `one of ${[...facts.keys()].join(', ')}`, near ? `did you mean "${near}"?` : undefined);
      return;
    }
    let value: FactValue | undefined;
    if (spec.value !== undefined) {
      if (fact.kind === 'boolean') {
        if (typeof spec.value !== 'boolean') return problem(['cues', i, 'value'], `${fact.name} is true or false, got ${quoteValue(spec.value)}`, 'true or false');
      } else if (typeof spec.value !== 'string' || !fact.values.includes(spec.value)) {
        const near = typeof spec.value === 'string' ? didYouMean(spec.value, fact.values, fact.synonyms) : undefined;
        return problem(['cues', i, 'value'], `${quoteValue(spec.value)} is not a value of ${fact.name}`, `one of ${fact.values.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
      }
      value = spec.value;
    }
    if (spec.cap !== undefined) {
      if (fact.kind !== 'ordered') return problem(['cues', i, 'cap'], `a cap needs an ordered fact such as say, not ${fact.name}`);
      if (!fact.values.includes(spec.cap)) {
        const near = didYouMean(spec.cap, fact.values, fact.synonyms);
        return problem(['cues', i, 'cap'], `${quoteValue(spec.cap)} is not a value of ${fact.name}`, `one of ${fact.values.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
      }
    }
    if (spec.negative && fact.kind !== 'set') return problem(['cues', i, 'negative'], `negative applies to list facts such as stages, not ${fact.name}`);
    spec.patterns.forEach((text, j) => {
      let pattern: CompiledPattern;
      try {
        const stored = Object.hasOwn(compiled, text) ? compiled[text] : undefined;
        pattern = stored ? restorePattern(text, stored) : compilePattern(text);
      } catch (error) {
        if (error instanceof PatternError) return problem(['cues', i, 'patterns', j], `pattern ${quoteValue(text, 60)}: ${error.message}`, 'words, word*, a|b, word?, …, {people}, {organisation}');
        throw error;
      }
      // every cue has every field (some undefined): one shape, so reading a cue's fields stays fast
      into.cues.push({
        fact,
        value,
        cap: spec.cap,
        ignore: spec.ignore ?? false,
        negative: spec.negative ?? false,
        strength: spec.strength,
        subject: spec.subject ? new Set(spec.subject) : undefined,
        dropWhenNegated: spec.negated === 'drop',
        pattern,
      });
    });
  });
  if (problems.length) throw new InputError(sortDiagnostics(problems));
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
}

/** Reads coprod's cue file and then each user file, in order; later files add to earlier ones. */
export async function loadCueSet(userFiles: readonly string[], extraFacts: readonly FactDefinition[] = []): Promise<CueSet> {
  const facts = new Map<string, FactDefinition>(CORE_FACTS.map((f) => [f.name, f]));
  for (const f of extraFacts) facts.set(f.name, f);
  const acc = { data: {} as CueFile, cues: [] as CompiledCue[] };
  const path = defaultCueFile();
  loadFile({ name: path, path, text: readFileSync(path, 'utf8') }, facts, acc, true);
  for (const file of userFiles) loadFile(await readSource(file, { label: 'cue file' }), facts, acc);
  return compileCueSet(acc.data, acc.cues, [path, ...userFiles]);
}

/** Whether any word of the cue data (names, spellings, lists) or any pattern contains an ASCII digit. */
function mentionsDigits(data: CueFile, cues: readonly CompiledCue[]): boolean {
  const { agents, spellings, compounds, negators, negatorExceptions, negationStops, clauseBreaks } = data;
  const words = JSON.stringify([agents, spellings, compounds, negators, negatorExceptions, negationStops, clauseBreaks]);
  return /[0-9]/.test(words) || cues.some((c) => /[0-9]/.test(c.pattern.source));
}

function compileCueSet(data: CueFile, cues: CompiledCue[], files: string[]): CueSet {
  const split = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);
  const lexicon: Lexicon = {
    spellings: new Map(Object.entries(data.spellings ?? {})),
    compounds: new Set(data.compounds ?? []),
    clauseBreaks: new Set((data.clauseBreaks ?? []).map((w) => w.toLowerCase())),
  };
  const phrases: Array<{ phrase: string[]; group: AgentGroup }> = [];
  for (const p of data.agents?.people ?? []) phrases.push({ phrase: split(p.replace(/'s?\b/g, '').replace(/'/g, '')), group: 'people' });
  for (const p of data.agents?.organisation ?? []) phrases.push({ phrase: split(p.replace(/'s?\b/g, '').replace(/'/g, '')), group: 'organisation' });
  const byWord = new Map<string, CompiledCue[]>();
  const byPrefix = new Map<string, Array<{ prefix: string; cue: CompiledCue }>>();
  for (const cue of cues) {
    for (const alt of cue.pattern.anchor) {
      if (alt.kind === 'word') {
        const list = byWord.get(alt.word) ?? [];
        list.push(cue);
        byWord.set(alt.word, list);
      } else if (alt.kind === 'prefix') {
        const key = alt.prefix.slice(0, 3);
        const list = byPrefix.get(key) ?? [];
        list.push({ prefix: alt.prefix, cue });
        byPrefix.set(key, list);
      }
    }
  }
  return {
    lexicon,
    agents: new AgentIndex(phrases, (data.agents?.titles ?? []).map((t) => t.toLowerCase()), (data.agents?.modifiers ?? []).map((t) => t.toLowerCase())),
    negators: new Set((data.negators ?? []).map((w) => w.toLowerCase())),
    negatorExceptions: (data.negatorExceptions ?? []).map(split),
    negationStops: new Set((data.negationStops ?? []).map((w) => w.toLowerCase())),
    cues,
    byWord,
    byPrefix,
    numbersAreWords: mentionsDigits(data, cues),
    files,
  };
}
