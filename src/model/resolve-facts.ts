/**
 * Settles each fact of an activity: declared in the log, else inferred from its
 * words (when an inferrer is given), else the default (`level: service`), else
 * unknown. Declared facts win; a description that denies a declared fact is kept
 * as a contradiction; a label the words use ("co-produced") is kept as an inferred claim
 * when the log declares none. Every value says its basis and evidence.
 */
import { closesLoop, type Activity } from './activity.js';
import { sayRank, type FactValue } from './facts-model.js';

export type Basis = 'declared' | 'inferred' | 'default';

export interface FactFinding {
  value: FactValue;
  basis: Basis;
  /** Which field or phrase supports the value. */
  evidence: string;
  /** For inferred facts where it has been measured: how often such readings were right on text nobody tuned on (0–1). */
  confidence?: number;
  /** For inferred facts: the cue that decided it, and its strength (3: what people did; 2: a reliable sign). */
  cue?: string;
  strength?: number;
}

/** A label in the words ("co-produced"): what the service says it reached, as facts, so that it can be placed and compared. */
export interface InferredClaim {
  label: string;
  say: string;
  stages?: string[];
  evidence: string;
  cue: string;
}

export interface Contradiction {
  fact: string;
  declared: FactValue;
  inferred: FactValue;
  evidence: string;
}

/**
 * A fact the words leave between two or more values ("asked for the garden to stay open
 * … the manager agreed a trial": heard, or influence?), with the question that decides it.
 */
export interface OpenReading {
  fact: string;
  values: FactValue[];
  evidence: string;
  question: string;
}

export interface Inference {
  findings: Map<string, FactFinding>;
  claim?: InferredClaim;
  open?: OpenReading[];
}

/** Reads facts from an activity's words; implemented by the inference module. */
export interface Inferrer {
  infer(activity: Activity): Inference;
}

export interface ResolvedFacts {
  findings: Map<string, FactFinding>;
  contradictions: Contradiction[];
  /** A claim read from the words, when the log declares none. */
  claim?: InferredClaim;
  /** Facts the words leave open between values, when the log declares none of them. */
  open?: OpenReading[];
}

function show(value: FactValue): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function sameValue(a: FactValue, b: FactValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
}

const DEFAULT_LEVEL: FactFinding = { value: 'service', basis: 'default', evidence: 'no level given; service is the default' };

export function resolveFacts(activity: Activity, inferrer?: Inferrer): ResolvedFacts {
  const findings = new Map<string, FactFinding>();
  activity.declared.forEach((value, name) => {
    findings.set(name, { value, basis: 'declared', evidence: `${name}: ${show(value)}` });
  });
  // an outcome that says what was done (or could not be) and when people were told is feedback given
  // and one that does not yet say both is a loop still open
  if (!findings.has('feedback_given') && activity.outcome) {
    const o = activity.outcome;
    if (closesLoop(o)) findings.set('feedback_given', { value: true, basis: 'declared', evidence: `outcome: told on ${o.told_on}` });
    else findings.set('feedback_given', { value: false, basis: 'declared', evidence: o.told_on ? 'outcome: neither we_did nor could_not is recorded' : 'outcome: no told_on (people have not been told yet)' });
  }
  const contradictions: Contradiction[] = [];
  let claim: InferredClaim | undefined;
  let open: OpenReading[] | undefined;
  if (inferrer) {
    const inferred = inferrer.infer(activity);
    if (inferred.claim && !activity.claimed) claim = inferred.claim;
    const undecided = inferred.open?.filter((o) => !findings.has(o.fact));
    if (undecided?.length) open = undecided;
    for (const [name, finding] of inferred.findings) {
      const declared = findings.get(name);
      if (!declared) findings.set(name, finding);
      else if (contradicts(name, declared.value, finding)) {
        contradictions.push({ fact: name, declared: declared.value, inferred: finding.value, evidence: finding.evidence });
      }
    }
  }
  if (!findings.has('level')) {
    findings.set('level', DEFAULT_LEVEL);
  }
  const resolved: ResolvedFacts = { findings, contradictions };
  if (claim) resolved.claim = claim;
  if (open) resolved.open = open;
  return resolved;
}

/**
 * Whether the words deny a declared value, on reliable evidence only: `say` two or more
 * steps apart, a true/false fact the other way, who started it the other way. Lists
 * (stages) and `level` are never called contradictions: a description rarely names
 * every stage, and a level is a judgement.
 */
function contradicts(name: string, declared: FactValue, finding: FactFinding): boolean {
  const inferred = finding.value;
  // only words that describe an act (strength 3), and whose cue is not known to mislead
  const reliable = (finding.strength ?? 0) >= 3 && (finding.confidence === undefined || finding.confidence >= 0.65);
  if (!reliable || Array.isArray(declared) || Array.isArray(inferred) || name === 'level') return false;
  if (name === 'say') return Math.abs(sayRank(String(declared)) - sayRank(String(inferred))) >= 2;
  return !sameValue(declared, inferred);
}
