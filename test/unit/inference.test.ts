// Inference from words: negation, sequence, who acts, spelling and word forms, rung
// names used as labels, thin evidence, competing cues, evidence and confidence, contradictions.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors/diagnostic.js';
import { loadCueSet } from '../../src/infer/cue-set.js';
import { CueInferrer } from '../../src/infer/infer.js';
import { compilePattern, restorePattern, type StoredPattern } from '../../src/infer/pattern.js';
import { ROOT } from '../helpers/cli.js';
import type { Activity } from '../../src/core/activity.js';
import { assessOne, rungOf } from '../helpers/core.js';
import { corpus } from '../inference/corpus.js';

let inferrer: CueInferrer;
beforeAll(async () => {
  inferrer = new CueInferrer(await loadCueSet([]));
});

const infer = async (description: string, extra: Record<string, unknown> = {}) => assessOne({ description, ...extra }, ['tlap'], inferrer);
const sayOf = async (description: string, extra: Record<string, unknown> = {}) => (await infer(description, extra)).resolved.findings.get('say')?.value ?? null;

describe('reading say from descriptions', () => {
  it.each([
    ['Residents filled in a survey about the garden.', 'heard'],
    ['Residents were consulted on the garden.', 'heard'],
    ['We consulted tenants about the garden.', 'heard'],
    ['A consultation on the garden.', 'heard'],
    ['Residents co-designed the garden with staff.', 'joint'],
    ['The garden was co-produced.', 'joint'],
    ['A peer-led support group.', 'lead'],
    ['A peer led support group.', 'lead'],
    ['A user-led organisation runs it.', 'control'],
  ])('word forms and hyphens: %s → %s', async (text, say) => {
    expect(await sayOf(text)).toBe(say);
  });

  it('American spelling reads like British', async () => {
    expect(await sayOf('Service users attended a presentation on the organization’s new program.')).toBe('told');
    expect(await sayOf('Carers prioritized the actions and officers adopted their top priorities.')).toBe('influence');
  });

  it('negation: "were not consulted" is no say, not consultation', async () => {
    expect(await sayOf('Residents were not consulted about the new menu.')).toBe('none');
    expect(await sayOf("Residents weren't asked what they wanted.")).toBe('none');
    expect(await sayOf('The rota was introduced with no input from families.')).toBe('none');
    expect(await sayOf('Staff picked the activities. Residents were not asked.')).toBe('none');
  });

  it('negation does not swallow a separate positive: not asked, but informed', async () => {
    expect(await sayOf('We did not ask residents for their views; they were informed by letter.')).toBe('told');
  });

  it('"not only … but" is not a negation', async () => {
    expect(await sayOf('Residents were not only consulted but co-designed the plan with staff.')).toBe('joint');
  });

  it('who acts: staff decided and told vs residents decided', async () => {
    expect(await sayOf('Staff decided the new visiting hours and residents were told at the next meeting.')).toBe('told');
    expect(await sayOf('Residents decided the new visiting hours at their own meeting.')).toBe('lead');
    expect(await sayOf('Residents and staff decided the new visiting hours together.')).toBe('joint');
  });

  it('residents telling staff is being heard, not being told', async () => {
    expect(await sayOf('Residents told staff what was confusing about the website.')).toBe('heard');
  });

  it('a rung named as a label is not the rung reached', async () => {
    expect(await sayOf('Co-production week launch event where residents listened to talks from senior managers.')).toBe('told');
    expect(await sayOf('Officers wrote the policy; the co-production board was shown the final version.')).toBe('told');
    expect(await sayOf('Residents were invited to a co-design session, but staff presented a finished plan and asked for comments.')).toBe('heard');
  });

  it('a label alone is too thin to place', async () => {
    const r = await infer('Co-production group meeting.');
    expect(rungOf(r)).toBe('unclassified');
  });

  it('thin evidence stays unclassified with two or three questions', async () => {
    for (const name of ['Team meeting', 'Carers event', 'Drop-in session']) {
      const r = await assessOne({ name }, ['tlap'], inferrer);
      expect(rungOf(r)).toBe('unclassified');
      const questions = r.next.get('tlap')!.questions;
      expect(questions[0]).toBe('say');
      expect(questions.length).toBeGreaterThanOrEqual(1);
      expect(questions.length).toBeLessThanOrEqual(3);
    }
  });

  it('competing cues: the stronger reliable one wins, and caps hold it down', async () => {
    // a survey and a co-designed plan: the stronger evidence describes the activity
    expect(await sayOf('Residents filled in a survey and then co-designed the garden with staff.')).toBe('joint');
    // the organisation keeping the final say holds weak influence down
    expect(await sayOf('The patient panel advises the practice; the partners decide.')).toBe('influence');
  });
});

