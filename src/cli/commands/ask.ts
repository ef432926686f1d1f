/**
 * `coprod ask`: a care worker's quick check of one activity, by plain questions (or an
 * answers file), with the rung, the other ladders, flags and next step; `--append FILE`
 * adds it to a log keeping that file's comments and layout.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { appendEntry, type Entry } from '../../ask/append.js';
import { candidateValues, factQuestions, matters } from '../../ask/questions.js';
import type { FactDefinition } from '../../model/facts-model.js';
import { CORE_FACTS } from '../../model/facts-model.js';
import { assess, type ActivityResult } from '../../assess/assess-activity.js';
import { logFolder, parseLog, readLog } from '../../input/read-log.js';
import type { Inferrer } from '../../model/resolve-facts.js';
import { makeRungRefResolver, type RungRefResolver } from '../../input/rung-ref.js';
import { InputError, UsageError } from '../../input/problem.js';
import { formatAnswer } from '../../output/ask-answer.js';
import { readBytes, readSource, type SourceText } from '../../input/read-source.js';
import { logFormat } from '../../input/log-format.js';
import { isRealDate } from '../../input/activity-schema.js';
import { workbookBytes } from '../../output/workbook.js';
import type { ActivityLog } from '../../model/activity.js';
import type { TableLog } from '../../input/table-log.js';
import { documentOf, type YamlDocument } from '../../input/yaml-source.js';
import { withFileLock } from '../file-lock.js';
import { writeFileAtomic, writeTarget } from '../write-file.js';
import type { Ladder } from '../../model/ladder.js';
import { safeInline } from '../../text/terminal-text.js';
import type { Io } from '../io.js';
import { destination } from '../output.js';
import { today } from '../today.js';
import { configLadders, DEFAULT_LADDER, ladderFieldProblem, loadContext, peekLadder, readLogDocument } from '../load-inputs.js';
import type { LadderRegistry } from '../../input/ladder-registry.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { starterLog } from './init.js';

export interface AskOptions extends CommonOptions {
  append?: string;
  answers?: string;
}

const NOT_SURE = '__not_sure__';

/** `folder`: where the activity's ladder paths are relative to (the log it is added to, else the working folder). */
function judgeOf(ladders: Ladder[], resolveRef: RungRefResolver, extraFacts: FactDefinition[], inferrer: Inferrer | undefined, folder: string) {
  const cache = new Map<string, ActivityResult>();
  return async (entry: Entry): Promise<ActivityResult> => {
    // the same trial answers come back while questions are skipped: each is judged once
    const key = JSON.stringify(entry);
    let found = cache.get(key);
    if (!found) {
      const log = await readLog(documentOf(entry, '<answers>'), { extraFacts, resolveRef, single: true, folder });
      found = assess(log.activities[0]!, ladders, inferrer);
      cache.set(key, found);
    }
    return found;
  };
}

async function askQuestions(prompter: Prompter, primary: Ladder, judge: (e: Entry) => Promise<ActivityResult>, date: string): Promise<Entry> {
  const entry: Entry = {};
  entry.name = (await prompter.input('Name of the activity (e.g. "Menu survey"):', { required: true })).trim();
  const description = (await prompter.input('In a sentence, what happened? (optional)')).trim();
  if (description) entry.description = description;
  // the report's "Over time" and "Who took part" need these
  entry.date = (await prompter.input('When did it happen? (YYYY-MM-DD)', { default: date })).trim() || date;
  const who = (await prompter.input('Who took part? (for example: residents, families; optional)')).split(',').map((p) => p.trim()).filter(Boolean);
  if (who.length) entry.participants = who;
  const level = CORE_FACTS.find((f) => f.name === 'level')!;
  entry.level = await prompter.select(level.question, level.values.map((v) => ({ value: v, name: level.options[v] ?? v })), 'service');
  for (const fact of factQuestions([primary])) {
    // skip what no answer could change (all answers give the same rungs and flags)
    if (!(await mattersAsync(fact, entry, primary.id, judge))) continue;
    // whether people were told is best recorded as what they said and what came of it
    if (fact.name === 'feedback_given' && (await askOutcome(prompter, entry))) continue;
    if (fact.kind === 'set') {
      const picked = await prompter.checkbox(`${fact.question} (space to pick, enter when done)`, [
        ...fact.values.map((v) => ({ value: v, name: fact.options[v] ?? v })),
        { value: NOT_SURE, name: 'not sure' },
      ]);
      if (!picked.includes(NOT_SURE) && picked.length) entry[fact.name] = picked;
      continue;
    }
    const choices = fact.values.map((v) => ({ value: v, name: fact.options[v] ?? v }));
    // starting on "not sure": pressing Enter records nothing that was not answered
    const answer = await prompter.select(fact.question, [...choices, { value: NOT_SURE, name: 'not sure', description: 'leave it unset' }], NOT_SURE);
    if (answer === NOT_SURE) continue;
    entry[fact.name] = fact.kind === 'boolean' ? answer === 'true' : answer;
  }
  return entry;
}

