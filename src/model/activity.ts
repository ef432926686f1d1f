/** Types of a read involvement log: activities with their declared facts and where they sit in the file. */
import type { FactValue } from './facts-model.js';
import type { Ladder, Rung } from './ladder.js';

/** A rung named by the user (`co-design` or `tlap:co-design`), resolved to a ladder. */
export interface RungRef {
  raw: string;
  ladder: Ladder;
  rung: Rung;
}

export interface Support {
  expenses_paid?: boolean;
  accessible_venue?: boolean;
  notice_days?: number;
}

export interface SourceRef {
  file: string;
  line: number;
  column: number;
  /** In a workbook: the sheet (`line` is the row). */
  sheet?: string;
}

export interface Activity {
  id: string;
  /** False when the id was derived from the name. */
  idDeclared: boolean;
  name: string;
  date?: string;
  description?: string;
  participants: string[];
  methods: string[];
  evidence: string[];
  /** Facts the log states (core and ladder-declared), by fact name; `level` included when given. */
  declared: Map<string, FactValue>;
  target?: RungRef;
  claimed?: RungRef;
  participantView?: RungRef;
  support?: Support;
  /** The loop closed: what people said, what was done (or could not be), when and how they were told. */
  outcome?: Outcome;
  /** `evidence` files that are missing or are not files, each with why. */
  evidenceMissing?: Array<{ path: string; why: string }>;
  /** `x-` fields, kept and passed through untouched. */
  extensions: Record<string, unknown>;
  source: SourceRef;
}

export interface Outcome {
  you_said?: string;
  we_did?: string;
  could_not?: string;
  told_on?: string;
  told_how?: string[];
}

/** Whether an outcome closes the loop: it says what was done, or what could not be and why, and when people were told. */
export function closesLoop(outcome: Outcome | undefined): boolean {
  return Boolean(outcome && (outcome.we_did || outcome.could_not) && outcome.told_on);
}

export interface ActivityLog {
  file: string;
  service?: string;
  /** The file's default ladder id or path. */
  ladder?: string;
  activities: Activity[];
  /** The groups the service serves (`groups:`), for seldom-heard gaps. */
  groups?: string[];
  extensions: Record<string, unknown>;
}
