/** Plain-text descriptions of a result shared by the map formats: its basis and its next step in one line. */
import type { ActivityResult } from '../assess/assess-activity.js';

export function basisOf(result: ActivityResult): string {
  const say = result.resolved.findings.get('say');
  if (!say) return 'unknown';
  const others = [...result.resolved.findings.entries()].filter(([n, f]) => n !== 'say' && n !== 'level' && f.basis === 'inferred');
  if (say.basis === 'declared' && others.length) return 'mixed';
  return say.basis;
}

/** Steps as one sentence: "Do this; do that". */
function joinSteps(steps: readonly string[]): string {
  return steps.map((s, i) => (i === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1))).join('; ');
}

/** The next step as one line of text; `brief` keeps only the lead of long advice (tables). */
export function nextStepText(result: ActivityResult, ladderId: string, brief = false): string {
  const next = result.next.get(ladderId);
  if (!next) return '';
  switch (next.status) {
    case 'unclassified':
      return `Unclassified. Answer: ${next.steps.join(' ')}`;
    case 'top': {
      const advice = next.steps.join(' ');
      const lead = advice.split(/[:.]/)[0]!;
      return `Top rung. ${brief && lead.length < advice.length - 1 ? `${lead}…` : advice}`;
    }
    case 'target-reached':
      return next.steps.join(' ');
    default:
      return `→ ${next.rung}: ${joinSteps(next.steps)}`;
  }
}

/** A fact read from the description: its value as text and the words it rests on. */
export interface Reading {
  fact: string;
  value: string;
  evidence: string;
  confidence?: number;
}

/** The facts of a result that were read from its description, in the order they were found. */
export function readingsOf(result: ActivityResult, separator = ', '): Reading[] {
  return [...result.resolved.findings]
    .filter(([, f]) => f.basis === 'inferred')
    .map(([fact, f]) => ({ fact, value: Array.isArray(f.value) ? f.value.join(separator) : String(f.value), evidence: f.evidence, ...(f.confidence !== undefined ? { confidence: f.confidence } : {}) }));
}
