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
  /** `x-` fields, kept and passed through untouched. */
  extensions: Record<string, unknown>;
  source: SourceRef;
}

export interface ActivityLog {
  file: string;
  service?: string;
  /** The file's default ladder id or path. */
  ladder?: string;
  activities: Activity[];
  extensions: Record<string, unknown>;
}