describe('sequence and the other facts', () => {
  it('after the decision: before_decision false, which caps say', async () => {
    const r = await infer('Residents co-designed the menu after the decision had been made.');
    expect(r.resolved.findings.get('before_decision')).toMatchObject({ value: false, basis: 'inferred' });
    expect(rungOf(r)).toBe('consultation');
  });

  it('once the plan was agreed', async () => {
    const r = await infer('Once the plan was agreed, tenants were asked for comments.');
    expect(r.resolved.findings.get('before_decision')?.value).toBe(false);
    expect(r.flags.map((f) => f.id)).toContain('after-decision');
  });

  it('made to attend is not voluntary; the coercion rule applies', async () => {
    const r = await infer('All tenants were required to attend a fire safety talk.');
    expect(r.resolved.findings.get('voluntary')?.value).toBe(false);
    expect(rungOf(r)).toBe('coercion');
  });

  it('feedback: "you said, we did" and "nobody heard back"', async () => {
    expect((await infer('A survey; results were shared in a you said, we did poster.')).resolved.findings.get('feedback_given')?.value).toBe(true);
    const r = await infer('Tenants were asked for their views. Nobody heard back.');
    expect(r.resolved.findings.get('feedback_given')?.value).toBe(false);
    expect(r.flags.map((f) => f.id)).toContain('feedback-missing');
  });

  it('stages come from what people did, not from what staff did without them', async () => {
    const a = await infer('Tenants and HR co-wrote the interview questions. HR then ran the recruitment without them.');
    expect(a.resolved.findings.get('stages')?.value).toEqual(['design']);
    expect(rungOf(a)).toBe('co-design');
    const b = await infer('Residents designed the raised beds and now run the planting rota themselves.');
    expect(b.resolved.findings.get('stages')?.value).toEqual(['design', 'delivery']);
    expect(rungOf(b)).toBe('co-production');
  });

  it('who started it', async () => {
    expect((await infer('A group started by two tenants and run by them.')).resolved.findings.get('initiated_by')?.value).toBe('people');
  });
});

describe('evidence, confidence and contradictions', () => {
  it('each inferred fact carries its phrase and a confidence', async () => {
    const r = await infer('Residents were not consulted about the new menu.');
    const say = r.resolved.findings.get('say')!;
    expect(say.basis).toBe('inferred');
    expect(say.evidence).toContain('were not consulted');
    expect(say.confidence).toBeGreaterThan(0);
    expect(say.confidence).toBeLessThanOrEqual(1);
  });

  it('declared facts win; a description that denies one is a contradiction naming both', async () => {
    const r = await infer('Residents were not consulted; the manager decided.', { say: 'joint' });
    expect(r.resolved.findings.get('say')).toMatchObject({ value: 'joint', basis: 'declared' });
    const flag = r.flags.find((f) => f.id === 'contradiction')!;
    expect(flag.message).toMatch(/declared say: joint, but the description suggests none/);
    expect(flag.message).toContain('were not consulted');
  });

  it('agreement is not a contradiction', async () => {
    const r = await infer('Residents filled in a feedback form.', { say: 'heard' });
    expect(r.flags.map((f) => f.id)).not.toContain('contradiction');
  });

  it('a declared boolean the description denies', async () => {
    const r = await infer('Attendance was compulsory.', { say: 'told', voluntary: true });
    expect(r.flags.find((f) => f.id === 'contradiction')?.message).toMatch(/voluntary: true/);
  });
});

