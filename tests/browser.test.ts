/**
 * The HTML report in a real browser: playwright-core driving Debian's Chromium
 * (`apt-get install -y chromium`; `.ci/run` installs it so CI always runs these tests).
 * The report of the samples loads with no console error and requests nothing, the filters
 * hide and show rows, drafts holding scripts, event handlers, `javascript:` URLs and a file
 * name with markup run nothing, the page reads with JavaScript off, and a screenshot is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/report/html.js';
import { EVIL_FILE, hostileResult } from './fixtures/report/hostile-result.js';
import { HOSTILE_NAME, run, workspace } from './fixtures/report/workspace.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A browser with a fresh profile folder of its own. */
function launch(javaScriptEnabled = true): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'draftaudit-chromium-')), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
  });
}

interface Opened {
  page: Page;
  /** Console errors, uncaught page errors and dialogs (alert, confirm …) seen so far. */
  problems: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

async function open(context: BrowserContext, file: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Give an injected `onerror` or timer the moment it would need to run.
  await page.waitForTimeout(250);
  return { page, problems, requests };
}

/** What injected markup would leave behind if any of it ran or became markup. */
async function injectionTraces(page: Page): Promise<{ pwned: unknown; scripts: number; handlers: string[]; scriptUrls: string[]; embeds: number }> {
  return page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.scripts.length,
      handlers: all.flatMap((e) => Array.from(e.attributes).filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      scriptUrls: all.flatMap((e) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href']
          .map((n) => e.getAttribute(n))
          .filter((v): v is string => v !== null && /^\s*javascript:/i.test(v)),
      ),
      embeds: document.querySelectorAll('img, iframe, svg, object, embed, base').length,
    };
  });
}

/** Unfolds every diff by clicking the summaries of the folded ones. */
async function openAllDetails(page: Page): Promise<void> {
  // One at a time from the first still folded (a list of locators would shift as each opens).
  const folded = page.locator('details:not([open]) > summary');
  for (let n = await folded.count(); n > 0; n--) await folded.first().click();
  expect(await page.locator('details:not([open])').count()).toBe(0);
}

const visibleRows = (page: Page): Promise<Array<{ severity: string; rule: string; file: string }>> =>
  page.locator('tr.finding:visible').evaluateAll((rows) =>
    rows.map((r) => ({ severity: (r as HTMLElement).dataset.severity!, rule: (r as HTMLElement).dataset.rule!, file: (r as HTMLElement).dataset.file! })),
  );

