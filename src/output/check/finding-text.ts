/** A finding as one line of plain text, as the CI formats show it: the activity, what is wrong, and the next step. */
import type { Finding } from '../../check/apply-policy.js';

export function findingText(f: Finding): string {
  return `${f.activity?.name ? `${f.activity.name}: ` : ''}${f.message}. Next step: ${f.help}`;
}