describe('each distinct sentence is read once', () => {
  const activity = (name: string, description?: string, methods: string[] = []) => ({ name, description, methods }) as unknown as Activity;

  it('a remembered sentence gives the same findings as reading it afresh, in any field', async () => {
    const set = await loadCueSet([]);
    // sentences are remembered per cue set: a copy of the set starts with nothing remembered
    const fresh = (): CueInferrer => new CueInferrer({ ...set });
    const entries = corpus();
    const warm = new CueInferrer(set);
    // read everything once so that every sentence is remembered, then again
    for (const e of entries) warm.infer(activity(e.name, e.description, e.methods));
    for (const e of entries) {
      const a = activity(e.name, e.description, e.methods);
      expect(warm.infer(a)).toEqual(fresh().infer(a));
    }
  });

  it('the same words as a name and as a description: a name only suggests (labelled, weaker)', async () => {
    const set = await loadCueSet([]);
    const inferrer = new CueInferrer(set);
    const asDescription = inferrer.infer(activity('Garden', 'Residents co-designed the garden with staff.')).findings.get('say')!;
    const asName = inferrer.infer(activity('Residents co-designed the garden with staff', undefined)).findings.get('say')!;
    const asBoth = inferrer.infer(activity('Residents co-designed the garden with staff', 'Residents co-designed the garden with staff.')).findings.get('say')!;
    expect(asDescription).toMatchObject({ value: 'joint', evidence: 'co-designed' });
    expect(asName.evidence).toBe('name: co-designed');
    expect(asName.confidence).toBeLessThan(asDescription.confidence!);
    expect(asBoth).toEqual(asDescription);
  });
});

describe('sentences that differ only in their numbers are matched once', () => {
  const activity = (name: string, description?: string, methods: string[] = []) => ({ name, description, methods }) as unknown as Activity;
  // a number in every sentence, different on each reading ("unit 12", "unit 3456")
  const numbered = (text: string | undefined, n: number): string | undefined =>
    text?.replace(/([.;!?])/g, ` at unit ${n} on day ${n * 7 + 1}$1`);

  it('gives the same findings as reading each sentence afresh, quoting its own words', async () => {
    const set = await loadCueSet([]);
    expect(set.numbersAreWords).toBe(false);
    const warm = new CueInferrer(set);
    const entries = corpus();
    for (const e of entries) warm.infer(activity(`${e.name} 1`, numbered(e.description, 1), e.methods));
    let shaped = 0;
    for (const [i, e] of entries.entries()) {
      const a = activity(`${e.name} ${i + 20}`, numbered(e.description, i + 20), e.methods);
      const found = warm.infer(a);
      expect(found).toEqual(new CueInferrer({ ...set }).infer(a));
      if ([...found.findings.values()].length) shaped++;
    }
    expect(shaped).toBeGreaterThan(entries.length / 2);
  });

  it('a phrase that takes in a number quotes that number', async () => {
    const set = await loadCueSet([]);
    const inferrer = new CueInferrer(set);
    const first = inferrer.infer(activity('Plan', 'Residents were on day 12 told about the plan.')).findings.get('say')!;
    const second = inferrer.infer(activity('Plan', 'Residents were on day 450 told about the plan.')).findings.get('say')!;
    expect(first).toMatchObject({ value: 'told', evidence: 'were on day 12 told' });
    expect(second).toMatchObject({ value: 'told', evidence: 'were on day 450 told' });
  });

  it('activities whose words read alike share one settled reading; others get their own', async () => {
    const set = await loadCueSet([]);
    const inferrer = new CueInferrer(set);
    const first = inferrer.infer(activity('Menu 1', 'Residents were consulted. It took place in unit 5.'));
    const again = inferrer.infer(activity('Menu 2', 'Residents were consulted. It took place in unit 77.'));
    expect(again).toBe(first);
    expect(first.findings.get('say')).toMatchObject({ value: 'heard', basis: 'inferred' });
    const other = inferrer.infer(activity('Menu 3', 'Residents co-designed the menu.'));
    expect(other).not.toBe(first);
    expect(other.findings.get('say')?.value).toBe('joint');
    // the same hits with one more settle on their own, and the shared reading is unchanged
    const more = inferrer.infer(activity('Menu 4', 'Residents were consulted. Residents co-designed the menu.'));
    expect(more).not.toBe(first);
    expect(more).not.toBe(other);
    expect(inferrer.infer(activity('Menu 5', 'Residents were consulted.'))).toBe(first);
    expect(first).toEqual(new CueInferrer({ ...set }).infer(activity('Menu 1', 'Residents were consulted. It took place in unit 5.')));
  });

  it('the same words read as a name, as methods and as a description keep their own label and weight', async () => {
    const set = await loadCueSet([]);
    const inferrer = new CueInferrer(set);
    const text = 'Residents co-designed the garden 4';
    // read in turn as each field, twice, so that the remembered reading is used too
    for (let round = 0; round < 2; round++) {
      const asName = inferrer.infer(activity(text, 'Garden.')).findings.get('say')!;
      const asDescription = inferrer.infer(activity('Garden', text)).findings.get('say')!;
      const asMethods = inferrer.infer(activity('Garden', 'Garden.', [text])).findings.get('say')!;
      expect(asName).toMatchObject({ value: 'joint', evidence: 'name: co-designed', confidence: 0.7 });
      expect(asDescription).toMatchObject({ value: 'joint', evidence: 'co-designed', confidence: 0.9 });
      expect(asMethods).toMatchObject({ value: 'joint', evidence: 'methods: co designed', confidence: 0.9 });
    }
  });

  it('when a cue file names a number, numbers are words like any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-cues-'));
    const file = join(dir, 'cues.yaml');
    writeFileSync(file, 'cues:\n  - fact: say\n    value: joint\n    strength: 3\n    patterns: ["form 27"]\n');
    const set = await loadCueSet([file]);
    rmSync(dir, { recursive: true, force: true });
    expect(set.numbersAreWords).toBe(true);
    const inferrer = new CueInferrer(set);
    expect(inferrer.infer(activity('Forms', 'Staff filled in form 28.')).findings.get('say')).toBeUndefined();
    expect(inferrer.infer(activity('Forms', 'Staff filled in form 27.')).findings.get('say')).toMatchObject({ value: 'joint', evidence: 'form 27' });
  });
});