/**
 * The loop (PRODUCT.md §1, `outcome`): what people said, what was done or could not be, and
 * when they were told. False when they leave the first question blank (then the yes/no
 * question about feedback is asked instead).
 */
async function askOutcome(prompter: Prompter, entry: Entry): Promise<boolean> {
  const said = (await prompter.input('What did people say or ask for? ("you said"; leave blank to skip)')).trim();
  if (!said) return false;
  const outcome: Record<string, string> = { you_said: said };
  const did = (await prompter.input('What did you do about it? ("we did"; leave blank if nothing yet)')).trim();
  if (did) outcome.we_did = did;
  else {
    const couldNot = (await prompter.input('What could not change, and why? (leave blank if it is still open)')).trim();
    if (couldNot) outcome.could_not = couldNot;
  }
  if (outcome.we_did || outcome.could_not) {
    const told = (await prompter.input('When were people told? (YYYY-MM-DD; leave blank if not yet)')).trim();
    if (isRealDate(told)) outcome.told_on = told;
  }
  entry.outcome = outcome;
  return true;
}

/** `matters`, with the (asynchronous) evaluations done first. */
async function mattersAsync(fact: FactDefinition, entry: Entry, ladderId: string, judge: (e: Entry) => Promise<ActivityResult>): Promise<boolean> {
  const results = new Map<string, ActivityResult>();
  for (const value of candidateValues(fact)) {
    const trial: Entry = { ...entry };
    if (value === undefined) delete trial[fact.name];
    else trial[fact.name] = value;
    results.set(JSON.stringify(trial), await judge(trial));
  }
  return matters(fact, entry, ladderId, (e) => results.get(JSON.stringify(e))!);
}

async function readAnswers(path: string, io: Io, extraFacts: FactDefinition[], resolveRef: RungRefResolver): Promise<Entry> {
  const source = await readSource(path, { stdin: io.stdin, label: 'answers file', cwd: io.cwd });
  const doc = parseLog(source);
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
    throw new InputError([{ file: source.name, line: 1, column: 1, field: '', message: 'expected one activity: a mapping with name, and the facts you know', expected: 'name: Menu survey\nsay: heard' }]);
  }
  // validated with located errors; the check moves `x-` fields aside, so it gets a copy and they are kept
  const entry = structuredClone(doc.value) as Entry;
  await readLog(doc, { extraFacts, resolveRef, single: true, folder: io.cwd });
  return entry;
}

