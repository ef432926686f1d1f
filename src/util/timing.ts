/**
 * Phase timings for performance work: with COPROD_TIMING=1, each phase's time since
 * the process started is printed to standard error at exit. Costs nothing otherwise.
 */
const on = process.env.COPROD_TIMING === '1';
const marks: Array<[string, number]> = [];

export function mark(phase: string): void {
  if (!on) return;
  if (!marks.length) process.once('exit', () => process.stderr.write(`${marks.map(([p, t]) => `${t.toFixed(1).padStart(8)} ms  ${p}`).join('\n')}\n`));
  marks.push([phase, performance.now()]);
}
