/** Width to wrap tables to: the terminal's, else $COLUMNS, else 120 (readable when piped into a file or a document). */
import type { Io } from './io.js';

export function terminalWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 120;
  return Math.max(60, Math.min(width, 240));
}
