/**
 * The policy a check applies: the config's `policy:` with command-line flags on top,
 * every rung name resolved against the policy's ladder (located errors in the config,
 * usage errors for flags).
 */
import type { Severity, PolicyFile } from '../input/config-schema.js';
import type { LoadedConfig } from '../input/load-config.js';
import type { Level } from '../model/facts-model.js';
import { InputError, UsageError, fieldPath, type Diagnostic } from '../input/problem.js';
import { locate, type PathSegment } from '../input/yaml-source.js';
import type { Ladder, Rung } from '../model/ladder.js';
import type { LadderRegistry } from '../input/ladder-registry.js';
import { didYouMean } from '../text/did-you-mean.js';
import { quoteValue } from '../text/terminal-text.js';
import { RULES, RULE_IDS, type RuleId } from './rules.js';
import { isRefProblem, makeRungRefResolver } from '../input/rung-ref.js';

export interface RungTarget {
  ladder: Ladder;
  rung: Rung;
}

export interface MaxShare {
  band: string;
  share: number;
  severity: Severity;
  /** where it is set, for locating findings */
  source?: { file: string; line: number; column: number };
}

export interface Policy {
  /** The ladder the policy's rung names and bands refer to. */
  ladder: Ladder;
  severities: Record<Exclude<RuleId, 'max-share'>, Severity>;
  minRung?: RungTarget;
  minRungByLevel: Partial<Record<Level, RungTarget>>;
  maxShare: MaxShare[];
  /** -1 or undefined: no limit */
  maxWarnings?: number;
  /** Where the limit is set: its line in the config; none when --max-warnings set it. */
  maxWarningsAt?: { file: string; line: number; column: number };
  /** The config file the policy came from (absolute), if any: every format names it. */
  configFile?: string;
}

export interface PolicyFlags {
  minRung?: string;
  failOn?: string[];
  warnOn?: string[];
  off?: string[];
  maxWarnings?: string;
}

/** A rung the policy names (its own ladder's, or "ladder:rung"), found as a log's rung names are; else what is wrong. */
async function resolveRung(ladder: Ladder, registry: LadderRegistry, name: string): Promise<RungTarget | string> {
  const found = await makeRungRefResolver(registry, [ladder.id])(name, ladder.id, undefined);
  if (isRefProblem(found)) return `${found.message}${found.help ? `; ${found.help}` : ''}`;
  return { ladder: found.ladder, rung: found.rung };
}

function checkRuleNames(names: readonly string[], flag: string): RuleId[] {
  return names.map((n) => {
    if ((RULE_IDS as readonly string[]).includes(n)) return n as RuleId;
    const near = didYouMean(n, RULE_IDS);
    throw new UsageError(`${flag}: unknown rule ${quoteValue(n, 80)}`, `${near ? `did you mean "${near}"? ` : ''}rules: ${RULE_IDS.join(', ')}`);
  });
}

export async function buildPolicy(ladder: Ladder, registry: LadderRegistry, config: LoadedConfig | undefined, flags: PolicyFlags): Promise<Policy> {
  const file: PolicyFile = config?.data.policy ?? {};
  const severities = Object.fromEntries(
    RULE_IDS.filter((r) => r !== 'max-share').map((r) => [r, (r === 'min-rung' ? undefined : (file[r as keyof PolicyFile] as Severity | undefined)) ?? RULES[r].defaultSeverity]),
  ) as Policy['severities'];
  if (file['min-rung-severity']) severities['min-rung'] = file['min-rung-severity'];
  const policy: Policy = { ladder, severities, minRungByLevel: {}, maxShare: [] };
  if (config) policy.configFile = config.file;

  // rung names in the config: located errors
  const problems: Diagnostic[] = [];
  const where = (path: PathSegment[]) => (config ? locate(config.doc, path) : { line: 1, column: 1 });
  const fromConfig = async (name: string, path: PathSegment[]): Promise<RungTarget | undefined> => {
    const r = await resolveRung(ladder, registry, name);
    if (typeof r !== 'string') return r;
    problems.push({ file: config!.file, ...where(path), field: fieldPath(path), message: r, expected: `a rung of ${ladder.id}: ${ladder.rungs.map((x) => x.id).join(', ')}` });
    return undefined;
  };
  if (file['min-rung']) {
    const r = await fromConfig(file['min-rung'], ['policy', 'min-rung']);
    if (r) policy.minRung = r;
  }
  for (const level of ['individual', 'service', 'strategic'] as const) {
    const name = file['min-rung-by-level']?.[level];
    if (!name) continue;
    const r = await fromConfig(name, ['policy', 'min-rung-by-level', level]);
    if (r) policy.minRungByLevel[level] = r;
  }
  const shares = file['max-share'] === undefined ? [] : Array.isArray(file['max-share']) ? file['max-share'] : [file['max-share']];
  for (let i = 0; i < shares.length; i++) {
    const s = shares[i]!;
    const path: PathSegment[] = Array.isArray(file['max-share']) ? ['policy', 'max-share', i] : ['policy', 'max-share'];
    const bands = ladder.bands.map((b) => b.id);
    if (!bands.includes(s.band)) {
      const near = didYouMean(s.band, bands);
      const d: Diagnostic = { file: config!.file, ...where([...path, 'band']), field: fieldPath([...path, 'band']), message: `${quoteValue(s.band)} is not a band of ${ladder.id}`, expected: `one of ${bands.join(', ')}` };
      if (near) d.help = `did you mean "${near}"?`;
      problems.push(d);
      continue;
    }
    policy.maxShare.push({ band: s.band, share: s.share, severity: s.severity ?? 'error', source: { file: config!.file, ...where(path) } });
  }
  if (problems.length) throw new InputError(problems);
  if (file['max-warnings'] !== undefined) {
    policy.maxWarnings = file['max-warnings'];
    policy.maxWarningsAt = { file: config!.file, ...where(['policy', 'max-warnings']) };
  }

  // flags win over the config
  if (flags.minRung) {
    const found = await makeRungRefResolver(registry, [ladder.id])(flags.minRung, ladder.id, undefined);
    if (isRefProblem(found)) {
      const rungs = `rungs of ${ladder.id}: ${ladder.rungs.map((x) => x.id).join(', ')}`;
      throw new UsageError(`--min-rung: ${found.message}`, found.help ? `${found.help} ${rungs}` : rungs);
    }
    policy.minRung = { ladder: found.ladder, rung: found.rung };
  }
  for (const id of checkRuleNames(flags.failOn ?? [], '--fail-on')) setSeverity(policy, id, 'error');
  for (const id of checkRuleNames(flags.warnOn ?? [], '--warn-on')) setSeverity(policy, id, 'warn');
  for (const id of checkRuleNames(flags.off ?? [], '--off')) setSeverity(policy, id, 'off');
  if (flags.maxWarnings !== undefined) {
    const n = Number(flags.maxWarnings);
    if (!Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings: expected a whole number, got ${quoteValue(flags.maxWarnings, 80)}`);
    policy.maxWarnings = n;
    delete policy.maxWarningsAt;
  }
  return policy;
}

function setSeverity(policy: Policy, id: RuleId, severity: Severity): void {
  if (id === 'max-share') for (const s of policy.maxShare) s.severity = severity;
  else policy.severities[id] = severity;
}
