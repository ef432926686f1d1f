// End to end: evidence against the frameworks a service is inspected on (PRODUCT.md §3b).
// Each shipped framework on a log built to meet it fully, and on one that misses every
// requirement; the period; groups with small counts hidden; a service's own framework
// file (the shipped example) and a broken one (located errors, "did you mean"); every
// format; the report's sections; evidence files (evidence-missing, a path leaving the
// repository); the loop (outcome gives feedback_given).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { coprod, ROOT, tempDir } from '../helpers/cli.js';

const tmp = tempDir();
const dir = tmp.dir;
afterAll(() => tmp.cleanup());
mkdirSync(join(dir, '.git'));
mkdirSync(join(dir, 'minutes'));
writeFileSync(join(dir, 'minutes', 'march.md'), 'minutes');
writeFileSync(join(dir, 'minutes', 'may.md'), 'minutes');
// "today" for the period: 1 December 2026
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) };
const run = (args: string[]) => coprod(args, { cwd: dir, env });

const closed = (you: string, did: string, on: string) => ({ you_said: you, we_did: did, told_on: on, told_how: ['newsletter'] });
const FULL = {
  service: 'Riverside Homes',
  groups: ['residents', 'families', 'Welsh speakers'],
  activities: [
    { name: 'Five-year plan with tenants', date: '2026-03-01', level: 'strategic', participants: ['residents', 'Welsh speakers', 'Healthwatch'], say: 'joint', stages: ['strategy', 'design', 'delivery'], before_decision: true, evidence: ['minutes/march.md'], outcome: closed('Repairs first', 'Repairs budget doubled', '2026-04-01') },
    { name: 'Tenant scrutiny panel', date: '2026-05-01', participants: ['residents'], say: 'lead', initiated_by: 'people', stages: ['design', 'review'], before_decision: true, evidence: ['minutes/may.md'], outcome: closed('Answer the phone faster', 'A second call handler', '2026-06-01') },
    { name: 'Families forum', date: '2026-07-01', participants: ['families'], say: 'influence', stages: ['review'], before_decision: true, outcome: { you_said: 'Longer visiting hours', could_not: 'Night staff cannot cover it; we explained why', told_on: '2026-07-20' } },
    { name: 'Newsletter', date: '2026-08-01', participants: ['residents'], say: 'told' },
  ],
};
const EMPTY = { groups: ['residents'], activities: [{ name: 'Staff rota changed', date: '2026-02-01', say: 'none' }] };
writeFileSync(join(dir, 'full.yaml'), JSON.stringify(FULL));
writeFileSync(join(dir, 'empty.yaml'), JSON.stringify(EMPTY));

