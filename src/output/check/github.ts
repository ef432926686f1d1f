/**
 * `coprod check --format github`: GitHub Actions workflow commands, so each finding
 * shows on the pull request at its line. Data is escaped as the runner requires
 * (% CR LF in messages; also : and , in properties). GitHub shows only the first 10
 * error and 10 warning annotations of a step, so the job summary (GITHUB_STEP_SUMMARY)
 * gets every count and the first findings in Markdown.
 */
import { plural } from '../../text/plural.js';
import type { CheckResult } from '../../check/apply-policy.js';
import { safeBlock, safeInline } from '../../text/terminal-text.js';
import { repoPath } from './paths.js';
import { findingText } from './finding-text.js';
import { markdownText } from '../../text/markdown-escape.js';
import { ALL_RULES } from '../../check/rules.js';

// user text first gets the visible escapes every output uses, then the runner's own
function escapeData(s: string): string {
  return safeBlock(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return safeInline(s).replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatCheckGithub(check: CheckResult, cwd: string, env: Record<string, string | undefined>): string {
  const lines = check.findings.map((f) => {
    const command = f.level === 'error' ? 'error' : 'warning';
    const props = `file=${escapeProperty(repoPath(f.file, cwd, env))},line=${f.line},col=${f.column},title=${escapeProperty(`coprod ${f.id}`)}`;
    return `::${command} ${props}::${escapeData(findingText(f))}`;
  });
  lines.push(`coprod: ${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')} in ${plural(check.activities.length, 'activity', 'activities')} (ladder ${check.policy.ladder.id})`);
  if (check.errors > ANNOTATIONS_SHOWN || check.warnings > ANNOTATIONS_SHOWN) {
    lines.push(`::notice title=coprod::GitHub shows ${ANNOTATIONS_SHOWN} annotations of each kind; all ${check.findings.length} findings are listed above and in the job summary`);
  }
  return `${lines.join('\n')}\n`;
}

/** How many error (and warning) annotations GitHub shows for one step. */
const ANNOTATIONS_SHOWN = 10;
/** How many findings the job summary lists before "N more". */
const SUMMARY_LISTED = 50;

/** The job summary: counts per rule, then the first findings with their place and next step. */
export function formatGithubSummary(check: CheckResult, cwd: string, env: Record<string, string | undefined>): string {
  const lines = [`## coprod check: ${check.errors ? '✖' : '✔'} ${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')}`, ''];
  lines.push(`${plural(check.activities.length, 'activity', 'activities')} checked against ${markdownText(check.policy.ladder.id)}.`, '');
  if (check.findings.length) {
    lines.push('| rule | errors | warnings |', '| --- | --- | --- |');
    for (const rule of ALL_RULES) {
      const of = check.findings.filter((f) => f.id === rule.id);
      if (of.length) lines.push(`| \`${rule.id}\` | ${of.filter((f) => f.level === 'error').length} | ${of.filter((f) => f.level !== 'error').length} |`);
    }
    lines.push('', '| where | level | rule | finding | next step |', '| --- | --- | --- | --- | --- |');
    for (const f of check.findings.slice(0, SUMMARY_LISTED)) {
      const who = f.activity?.name ? `${f.activity.name}: ` : '';
      lines.push(`| ${markdownText(`${repoPath(f.file, cwd, env)}:${f.line}`)} | ${f.level} | \`${f.id}\` | ${markdownText(`${who}${f.message}`)} | ${markdownText(f.help)} |`);
    }
    const more = check.findings.length - SUMMARY_LISTED;
    if (more > 0) lines.push('', `… and ${more} more (run \`coprod check\` to see them all).`);
  }
  return `${lines.join('\n')}\n`;
}
