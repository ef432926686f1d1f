/** A finding as one line of plain text, as the CI formats show it: the activity, what is wrong, and the next step. */
import type { Finding } from '../../check/apply-policy.js';
import { shownPlace } from '../../input/problem.js';

/** In a workbook the annotation's line is the row; the text names the cell (`Sheet1!C7`) too. */
export function findingText(f: Finding): string {
  const cell = f.sheet === undefined ? '' : `${shownPlace(f)}: `;
  return `${cell}${f.activity?.name ? `${f.activity.name}: ` : ''}${f.message}. Next step: ${f.help}`;
}