interface Shown {
  frameworks: Array<{ id: string; activities: number; leftOut: number; summary: Record<string, number>; requirements: Array<{ id: string; status: string; found: string; next?: string; activities: Array<{ name: string; line: number }> }>; groups: Array<{ group: string; activities: number | string; highestSay: string | null }> }>;
}
const evidence = (log: string, ...more: string[]): Shown => {
  const r = run(['evidence', log, '-f', 'json', ...more]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Shown;
};
const SHIPPED = readdirSync(join(ROOT, 'frameworks')).map((f) => f.replace(/\.yaml$/, ''));

describe('the shipped frameworks', () => {
  it('are cqc, nhse-ppc and rsh-tia, each valid against `coprod schema framework`, each citing its source', () => {
    expect(SHIPPED.sort()).toEqual(['cqc', 'nhse-ppc', 'rsh-tia']);
    const schema = JSON.parse(run(['schema', 'framework']).stdout);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const id of SHIPPED) {
      const data = parse(readFileSync(join(ROOT, 'frameworks', `${id}.yaml`), 'utf8'));
      expect(validate(data), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(data.source.url).toMatch(/^https:\/\/www\.(cqc\.org\.uk|gov\.uk|england\.nhs\.uk)\//);
    }
  });

  it.each(['cqc', 'rsh-tia', 'nhse-ppc'])('%s: a log built to meet it is evidenced throughout, with the activities behind each requirement', (id) => {
    const [f] = evidence('full.yaml', '--framework', id).frameworks;
    expect(f!.requirements.filter((r) => r.status !== 'evidenced').map((r) => `${r.id}: ${r.found}`)).toEqual([]);
    expect(f!.requirements.every((r) => r.activities.length > 0 && r.next === undefined)).toBe(true);
    expect(f!.summary).toEqual({ evidenced: f!.requirements.length, partly: 0, notEvidenced: 0 });
  });

  it.each(['cqc', 'rsh-tia', 'nhse-ppc'])('%s: a log where people took no part misses every requirement, each with its next step', (id) => {
    const [f] = evidence('empty.yaml', '--framework', id).frameworks;
    expect(f!.requirements.map((r) => r.status)).toEqual(f!.requirements.map(() => 'not-evidenced'));
    expect(f!.requirements.every((r) => typeof r.next === 'string' && r.next.length > 10)).toBe(true);
  });

  it('partly: some of what a requirement asks; the found text says how much', () => {
    // without its outcome, one of the three activities that sought views is not closed
    const log = structuredClone(FULL);
    delete (log.activities[2] as Record<string, unknown>).outcome;
    writeFileSync(join(dir, 'partly.yaml'), JSON.stringify(log));
    const told = evidence('partly.yaml', '--framework', 'cqc').frameworks[0]!.requirements.find((r) => r.id === 'listening.told')!;
    expect(told).toMatchObject({ status: 'partly', found: '2 of 3 activities (67%; 80% needed)' });
    expect(told.activities.map((a) => a.name)).toEqual(['Five-year plan with tenants', 'Tenant scrutiny panel']);
  });
});

describe('the period and the groups', () => {
  it("counts only activities dated in the period: the framework's 12 months by default, --period, --since/--until", () => {
    const old = structuredClone(FULL);
    old.activities.push({ name: 'Old survey', date: '2024-01-01', say: 'heard', participants: ['residents'] } as never, { name: 'Undated chat', say: 'heard' } as never);
    writeFileSync(join(dir, 'old.yaml'), JSON.stringify(old));
    expect(evidence('old.yaml', '--framework', 'cqc').frameworks[0]).toMatchObject({ activities: 4, leftOut: 2 });
    expect(evidence('old.yaml', '--framework', 'cqc', '--period', 'all').frameworks[0]).toMatchObject({ activities: 6, leftOut: 0 });
    expect(evidence('old.yaml', '--framework', 'cqc', '--since', '2026-05-01', '--until', '2026-07-31').frameworks[0]).toMatchObject({ activities: 2 });
    const bad = run(['evidence', 'old.yaml', '--framework', 'cqc', '--period', '12 months']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--period "12 months" is not a period[\s\S]*12m/);
  });

  it('shows per group the highest say, counts under 5 as "fewer than 5", and the groups never heard', () => {
    const [f] = evidence('empty.yaml', '--framework', 'cqc').frameworks;
    expect(f!.groups).toEqual([{ group: 'residents', activities: 0, highestSay: null, highestRung: null }]);
    const [g] = evidence('full.yaml', '--framework', 'cqc').frameworks;
    expect(g!.groups.find((x) => x.group === 'residents')).toMatchObject({ activities: 'fewer than 5', highestSay: 'lead' });
    const text = run(['evidence', 'empty.yaml', '--framework', 'cqc']).stdout;
    expect(text).toMatch(/residents: none; never involved · not yet heard/);
    expect(text).toMatch(/✖ not evidenced +equity\.reach/);
  });
});

describe("a service's own framework", () => {
  it('the shipped example works with no code, from the command line and from the config', () => {
    const example = join(ROOT, 'examples', 'council-coproduction-standards.yaml');
    const [f] = evidence(join(ROOT, 'examples', 'oakwood-care-home.yaml'), '--framework', example, '--period', 'all').frameworks;
    expect(f!.id).toBe('northshire-standards');
    expect(f!.requirements.length).toBeGreaterThanOrEqual(4);
    writeFileSync(join(dir, 'coprod.config.yaml'), `frameworks: [cqc, ${JSON.stringify(example)}]\n`);
    expect(evidence('full.yaml').frameworks.map((x) => x.id)).toEqual(['cqc', 'northshire-standards']);
    const report = run(['report', 'full.yaml', '-f', 'markdown']).stdout;
    expect(report).toMatch(/^## Evidence against CQC single assessment framework/m);
    expect(report).toMatch(/^## You said, we did/m);
    expect(report).toMatch(/^\| Families forum \| Longer visiting hours \| Could not: Night staff cannot cover it/m);
    writeFileSync(join(dir, 'coprod.config.yaml'), 'ladder: tlap\n');
  });

  it('a broken framework file: every problem located, with a "did you mean"; nothing evaluated', () => {
    writeFileSync(
      join(dir, 'ours.yaml'),
      [
        'id: ours',
        'name: Our standards',
        'source: { title: T, body: Council, year: 2026, url: https://example.org }',
        'description: d',
        'requirements:',
        '  - id: a',
        '    title: A',
        '    description: d',
        '    evidence: { count: { where: { fact: sya, atLeast: heard }, atLeast: 1 } }',
        '    next: n',
        '  - id: b',
        '    title: B',
        '    description: d',
        '    evidence: { share: { where: { flag: feedbak-missing }, atLeast: 0.5 } }',
        '    next: n',
        '  - id: c',
        '    title: C',
        '    description: d',
        '    evidence: { count: { where: { has: outcome.toldon }, atLeast: 1 } }',
        '    nxt: n',
      ].join('\n'),
    );
    const r = run(['evidence', 'full.yaml', '--framework', 'ours.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ours\.yaml:20:5: error: .*unknown field "nxt"[\s\S]*did you mean "next"/m);
    // the shape is checked first; with it right, the references are
    writeFileSync(join(dir, 'ours.yaml'), readFileSync(join(dir, 'ours.yaml'), 'utf8').replace('nxt:', 'next:'));
    const refs = run(['evidence', 'full.yaml', '--framework', 'ours.yaml']);
    expect(refs.code).toBe(2);
    expect(refs.stderr).toMatch(/^ours\.yaml:9:\d+: error: .*unknown fact "sya"[\s\S]*did you mean "say"/m);
    expect(refs.stderr).toMatch(/^ours\.yaml:14:\d+: error: .*"feedbak-missing" is not a flag[\s\S]*did you mean "feedback-missing"/m);
    expect(refs.stderr).toMatch(/^ours\.yaml:19:\d+: error: .*"outcome\.toldon" is not a field of an activity[\s\S]*did you mean "outcome\.told_on"/m);
    const unknown = run(['evidence', 'full.yaml', '--framework', 'cqq']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no framework "cqq"[\s\S]*did you mean cqc\?/);
    expect(run(['evidence', 'full.yaml']).stderr).toMatch(/name a framework with --framework/);
  });
});

describe('formats', () => {
  it('table, markdown and html say the same; user text is escaped', () => {
    const hostile = structuredClone(FULL);
    hostile.activities[0]!.name = '<script>alert(1)</script> plan';
    writeFileSync(join(dir, 'hostile.yaml'), JSON.stringify(hostile));
    const md = run(['evidence', 'hostile.yaml', '--framework', 'rsh-tia', '-f', 'markdown']).stdout;
    expect(md).toMatch(/^# Evidence against RSH Transparency, Influence and Accountability Standard/m);
    expect(md).toMatch(/^\| 1\.3 \| Engagement: views taken into account, and tenants told how \| \*\*evidenced\*\* \|/m);
    expect(md).not.toContain('<script>');
    const html = run(['evidence', 'hostile.yaml', '--framework', 'rsh-tia', '-f', 'html']).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; plan');
    expect(html).not.toContain('<script>');
    expect(run(['evidence', 'hostile.yaml', '--framework', 'rsh-tia']).stdout).toMatch(/^6 evidenced · 0 partly · 0 not evidenced$/m);
  });
});

describe('evidence files and the loop', () => {
  it('a missing evidence file is flagged (a check rule with a policy level); one outside the repository is refused', () => {
    writeFileSync(join(dir, 'files.yaml'), 'activities:\n  - name: Panel\n    say: heard\n    evidence: [minutes/march.md, minutes/june.md, minutes]\n');
    const r = run(['check', 'files.yaml', '-f', 'json']);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'evidence-missing');
    expect(found).toMatchObject([{ severity: 'warn', line: 2, message: 'minutes/june.md does not exist; minutes is not a file' }]);
    writeFileSync(join(dir, 'coprod.config.yaml'), 'policy:\n  evidence-missing: error\n');
    expect(run(['check', 'files.yaml']).code).toBe(1);
    writeFileSync(join(dir, 'coprod.config.yaml'), 'ladder: tlap\n');
    writeFileSync(join(dir, 'outside.yaml'), 'activities:\n  - name: Panel\n    say: heard\n    evidence: [../../../etc/passwd]\n');
    const out = run(['map', 'outside.yaml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^outside\.yaml:4:16: error: evidence, item 1 \(activity 1\): the evidence file "\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the log's repository/m);
    expect(out.stderr).not.toMatch(/root:/);
  });

  it('an outcome gives feedback_given: true when it says what was done and when people were told, false while still open', () => {
    writeFileSync(join(dir, 'loop.yaml'), JSON.stringify({ activities: [FULL.activities[2], { name: 'Open', say: 'heard', outcome: { you_said: 'More trips' } }] }));
    const [closedOne, open] = JSON.parse(run(['map', 'loop.yaml', '-f', 'json']).stdout).activities;
    expect(closedOne.facts.feedback_given).toEqual({ value: true, basis: 'declared', evidence: 'outcome: told on 2026-07-20' });
    expect(open.facts.feedback_given).toMatchObject({ value: false });
    expect(open.flags).toContain('feedback-missing');
    // spreadsheet columns carry it too
    writeFileSync(join(dir, 'loop.csv'), 'Activity,Say,You said,We did,Told on\nMenu panel,heard,Lighter suppers,Soup at 6pm,02/04/2026\n');
    const [row] = JSON.parse(run(['map', 'loop.csv', '-f', 'json']).stdout).activities;
    expect(row.facts.feedback_given).toMatchObject({ value: true, evidence: 'outcome: told on 2026-04-02' });
  });
});
