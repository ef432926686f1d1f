// Records how often each cue's readings were right on a blind set's first contact:
//   node scripts/measure-cues.mjs SET.yaml [SET.yaml …] [--write]
// For every activity whose `say` coprod read from its words, the cue that decided it gets
// one reading more, and one right more when the say matched the label. With --write the
// counts are added to each cue's `measured: { right, of, high }` in cues/default.yaml
// (comments and layout kept): coprod shows right/of as the reading's confidence, and a cue
// whose readings were too high (above the label) more than a quarter of the time decides
// only with support. Run it once per set, on
// first contact, never on a set the cues were tuned on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const counts = new Map();

for (const file of files) {
  const entries = load(readFileSync(file, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'coprod-measure-'));
  const log = join(dir, 'log.yaml');
  writeFileSync(log, JSON.stringify({ activities: entries.map((e) => ({ name: e.name, ...(e.description ? { description: e.description } : {}), ...(e.methods ? { methods: e.methods } : {}), ...(e.level ? { level: e.level } : {}) })) }));
  const r = spawnSync(process.execPath, [join(root, 'bin/coprod.js'), 'map', log, '--format', 'json', '--ladder', 'tlap'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  JSON.parse(r.stdout).activities.forEach((a, i) => {
    const say = a.facts.say;
    if (!say || say.basis !== 'inferred' || !say.cue) return;
    const held = a.facts.before_decision?.value === false && SAY.indexOf(say.value) > SAY.indexOf('heard') ? 'heard' : say.value;
    const c = counts.get(say.cue) ?? { right: 0, of: 0, high: 0 };
    c.of++;
    if (held === entries[i].expect.say) c.right++;
    // too high: above the label, or placed where the words settle nothing
    const want = entries[i].expect.say;
    if (want === null || want === undefined ? true : SAY.indexOf(held) > SAY.indexOf(want)) c.high++;
    counts.set(say.cue, c);
  });
}

const rows = [...counts].sort((a, b) => b[1].of - a[1].of);
for (const [id, c] of rows) console.log(`${id.padEnd(32)} right ${String(c.right).padStart(3)}/${String(c.of).padEnd(3)} ${((c.right / c.of) * 100).toFixed(0).padStart(3)}%   too high ${c.high}`);

if (write) {
  const path = join(root, 'cues', 'default.yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const cues = doc.get('cues');
  for (const item of cues.items) {
    const c = counts.get(item.get('id'));
    if (!c) continue;
    const before = item.get('measured')?.toJSON?.() ?? { right: 0, of: 0, high: 0 };
    const measured = doc.createNode({ right: before.right + c.right, of: before.of + c.of, high: (before.high ?? 0) + c.high });
    measured.flow = true;
    item.set('measured', measured);
  }
  writeFileSync(path, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  console.log(`wrote measured counts for ${rows.length} cues into cues/default.yaml`);
}
