// End to end in a real browser: the generated HTML opened in headless Chromium (Debian's
// package, driven by playwright-core). The ladder and tables render with the right
// counts, a hostile activity name is only text, nothing runs, and a screenshot is saved.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
`;

describe.skipIf(!hasChromium)(`coprod report in Chromium${why}`, () => {
  const tmp = tempDir();
  const report = join(tmp.dir, 'report.html');
  let browser: Browser;

  beforeAll(async () => {
    writeFileSync(join(tmp.dir, 'log.yaml'), LOG);
    const r = coprod(['report', 'log.yaml', '--output', 'report.html'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
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
    const ladder = page.locator('svg.ladder');
    await expect(ladder.isVisible()).resolves.toBe(true);
    const labels = await ladder.locator('text.rung-label').allTextContents();
    expect(labels[0]).toBe('7 · Co-production');
    expect(labels).toContain('1 · Coercion');
    expect(await ladder.locator('a').count()).toBe(5); // co-production, engagement, consultation, informing, unclassified
    expect(await ladder.locator('a[href="#rung-consultation"] text.rung-count').textContent()).toBe('2 activities');

    // tables: counts per rung, and every activity listed under its rung
    const consultationRow = page.locator('#ladder table tbody tr', { hasText: '4. Consultation' });
    expect(await consultationRow.locator('td.num').textContent()).toBe('2');
    expect(await page.locator('#rung-consultation tbody tr').count()).toBe(2);
    expect(await page.locator('#activities tbody tr').count()).toBe(6);
    expect(await page.locator('#trend svg.trend').count()).toBe(1);
    expect(await page.locator('#who tbody tr').count()).toBe(3); // <b>residents</b>, families, residents

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
    expect(await page.locator('h2').count()).toBe(7);
    expect(await page.locator('svg[role="img"] > title').count()).toBe(2);
    expect(await page.locator('th[scope]').count()).toBeGreaterThan(20);

    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
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
