/**
 * `coprod check --format junit`: a test suite per file, a test case per activity (so
 * passes count) with at most one failure listing all its error findings (some readers
 * keep only the first of several); warnings go to the case's system-out. Paths are
 * relative to the repository; a class name has no dots (Jenkins reads "log.yaml" as the
 * class "yaml" of a package "log"). Built with an XML library; characters XML 1.0
 * forbids are removed first.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { CheckResult, Finding } from '../../check/apply-policy.js';
import { pushTo } from '../group.js';
import { safeBlock } from '../../text/terminal-text.js';
import { repoPath } from './paths.js';
import { shownPlace } from '../../input/problem.js';

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Control characters shown escaped, as in every output; what XML 1.0 forbids outright removed. */
const clean = (s: string): string => safeBlock(s).replace(XML_ILLEGAL, '');

interface Case {
  name: string;
  classname: string;
  failures: Finding[];
  warnings: Finding[];
}

/** A file's path as a class name a JUnit reader keeps whole: no extension, no dots. */
export function className(path: string): string {
  return path.replace(/\.(ya?ml|json|csv|xlsx)$/i, '').replace(/\./g, '_');
}

export function formatCheckJunit(check: CheckResult, cwd: string, env: Record<string, string | undefined>): string {
  const suites = new Map<string, Case[]>();
  const caseFor = new Map<string, Case>();
  const shown = (file: string): string => repoPath(file, cwd, env);
  for (const a of check.activities) {
    const file = shown(a.source.file);
    const c: Case = { name: `${a.name} (${a.id})`, classname: className(file), failures: [], warnings: [] };
    pushTo(suites, file, c);
    caseFor.set(`${file}\u0000${a.id}`, c);
  }
  const other = new Map<string, Case>();
  for (const f of check.findings) {
    const file = shown(f.file);
    let c = f.activity?.id ? caseFor.get(`${file}\u0000${f.activity.id}`) : undefined;
    if (!c) {
      // a finding about the file or the policy: one case per kind and file
      const name = f.id === 'invalid-input' ? 'invalid input: the file could not be checked' : `policy: ${f.id}`;
      c = other.get(`${file}\u0000${name}`);
      if (!c) {
        c = { name, classname: className(file), failures: [], warnings: [] };
        other.set(`${file}\u0000${name}`, c);
        pushTo(suites, file, c);
      }
    }
    (f.level === 'error' ? c.failures : c.warnings).push(f);
  }
  if (suites.size === 0) suites.set('coprod', [{ name: 'no activities', classname: 'coprod', failures: [], warnings: [] }]);

  const testsuite = [...suites].map(([file, cases]) => ({
    '@_name': clean(file),
    '@_tests': cases.length,
    '@_failures': cases.filter((c) => c.failures.length).length,
    '@_errors': 0,
    '@_skipped': 0,
    testcase: cases.map((c) => {
      const tc: Record<string, unknown> = { '@_classname': clean(c.classname), '@_name': clean(c.name) };
      if (c.failures.length) {
        const rules = [...new Set(c.failures.map((f) => f.id))];
        tc.failure = {
          '@_type': rules.join(','),
          '@_message': clean(c.failures.length === 1 ? c.failures[0]!.message : `${c.failures.length} errors: ${rules.join(', ')}`),
          '#text': clean(c.failures.map((f) => `${shown(f.file)}:${shownPlace(f)} ${f.id}: ${f.message}\nNext step: ${f.help}`).join('\n\n')),
        };
      }
      if (c.warnings.length) tc['system-out'] = clean(c.warnings.map((f) => `warning ${f.id}: ${f.message}. Next step: ${f.help}`).join('\n'));
      return tc;
    }),
  }));
  const tests = testsuite.reduce((n, s) => n + s['@_tests'], 0);
  const failures = testsuite.reduce((n, s) => n + s['@_failures'], 0);
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, processEntities: true, suppressEmptyNode: true });
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'coprod check', '@_tests': tests, '@_failures': failures, '@_errors': 0, testsuite },
  }) as string;
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}
