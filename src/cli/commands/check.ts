/** `coprod check FILE…`: applies the policy (config and flags) and exits 1 on any error finding. */
import { plural } from '../../text/plural.js';
import { dirname, resolve } from 'node:path';
import type { ActivityLog } from '../../model/activity.js';
import { streamLogs } from '../../assess/map-log.js';
import { readLog, parseLog } from '../../input/read-log.js';
import { makeRungRefResolver } from '../../input/rung-ref.js';
import { changedActivities, fileAtRef } from '../../check/changed-since.js';
import { applyPolicy } from '../../check/apply-policy.js';
import { buildPolicy, type PolicyFlags } from '../../check/policy.js';
import { InputError } from '../../input/problem.js';
import { destination, emit } from '../output.js';
import { CHECK_FORMATS, pickFormat } from '../formats.js';
import type { Io } from '../io.js';
import { configLadders, loadInputs } from '../load-inputs.js';
import { makeInferrer } from '../make-inferrer.js';
import type { CommonOptions } from '../options.js';
import { safeInline } from '../../text/terminal-text.js';

export interface CheckOptions extends CommonOptions, PolicyFlags {
  changedSince?: string;
}

export async function checkCommand(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const { name, format } = pickFormat(CHECK_FORMATS, options.format);
  const inputs = await loadInputs(files, io, options, (config, extraFacts, registry) => makeInferrer(io, options, config, extraFacts, registry.snapshot));
  const policyRef = configLadders(inputs.config)[0];
  const policyLadder = policyRef ? await inputs.registry.get(policyRef) : inputs.ladders[0]!;
  const ladders = inputs.ladders.includes(policyLadder) ? inputs.ladders : [policyLadder, ...inputs.ladders];
  const policy = await buildPolicy(policyLadder, inputs.registry, inputs.config, options);

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
  const check = applyPolicy(results, inputs.logs, policy, only ? (r) => only!.has(r.activity) : undefined);
  const { view } = destination(options, io);
  let text = await format(check, view);
  if (name === 'text' && options.changedSince) text = `Checking ${check.activities.length} of ${plural(check.total, 'activity', 'activities')} changed since ${safeInline(options.changedSince)}.\n${text as string}`;
  await emit(text, options, io, inputs.inputs);
  return check.exitCode;
}
