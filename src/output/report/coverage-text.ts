/**
 * The report's coverage notes, shared by its HTML and Markdown: how far a section rests
 * on fields some activities lack, or on words read from descriptions.
 */
import { activities } from './charts.js';
import type { ReportModel } from './model.js';

/** How many placements rest on words; `where` says where the reader finds those words. */
export function inferredNote(model: ReportModel, where: string): string {
  const n = model.inferred;
  return `${activities(n)} of ${model.total} ${n === 1 ? 'is' : 'are'} placed, wholly or partly, on facts read from ${n === 1 ? 'its description' : 'their descriptions'}; ${where}.`;
}

/** Activities the "who took part" table cannot count, or '' when every one names somebody. */
export function unnamedNote(model: ReportModel): string {
  const n = model.participation.unnamed;
  if (!n) return '';
  return `${activities(n)} of ${model.total} ${n === 1 ? 'names' : 'name'} nobody, so ${n === 1 ? 'it is' : 'they are'} not counted here: record who took part (\`participants\`) to see whose voice ${n === 1 ? 'it reaches' : 'they reach'}.`;
}

export const NO_PARTICIPANTS = 'No activity lists its participants. Record who took part (`participants`) in each activity to see whose voice reaches which rung.';
