/** The in-memory ladder: validated, with conditions compiled once. Types only plus small lookups. */
import type { FactDefinition } from './facts-model.js';
import type { CompiledCondition } from './condition.js';

export interface Band {
  id: string;
  name: string;
  description?: string;
  /** 0-based position, lowest band first; used for colour and ordering. */
  order: number;
}

export interface Rung {
  id: string;
  name: string;
  band: Band;
  summary: string;
  description: string;
  advice: string;
  /** What the organisation commits to at this rung, where the ladder says. */
  promise?: string;
  /** 1-based, bottom rung is 1. */
  index: number;
  condition: CompiledCondition;
}

export interface LadderSource {
  title: string;
  organisation: string;
  year?: number | string;
  url?: string;
  credit?: string;
}

export interface Ladder {
  id: string;
  name: string;
  source: LadderSource;
  description: string;
  bands: Band[];
  /** Bottom rung first. */
  rungs: Rung[];
  /** Facts this ladder adds to the core model. */
  extraFacts: FactDefinition[];
  /** Core facts plus extra facts, by name. */
  facts: ReadonlyMap<string, FactDefinition>;
  /** File it was loaded from, and where its `id` is in it. */
  file: string;
  idAt: { line: number; column: number };
  /** True for the ladders shipped in coprod's ladders/ folder. */
  shipped: boolean;
}


/** The rung with this id, if the ladder has one. */
export function rungWithId(ladder: Ladder, id: string): Rung | undefined {
  return ladder.rungs.find((r) => r.id === id);
}

/** A rung id (or `unclassified`) as a reader sees it: the rung's name. */
export function rungName(ladder: Ladder, id: string, unclassified = 'Unclassified'): string {
  return rungWithId(ladder, id)?.name ?? unclassified;
}
