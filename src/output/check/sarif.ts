/**
 * `coprod check --format sarif`: SARIF 2.1.0, as GitHub code scanning and Microsoft's
 * SARIF tools read it: every rule with its description, help and the docs section that
 * explains it; a result per finding at its file (a percent-encoded path relative to the
 * repository root, `%SRCROOT%`), line and column; a stable fingerprint per activity and
 * rule; and the invocation, naming the config the policy came from.
 */
import { pathToFileURL } from 'node:url';
import type { CheckResult, Finding } from '../../check/apply-policy.js';
import { ALL_RULES } from '../../check/rules.js';
import { docsUrl, HOME } from '../../input/version.js';
import { safeBlock } from '../../text/terminal-text.js';
import { repoPath, repoRoot } from './paths.js';
import { fingerprint } from './fingerprint.js';
import { findingText } from './finding-text.js';

const ROOT = '%SRCROOT%';

/** A relative path as a URI reference: each segment percent-encoded (spaces, accents, `#`, `%`). */
export function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(f: Finding, cwd: string, env: Record<string, string | undefined>) {
  const region = { startLine: f.line, startColumn: f.column };
  // standard input has no URI: it is described instead
  if (f.file === '<stdin>') return { physicalLocation: { artifactLocation: { description: { text: 'standard input' } }, region } };
  const path = repoPath(f.file, cwd, env);
  const relative = !path.startsWith('/') && !/^[A-Za-z]:/.test(path);
  const artifactLocation = relative ? { uri: uriOf(path), uriBaseId: ROOT } : { uri: pathToFileURL(path).href };
  return { physicalLocation: { artifactLocation, region } };
}


export function formatCheckSarif(check: CheckResult, version: string, cwd: string, env: Record<string, string | undefined>): string {
  const ruleIds = ALL_RULES.map((r) => r.id);
  const configFile = check.policy.configFile ? repoPath(check.policy.configFile, cwd, env) : null;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'coprod',
            version,
            semanticVersion: version,
            informationUri: HOME,
            rules: ALL_RULES.map((rule) => ({
              id: rule.id,
              name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: `${rule.description} See ${docsUrl('ci.md', rule.id)}`, markdown: `${rule.description} [How to clear it](${docsUrl('ci.md', rule.id)})` },
              helpUri: docsUrl('ci.md', rule.id),
              defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : rule.defaultSeverity === 'warn' ? 'warning' : 'none' },
            })),
          },
        },
        originalUriBaseIds: { [ROOT]: { uri: `${pathToFileURL(repoRoot(cwd, env)).href.replace(/\/?$/, '/')}` } },
        // the run's configuration: which config file the policy came from (none: the defaults)
        invocations: [{ executionSuccessful: check.invalidFiles === 0, properties: { configFile } }],
        results: check.findings.map((f) => ({
          ruleId: f.id,
          ruleIndex: ruleIds.indexOf(f.id),
          level: f.level === 'error' ? 'error' : 'warning',
          message: { text: safeBlock(findingText(f)) },
          locations: [location(f, cwd, env)],
          partialFingerprints: { 'coprodFinding/v1': fingerprint(f, cwd, env) },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
