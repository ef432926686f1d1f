/**
 * The starter workbook of `coprod init --format xlsx`: a "Log" sheet with coprod's
 * columns and the starter log's two worked examples, drop-down lists wherever a column
 * takes fixed values (Say, Level, Stages, the Yes/No columns, Initiated by), and an
 * "About the columns" sheet saying in plain words what goes in each.
 */
import { CORE_FACTS, SAY_VALUES, STAGE_VALUES } from '../model/facts-model.js';
import { headerOf } from '../input/table-columns.js';
import { logTable } from './log-table.js';
import { workbookBytes } from './workbook.js';

/** The columns, in order, and what to write in each (a fact's own question where it has one). */
const COLUMN_HELP: ReadonlyArray<[field: string, help: string]> = [
  ['name', 'A short name for the activity, e.g. "Menu tasting". Needed on every row.'],
  ['date', 'The day it happened, e.g. 14/03/2026.'],
  ['level', 'One person\'s own care (individual), how a service runs (service), or plans and budgets (strategic).'],
  ['description', 'What happened, in your own words: who did what, and what came of it. coprod reads it to place the activity when Say is blank, and to check what the other columns say.'],
  ['participants', 'Who took part, separated by ";", e.g. residents; families.'],
  ['methods', 'How, separated by ";", e.g. survey; meeting; working group.'],
  ['say', 'say'],
  ['stages', 'stages'],
  ['before_decision', 'before_decision'],
  ['feedback_given', 'feedback_given'],
  ['voluntary', 'voluntary'],
  ['initiated_by', 'initiated_by'],
  ['target', 'The rung you chose as right for this activity (optional). `coprod ladders tlap` lists the rungs.'],
  ['claimed', 'The rung you say it reached (optional). coprod checks the claim against what happened.'],
  ['evidence', 'Files that show it happened (minutes, a poster), as paths next to this workbook, separated by ";".'],
  ['support.expenses_paid', 'Were people\'s expenses paid? Yes or No.'],
  ['support.accessible_venue', 'Was the place easy for everyone to get to and use? Yes or No.'],
  ['support.notice_days', 'How many days\' notice people had, as a number.'],
];

export function starterWorkbook(log: { service?: unknown; ladder?: unknown; activities: readonly unknown[] }): Promise<Uint8Array> {
  const facts = new Map(CORE_FACTS.map((f) => [f.name, f]));
  const columns = COLUMN_HELP.map(([field]) => field);
  const table = logTable(log, 'cells', columns);
  const yesNo = ['Yes', 'No'];
  const fixed: Record<string, { values: readonly string[]; multiple?: boolean }> = {
    say: { values: SAY_VALUES },
    level: { values: facts.get('level')!.values },
    stages: { values: STAGE_VALUES, multiple: true },
    before_decision: { values: yesNo },
    feedback_given: { values: yesNo },
    voluntary: { values: yesNo },
    initiated_by: { values: facts.get('initiated_by')!.values },
    'support.expenses_paid': { values: yesNo },
    'support.accessible_venue': { values: yesNo },
  };
  const choices = columns.flatMap((field, column) => {
    const f = fixed[field];
    if (!f) return [];
    const prompt = f.multiple ? `One or more of: ${f.values.join(', ')} (separate them with ";")` : `Pick one: ${f.values.join(', ')}`;
    return [{ column, values: f.values, prompt, ...(f.multiple ? { multiple: true } : {}) }];
  });
  const about = COLUMN_HELP.map(([field, help]) => {
    const fact = facts.get(field);
    const words = fact ? fact.question : help;
    const values = fixed[field]?.values.join(', ') ?? '';
    const meanings = fact && fact.kind !== 'boolean' ? Object.values(fact.options).join('\n') : '';
    return [headerOf(field), words, values, meanings];
  });
  return workbookBytes([
    { name: 'Log', preamble: table.preamble, header: table.header, rows: table.rows, widths: columns.map((f) => (f === 'description' ? 60 : f === 'name' ? 28 : 16)), choices },
    { name: 'About the columns', header: ['Column', 'What to put in it', 'Choices', 'What each choice means'], rows: about, widths: [22, 60, 30, 80] },
  ]);
}