export async function askCommand(options: AskOptions, io: Io, prompterFactory: () => Promise<Prompter> = inquirerPrompter): Promise<number> {
  const { config, registry } = await loadContext(io, options);
  // the log it is added to is read first: its own `ladder:` is the one its activities are placed on (as in `map`)
  // read once, before the questions: for its own ladder, and so that a log with problems is refused before them
  const appendLog = options.append && existsSync(resolve(io.cwd, options.append)) ? await readLogDocument(options.append, io, options.sheet) : undefined;
  const appendDoc = appendLog?.doc;
  const logLadder = appendDoc && !options.ladder?.length ? await ownLadder(appendDoc, io, registry) : undefined;
  const inUse = options.ladder?.length ? options.ladder : logLadder ? [] : configLadders(config);
  const primary = logLadder ?? (await registry.get(inUse[0] ?? DEFAULT_LADDER));
  // the other ladders in use (--ladder, else the config's unless the log names its own), not every shipped one
  const otherRefs = [...new Set(inUse.slice(1))];
  const others = (await Promise.all(otherRefs.map((ref) => registry.get(ref)))).filter((l, i, all) => l.id !== primary.id && all.findIndex((x) => x.id === l.id) === i);
  const ladders = [primary, ...others];
  const extraFacts = ladders.flatMap((l) => l.extraFacts).filter((f, i, all) => all.findIndex((x) => x.name === f.name) === i);
  const resolveRef = makeRungRefResolver(registry, ladders.map((l) => l.id));
  const inferrer = await makeInferrer(io, options, config, extraFacts, registry.snapshot);
  const judge = judgeOf(ladders, resolveRef, extraFacts, inferrer, options.append ? dirname(resolve(io.cwd, options.append)) : io.cwd);

  if (appendDoc) await validateLog(() => appendDoc, { extraFacts, resolveRef }, `${safeInline(options.append!)} has this problem already; nothing was written`, appendLog.table);

  let entry: Entry;
  if (options.answers) entry = await readAnswers(options.answers, io, extraFacts, resolveRef);
  else {
    if (!io.stdin.isTTY) {
      throw new UsageError('coprod ask asks questions, and needs a terminal to do so', 'to place activities from a file use `coprod map FILE`; to script this command, give the answers with `--answers FILE.yaml`');
    }
    entry = await askQuestions(await prompterFactory(), primary, judge, today(io.env));
  }

  const result = await judge(entry);
  const { colours, width } = destination({ color: options.color }, io).view;
  io.stdout.write(formatAnswer(result, primary, others, { colours, width: io.stdout.isTTY ? width : Math.min(width, 80) }));

  if (options.append) {
    const shown = options.append;
    // a symbolic link's target gets the entry, and the link stays
    const path = await writeTarget(resolve(io.cwd, shown));
    const format = logFormat(shown);
    const check = { extraFacts, resolveRef };
    const appended = await withFileLock(path, shown, () =>
      format === 'yaml' ? appendYaml(path, shown, entry, io, check) : appendRow(path, shown, format, entry, io, check, options.sheet),
    );
    const renamed = appended.renamedFrom ? ` (the id ${appended.renamedFrom} was taken)` : '';
    io.stderr.write(`${appended.created ? 'Created' : 'Added to'} ${safeInline(shown)}: "${safeInline(String(entry.name))}" as id ${appended.id}${renamed}.\n`);
  } else if (!options.quiet) {
    io.stderr.write('Keep it in your log with --append FILE.\n');
  }
  return 0;
}

/**
 * The ladder the log `--append` names as its own (`ladder:`, a name or a path relative to
 * the log, within its repository), if it names one; one it may not name is an error at
 * that field, as in `map`.
 */
async function ownLadder(doc: YamlDocument, io: Io, registry: LadderRegistry): Promise<Ladder | undefined> {
  const own = peekLadder(doc);
  if (!own) return undefined;
  try {
    return await registry.get(own, logFolder(doc, { folder: io.cwd }));
  } catch (error) {
    if (error instanceof UsageError) throw new InputError([ladderFieldProblem(doc, error)]);
    throw error;
  }
}

/**
 * A carriage return that does not end a CRLF pair is a line break to one YAML reader
 * and not to another: adding to such a file could not keep it as it is.
 */
function refuseLoneCarriageReturns(source: SourceText): void {
  const at = /\r(?!\n)/.exec(source.text)?.index;
  if (at === undefined) return;
  const before = source.text.slice(0, at);
  const line = before.split(/\r\n|\n/).length;
  const column = at - Math.max(before.lastIndexOf('\n'), -1);
  throw new InputError([
    {
      file: source.name,
      line,
      column,
      field: '',
      message: 'a line ends in a lone carriage return (CR)',
      expected: 'line endings LF or CRLF',
      help: 'save the file again with Windows (CRLF) or Unix (LF) line endings, then add to it; nothing was written',
    },
  ]);
}

/** Reads a log as `coprod map` would; its errors (parsing included) carry `hint` unless they have their own. */
/** `table`: a spreadsheet log, whose problems name the column by its header. */
async function validateLog(read: () => YamlDocument, options: Parameters<typeof readLog>[1], hint: string, table?: TableLog): Promise<ActivityLog> {
  try {
    return await readLog(read(), options);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.diagnostics.map((d) => ({ ...d, ...(table && d.field ? { field: table.shownField(d.field) } : {}), help: d.help ?? hint })));
    throw error;
  }
}

