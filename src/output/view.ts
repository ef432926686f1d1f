/** How a formatter lays out its result: one shape for every format of every command. */
import type { Colours } from './colours.js';

export interface View {
  colours: Colours;
  /** columns to lay text out in */
  width: number;
  /** a person reads it at a terminal: JSON indented */
  pretty: boolean;
  quiet: boolean;
  verbose: boolean;
  /** the terminal cannot draw boxes (TERM=dumb) */
  ascii: boolean;
  /** the folder paths are shown relative to */
  cwd: string;
  /** the environment (CI tools' repository root) */
  env: Readonly<Record<string, string | undefined>>;
}
