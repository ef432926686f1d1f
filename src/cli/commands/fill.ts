/**
 * `coprod ask --fill FILE`: for each activity the log leaves unclassified, or whose
 * description contradicts a declared fact, shows what was read from its words and from
 * which clause, asks only the questions that would decide it ("not sure" first, which
 * records nothing), and writes the answers into that activity in place: comments and
 * layout kept, no other activity touched, atomically, one writer at a time.
 * `--answers FILE` gives the answers instead (activity id → facts), for scripts.
 */
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { fillInPlace } from '../../ask/fill-in-place.js';
import type { Activity } from '../../model/activity.js';
import { CORE_FACTS, type FactDefinition, type FactValue } from '../../model/facts-model.js';
import { assess, type ActivityResult } from '../../assess/assess-activity.js';
import type { OpenReading } from '../../model/resolve-facts.js';
import { InputError, UsageError, type Diagnostic } from '../../input/problem.js';
import { withFileLock } from '../file-lock.js';
import { readSource } from '../../input/read-source.js';
import { writeFileAtomic, writeTarget } from '../write-file.js';
import { locate, parseYaml } from '../../input/yaml-source.js';
import type { Ladder } from '../../model/ladder.js';
import { didYouMean } from '../../text/did-you-mean.js';
import { quoteValue, safeInline } from '../../text/terminal-text.js';
import type { Io } from '../io.js';
import { destination } from '../output.js';
import { loadInputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { wrapIndented } from '../../text/wrap.js';
import { plural } from '../../text/plural.js';

export interface FillOptions extends CommonOptions {
  fill: string;
  answers?: string;
}

const NOT_SURE = '__not_sure__';
type Facts = Record<string, FactValue>;

/** The activity as it would be with these facts declared. */
function withDeclared(activity: Activity, facts: Facts): Activity {
  const declared = new Map(activity.declared);
  for (const [k, v] of Object.entries(facts)) declared.set(k, v);
  return { ...activity, declared };
}

/** Why an activity needs answers: unclassified on the first ladder, or a contradiction. */
function needsAnswers(result: ActivityResult, primary: Ladder): boolean {
  return !result.placements.get(primary.id)?.rung || result.flags.some((f) => f.id === 'contradiction');
}

/** The facts whose answers would decide it: what places it, or the contradicted facts. */
function questionsFor(result: ActivityResult, primary: Ladder): string[] {
  const contradicted = result.resolved.contradictions.map((c) => c.fact);
  if (contradicted.length) return contradicted;
  return result.next.get(primary.id)?.questions ?? ['say'];
}

function describe(result: ActivityResult, primary: Ladder, width: number): string {
  const a = result.activity;
  const lines = ['', `${safeInline(a.name)} (${safeInline(a.source.file)}, line ${a.source.line})`];
  const inferred = [...result.resolved.findings].filter(([, f]) => f.basis === 'inferred');
  if (inferred.length) {
    lines.push('  Read from the words:');
    for (const [name, f] of inferred) lines.push(wrapIndented(`${name}: ${Array.isArray(f.value) ? f.value.join(', ') : String(f.value)}, from "${safeInline(f.evidence)}"`, width, '      ', '    • '));
  }
  const open = result.resolved.open ?? [];
  if (open.length) lines.push('  Left open by the words:');
  for (const o of open) lines.push(wrapIndented(`${o.fact}: ${o.values.join(' or ')}, from "${safeInline(o.evidence)}"`, width, '      ', '    • '));
  if (!inferred.length && !open.length && !result.resolved.contradictions.length) lines.push('  Nothing in its words settles what say people had.');
  if (result.resolved.claim) lines.push(wrapIndented(`The words call it ${result.resolved.claim.label} ("${safeInline(result.resolved.claim.evidence)}"): a claim, not evidence.`, width, '    ', '  '));
  for (const c of result.resolved.contradictions) lines.push(wrapIndented(`It declares ${c.fact}: ${String(c.declared)}, but the words suggest ${String(c.inferred)} ("${safeInline(c.evidence)}").`, width, '    ', '  '));
  const p = result.placements.get(primary.id)!;
  lines.push(`  Now: ${p.rung ? p.rung.id : 'unclassified'} on ${primary.id}.`);
  return `${lines.join('\n')}\n`;
}

/** Asks for one fact; where the words left it open between values, asks their question and offers those values first. */
async function askFor(prompter: Prompter, fact: FactDefinition, open?: OpenReading): Promise<FactValue | undefined> {
  const first = open ? fact.values.filter((v) => open.values.includes(v)) : [];
  const choices = [...first, ...fact.values.filter((v) => !first.includes(v))].map((v) => ({ value: v, name: fact.options[v] ?? v }));
  if (fact.kind === 'set') {
    const picked = await prompter.checkbox(`${fact.question} (space to pick, enter when done; none picked: not sure)`, choices);
    return picked.length ? picked : undefined;
  }
  // "not sure" first: pressing Enter records nothing
  const answer = await prompter.select(open ? safeInline(open.question) : fact.question, [{ value: NOT_SURE, name: 'not sure', description: 'leave it unrecorded' }, ...choices], NOT_SURE);
  if (answer === NOT_SURE) return undefined;
  return fact.kind === 'boolean' ? answer === 'true' : answer;
}

/** Answers from a file: a mapping of activity id to the facts to record, checked like a log's. */
async function readAnswers(path: string, io: Io, activities: readonly Activity[], facts: ReadonlyMap<string, FactDefinition>): Promise<Map<string, Facts>> {
  const source = await readSource(path, { stdin: io.stdin, label: 'answers file', cwd: io.cwd });
  const doc = parseYaml(source);
  const value = doc.value;
  const problems: Diagnostic[] = [];
  const at = (p: Array<string | number>, key?: string) => ({ file: source.name, ...locate(doc, p, key) });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError([{ file: source.name, line: 1, column: 1, field: '', message: 'expected a mapping of activity ids to the facts to record', expected: 'menu-survey:\n  say: heard' }]);
  }
  const ids = activities.map((a) => a.id);
  const out = new Map<string, Facts>();
  for (const [id, given] of Object.entries(value as Record<string, unknown>)) {
    if (!ids.includes(id)) {
      const near = didYouMean(id, ids);
      problems.push({ ...at([], id), field: id, message: `no activity has the id ${quoteValue(id)}`, expected: `one of ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`, ...(near ? { help: `did you mean "${near}"?` } : {}) });
      continue;
    }
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      problems.push({ ...at([id]), field: id, message: 'expected the facts to record', expected: 'say: heard' });
      continue;
    }
    const record: Facts = {};
    for (const [name, v] of Object.entries(given as Record<string, unknown>)) {
      const fact = facts.get(name);
      if (!fact) {
        const near = didYouMean(name, [...facts.keys()]);
        problems.push({ ...at([id], name), field: `${id}.${name}`, message: `unknown fact ${quoteValue(name)}`, expected: `one of ${[...facts.keys()].join(', ')}`, ...(near ? { help: `did you mean "${near}"?` } : {}) });
        continue;
      }
      const ok = fact.kind === 'boolean' ? typeof v === 'boolean' : fact.kind === 'set' ? Array.isArray(v) && v.every((x) => fact.values.includes(String(x))) : typeof v === 'string' && fact.values.includes(v);
      if (!ok) {
        const near = typeof v === 'string' ? didYouMean(v, fact.values, fact.synonyms) : undefined;
        problems.push({ ...at([id, name]), field: `${id}.${name}`, message: `${quoteValue(v)} is not a value of ${name}`, expected: fact.kind === 'boolean' ? 'true or false' : `${fact.kind === 'set' ? 'a list of ' : 'one of '}${fact.values.join(', ')}`, ...(near ? { help: `did you mean "${near}"?` } : {}) });
        continue;
      }
      record[name] = v as FactValue;
    }
    out.set(id, record);
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

export async function fillCommand(options: FillOptions, io: Io, prompterFactory: () => Promise<Prompter> = inquirerPrompter): Promise<number> {
  if (options.fill === '-') throw new UsageError('--fill writes into the log, so it needs a file, not standard input');
  const inputs = await loadInputs([options.fill], io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const primary = inputs.ladders[0]!;
  const facts = new Map<string, FactDefinition>(CORE_FACTS.map((f) => [f.name, f]));
  for (const l of inputs.ladders) for (const f of l.extraFacts) facts.set(f.name, f);
  const activities = inputs.logs[0]!.activities;
  const judge = (a: Activity): ActivityResult => assess(a, inputs.ladders, inputs.inferrer);
  const { colours } = destination({ color: options.color }, io).view;
  const width = Math.min(io.stdout.columns ?? 80, 100);

  const scripted = options.answers ? await readAnswers(options.answers, io, activities, facts) : undefined;
  if (!scripted && !io.stdin.isTTY) {
    throw new UsageError('coprod ask --fill asks questions, and needs a terminal to do so', 'to script it, give the answers with `--answers FILE.yaml` (activity id: facts to record)');
  }
  const prompter = scripted ? undefined : await prompterFactory();
  const answers = new Map<number, Facts>();
  let asked = 0;
  for (const [index, activity] of activities.entries()) {
    let result = judge(activity);
    if (!needsAnswers(result, primary)) continue;
    asked++;
    io.stdout.write(describe(result, primary, width));
    const recorded: Facts = {};
    if (scripted) Object.assign(recorded, scripted.get(activity.id) ?? {});
    else {
      // one question at a time; a question stops being asked once the activity is decided
      for (let round = 0; round < 4 && needsAnswers(result, primary); round++) {
        const next = questionsFor(result, primary).find((q) => !(q in recorded) && facts.has(q));
        if (!next) break;
        const value = await askFor(prompter!, facts.get(next)!, result.resolved.open?.find((o) => o.fact === next));
        if (value === undefined) break;
        recorded[next] = value;
        result = judge(withDeclared(activity, recorded));
      }
    }
    if (Object.keys(recorded).length) {
      answers.set(index, recorded);
      const after = judge(withDeclared(activity, recorded)).placements.get(primary.id);
      io.stdout.write(`  ${colours.green('→')} ${Object.entries(recorded).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join(', ')}; now ${after?.rung?.id ?? 'unclassified'} on ${primary.id}.\n`);
    } else io.stdout.write('  (left as it is)\n');
  }
  if (!asked) {
    io.stderr.write(`Every activity in ${safeInline(options.fill)} is placed on ${primary.id}, and none contradicts its description: nothing to ask.\n`);
    return 0;
  }
  if (!answers.size) {
    if (!options.quiet) io.stderr.write('No answers recorded; the log is unchanged.\n');
    return 0;
  }
  const shown = options.fill;
  const path = await writeTarget(resolve(io.cwd, shown));
  await withFileLock(path, shown, async () => {
    const source = await readSource(shown, { label: 'log file', cwd: io.cwd });
    const current = (source.bom ? '\ufeff' : '') + source.text;
    // the log must still hold the same activities it held when the questions were asked
    const now = parseDocument(source.text).toJSON() as unknown;
    const list = Array.isArray(now) ? now : (now as { activities?: unknown[] })?.activities;
    if (!Array.isArray(list) || list.length !== activities.length) throw new UsageError(`${safeInline(shown)} changed while the questions were asked; nothing was written`, 'run coprod ask --fill again');
    let text: string;
    try {
      text = fillInPlace(current, answers);
    } catch (error) {
      throw new InputError([{ file: shown, line: 1, column: 1, field: '', message: `cannot write the answers into this log: ${(error as Error).message}`, help: 'record the facts by hand; nothing was written' }]);
    }
    await writeFileAtomic(path, text, { force: true, what: 'log', shownAs: shown, refuseReadOnly: true, refuseHardLinks: true });
  });
  io.stderr.write(`Wrote ${plural([...answers.values()].reduce((n, f) => n + Object.keys(f).length, 0), 'answer')} into ${plural(answers.size, 'activity', 'activities')} of ${safeInline(shown)}.\n`);
  return 0;
}
