/** `coprod check FILE…`: applies the policy (config and flags) and exits 1 on any error finding. */
import { dirname, resolve } from 'node:path';
import type { ActivityLog } from '../../core/activity.js';
import { streamLogs } from '../../core/map-log.js';
import { readLog, parseLog } from '../../core/read-log.js';
import { makeRungRefResolver } from '../../core/rung-ref.js';
import { changedActivities, fileAtRef } from '../../check/changed-since.js';
import { checkExitCode, evaluate } from '../../check/evaluate.js';
import { buildPolicy, type PolicyFlags } from '../../check/policy.js';
import { InputError } from '../../errors/diagnostic.js';
import { formatCheckGithub } from '../../format/check/github.js';
import { formatCheckJson } from '../../format/check/json.js';
import { formatCheckJunit } from '../../format/check/junit.js';
import { formatCheckSarif } from '../../format/check/sarif.js';
import { formatCheckText } from '../../format/check/text.js';
import { colourLevel, makeChalk } from '../colour.js';
import { emit, type Output } from '../emit.js';
import type { Io } from '../io.js';
import { configLadders, loadRun } from '../load-run.js';
import { makeInferrer } from '../make-inferrer.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { VERSION } from '../version.js';
import { safeInline } from '../../util/terminal-text.js';

export const CHECK_FORMATS = ['text', 'json', 'github', 'junit', 'sarif'] as const;

export interface CheckOptions extends CommonOptions, PolicyFlags {
  changedSince?: string;
}

export async function checkCommand(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, CHECK_FORMATS, 'text');
  const run = await loadRun(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const policyRef = configLadders(run.config)[0];
  const policyLadder = policyRef ? await run.registry.get(policyRef) : run.ladders[0]!;
  const ladders = run.ladders.includes(policyLadder) ? run.ladders : [policyLadder, ...run.ladders];
  const policy = await buildPolicy(policyLadder, run.registry, run.config, options);

  let only: Set<unknown> | undefined;
  if (options.changedSince) {
    const previous = new Map<string, ActivityLog | undefined>();
    const resolveRef = makeRungRefResolver(run.registry, ladders.map((l) => l.id));
    const extraFacts = ladders.flatMap((l) => l.extraFacts);
    for (const log of run.logs) {
      if (log.file === '<stdin>') continue;
      const text = await fileAtRef(log.file, options.changedSince, io.cwd);
      if (text === undefined) {
        previous.set(log.file, undefined);
        continue;
      }
      try {
        previous.set(log.file, await readLog(parseLog({ name: log.file, path: null, text }), { extraFacts, resolveRef, folder: dirname(resolve(io.cwd, log.file)) }));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        previous.set(log.file, undefined); // an invalid old version: judge everything
      }
    }
    only = changedActivities(run.logs, previous);
  }
  // results are assessed as the policy takes them, and not kept (a big log's would fill memory)
  const results = streamLogs(run.logs, ladders, run.inferrer).results;
  const check = evaluate(results, run.logs, policy, only ? (r) => only!.has(r.activity) : undefined);
  const code = checkExitCode(check);
  let text: Output;
  switch (format) {
    case 'json':
      text = formatCheckJson(check, code, io.cwd, io.env);
      break;
    case 'github':
      text = formatCheckGithub(check, io.cwd, io.env);
      break;
    case 'junit':
      text = formatCheckJunit(check);
      break;
    case 'sarif':
      text = formatCheckSarif(check, VERSION, io.cwd, io.env);
      break;
    default: {
      const toFile = !!options.output && options.output !== '-';
      text = formatCheckText(check, makeChalk(toFile ? 0 : colourLevel(io, io.stdout, options.color)), io.cwd);
      if (options.changedSince) text = `Checking ${check.activities.length} of ${check.total} activities changed since ${safeInline(options.changedSince)}.\n${text}`;
    }
  }
  await emit(text, options, io, run.inputs);
  return code;
}
