/** `coprod check --format sarif`: SARIF 2.1.0, one rule per policy rule, physical locations per finding. */
import type { CheckResult } from '../../check/apply-policy.js';
import { RULES, RULE_IDS } from '../../check/rules.js';
import { repoPath } from './paths.js';

export function formatCheckSarif(check: CheckResult, version: string, cwd: string, env: Record<string, string | undefined>): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'coprod',
            version,
            rules: RULE_IDS.map((id) => ({
              id,
              name: RULES[id].title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: RULES[id].title },
              fullDescription: { text: RULES[id].description },
              defaultConfiguration: { level: RULES[id].defaultSeverity === 'error' ? 'error' : RULES[id].defaultSeverity === 'warn' ? 'warning' : 'none' },
            })),
          },
        },
        // the run's configuration: which config file the policy came from (none: the defaults)
        invocations: [{ executionSuccessful: true, properties: { configFile: check.policy.configFile ? repoPath(check.policy.configFile, cwd, env) : null } }],
        results: check.findings.map((f) => ({
          ruleId: f.id,
          ruleIndex: RULE_IDS.indexOf(f.id),
          level: f.level === 'error' ? 'error' : 'warning',
          message: { text: `${f.activity?.name ? `${f.activity?.name}: ` : ''}${f.message}. Next step: ${f.help}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: repoPath(f.file, cwd, env) },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          ...(f.activity?.id ? { partialFingerprints: { activity: `${repoPath(f.file, cwd, env)}#${f.activity?.id}#${f.id}` } } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
