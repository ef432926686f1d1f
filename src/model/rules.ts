/**
 * The two rules that hold on every ladder (PRODUCT.md §2):
 * - `before_decision: false` caps `say` at `heard`;
 * - `voluntary: false` with `say` at `told` or below puts the activity on the bottom rung.
 */
import type { FactLookup } from './condition.js';
import { sayRank, type FactValue } from './facts-model.js';
import type { ResolvedFacts } from './resolve-facts.js';

const HEARD = sayRank('heard');
const TOLD = sayRank('told');

export interface EffectiveFacts {
  /** Facts after the rules, as placement sees them. */
  lookup: FactLookup;
  /** Facts as recorded or inferred, before the rules. */
  rawLookup: FactLookup;
  /** `say` was lowered to `heard` because the decision had already been made. */
  capped: boolean;
  /** Made to attend with little say: the bottom rung on every ladder. */
  coerced: boolean;
}

export function applyRules(resolved: ResolvedFacts): EffectiveFacts {
  const raw = resolved.findings;
  const rawLookup: FactLookup = (name) => raw.get(name)?.value;
  const say = rawLookup('say');
  let effectiveSay: FactValue | undefined = say;
  let capped = false;
  if (rawLookup('before_decision') === false && typeof say === 'string' && sayRank(say) > HEARD) {
    effectiveSay = 'heard';
    capped = true;
  }
  const coerced = rawLookup('voluntary') === false && typeof effectiveSay === 'string' && sayRank(effectiveSay) <= TOLD;
  const lookup: FactLookup = capped ? (name) => (name === 'say' ? effectiveSay : raw.get(name)?.value) : rawLookup;
  return { lookup, rawLookup, capped, coerced };
}
