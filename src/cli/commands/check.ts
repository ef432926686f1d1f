/** `coprod check FILE…`: applies the policy (config and flags) and exits 1 on any error finding. */
import { plural } from '../../text/plural.js';
import { appendFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ActivityLog } from '../../model/activity.js';
import { streamLogs } from '../../assess/map-log.js';
import { readLog, parseLog } from '../../input/read-log.js';
import { makeRungRefResolver } from '../../input/rung-ref.js';
import { changedActivities, fileAtRef } from '../../check/changed-since.js';
import { applyPolicy, withInputProblems, type CheckResult } from '../../check/apply-policy.js';
import { buildPolicy, type Policy, type PolicyFlags } from '../../check/policy.js';
import { InputError, problemsOf, UsageError, type Diagnostic } from '../../input/problem.js';
import { destination, emit } from '../output.js';
import { CHECK_FORMATS, pickFormat } from '../formats.js';
import type { Io } from '../io.js';
import { configLadders, DEFAULT_LADDER, loadContext, loadInputs, type Inputs } from '../load-inputs.js';
import { LadderRegistry } from '../../input/ladder-registry.js';
import { openSnapshot } from '../../input/snapshot.js';
import type { View } from '../../output/view.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { safeInline } from '../../text/terminal-text.js';

export interface CheckOptions extends CommonOptions, PolicyFlags {
  changedSince?: string;
}

/** The config's policy problems (misspelt rungs and bands), when the run stopped before the policy was built. */
async function policyProblems(io: Io, options: CheckOptions): Promise<Diagnostic[]> {
  try {
    const { config, registry } = await loadContext(io, options);
    if (!config?.data.policy) return [];
    const ref = configLadders(config)[0] ?? options.ladder?.[0] ?? 'tlap';
    await buildPolicy(await registry.get(ref), registry, config, {});
  } catch (error) {
    // a config that cannot be read at all says so among the run's own errors (kept once)
    if (error instanceof InputError) return error.diagnostics;
  }
  return [];
}

const key = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}:${d.message}`;

export async function checkCommand(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const { name } = pickFormat(CHECK_FORMATS, options.format);
  const { view } = destination(options, io);
  // a file that cannot be used is a finding (invalid-input) in the chosen format, and the other files are still checked
  let inputs: Inputs;
  try {
    inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot), true);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const seen = new Set(error.diagnostics.map(key));
    const problems = problemsOf([...error.diagnostics, ...(await policyProblems(io, options)).filter((d) => !seen.has(key(d)))]);
    return emitCheck(withInputProblems(await emptyCheck(io), problems), name, view, options, io, [], files);
  }
  const policyRef = configLadders(inputs.config)[0];
  const policyLadder = policyRef ? await inputs.registry.get(policyRef) : inputs.ladders[0]!;
  const ladders = inputs.ladders.includes(policyLadder) ? inputs.ladders : [policyLadder, ...inputs.ladders];
  let policy: Policy;
  try {
    policy = await buildPolicy(policyLadder, inputs.registry, inputs.config, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return emitCheck(withInputProblems(await emptyCheck(io), [...inputs.problems, ...error.problems()]), name, view, options, io, inputs.inputs, files);
  }

  let only: Set<unknown> | undefined;
  if (options.changedSince) {
    const previous = new Map<string, ActivityLog | undefined>();
    const resolveRef = makeRungRefResolver(inputs.registry, ladders.map((l) => l.id));
    const extraFacts = ladders.flatMap((l) => l.extraFacts);
    for (const log of inputs.logs) {
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
    only = changedActivities(inputs.logs, previous);
  }
  // results are assessed as the policy takes them, and not kept (a big log's would fill memory)
  const results = streamLogs(inputs.logs, ladders, inputs.inferrer).results;
  const check = withInputProblems(applyPolicy(results, inputs.logs, policy, only ? (r) => only!.has(r.activity) : undefined), inputs.problems);
  return emitCheck(check, name, view, options, io, inputs.inputs, files);
}

/** Writes the check in the chosen format; its exit code is the run's. */
async function emitCheck(check: CheckResult, name: string, view: View, options: CheckOptions, io: Io, inputs: string[], files: readonly string[]): Promise<number> {
  let text = await CHECK_FORMATS[name]!(check, view);
  if (name === 'text' && options.changedSince) text = `Checking ${check.activities.length} of ${plural(check.total, 'activity', 'activities')} changed since ${safeInline(options.changedSince)}.\n${text as string}`;
  // a run that could read nothing still must not write over the files it was given
  await emit(text, options, io, inputs.length ? inputs : files.map((f) => (f === '-' ? '-' : resolve(io.cwd, f))));
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (name === 'github' && summary) {
    const { formatGithubSummary } = await import('../../output/check/github.js');
    try {
      await appendFile(summary, formatGithubSummary(check, io.cwd, io.env));
    } catch (error) {
      throw new UsageError(`cannot add to the job summary (GITHUB_STEP_SUMMARY): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  return check.exitCode;
}

/** A check of nothing, on the default ladder: what the findings of files that could not be used are added to. */
async function emptyCheck(io: Io): Promise<CheckResult> {
  const registry = new LadderRegistry(io.cwd, [], openSnapshot());
  return applyPolicy([], [], await buildPolicy(await registry.get(DEFAULT_LADDER), registry, undefined, {}));
}
