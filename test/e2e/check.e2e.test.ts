// End to end: `coprod check` as CI runs it. Each rule at each severity, each format
// checked structurally, exit codes, config errors, --changed-since on a real git repo.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, tempDir } from '../helpers/cli.js';
import { sarifProblems } from '../helpers/sarif-schema.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
/** A folder with a log and (optionally) a config. */
function project(log: string, config?: string): string {
  const dir = join(tmp.dir, `p${++n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'log.yaml'), log);
  if (config !== undefined) writeFileSync(join(dir, 'coprod.config.yaml'), config);
  return dir;
}

const LOG = `service: Test home
activities:
  - name: Menu survey
    say: heard
    before_decision: false
    feedback_given: false
    claimed: co-production
    support: { notice_days: 2 }
  - name: Garden group
    say: joint
    stages: [design, delivery]
  - name: Fire talk
    say: told
  - name: Team meeting
  - name: Strategy board
    level: strategic
    say: influence
    participant_view: consultation
    description: Residents were not consulted.
`;

const check = (dir: string, args: string[] = []) => coprod(['check', 'log.yaml', ...args], { cwd: dir });

describe('reading from words in the gate', () => {
  const STRATEGY = '- name: Our strategy\n  description: We co-produced our strategy with tenants through an online survey.\n';

  it('"co-produced … through an online survey", claimed as co-design, fails overclaim: error', () => {
    const r = check(project(`${STRATEGY}  claimed: co-design\n`, 'policy:\n  overclaim: error\n'));
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/error +overclaim +Our strategy: claimed co-design \(tlap\) but the evidence places it at consultation/);
  });

  it('the label alone, with no claim declared, is read as the claim and fails too', () => {
    const r = check(project(STRATEGY, 'policy:\n  overclaim: error\n'));
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/error +overclaim +Our strategy: the words call it co-production \("We co-produced our strategy with tenants through an online survey"\) but the evidence places it at consultation/);
  });
});

describe('rules and severities', () => {
  it('defaults: overclaim is an error (exit 1); the rest warn', () => {
    const r = check(project(LOG));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3:5 +error +overclaim +Menu survey: claimed co-production \(tlap\) but the evidence places it at consultation/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/→ Claim consultation, or reach co-production: involve people before the decision is made/);
    expect(r.stdout).toMatch(/warn +after-decision/);
    expect(r.stdout).toMatch(/warn +feedback-missing/);
    expect(r.stdout).toMatch(/warn +unclassified +Team meeting/);
    expect(r.stdout).toMatch(/warn +perception-gap +Strategy board/);
    expect(r.stdout).toMatch(/warn +contradiction +Strategy board/);
    expect(r.stdout).not.toMatch(/no-support/);
  });

  it.each([
    ['overclaim', 'off', 0],
    ['unclassified', 'error', 1],
    ['after-decision', 'error', 1],
    ['feedback-missing', 'error', 1],
    ['perception-gap', 'error', 1],
    ['no-support', 'error', 1],
    ['contradiction', 'error', 1],
  ])('%s: %s from the config', (rule, severity, code) => {
    const others = ['overclaim', 'unclassified', 'after-decision', 'feedback-missing', 'perception-gap', 'no-support', 'contradiction']
      .filter((r) => r !== rule)
      .map((r) => `  ${r}: off`)
      .join('\n');
    const r = check(project(LOG, `policy:\n  ${rule}: ${severity}\n${others}\n`), ['--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(code);
    if (severity === 'off') expect(json.findings).toEqual([]);
    else expect(json.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual([`${rule}:error`]);
  });

  it('warnings only exit 0; --max-warnings makes too many warnings fail', () => {
    const dir = project(LOG, 'policy:\n  overclaim: warn\n');
    expect(check(dir).code).toBe(0);
    expect(check(dir, ['--max-warnings', '2']).code).toBe(1);
    expect(check(dir, ['--max-warnings', '100']).code).toBe(0);
  });

  it('a misspelt --min-rung gets the nearest rung and the list of valid ones, exit 2', () => {
    const r = check(project(LOG), ['--min-rung', 'cosign']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--min-rung: "cosign" is not a rung of any ladder/);
    expect(r.stderr).toMatch(/did you mean "co-design"\? rungs of tlap: coercion, educating, informing, consultation, engagement, co-design, co-production/);
  });

  it('min-rung: error below it, with the steps to reach it', () => {
    const r = check(project(LOG, 'policy:\n  min-rung: consultation\n  overclaim: off\n'), ['--format', 'json']);
    const min = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'min-rung');
    expect(min.map((f: { activityName: string }) => f.activityName)).toEqual(['Fire talk']);
    expect(min[0].fix).toMatch(/Ask for people's views before deciding/);
    expect(r.code).toBe(1);
  });

  it('min-rung-by-level applies to that level only', () => {
    const r = check(project(LOG, 'policy:\n  min-rung-by-level: { strategic: co-design }\n  overclaim: off\n'), ['--format', 'json']);
    const min = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'min-rung');
    expect(min.map((f: { activityName: string; message: string }) => `${f.activityName}: ${f.message}`)).toEqual(['Strategy board: at engagement, below the minimum co-design for strategic activities']);
  });

  it('max-share: a band above its share is an error located in the config', () => {
    const r = check(project(LOG, 'policy:\n  overclaim: off\n  max-share: { band: tokenism, share: 0.2 }\n'), ['--format', 'json']);
    const f = JSON.parse(r.stdout).findings.find((x: { rule: string }) => x.rule === 'max-share');
    expect(f).toMatchObject({ file: expect.stringContaining('coprod.config.yaml'), line: 3, severity: 'error' });
    expect(f.message).toMatch(/60% of activities \(3 of 5\) are in the Tokenism band; the policy allows at most 20%/);
    expect(r.code).toBe(1);
  });

  it('flags override the config', () => {
    const dir = project(LOG, 'policy:\n  overclaim: error\n');
    expect(check(dir, ['--off', 'overclaim']).code).toBe(0);
    expect(check(dir, ['--off', 'overclaim', '--fail-on', 'unclassified']).code).toBe(1);
    const r = check(dir, ['--off', 'overclaim', '--min-rung', 'engagement', '--format', 'json']);
    expect(JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'min-rung')).toHaveLength(2);
  });

  it('a clean log passes', () => {
    const r = check(project('- name: Garden group\n  say: joint\n  stages: [design, delivery]\n'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ No problems \(1 activity checked against tlap; default policy, no config file\)/);
  });
});

// an input problem is a finding of check (rule invalid-input), as the JSON format writes it
const inputFindings = (r: { stdout: string }): string[] =>
  (JSON.parse(r.stdout).findings as Array<{ rule: string; file: string; line: number; column: number; message: string; fix: string }>)
    .filter((f) => f.rule === 'invalid-input')
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.message} | ${f.fix}`);

describe('bad input is exit 2', () => {
  it('a misspelt rung in the config and a mistake in the log are reported in the same run', () => {
    const r = check(project('activities:\n  - name: Survey\n    say: sharing\n', 'policy:\n  min-rung: consultaton\n'), ['-f', 'json']);
    expect(r.code).toBe(2);
    const found = inputFindings(r);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^coprod\.config\.yaml:2:13 policy\.min-rung: "consultaton" is not a rung.*did you mean "consultation"/);
    expect(found[1]).toMatch(/^log\.yaml:3:10 say \(activity 1\): "sharing" is not a valid value/);
    // in text, they are findings like any other, and the total says the files were not checked
    const text = check(project('activities:\n  - name: Survey\n    say: sharing\n', 'policy:\n  min-rung: consultaton\n'));
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/3:10 +error +invalid-input +say \(activity 1\): "sharing" is not a valid/);
    expect(text.stdout).toMatch(/✖ 2 files could not be checked \(invalid-input\)/);
  });

  it('a config with a mistyped rule name', () => {
    const r = check(project(LOG, 'policy:\n  overclaims: error\n'), ['-f', 'json']);
    expect(r.code).toBe(2);
    expect(inputFindings(r)[0]).toMatch(/^coprod\.config\.yaml:2:3 policy\.overclaims: unknown field "overclaims"/);
    expect(inputFindings(r)[0]).toContain('Did you mean "overclaim"?');
    // the message names the flag the user gave
    const off = check(project(LOG), ['--off', 'overclam']);
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/^coprod: --off: unknown rule "overclam"\n  hint: did you mean "overclaim"\?/);
  });

  it('a config with a bad severity and an unknown rung', () => {
    const a = check(project(LOG, 'policy:\n  overclaim: fatal\n'), ['-f', 'json']);
    expect(a.code).toBe(2);
    expect(inputFindings(a)[0]).toMatch(/^coprod\.config\.yaml:2:14 .*"fatal" is not a valid value/);
    const b = check(project(LOG, 'policy:\n  min-rung: consultaton\n'), ['-f', 'json']);
    expect(b.code).toBe(2);
    expect(inputFindings(b)[0]).toMatch(/^coprod\.config\.yaml:2:13 policy\.min-rung: "consultaton" is not a rung of any ladder; did you mean "consultation"\?/);
  });

  it('a config naming a missing cue file or an unknown ladder is located at that entry', () => {
    const cues = check(project(LOG, 'cues: [team-cuse.yaml]\n'), ['-f', 'json']);
    expect(cues.code).toBe(2);
    expect(inputFindings(cues)[0]).toMatch(/^coprod\.config\.yaml:1:8 cues\[0\]: no such file "team-cuse\.yaml"/);
    const ladder = check(project(LOG, 'ladder: [tlap, arnstien]\n'), ['-f', 'json']);
    expect(ladder.code).toBe(2);
    expect(inputFindings(ladder)[0]).toMatch(/^coprod\.config\.yaml:1:16 ladder\[1\]: unknown ladder "arnstien"/);
    expect(inputFindings(ladder)[0]).toContain('Did you mean "arnstein"?');
  });

  it('an unknown rule in a flag', () => {
    const r = check(project(LOG), ['--fail-on', 'overclaimed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "overclaim"?');
  });

  it('an invalid log', () => {
    expect(check(project('- name: A\n  say: loads\n')).code).toBe(2);
  });
});

