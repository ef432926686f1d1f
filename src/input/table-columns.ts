/**
 * The columns of a log kept as a table (CSV or a workbook's sheet): for each field, the
 * header coprod writes and the other headers people type, compared without regard to
 * case, spaces or punctuation. A field of `support` or `outcome` is a column of its own
 * ("Expenses paid", "You said"), named `support.expenses_paid` inside. Readers and writers share this table, so
 * that what coprod writes it reads back the same.
 */

/** Each field's headers: the first is the one coprod writes. */
export const COLUMNS: Readonly<Record<string, readonly string[]>> = {
  name: ['Activity', 'name', 'activity name', 'title', 'event'],
  id: ['ID', 'ref', 'reference'],
  date: ['Date', 'when', 'date of activity'],
  level: ['Level'],
  description: ['Description', 'notes', 'details', 'summary', 'what happened'],
  participants: ['Who took part', 'participants', 'who', 'attendees', 'people involved'],
  methods: ['How', 'methods', 'method'],
  say: ['Say', 'what say', 'say they had'],
  stages: ['Stages', 'stage'],
  before_decision: ['Before the decision?', 'before decision', 'involved before the decision'],
  feedback_given: ['Feedback given?', 'told what changed', 'you said we did'],
  voluntary: ['Voluntary?', 'chose to take part'],
  initiated_by: ['Initiated by', 'who started it'],
  target: ['Target', 'target rung'],
  claimed: ['Claimed', 'claimed rung'],
  participant_view: ['Participant view', 'participants view'],
  evidence: ['Evidence'],
  'support.expenses_paid': ['Expenses paid?', 'expenses'],
  'support.accessible_venue': ['Accessible venue?'],
  'support.notice_days': ['Notice days', 'days notice'],
  'outcome.you_said': ['You said', 'what people said', 'what people asked for'],
  'outcome.we_did': ['We did', 'what we did', 'what changed'],
  'outcome.could_not': ['Could not', 'what we could not do', 'could not change'],
  'outcome.told_on': ['Told on', 'date told', 'when told'],
  'outcome.told_how': ['Told how', 'how told'],
};

/** Fields that hold a plain object, each of whose fields is a column of its own. */
export const NESTED_FIELDS: readonly string[] = ['support', 'outcome'];
/** Fields whose cells are dates. */
export const DATE_FIELDS: readonly string[] = ['date', 'outcome.told_on'];
/** Fields inside an object whose cells are lists. */
export const NESTED_LIST_FIELDS: readonly string[] = ['outcome.told_how'];

/** Fields whose cells are numbers. */
export const NUMBER_FIELDS: readonly string[] = ['support.notice_days'];
/** Fields whose cells are Yes or No, besides the facts that are. */
export const YES_NO_FIELDS: readonly string[] = ['support.expenses_paid', 'support.accessible_venue'];

/** Lower case, letters and digits only: "Before the decision?" and "before_decision" are one header. */
export function normHeader(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The header coprod writes for a field: its own, a fact's name, or a field of the user's own as it is. */
export function headerOf(field: string): string {
  return COLUMNS[field]?.[0] ?? field;
}
