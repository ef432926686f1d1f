// coprod's performance bars (PRODUCT.md §6), each measured as a ratio to its baseline in
// the same run, alternating case and baseline so that drift on a shared machine hits both:
//   version    coprod --version               vs  node -e 0                 (≤ 1.5×)
//   map-small  coprod map <20 activities>      vs  node -e 0                 (≤ 2×)
//   map-big    coprod map <20,000> -f json     vs  bare js-yaml load in node (≤ 2×, peak memory < 300 MB)
//   check-big  coprod check <20,000> -f json   vs  bare js-yaml load in node (≤ 2×)
//   --unique   also map-big on a log in which no sentence repeats (informational)
// usage: npm run bench [-- --runs 7] [-- --scale] [-- --unique] [-- --json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLog } from './generate-log.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const asJson = args.includes('--json');
const scale = args.includes('--scale');
const unique = args.includes('--unique');
const bin = join(root, 'bin/coprod.js');
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });

function logFile(n, distinct = false, words = false) {
  const file = join(dir, `log-${n}${distinct ? '-distinct' : ''}${words ? '-words' : ''}.yaml`);
  if (!existsSync(file)) writeFileSync(file, generateLog(n, 42, distinct, words));
  return file;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// output is discarded through /dev/null opened for writing: an 'ignore'd output looks closed to coprod
const NULL_OUT = openSync('/dev/null', 'w');
function run(cmd) {
  const [exe, ...rest] = cmd;
  const started = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%M', exe, ...rest], { stdio: ['ignore', NULL_OUT, 'pipe'], encoding: 'utf8' })
    : spawnSync(exe, rest, { stdio: ['ignore', NULL_OUT, 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const kb = TIME ? Number((r.stderr.trim().split('\n').pop() ?? '').trim()) : NaN;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, mb: kb / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(name, command, baseline, bound, memoryBoundMb) {
  run(command); // warm the file cache
  run(baseline);
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(run(command));
    b.push(run(baseline));
  }
  const t = median(a.map((x) => x.ms));
  const base = median(b.map((x) => x.ms));
  const mb = Math.max(...a.map((x) => x.mb));
  const ratio = t / base;
  const timeOk = ratio <= bound;
  const memoryOk = !memoryBoundMb || !(mb >= memoryBoundMb);
  return { name, ms: Math.round(t), baselineMs: Math.round(base), ratio: Math.round(ratio * 100) / 100, bound, peakMb: Number.isFinite(mb) ? Math.round(mb) : null, memoryBoundMb: memoryBoundMb ?? null, timeOk, memoryOk, ok: timeOk && memoryOk };
}

const node = process.execPath;
const jsYaml = join(root, 'node_modules/js-yaml/dist/js-yaml.mjs');
const bareLoad = (file) => [node, '--input-type=module', '-e', `import { load } from ${JSON.stringify(jsYaml)}; import { readFileSync } from 'node:fs'; load(readFileSync(${JSON.stringify(file)}, 'utf8'));`];

const results = [];
if (!scale) {
  const small = logFile(20);
  const big = logFile(20000);
  results.push(measure('version', [node, bin, '--version'], [node, '-e', '0'], 1.5));
  results.push(measure('map-small', [node, bin, 'map', small], [node, '-e', '0'], 2));
  results.push(measure('map-big', [node, bin, 'map', big, '--format', 'json'], bareLoad(big), 2, 300));
  results.push(measure('check-big', [node, bin, 'check', big, '--format', 'json'], bareLoad(big), 2, 300));
  // logs read from words: no fact declared, no sentence repeated (PRODUCT.md §6)
  const wordsSmall = logFile(20, true, true);
  const wordsBig = logFile(20000, true, true);
  results.push(measure('words-small', [node, bin, 'map', wordsSmall], [node, '-e', '0'], 4));
  results.push(measure('words-big', [node, bin, 'map', wordsBig, '--format', 'json'], bareLoad(wordsBig), 12, 300));
  results.push(measure('words-check', [node, bin, 'check', wordsBig, '--format', 'json'], bareLoad(wordsBig), 12, 300));
  if (unique) {
    const distinct = logFile(20000, true);
    results.push(measure('map-big-unique', [node, bin, 'map', distinct, '--format', 'json'], bareLoad(distinct), 2, 300));
  }
} else {
  for (const n of [1000, 10000, 20000, 100000]) {
    const file = logFile(n);
    const r = measure(`map-json-${n}`, [node, bin, 'map', file, '--format', 'json'], bareLoad(file), 2, 300);
    results.push({ ...r, activities: n, fileMb: Math.round((statSync(file).size / 1e6) * 10) / 10 });
  }
}

function verdict(r) {
  const memory = r.memoryBoundMb ? `memory ${r.memoryOk ? 'under' : 'OVER'} ${r.memoryBoundMb} MB` : '';
  return [r.timeOk ? 'time ok' : 'time OVER', memory].filter(Boolean).join('; ');
}

const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 1e9), runs };
if (asJson) console.log(JSON.stringify({ machine, results }, null, 2));
else {
  console.log(`coprod bench: node ${machine.node}, ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB; median of ${runs} runs, alternating with the baseline\n`);
  console.log(`${'case'.padEnd(16)}${'coprod'.padStart(10)}${'baseline'.padStart(10)}${'ratio'.padStart(8)}${'bound'.padStart(7)}${'peak MB'.padStart(9)}  verdict`);
  for (const r of results) {
    const mem = r.peakMb === null ? '—' : String(r.peakMb);
    console.log(`${r.name.padEnd(16)}${`${r.ms} ms`.padStart(10)}${`${r.baselineMs} ms`.padStart(10)}${`${r.ratio}×`.padStart(8)}${`${r.bound}×`.padStart(7)}${mem.padStart(9)}  ${verdict(r)}`);
  }
}
