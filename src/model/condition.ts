/**
 * The condition language of ladder rungs: plain data (`all`, `any`, `not`, and atoms
 * such as `{ fact: say, atLeast: joint }`) compiled into small closures once per
 * ladder. Evaluation is three-valued: a condition over a fact nobody recorded is
 * `unknown`, never silently false. Nothing here evaluates text as code.
 */
import type { FactDefinition, FactValue } from './facts-model.js';

export type Tri = true | false | undefined;

export interface AtomSpec {
  fact: string;
  is?: string | boolean;
  in?: string[];
  atLeast?: string;
  atMost?: string;
  includes?: string[];
  excludes?: string[];
  known?: boolean;
  /** How to phrase this condition as an action when it is not met. */
  action?: string;
}

export type ConditionSpec =
  | { all: ConditionSpec[]; action?: string }
  | { any: ConditionSpec[]; action?: string }
  | { not: ConditionSpec; action?: string }
  | AtomSpec;

export const COMPARATORS = ['is', 'in', 'atLeast', 'atMost', 'includes', 'excludes', 'known'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Which comparators make sense for which kind of fact. */
export const COMPARATORS_BY_KIND: Record<FactDefinition['kind'], readonly Comparator[]> = {
  ordered: ['is', 'in', 'atLeast', 'atMost', 'known'],
  enum: ['is', 'in', 'known'],
  boolean: ['is', 'known'],
  set: ['includes', 'excludes', 'known'],
};

export type FactLookup = (name: string) => FactValue | undefined;

export interface CompiledAtom {
  kind: 'atom';
  fact: FactDefinition;
  comparator: Comparator;
  operand: string | boolean | readonly string[];
  action: string | undefined;
  test: (value: FactValue) => boolean;
}

export type CompiledCondition =
  | CompiledAtom
  | { kind: 'all' | 'any'; children: CompiledCondition[]; action: string | undefined }
  | { kind: 'not'; child: CompiledCondition; action: string | undefined };

/** Compiles a validated condition; `facts` resolves fact names (validated beforehand). */
export function compileCondition(spec: ConditionSpec, facts: ReadonlyMap<string, FactDefinition>): CompiledCondition {
  if ('all' in spec && spec.all) return { kind: 'all', children: spec.all.map((c) => compileCondition(c, facts)), action: spec.action };
  if ('any' in spec && spec.any) return { kind: 'any', children: spec.any.map((c) => compileCondition(c, facts)), action: spec.action };
  if ('not' in spec && spec.not) return { kind: 'not', child: compileCondition(spec.not, facts), action: spec.action };
  const atom = spec as AtomSpec;
  const fact = facts.get(atom.fact);
  if (!fact) throw new Error(`unknown fact ${atom.fact}`);
  const comparator = COMPARATORS.find((c) => atom[c] !== undefined);
  if (!comparator) throw new Error('atom without comparator');
  const operand = atom[comparator] as string | boolean | string[];
  return { kind: 'atom', fact, comparator, operand, action: atom.action, test: makeTest(fact, comparator, operand) };
}

function makeTest(fact: FactDefinition, comparator: Comparator, operand: string | boolean | readonly string[]): (v: FactValue) => boolean {
  const rank = (v: string): number => fact.values.indexOf(v);
  switch (comparator) {
    case 'is':
      return (v) => v === operand;
    case 'in': {
      const set = new Set(operand as string[]);
      return (v) => typeof v === 'string' && set.has(v);
    }
    case 'atLeast': {
      const min = rank(operand as string);
      return (v) => typeof v === 'string' && rank(v) >= min;
    }
    case 'atMost': {
      const max = rank(operand as string);
      return (v) => typeof v === 'string' && rank(v) <= max;
    }
    case 'includes': {
      const needed = operand as string[];
      return (v) => Array.isArray(v) && needed.every((n) => v.includes(n));
    }
    case 'excludes': {
      const banned = operand as string[];
      return (v) => Array.isArray(v) && !banned.some((n) => v.includes(n));
    }
    case 'known':
      // handled in truthOf: presence is the test
      return () => operand === true;
  }
}

export function truthOf(condition: CompiledCondition, lookup: FactLookup): Tri {
  switch (condition.kind) {
    case 'atom': {
      const value = lookup(condition.fact.name);
      if (condition.comparator === 'known') return (value !== undefined) === condition.operand;
      if (value === undefined) return undefined;
      return condition.test(value);
    }
    case 'all': {
      let result: Tri = true;
      for (const child of condition.children) {
        const r = truthOf(child, lookup);
        if (r === false) return false;
        if (r === undefined) result = undefined;
      }
      return result;
    }
    case 'any': {
      let result: Tri = false;
      for (const child of condition.children) {
        const r = truthOf(child, lookup);
        if (r === true) return true;
        if (r === undefined) result = undefined;
      }
      return result;
    }
    case 'not': {
      const r = truthOf(condition.child, lookup);
      return r === undefined ? undefined : !r;
    }
  }
}

/** An unmet part of a condition: an atom that is false, or unknown because its fact is missing. */
export interface UnmetPart {
  atom: CompiledAtom;
  unknown: boolean;
  /** Set when the part sits under `not` or carries an explicit action of a group. */
  action?: string;
}

/**
 * The smallest set of atoms that would have to change for the condition to hold.
 * For `any`, the branch needing the fewest changes, preferring facts a service can act on.
 */
export function unmetParts(condition: CompiledCondition, lookup: FactLookup): UnmetPart[] {
  const result = truthOf(condition, lookup);
  if (result === true) return [];
  switch (condition.kind) {
    case 'atom':
      return [{ atom: condition, unknown: result === undefined }];
    case 'all': {
      const parts = condition.children.flatMap((c) => unmetParts(c, lookup));
      return condition.action ? parts.map((p) => ({ ...p, action: condition.action })) : parts;
    }
    case 'any': {
      let best: UnmetPart[] | undefined;
      let bestCost = Infinity;
      for (const child of condition.children) {
        const parts = unmetParts(child, lookup);
        const cost = parts.reduce((sum, p) => sum + (p.atom.fact.actionable ? 1 : 100), 0);
        if (cost < bestCost) {
          bestCost = cost;
          best = parts;
        }
      }
      const parts = best ?? [];
      return condition.action ? parts.map((p) => ({ ...p, action: condition.action })) : parts;
    }
    case 'not': {
      // the inner condition holds and must not: name the atoms that make it hold
      const atoms = collectAtoms(condition.child);
      const unknown = result === undefined;
      return atoms.slice(0, 1).map((atom) => ({ atom, unknown, action: condition.action ?? `avoid: ${describeAtom(atom)}` }));
    }
  }
}

export function collectAtoms(condition: CompiledCondition): CompiledAtom[] {
  switch (condition.kind) {
    case 'atom':
      return [condition];
    case 'all':
    case 'any':
      return condition.children.flatMap(collectAtoms);
    case 'not':
      return collectAtoms(condition.child);
  }
}

/** A short plain description of an atom, e.g. `say is at least joint`. */
export function describeAtom(atom: CompiledAtom): string {
  const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));
  switch (atom.comparator) {
    case 'is':
      return `${atom.fact.name} is ${String(atom.operand)}`;
    case 'in':
      return `${atom.fact.name} is one of ${list(atom.operand)}`;
    case 'atLeast':
      return `${atom.fact.name} is at least ${String(atom.operand)}`;
    case 'atMost':
      return `${atom.fact.name} is at most ${String(atom.operand)}`;
    case 'includes':
      return `${atom.fact.name} includes ${list(atom.operand)}`;
    case 'excludes':
      return `${atom.fact.name} leaves out ${list(atom.operand)}`;
    case 'known':
      return atom.operand ? `${atom.fact.name} is recorded` : `${atom.fact.name} is not recorded`;
  }
}