/** `--append` into a YAML log: the entry spliced in after the last activity (append.ts), every other byte kept. */
async function appendYaml(path: string, shown: string, entry: Entry, io: Io, check: Parameters<typeof readLog>[1]): Promise<{ id: string; created: boolean; renamedFrom?: string }> {
  let original: string | undefined;
  if (existsSync(path)) {
    // the same checks as any log (size, encoding, YAML, fields): a log with problems is never rewritten
    const source = await readSource(shown, { label: 'log file', cwd: io.cwd });
    await validateLog(() => parseLog(source), check, `${safeInline(shown)} has this problem already; nothing was written`);
    refuseLoneCarriageReturns(source);
    original = (source.bom ? '\ufeff' : '') + source.text;
  }
  let result;
  try {
    result = appendEntry(original, entry, await starterLog(path));
  } catch (error) {
    throw new InputError([{ file: shown, line: 1, column: 1, field: '', message: `cannot add to this log: ${(error as Error).message}`, help: 'check the file with `coprod map`; nothing was written' }]);
  }
  // the whole log must still be valid before anything is written
  await validateLog(() => parseLog({ name: shown, path, text: result.text.replace(/^\ufeff/, '') }), check, 'the new entry would leave the log invalid; nothing was written');
  await writeFileAtomic(path, result.text, { force: true, what: 'log', shownAs: shown, refuseReadOnly: true, refuseHardLinks: true });
  return { ...result, created: original === undefined };
}

/**
 * `--append` into a spreadsheet log: the entry as a new row (append-row.ts). The log is
 * checked first, the result is read back and checked before it is written, and the new
 * activity's id is the one coprod then reads for it. A missing file is created with
 * coprod's headers for the entry's fields.
 */
async function appendRow(
  path: string,
  shown: string,
  format: 'csv' | 'xlsx' | 'other-workbook',
  entry: Entry,
  io: Io,
  check: Parameters<typeof readLog>[1],
  sheet: string | undefined,
): Promise<{ id: string; created: boolean; renamedFrom?: string }> {
  if (format === 'other-workbook') throw new UsageError(`--append cannot write into ${safeInline(shown)}`, 'save it as an Excel workbook (.xlsx) or as CSV');
  const { readCsvLog } = await import('../../input/read-csv-log.js');
  const { readXlsxLog } = await import('../../input/read-xlsx-log.js');
  const { appendCsvRow, appendXlsxRow } = await import('../../ask/append-row.js');
  const { logTable } = await import('../../output/log-table.js');
  const created = !existsSync(path);
  const already = `${safeInline(shown)} has this problem already; nothing was written`;
  let written: string | Uint8Array;
  if (format === 'csv') {
    if (created) {
      const table = logTable({ activities: [entry] });
      const { stringify } = await import('csv-stringify/sync');
      written = `\ufeff${stringify([table.header, ...table.rows] as never, { record_delimiter: 'windows' })}`;
    } else {
      const source = await readSource(shown, { label: 'log file', cwd: io.cwd });
      const table = await readCsvLog(source);
      await validateLog(() => table.doc, check, already, table);
      written = (source.bom ? '\ufeff' : '') + (await appendCsvRow(source.text, table, entry));
    }
  } else if (created) {
    const table = logTable({ activities: [entry] }, 'cells');
    written = await workbookBytes([{ name: 'Log', header: table.header, rows: table.rows }]);
  } else {
    const file = await readBytes(shown, { label: 'log file', cwd: io.cwd });
    const table = await readXlsxLog(file, [], sheet);
    await validateLog(() => table.doc, check, already, table);
    const result = await appendXlsxRow(file.bytes, table, entry);
    if ('refused' in result) {
      throw new UsageError(`${safeInline(shown)} holds parts coprod would lose if it rewrote the workbook (${result.refused.slice(0, 3).map(safeInline).join(', ')}); nothing was written`, 'add the row in your spreadsheet program (coprod ask shows what to put in each column), or keep the log in a workbook without charts, pivot tables or macros');
    }
    written = result.bytes;
  }
  // the whole log, read back as coprod will read it, must still be valid
  const again = typeof written === 'string'
    ? await readCsvLog({ name: shown, path, text: written.replace(/^\ufeff/, '') })
    : await readXlsxLog({ name: shown, path, bytes: Buffer.from(written) }, [], sheet);
  const log = await validateLog(() => again.doc, check, 'the new row would leave the log invalid; nothing was written', again);
  await writeFileAtomic(path, written, { force: true, what: 'log', shownAs: shown, refuseReadOnly: true, refuseHardLinks: true });
  return { id: log.activities.at(-1)!.id, created };
}
