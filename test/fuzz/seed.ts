// How many cases each property runs and from which seed. `npm test` replays the same
// cases every time (so a red CI is a real failure, reproducible with the same command);
// `npm run fuzz` (FUZZ_RUNS) explores new ones on every run; FUZZ_SEED replays a
// failure that fast-check reported.
export const RUNS = Number(process.env.FUZZ_RUNS ?? 50);

export function seed(): { seed?: number } {
  if (process.env.FUZZ_SEED) return { seed: Number(process.env.FUZZ_SEED) };
  return process.env.FUZZ_RUNS ? {} : { seed: 20261122 };
}
