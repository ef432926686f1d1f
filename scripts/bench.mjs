// coprod's bars (PRODUCT.md §6), each a ratio to its baseline in the same run, the case and
// its baseline run alternately so that drift on a shared machine hits both. Logs are
// generated (scripts/generate-log.mjs) with no sentence repeated: one with every fact
// declared, one where every fact is read from words.
//   version       coprod --version                       vs node -e 0          ≤ 1.5×
//   map-small     coprod map <20, declared>              vs node -e 0          ≤ 2×
//   words-small   coprod map <20, from words>            vs node -e 0          ≤ 4×
//   map-big       coprod map <20,000, declared> -f json  vs bare js-yaml load  ≤ 2.5×
//   check-big     coprod check <20,000, declared> -f json                      ≤ 2.5×
//   report-big    coprod report <20,000, declared>                             ≤ 4×
//   words-map, words-check, words-report: the same on 20,000 read from words  ≤ 12×
// Peak memory under 300 MB for every command at 20,000 activities.
// --scale: map and check -f json at 1k, 10k, 20k and 100k activities, both kinds of log
// (the cost per activity should stay flat).
// usage: npm run bench [-- --runs 7] [-- --scale] [-- --only NAME[,NAME]] [-- --json]
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
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const bin = join(root, 'bin/coprod.js');
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });

function logFile(n, words = false) {
  const file = join(dir, `log-${n}-${words ? 'words' : 'declared'}.yaml`);
  if (!existsSync(file)) writeFileSync(file, generateLog(n, 42, words));
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
const cases = [];
const add = (name, make) => {
  if (!only || only.includes(name)) cases.push([name, make]);
};
if (!scale) {
  add('version', () => measure('version', [node, bin, '--version'], [node, '-e', '0'], 1.5));
  add('map-small', () => measure('map-small', [node, bin, 'map', logFile(20)], [node, '-e', '0'], 2));
  add('words-small', () => measure('words-small', [node, bin, 'map', logFile(20, true)], [node, '-e', '0'], 4));
  const big = [
    { words: false, names: ['map-big', 'check-big', 'report-big'], bounds: [2.5, 2.5, 4] },
    { words: true, names: ['words-map', 'words-check', 'words-report'], bounds: [12, 12, 12] },
  ];
  for (const { words, names, bounds } of big) {
    const commands = [['map', '--format', 'json'], ['check', '--format', 'json'], ['report']];
    for (const [i, name] of names.entries()) {
      add(name, () => {
        const [command, ...rest] = commands[i];
        const file = logFile(20000, words);
        return measure(name, [node, bin, command, file, ...rest], bareLoad(file), bounds[i], 300);
      });
    }
  }
} else {
  for (const words of [false, true]) {
    for (const n of [1000, 10000, 20000, 100000]) {
      const name = `${words ? 'words' : 'declared'}-${n}`;
      add(name, () => {
        const file = logFile(n, words);
        const r = measure(name, [node, bin, 'map', file, '--format', 'json'], bareLoad(file), words ? 12 : 2.5, n <= 20000 ? 300 : undefined);
        return { ...r, activities: n, fileMb: Math.round((statSync(file).size / 1e6) * 10) / 10, msPerThousand: Math.round((r.ms / n) * 1000) };
      });
    }
  }
}
for (const [, make] of cases) results.push(make());

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
