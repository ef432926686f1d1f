/** The largest of many numbers without spreading them into arguments (a long list would overflow the stack). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