describe("the build's copy of the cue file", () => {
  it('stores compiled patterns that restore to exactly what compiling gives', () => {
    const snapshot = JSON.parse(readFileSync(join(ROOT, 'dist', 'snapshot.json'), 'utf8')) as { files: Record<string, { extra: Record<string, StoredPattern> }> };
    const stored = Object.entries(snapshot.files['cues/default.yaml']!.extra);
    expect(stored.length).toBeGreaterThan(300);
    for (const [text, pattern] of stored) expect(restorePattern(text, pattern)).toEqual(compilePattern(text));
  });
});

describe('cue files are data', () => {
  it('a pattern that looks like a regular expression or code is refused, located, never run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-cues-'));
    const file = join(dir, 'cues.yaml');
    writeFileSync(file, 'cues:\n  - fact: say\n    value: heard\n    strength: 3\n    patterns: [".*consult.*", "process.exit(1)", "(a|b)+$"]\n');
    const error = await loadCueSet([file]).catch((e: unknown) => e);
    rmSync(dir, { recursive: true, force: true });
    expect(error).toBeInstanceOf(InputError);
    const messages = (error as InputError).diagnostics.map((d) => `${d.line}:${d.column} ${d.field}: ${d.message}`);
    expect(messages).toEqual([
      '5:16 cues[0].patterns[0]: pattern ".*consult.*": ".*consult.*" is not a word (letters, digits, \' and - only)',
      '5:31 cues[0].patterns[1]: pattern "process.exit(1)": "process.exit(1)" is not a word (letters, digits, \' and - only)',
      '5:50 cues[0].patterns[2]: pattern "(a|b)+$": "(a" is not a word (letters, digits, \' and - only)',
    ]);
  });
});
