// Records how often each cue's readings of `say` were right on a blind set's first contact:
//   node scripts/measure-cues.mjs SET.yaml [SET.yaml …] [--write]
// For every activity whose `say` coprod read from its words, the cue that decided it gets
// one reading more, and one right more when the say matched the label (one too high more
// when it was above the label, or the label settles nothing). A cue held back for its
// measured counts (it decides only with support) would otherwise never be measured again:
// so where such a cue would have decided had nothing been held back, it is counted too,
// as if it had. With --write the counts are added to each cue's `measured: { right, of,
// high }` in cues/default.yaml (comments and layout kept): coprod shows right/of as the
// reading's confidence, and a cue whose readings were often wrong or often too high
// decides only with support (src/infer/settle.ts). Run it once per set, on first contact,
// never on a set the cues were tuned on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { load } from 'js-yaml';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: node scripts/measure-cues.mjs SET.yaml [SET.yaml …] [--write]');
  process.exit(2);
}
const SAY = ['none', 'taught', 'told', 'heard', 'influence', 'joint', 'lead', 'control'];

// the reader itself, bundled from the sources (inside the package, so that it finds cues/)
const dir = mkdtempSync(join(root, '.measure-'));
let reader;
try {
  const out = join(dir, 'reader.mjs');
  await build({
    stdin: {
      contents: "export { loadCueSet } from './src/infer/cue-set.ts'; export { readActivity } from './src/infer/clause-reader.ts'; export { settle } from './src/infer/settle.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  reader = await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const set = await reader.loadCueSet([]);
// the same cues with nothing held back for its measured counts
const trusted = new Map(set.cues.map((c) => [c, { ...c, measured: undefined }]));
const trustAll = (readings) => readings.map((r) => ({ ...r, cue: trusted.get(r.cue) ?? r.cue }));

const counts = new Map();
function count(cue, value, settled, want) {
  // a say above heard reached only after the decision places as heard
  const held = settled.get('before_decision')?.value === false && SAY.indexOf(value) > SAY.indexOf('heard') ? 'heard' : value;
  const c = counts.get(cue) ?? { right: 0, of: 0, high: 0 };
  c.of++;
  if (held === want) c.right++;
  if (want === null || want === undefined ? true : SAY.indexOf(held) > SAY.indexOf(want)) c.high++;
  counts.set(cue, c);
}

for (const file of files) {
  const doc = load(readFileSync(file, 'utf8'));
  const entries = Array.isArray(doc) ? doc : doc.activities;
  for (const e of entries) {
    const readings = reader.readActivity(set, { name: e.name ?? '', methods: e.methods ?? [], description: e.description ?? '' }, true);
    const settled = reader.settle(set, readings).findings;
    const trustedSettled = reader.settle(set, trustAll(readings)).findings;
    const say = settled.get('say');
    const would = trustedSettled.get('say');
    if (say) count(say.cue, say.value, settled, e.expect?.say);
    if (would && would.cue !== say?.cue) count(would.cue, would.value, trustedSettled, e.expect?.say);
  }
}

const rows = [...counts].sort((a, b) => b[1].of - a[1].of);
for (const [id, c] of rows) console.log(`${id.padEnd(32)} right ${String(c.right).padStart(3)}/${String(c.of).padEnd(3)} ${((c.right / c.of) * 100).toFixed(0).padStart(3)}%   too high ${c.high}`);

if (write) {
  const path = join(root, 'cues', 'default.yaml');
  const cueDoc = parseDocument(readFileSync(path, 'utf8'));
  for (const item of cueDoc.get('cues').items) {
    const c = counts.get(item.get('id'));
    if (!c) continue;
    const before = item.get('measured')?.toJSON?.() ?? { right: 0, of: 0, high: 0 };
    const measured = cueDoc.createNode({ right: before.right + c.right, of: before.of + c.of, high: (before.high ?? 0) + c.high });
    measured.flow = true;
    item.set('measured', measured);
  }
  writeFileSync(path, cueDoc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  console.log(`wrote measured counts for ${rows.length} cues into cues/default.yaml`);
}
