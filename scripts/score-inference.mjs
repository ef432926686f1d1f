// Scores reading-from-words on a labelled set, end to end through the built CLI:
//   node scripts/score-inference.mjs SET.yaml [SET.yaml …] [--misses] [--json]
// Each entry: name, description?, methods?, level?, expect: { say, tlap, before_decision?,
// feedback_given?, stages?, voluntary? }. Only the activity's words go to coprod (no
// declared facts); the placement on TLAP and the inferred facts are compared with the labels.
// Prints totals only, unless --misses is given: a blind set is scored without its misses
// being read, so that its first score is honest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = process.env.COPROD_ROOT || join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const asJson = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: node scripts/score-inference.mjs SET.yaml [SET.yaml …] [--misses] [--json]');
  process.exit(2);
}

const SAY = ['none', 'taught', 'told', 'heard', 'influence', 'joint', 'lead', 'control'];
const TLAP = ['coercion', 'educating', 'informing', 'consultation', 'engagement', 'co-design', 'co-production'];
const tlapIndex = (rung) => (rung === 'unclassified' || rung == null ? 0 : TLAP.indexOf(rung) + 1);

// A label gives its TLAP rung, or only its say when the words do not tell the stages: then
// any rung that say can reach is right (told can be on the bottom rung when attendance was
// compulsory; joint and above are co-design or co-production by the stages).
const RUNGS_OF_SAY = { none: [1, 1], taught: [1, 2], told: [1, 3], heard: [4, 4], influence: [5, 5], joint: [6, 7], lead: [6, 7], control: [6, 7] };
function expectedRungs(expect) {
  if (expect.tlap !== undefined || expect.say == null) return [tlapIndex(expect.tlap), tlapIndex(expect.tlap)];
  return RUNGS_OF_SAY[expect.say] ?? [0, 0];
}
const rungRightOf = (s) => s.got >= s.wantLo && s.got <= s.want;

function scoreFile(file) {
  const entries = load(readFileSync(file, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'coprod-score-'));
  try {
    const activities = entries.map((e) => {
      const a = { name: e.name };
      if (e.description) a.description = e.description;
      if (e.methods) a.methods = e.methods;
      if (e.level) a.level = e.level;
      return a;
    });
    const log = join(dir, 'log.yaml');
    writeFileSync(log, JSON.stringify({ activities }));
    const r = spawnSync(process.execPath, [join(root, 'bin/coprod.js'), 'map', log, '--format', 'json', '--ladder', 'tlap'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`coprod exited ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    return entries.map((entry, i) => {
      const a = out.activities[i];
      const facts = Object.fromEntries(Object.entries(a.facts).map(([k, f]) => [k, f.value]));
      // the say the placement rests on: before_decision false caps it at heard (PRODUCT.md §2)
      const raw = a.facts.say?.value ?? null;
      const say = raw && a.facts.before_decision?.value === false && SAY.indexOf(raw) > SAY.indexOf('heard') ? 'heard' : raw;
      const tlap = a.placements.tlap.rung;
      const [wantLo, want] = expectedRungs(entry.expect);
      return { entry, say, tlap, got: tlapIndex(tlap), want, wantLo, facts, evidence: a.facts.say?.evidence ?? null, flags: a.flags };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function totals(scored) {
  const n = scored.length;
  const settled = scored.filter((s) => s.entry.expect.say !== null && s.entry.expect.say !== undefined);
  const placed = scored.filter((s) => s.got > 0);
  const right = scored.filter((s) => s.say === (s.entry.expect.say ?? null));
  const rungRight = scored.filter(rungRightOf);
  const over = scored.filter((s) => s.got > s.want);
  const overSettled = over.filter((s) => s.want > 0);
  const guessed = over.filter((s) => s.want === 0);
  const placedRight = placed.filter(rungRightOf);
  const placedSayRight = placed.filter((s) => s.say === s.entry.expect.say);
  const settledPlaced = settled.filter((s) => s.got > 0);
  const asked = settled.filter((s) => s.got === 0);
  const factChecks = { before_decision: [0, 0], feedback_given: [0, 0], voluntary: [0, 0], stages: [0, 0] };
  for (const s of scored) {
    for (const k of Object.keys(factChecks)) {
      if (s.entry.expect[k] === undefined) continue;
      factChecks[k][1]++;
      if (JSON.stringify(s.facts[k]) === JSON.stringify(s.entry.expect[k])) factChecks[k][0]++;
    }
  }
  const pct = (a, b) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
  return {
    n,
    sayRight: right.length,
    rungRight: rungRight.length,
    over: over.length,
    overSettled: overSettled.length,
    guessed: guessed.length,
    placed: placed.length,
    placedRight: placedRight.length,
    placedSayRight: placedSayRight.length,
    settled: settled.length,
    settledPlaced: settledPlaced.length,
    asked: asked.length,
    facts: factChecks,
    line: [
      `${n} activities`,
      `say right ${right.length}/${n} (${pct(right.length, n)})`,
      `rung right ${rungRight.length}/${n} (${pct(rungRight.length, n)})`,
      `placed too high ${over.length}/${n} (${pct(over.length, n)}: ${overSettled.length} above a settled value, ${guessed.length} placed where the words settle nothing)`,
      `right where placed ${placedRight.length}/${placed.length} (${pct(placedRight.length, placed.length)}; say right where placed ${placedSayRight.length}, ${pct(placedSayRight.length, placed.length)})`,
      `placed ${settledPlaced.length}/${settled.length} of those whose words settle a value (${pct(settledPlaced.length, settled.length)}); ${asked.length} left unclassified`,
      `facts: ${Object.entries(factChecks).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`,
    ].join('\n  '),
  };
}

const all = [];
const report = {};
for (const file of files) {
  const scored = scoreFile(file);
  all.push(...scored);
  const t = totals(scored);
  report[basename(file)] = t;
  if (!asJson) console.log(`${basename(file)}:\n  ${t.line}`);
  if (showMisses) {
    for (const s of scored) {
      if (s.say === (s.entry.expect.say ?? null) && rungRightOf(s)) continue;
      console.log(`  ✗ ${s.entry.name}: say ${s.say} (expected ${s.entry.expect.say}), tlap ${s.tlap} (expected ${s.entry.expect.tlap})${s.got > s.want ? ' OVER' : ''}`);
      console.log(`      ${JSON.stringify(s.entry.description ?? '')}`);
      console.log(`      evidence: ${s.evidence}; facts: ${JSON.stringify(s.facts)}`);
    }
  }
}
if (files.length > 1) {
  const t = totals(all);
  report.all = t;
  if (!asJson) console.log(`all:\n  ${t.line}`);
}
if (asJson) console.log(JSON.stringify(Object.fromEntries(Object.entries(report).map(([k, v]) => [k, { ...v, line: undefined }])), null, 2));
