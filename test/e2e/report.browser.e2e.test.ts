// End to end in a real browser: the generated HTML opened in headless Chromium (Debian's
// package, driven by playwright-core). The ladder and tables render with the right
// counts, a hostile activity name is only text, nothing runs, axe-core finds no WCAG 2.2
// AA violation, the page fits a phone's width, and screenshots at 375 and 1280 px are saved.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { coprod, ROOT, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const why = hasChromium ? '' : ` (skipped: ${CHROMIUM} not found; install it with apt-get install -y chromium, as .ci/run does)`;

const HOSTILE = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
const LOG = `service: "Browser <test> home"
activities:
  - { name: ${JSON.stringify(HOSTILE)}, date: 2026-02-01, say: heard, participants: ["<b>residents</b>"], claimed: co-production }
  - { name: Newsletter, date: 2026-02-10, say: told, participants: [families] }
  - { name: Garden, date: 2026-05-01, say: joint, stages: [design, delivery], participants: [residents] }
  - { name: Forum, date: 2026-06-01, say: influence, participants: [residents] }
  - { name: Second survey, date: 2026-07-01, say: heard }
  - { name: Team meeting }
  - { name: Menu tasting, date: 2026-07-10, description: "Residents tasted the dishes at the tasting day and said which they liked. As a result the chef kept the most popular ones for the menu." }
`;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG22AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(!hasChromium)(`coprod report in Chromium${why}`, () => {
  const tmp = tempDir();
  const report = join(tmp.dir, 'report.html');
  let browser: Browser;

  // the other pages: the report with evidence against two frameworks, the evidence page, the notice board
  const pages = ['report.html', 'full.html', 'evidence.html', 'board.html'].map((f) => join(tmp.dir, f));

  beforeAll(async () => {
    writeFileSync(join(tmp.dir, 'log.yaml'), LOG);
    const r = coprod(['report', 'log.yaml', '--output', 'report.html'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const oakwood = join(ROOT, 'examples/oakwood-care-home.yaml');
    for (const args of [
      ['report', oakwood, '--framework', 'cqc,rsh-tia', '--period', 'all', '-o', 'full.html'],
      ['evidence', oakwood, '--framework', 'cqc,nhse-ppc', '--period', 'all', '-f', 'html', '-o', 'evidence.html'],
      ['report', oakwood, '--format', 'board', '-o', 'board.html'],
    ]) expect(coprod(args, { cwd: tmp.dir }).code).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--disable-dev-shm-usage', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    tmp.cleanup();
  });

  it('renders the ladder, the tables and the trend with the expected counts; nothing runs', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(report).href);

    // the ladder: every rung drawn, top first, occupied rungs link to their activities
    const ladder = page.locator('svg.ladder-wide');
    await expect(ladder.isVisible()).resolves.toBe(true);
    const labels = await ladder.locator('text.rung-label').allTextContents();
    expect(labels[0]).toBe('7 · Co-production');
    expect(labels).toContain('1 · Coercion');
    expect(await ladder.locator('a').count()).toBe(5); // co-production, engagement, consultation, informing, unclassified
    expect(await ladder.locator('a[href="#rung-consultation"] text.rung-count').textContent()).toBe('2 activities');
    expect(await page.locator('svg.ladder-narrow').isVisible()).toBe(false);

    // tables: counts per rung, and every activity listed under its rung
    const consultationRow = page.locator('#ladder table tbody tr', { hasText: '4. Consultation' });
    expect(await consultationRow.locator('td.num').textContent()).toBe('2');
    expect(await page.locator('#rung-consultation tbody tr').count()).toBe(2);
    expect(await page.locator('#activities tbody tr').count()).toBe(7);
    expect(await page.locator('#trend svg.trend').count()).toBe(1);
    expect(await page.locator('#who tbody tr').count()).toBe(3); // <b>residents</b>, families, residents
    // where a section rests on a field some activities lack, it says so
    expect(await page.locator('#who p.muted').textContent()).toContain('3 activities of 7 name nobody');
    // an inferred placement shows its description and the words each fact rests on
    const why = page.locator('#activities details.why');
    expect(await why.count()).toBe(1);
    await why.locator('summary').click();
    expect(await why.innerText()).toMatch(/say: influence, from .*the chef kept the most popular ones/);

    // a rung is a link to its activities
    await ladder.locator('a[href="#rung-consultation"]').click();
    expect(new URL(page.url()).hash).toBe('#rung-consultation');

    // hostile text is text: shown literally, no element made, no script run
    const body = await page.locator('body').innerText();
    expect(body).toContain('<img src=x onerror="window.__pwned=1;alert(1)">');
    expect(body).toContain('<b>residents</b>');
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);

    // accessible: one h1, section headings, table headers, text alternatives for the charts
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h2').count()).toBe(8);
    // the loop: none recorded in this log, and the page says how to record one
    expect(await page.locator('#loop').innerText()).toMatch(/No activity records an outcome yet/);
    expect(await page.locator('svg[role="img"] > title, svg[role="group"] > title').count()).toBe(3);
    expect(await page.locator('th[scope]').count()).toBeGreaterThan(20);

    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ROOT, 'test-output', 'report-1280.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('meets WCAG 2.2 AA by axe-core at phone and desktop widths: the report, with evidence, the evidence page and the notice board', async () => {
    for (const file of pages) {
      for (const width of [375, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(pathToFileURL(file).href);
        // evaluated through the debugging protocol: the page's own policy still forbids every script
        await page.evaluate(AXE);
        const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG22AA)} } })`)) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
        expect(result.violations.map((v) => `${file} ${width}px ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        // and nothing is wider than a phone's screen
        if (width === 375) expect(await page.evaluate('document.documentElement.scrollWidth'), file).toBeLessThanOrEqual(375);
        await page.close();
      }
    }
  });

  it('the report carries "You said, we did", the groups and the evidence; the board is one A4 page in large type', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(pages[1]!).href);
    expect(await page.locator('#loop tbody tr').first().innerText()).toMatch(/Residents' meeting on room décor[\s\S]*Warmer colours[\s\S]*riser armchairs[\s\S]*2026-05-06/);
    expect(await page.locator('#groups tbody tr').count()).toBe(3);
    expect(await page.locator('#groups').innerText()).toMatch(/people living with dementia\s+fewer than 5 activities/);
    expect(await page.locator('#evidence-1 h2').innerText()).toBe("Evidence against CQC single assessment framework: people's voice");
    expect(await page.locator('#evidence-2 tbody tr').count()).toBe(6);
    expect(await page.locator('#activities').innerText()).toMatch(/Evidence: minutes\/2026-03-residents-meeting\.md/);
    await page.goto(pathToFileURL(pages[3]!).href);
    expect(await page.locator('h1').innerText()).toBe('You said, we did');
    // one idea per line: what people said, what was done, when they were told
    expect((await page.locator('li.item').first().innerText()).split(/\n+/)).toEqual([
      'You said: Warmer colours, and chairs with arms that are easy to get out of.',
      'We did: Ordered the warmer colour range and riser armchairs for every room.',
      'We told you on 6 May 2026.',
    ]);
    expect(Number.parseFloat(await page.evaluate(`getComputedStyle(document.body).fontSize`))).toBeGreaterThanOrEqual(20);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await page.close();
  });

  it('at 375 px: nothing wider than the screen, the phone ladder with readable labels, activities as cards with the next step in view', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(pathToFileURL(report).href);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await page.locator('svg.ladder-wide').isVisible()).toBe(false);
    const narrow = page.locator('svg.ladder-narrow');
    expect(await narrow.isVisible()).toBe(true);
    const label = await narrow.locator('text.rung-label').first().boundingBox();
    expect(label!.height).toBeGreaterThanOrEqual(11); // a rung name is drawn at 11 px or more
    // every cell of an activity is within the screen, the next step included
    const next = page.locator('#activities tbody tr').first().locator('td').last();
    const box = await next.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await next.getAttribute('data-label')).toBe('Next step');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('#activities tbody td:last-child'), '::before').content`)).toBe('"Next step: "');
    await page.screenshot({ path: join(ROOT, 'test-output', 'report-375.png'), fullPage: true });
    await page.close();
  });
});

describe('coprod report without a browser', () => {
  it('writes Markdown, and HTML when piped', () => {
    const r = coprod(['report', 'examples/oakwood-care-home.yaml', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Involvement report: Oakwood Care Home/);
    const html = coprod(['report', 'examples/oakwood-care-home.yaml']);
    expect(html.code).toBe(0); // piped: HTML goes to standard output
    expect(html.stdout).toMatch(/^<!doctype html>/);
  });

  it('--output refuses to overwrite without --force', () => {
    const t = tempDir();
    writeFileSync(join(t.dir, 'r.html'), 'keep');
    expect(coprod(['report', join(ROOT, 'examples/oakwood-care-home.yaml'), '-o', 'r.html'], { cwd: t.dir }).code).toBe(2);
    expect(coprod(['report', join(ROOT, 'examples/oakwood-care-home.yaml'), '-o', 'r.html', '--force'], { cwd: t.dir }).code).toBe(0);
    t.cleanup();
  });
});
