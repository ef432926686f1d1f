/**
 * Resolves the rung names users write in `target`, `claimed` and `participant_view`
 * ("co-design", "arnstein:placation") to a rung of a ladder, searching the file's
 * ladder, the run's ladders, then every shipped ladder; near misses get a suggestion.
 */
import type { LadderRegistry } from './ladder-registry.js';
import type { Ladder } from '../model/ladder.js';
import { InputError, UsageError } from './problem.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue } from '../text/terminal-text.js';
import type { RungRef } from '../model/activity.js';

export interface RefProblem {
  message: string;
  expected: string;
  help?: string;
}

/**
 * `logFolder`: the folder of the log the reference is written in (its ladder paths are
 * relative to it); undefined for a name given on the command line or in the config.
 */
export type RungRefResolver = (raw: string, fileLadder: string | undefined, logFolder: string | undefined) => Promise<RungRef | RefProblem>;

export function isRefProblem(r: RungRef | RefProblem): r is RefProblem {
  return (r as RefProblem).message !== undefined;
}

function findRung(ladder: Ladder, name: string) {
  const lower = name.toLowerCase();
  return ladder.rungs.find((r) => r.id === name) ?? ladder.rungs.find((r) => r.id === lower || r.name.toLowerCase() === lower);
}

export function makeRungRefResolver(registry: LadderRegistry, runLadders: readonly string[]): RungRefResolver {
  const cache = new Map<string, Promise<RungRef | RefProblem>>();
  const resolveOnce = async (raw: string, fileLadder: string | undefined, logFolder: string | undefined): Promise<RungRef | RefProblem> => {
    const text = raw.trim();
    const colon = text.indexOf(':');
    if (colon > 0) {
      const ladderId = text.slice(0, colon).trim();
      const rungId = text.slice(colon + 1).trim();
      let ladder: Ladder;
      try {
        ladder = await registry.get(ladderId, logFolder);
      } catch (error) {
        if (error instanceof InputError) return { message: `the ladder ${quoteValue(ladderId)} in ${quoteValue(text)} cannot be read`, expected: 'a ladder file (run `coprod ladders FILE` to see its problems)' };
        if (!(error instanceof UsageError)) throw error;
        const unknown = error.message.startsWith('unknown ladder');
        const problem: RefProblem = { message: unknown ? `unknown ladder ${quoteValue(ladderId)} in ${quoteValue(text)}` : error.message, expected: 'ladder:rung, e.g. "tlap:co-design"' };
        if (error.hint) problem.help = error.hint;
        return problem;
      }
      const rung = findRung(ladder, rungId);
      if (rung) return { raw: text, ladder, rung };
      const near = didYouMean(rungId, ladder.rungs.map((r) => r.id));
      const problem: RefProblem = { message: `${quoteValue(rungId)} is not a rung of ${ladder.id}`, expected: `one of ${ladder.rungs.map((r) => r.id).join(', ')}` };
      if (near) problem.help = `did you mean "${ladder.id}:${near}"?`;
      return problem;
    }
    const order = [...new Set([...(fileLadder ? [fileLadder] : []), ...runLadders, ...registry.shippedIds()])];
    const searched: Ladder[] = [];
    for (const id of order) {
      let ladder: Ladder;
      try {
        ladder = await registry.get(id, logFolder);
      } catch (error) {
        if (error instanceof UsageError || error instanceof InputError) continue;
        throw error;
      }
      searched.push(ladder);
      const rung = findRung(ladder, text);
      if (rung) return { raw: text, ladder, rung };
    }
    const all = [...new Set(searched.flatMap((l) => l.rungs.map((r) => r.id)))];
    const near = didYouMean(text, all);
    const primary = searched[0];
    const problem: RefProblem = {
      message: `${quoteValue(text)} is not a rung of any ladder`,
      expected: primary ? `a rung such as ${primary.rungs.map((r) => r.id).join(', ')}, or "ladder:rung"` : 'a rung id',
    };
    if (near) problem.help = `did you mean "${near}"?`;
    return problem;
  };
  return (raw, fileLadder, logFolder) => {
    const key = `${logFolder ?? ''}\u0000${fileLadder ?? ''}\u0000${raw}`;
    let found = cache.get(key);
    if (!found) {
      found = resolveOnce(raw, fileLadder, logFolder);
      cache.set(key, found);
    }
    return found;
  };
}
