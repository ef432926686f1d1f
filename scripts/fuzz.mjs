// The long property-test run: the same tests `npm test` runs a few hundred cases of
// (and 50 pairs of concurrent `ask --append` runs, not 16),
// with many more cases each. usage: npm run fuzz [-- --runs 5000]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 2000;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run fuzz [-- --runs N]');
  process.exit(2);
}
console.log(`Property tests with ${runs} cases each (FUZZ_RUNS=${runs})…`);
const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz', 'test/e2e/untrusted-log.e2e.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_STATS: '1' },
});
process.exit(r.status ?? 2);
