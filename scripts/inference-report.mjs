// Prints the inference corpus score and every miss (development aid): node scripts/inference-report.mjs
import { spawnSync } from 'node:child_process';
const r = spawnSync('npx', ['vitest', 'run', 'test/inference', '--reporter=verbose'], { stdio: 'inherit', env: { ...process.env, COPROD_INFERENCE_REPORT: '1' } });
process.exit(r.status ?? 1);
