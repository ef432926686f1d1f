/**
 * Each command's output formats as a table: the name given to --format and the
 * formatter it loads when asked for. The first is the default; --help and the "did you
 * mean" for an unknown name read the names from here. Formatters only format.
 */
import type { MapResult } from '../assess/map-log.js';
import type { CheckResult } from '../check/apply-policy.js';
import type { EvidenceResult } from '../assess/evidence.js';
import { today } from './today.js';
import type { Ladder } from '../model/ladder.js';
import type { CrosswalkShown } from '../output/crosswalk/cell-text.js';
import type { ReportModel } from '../output/report/model.js';
import type { View } from '../output/view.js';
import { VERSION } from '../input/version.js';
import type { Output } from './output.js';
import { checkChoice } from './options.js';

type Formatter<S> = (subject: S, view: View) => Promise<Output>;
type Formats<S> = Readonly<Record<string, Formatter<S>>>;

export const MAP_FORMATS: Formats<MapResult> = {
  table: async (r, v) => (await import('../output/map/table.js')).formatTable(r, v),
  json: async (r, v) => (await import('../output/map/json.js')).formatJson(r, v.pretty),
  markdown: async (r) => (await import('../output/map/markdown.js')).formatMarkdown(r),
  csv: async (r) => (await import('../output/map/csv.js')).formatCsv(r),
  yaml: async (r) => (await import('../output/map/yaml.js')).formatYaml(r),
  xlsx: async (r) => (await import('../output/map/xlsx.js')).formatXlsx(r),
};

export const CHECK_FORMATS: Formats<CheckResult> = {
  text: async (c, v) => (await import('../output/check/text.js')).formatCheckText(c, v.colours, v.cwd, v.quiet, v.width),
  json: async (c, v) => (await import('../output/check/json.js')).formatCheckJson(c, c.exitCode, v.cwd, v.env),
  github: async (c, v) => (await import('../output/check/github.js')).formatCheckGithub(c, v.cwd, v.env),
  junit: async (c, v) => (await import('../output/check/junit.js')).formatCheckJunit(c, v.cwd, v.env),
  sarif: async (c, v) => (await import('../output/check/sarif.js')).formatCheckSarif(c, VERSION, v.cwd, v.env),
  gitlab: async (c, v) => (await import('../output/check/gitlab.js')).formatCheckGitlab(c, v.cwd, v.env),
};

export const REPORT_FORMATS: Formats<ReportModel> = {
  html: async (m) => (await import('../output/report/html.js')).formatReportHtml(m),
  markdown: async (m) => (await import('../output/report/markdown.js')).formatReportMarkdown(m),
  board: async (m) => (await import('../output/report/board.js')).formatBoard(m),
};

export const EVIDENCE_FORMATS: Formats<readonly EvidenceResult[]> = {
  table: async (e, v) => (await import('../output/evidence/text.js')).formatEvidenceText(e, v),
  markdown: async (e) => (await import('../output/evidence/markdown.js')).formatEvidenceMarkdown(e),
  json: async (e, v) => (await import('../output/evidence/json.js')).formatEvidenceJson(e, v.pretty),
  html: async (e, v) => (await import('../output/evidence/html.js')).formatEvidenceHtml(e, today(v.env)),
};

export const LADDERS_FORMATS: Formats<Ladder | readonly Ladder[]> = {
  text: async (l, v) => (await import('../output/ladders/text.js')).formatLaddersText(l, v),
  json: async (l) => (await import('../output/ladders/json.js')).formatLaddersJson(l),
  markdown: async (l) => (await import('../output/ladders/markdown.js')).formatLaddersMarkdown(l),
};

export const CROSSWALK_FORMATS: Formats<CrosswalkShown> = {
  text: async (c, v) => (await import('../output/crosswalk/text.js')).formatCrosswalkText(c, v),
  json: async (c) => (await import('../output/crosswalk/json.js')).formatCrosswalkJson(c),
  markdown: async (c) => (await import('../output/crosswalk/markdown.js')).formatCrosswalkMarkdown(c),
};

/** The names a table offers, the default first. */
export function formatNames(formats: Formats<never>): string[] {
  return Object.keys(formats);
}

/** The formatter --format names (the default without one), or a usage error with "did you mean". */
export function pickFormat<S>(formats: Formats<S>, name: string | undefined): { name: string; format: Formatter<S> } {
  const names = Object.keys(formats);
  const chosen = checkChoice(name, names, names[0]!, 'format');
  return { name: chosen, format: formats[chosen]! };
}