describe('formats', () => {
  it('json lists findings with file, line, column, rule and fix', () => {
    const json = JSON.parse(check(project(LOG), ['-f', 'json']).stdout);
    expect(json).toMatchObject({ ladder: 'tlap', activities: 5, exitCode: 1 });
    expect(json.findings[0]).toMatchObject({ rule: expect.any(String), severity: expect.any(String), file: 'log.yaml', line: expect.any(Number), column: expect.any(Number), fix: expect.any(String) });
  });

  it('-q lists the errors only; the totals still count the warnings', () => {
    const dir = project('- name: A\n  say: heard\n  claimed: co-design\n  before_decision: false\n');
    const full = check(dir).stdout;
    expect(full).toMatch(/after-decision/);
    const quiet = check(dir, ['-q']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toMatch(/error +overclaim/);
    expect(quiet.stdout).not.toMatch(/after-decision/);
    expect(quiet.stdout).toMatch(/2 problems \(1 error, 1 warning\)/);
  });

  it('github: workflow commands with escaped data', () => {
    const dir = project('- name: "Menu, survey: 100%\\nnew"\n  say: heard\n  claimed: co-design\n');
    const out = check(dir, ['-f', 'github']).stdout;
    const line = out.split('\n').find((l) => l.startsWith('::error'))!;
    expect(line).toMatch(/^::error file=log\.yaml,line=1,col=3,title=coprod overclaim::Menu, survey: 100%25%0Anew: claimed co-design/);
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
    // counts of one are singular
    expect(out).toMatch(/^coprod: 1 error, 0 warnings in 1 activity \(ladder tlap\)$/m);
  });

  it('github paths are relative to GITHUB_WORKSPACE', () => {
    const dir = project(LOG);
    const out = coprod(['check', join(dir, 'log.yaml'), '-f', 'github'], { cwd: tmp.dir, env: { GITHUB_WORKSPACE: tmp.dir } }).stdout;
    expect(out).toMatch(new RegExp(`file=p${n}/log\\.yaml,line=3`));
  });

  it('junit: one testcase per activity, failures for errors, valid escaped XML', () => {
    const dir = project('- name: "<Menu> & \\"survey\\" \\u0001]]>"\n  say: heard\n  claimed: co-design\n- name: Fine\n  say: joint\n');
    const r = check(dir, ['-f', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(r.stdout).not.toContain('\u0001');
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name) }).parse(r.stdout);
    const suite = xml.testsuites.testsuite[0];
    expect(suite['@_name']).toBe('log.yaml');
    expect(Number(suite['@_tests'])).toBe(2);
    expect(Number(suite['@_failures'])).toBe(1);
    // the control character is shown escaped, as in every output
    expect(suite.testcase[0]['@_name']).toBe('<Menu> & "survey" \\u0001]]> (menu-survey)');
    expect(suite.testcase[0].failure[0]['@_type']).toBe('overclaim');
    expect(suite.testcase[1].failure).toBeUndefined();
  });

  it('sarif: valid against the official 2.1.0 schema, with rule help, encoded relative URIs and the config used', () => {
    const dir = project(LOG, 'policy:\n  overclaim: error\n');
    mkdirSync(join(dir, 'logs #1'));
    writeFileSync(join(dir, 'logs #1', 'résidents 100%.yaml'), LOG);
    writeFileSync(join(dir, 'logs #1', 'broken.yaml'), '- name: A\n  say: loads\n');
    const r = coprod(['check', 'log.yaml', 'logs #1', '-f', 'sarif'], { cwd: dir });
    expect(r.code).toBe(2);
    const sarif = JSON.parse(r.stdout);
    expect(sarifProblems(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toEqual(['min-rung', 'overclaim', 'unclassified', 'after-decision', 'feedback-missing', 'perception-gap', 'no-support', 'contradiction', 'not-involved', 'evidence-missing', 'max-share', 'max-warnings', 'invalid-input']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*/docs/ci\\.md#${rule.id}$`));
    }
    expect(run.invocations[0].properties.configFile).toBe('coprod.config.yaml');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    const uris = [...new Set(run.results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => x.locations[0]!.physicalLocation.artifactLocation.uri))];
    expect(uris).toEqual(['log.yaml', 'logs%20%231/broken.yaml', 'logs%20%231/r%C3%A9sidents%20100%25.yaml']);
    for (const res of run.results) {
      expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(res.partialFingerprints['coprodFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'invalid-input').locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 8 });
    // the same findings in the same files, moved down a line, keep their fingerprints
    writeFileSync(join(dir, 'log.yaml'), `# a comment\n${LOG}`);
    const moved = JSON.parse(coprod(['check', 'log.yaml', 'logs #1', '-f', 'sarif'], { cwd: dir }).stdout).runs[0].results;
    expect(moved.map((x: { partialFingerprints: object }) => x.partialFingerprints)).toEqual(run.results.map((x: { partialFingerprints: object }) => x.partialFingerprints));
  });

  it('standard input in SARIF is described, not given an invalid URI', () => {
    const r = coprod(['check', '-', '-f', 'sarif'], { input: LOG });
    const sarif = JSON.parse(r.stdout);
    expect(sarifProblems(sarif)).toEqual([]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ description: { text: 'standard input' } });
  });

  it('--output writes the report and keeps the exit code', () => {
    const dir = project(LOG);
    const r = check(dir, ['-f', 'sarif', '-o', 'out.sarif']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(check(dir, ['-f', 'sarif', '-o', 'out.sarif']).code).toBe(2);
  });
});

describe('--changed-since', () => {
  it('judges only activities added or changed since the ref', () => {
    const dir = project('- name: Old overclaim\n  say: heard\n  claimed: co-design\n- name: Kept\n  say: joint\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(join(dir, 'log.yaml'), '- name: Old overclaim\n  say: heard\n  claimed: co-design\n- name: Kept\n  say: joint\n- name: New overclaim\n  say: told\n  claimed: consultation\n');
    const all = check(dir, ['-f', 'json']);
    expect(JSON.parse(all.stdout).findings.filter((f: { rule: string }) => f.rule === 'overclaim')).toHaveLength(2);
    const changed = check(dir, ['-f', 'json', '--changed-since', 'HEAD']);
    const json = JSON.parse(changed.stdout);
    expect(json.activities).toBe(1);
    expect(json.findings.map((f: { activityName: string }) => f.activityName)).toEqual(['New overclaim']);
    expect(changed.code).toBe(1);
    const text = check(dir, ['--changed-since', 'HEAD']).stdout;
    expect(text).toMatch(/Checking 1 of 3 activities changed since HEAD/);
    const bad = check(dir, ['--changed-since', 'no-such-ref']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown git ref "no-such-ref"/);
  });
});