describe(HAVE_CHROMIUM ? 'the HTML report in Chromium' : `the HTML report in Chromium — SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium)`, () => {
  let context: BrowserContext;
  let samples: string;
  let hostile: string;
  let hostileFindings: Array<{ severity: string; ruleId: string; path: string }>;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    samples = workspace('samples');
    await run(['--no-progress'], samples);
    hostile = workspace('hostile');
    await run(['--no-progress'], hostile);
    hostileFindings = JSON.parse(readFileSync(path.join(hostile, 'reports/audit.json'), 'utf8')).findings;
    context = await launch();
  }, 90_000);

  afterAll(async () => {
    await context?.close();
  });

  it.skipIf(!HAVE_CHROMIUM)('loads the report of the samples with no console error, requests nothing outside the file, and writes a screenshot', async () => {
    const { page, problems, requests } = await open(context, path.join(samples, 'reports/audit.html'));
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    const report = JSON.parse(readFileSync(path.join(samples, 'reports/audit.json'), 'utf8'));
    await expect(page.title()).resolves.toMatch(/^draftaudit report: (pass|fail)$/);
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await page.locator('#filter-count').textContent()).toBe(`${report.findings.length} of ${report.findings.length} findings shown`);
    expect(await page.locator('section.doc').count()).toBe(report.documents.length);

    const shot = path.join(samples, 'reports/audit.png');
    await page.screenshot({ path: shot, fullPage: false });
    const png = readFileSync(shot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
    await page.close();
  });

  it.skipIf(!HAVE_CHROMIUM)('filters by severity, rule and file hide and show rows', async () => {
    const { page, problems } = await open(context, path.join(hostile, 'reports/audit.html'));
    const all = hostileFindings.map((f) => ({ severity: f.severity, rule: f.ruleId, file: f.path }));
    const sorted = (rows: typeof all): typeof all => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(new Set(all.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
    expect(sorted(await visibleRows(page))).toEqual(sorted(all));

    // Severity: uncheck warnings.
    await page.locator('input[name=severity][value=warning]').uncheck();
    expect(sorted(await visibleRows(page))).toEqual(sorted(all.filter((f) => f.severity !== 'warning')));
    expect(await page.locator('#filter-count').textContent()).toBe(`${all.filter((f) => f.severity !== 'warning').length} of ${all.length} findings shown`);
    await page.locator('input[name=severity][value=warning]').check();
    expect(await visibleRows(page)).toHaveLength(all.length);

    // Rule: only input/encoding; drafts without such a finding are hidden.
    await page.locator('select[name=rule]').selectOption('input/encoding');
    expect(await visibleRows(page)).toEqual(all.filter((f) => f.rule === 'input/encoding'));
    expect(await page.locator('section.doc:visible').evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.file))).toEqual(['input/bom.txt']);

    // File: the draft whose name holds markup, with every rule.
    await page.locator('select[name=rule]').selectOption('');
    const evil = `input/${HOSTILE_NAME}`;
    await page.locator('select[name=file]').selectOption(evil);
    expect(sorted(await visibleRows(page))).toEqual(sorted(all.filter((f) => f.file === evil)));
    expect(await page.locator('section.doc:visible').count()).toBe(1);

    // Severity and file together can leave a draft with nothing to show.
    await page.locator('input[name=severity][value=error]').uncheck();
    await page.locator('input[name=severity][value=warning]').uncheck();
    expect(await visibleRows(page)).toEqual(all.filter((f) => f.file === evil && f.severity === 'info'));

    // Reset shows everything again.
    await page.locator('button[type=reset]').click();
    await expect.poll(() => visibleRows(page).then((r) => r.length)).toBe(all.length);
    expect(await page.locator('section.doc:visible').count()).toBe(await page.locator('section.doc').count());
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!HAVE_CHROMIUM)('runs nothing injected by drafts holding <script>, onerror=, javascript: URLs or a file name with markup', async () => {
    const { page, problems } = await open(context, path.join(hostile, 'reports/audit.html'));
    // Bring every folded part on screen and use the page as an editor would.
    await openAllDetails(page);
    for (const mark of (await page.locator('.excerpt mark:visible').all()).slice(0, 10)) await mark.hover();
    await page.locator('select[name=file]').selectOption(`input/${HOSTILE_NAME}`);
    await page.waitForTimeout(250);
    expect(await injectionTraces(page)).toEqual({ pwned: undefined, scripts: 1, handlers: [], scriptUrls: [], embeds: 0 });
    expect(problems).toEqual([]);
    // The hostile text is on the page, as text.
    expect(await page.locator('section.doc h3', { hasText: HOSTILE_NAME }).count()).toBe(1);
    expect(await page.locator('body').innerText()).toContain(`onerror="window.__pwned = 'onerror in a txt draft'"`);
    await page.close();
  });

  it.skipIf(!HAVE_CHROMIUM)('runs nothing from markup in any field of the result (file names, ids, outputs, diffs, changes)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-hostile-report-'));
    const file = path.join(dir, 'reports', 'audit.html');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderHtml(hostileResult(), { reportsDir: path.dirname(file), cwd: dir }));
    const { page, problems } = await open(context, file);
    await openAllDetails(page);
    await page.locator('select[name=file]').selectOption(EVIL_FILE);
    await page.waitForTimeout(250);
    expect(await injectionTraces(page)).toEqual({ pwned: undefined, scripts: 1, handlers: [], scriptUrls: [], embeds: 0 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!HAVE_CHROMIUM)('reads with JavaScript off: every finding shown, no filter controls', async () => {
    const noScript = await launch(false);
    try {
      const { page, problems } = await open(noScript, path.join(samples, 'reports/audit.html'));
      const report = JSON.parse(readFileSync(path.join(samples, 'reports/audit.json'), 'utf8'));
      expect(await page.locator('#filters').isVisible()).toBe(false);
      expect(await page.locator('tr.finding:visible').count()).toBe(report.findings.length);
      expect(await page.locator('section.doc:visible').count()).toBe(report.documents.length);
      expect(problems).toEqual([]);
    } finally {
      await noScript.close();
    }
  });
});
