/**
 * What a cached rerun keeps of the report's draft detail and of the batch look, and that it
 * still gives exactly what a run without the cache gives.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderHtml } from '../src/report/html.js';
import { renderJson } from '../src/report/json.js';
import { sweepCache } from '../src/engine/cache.js';
import { INPUT, ROOT } from './helpers.js';

const at = new Date('2026-11-23T00:00:00.000Z');

function workspace(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-rerun-'));
  cpSync(from, path.join(dir, 'input'), { recursive: true });
  return dir;
}

const cached = (cwd: string): Promise<AuditResult> => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at, workers: 0 });
const fresh = (cwd: string): Promise<AuditResult> => audit(['input'], resolveConfig(), { cwd, now: () => at, workers: 0 });
/** The page of a large batch: every draft's detail folded, and kept in the cache. */
const page = (r: AuditResult, cwd: string): string => renderHtml(r, { reportsDir: path.join(cwd, 'reports'), cwd, lazyAbove: 0 });

function entries(cwd: string, kind: string): string[] {
  const root = path.join(cwd, '.draftaudit-cache');
  const folder = path.join(root, readdirSync(root)[0]!);
  return readdirSync(folder)
    .filter((f) => f.startsWith(`${kind}-`) && /^[0-9a-f]{32}\.json$/.test(f.slice(kind.length + 1)))
    .map((f) => path.join(folder, f));
}

const drafts = (cwd: string): string[] => readdirSync(path.join(cwd, 'input')).sort().map((f) => path.join(cwd, 'input', f));

/** Appends a line to a draft. */
function edit(file: string, line: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${line}\n`);
}

/** A folded page's parts, inflated: part id → its HTML, and the base its holder names (0 when none). */
function foldedParts(html: string): Map<string, { html: string; base: number }> {
  const groups = new Map<string, string>();
  for (const m of html.matchAll(/<div class="zgroup" id="(zg-\d+)" hidden data-z="([A-Za-z0-9+/=]*)">/g)) groups.set(m[1]!, inflateRawSync(Buffer.from(m[2]!, 'base64')).toString('utf8'));
  const parts = new Map<string, { html: string; base: number }>();
  for (const m of html.matchAll(/<div class="deferred" data-group="(zg-\d+)" data-for="(z\d+)"(?: data-base="(\d+)")?>/g)) {
    const group = groups.get(m[1]!)!;
    const open = `<div data-for="${m[2]!}">`;
    const at = group.indexOf(open);
    expect(at).toBeGreaterThanOrEqual(0);
    const next = group.indexOf('<div data-for="z', at + open.length);
    parts.set(m[2]!, { html: group.slice(at, next < 0 ? undefined : next), base: Number(m[3] ?? 0) });
  }
  return parts;
}

/** The rows of a folded page as the page's script unfolds them: each row's place in audit.json (holder's base + its own), rule and draft. */
function unfoldedRows(html: string): Array<{ at: number; rule: string; file: string }> {
  const rows: Array<{ at: number; rule: string; file: string }> = [];
  for (const { html: part, base } of foldedParts(html).values()) {
    for (const m of part.matchAll(/<tr class="finding(?: not-counted)?" data-finding="(\d+)" data-severity="[a-z]+" data-rule="([^"]+)" data-file="([^"]+)"/g)) rows.push({ at: base + Number(m[1]), rule: m[2]!, file: m[3]! });
  }
  return rows;
}

describe('a draft detail kept apart from its findings’ places in audit.json', () => {
  it('is not made again when an earlier draft gains findings, its folded HTML stays the same, and the page is the uncached one', async () => {
    const cwd = workspace(INPUT);
    const first = await cached(cwd);
    const before = page(first, cwd);
    const kept = entries(cwd, 'draft-detail');
    expect(kept).toHaveLength(5);
    const times = new Map(kept.map((f) => [f, statSync(f).mtimeMs]));

    // The first draft gains findings: every later draft's findings move down in audit.json.
    const [firstDraft] = drafts(cwd);
    edit(firstDraft!, 'Studies show magnesium cures insomnia [9]. <br> Click here to check the latest price on Amazon');
    const rerun = await cached(cwd);
    const firstCount = (r: AuditResult): number => r.findings.filter((f) => f.path === r.findings[0]!.path).length;
    const gained = firstCount(rerun) - firstCount(first);
    expect(gained).toBeGreaterThan(0);
    const html = page(rerun, cwd);
    const uncached = await fresh(cwd);
    expect(html).toBe(page(uncached, cwd));
    expect(renderJson(rerun)).toBe(renderJson(uncached));
    expect(html).not.toBe(before);

    // Only the edited draft's detail was made: the four others were read as kept.
    const after = entries(cwd, 'draft-detail');
    expect(after).toHaveLength(6);
    expect(after.filter((f) => times.get(f) === undefined)).toHaveLength(1);

    // The later drafts' folded HTML is as it was; only their holders' bases moved.
    const old = foldedParts(before);
    const now = foldedParts(html);
    const moved = [...now].filter(([id, p]) => p.base > 0 && old.get(id)!.base > 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const [id, p] of moved) {
      expect(p.html).toBe(old.get(id)!.html);
      expect(p.base).toBe(old.get(id)!.base + gained);
    }
  });

  it('unfolds each row to its finding’s place in audit.json', async () => {
    const cwd = workspace(INPUT);
    const result = await cached(cwd);
    const rows = unfoldedRows(page(result, cwd));
    expect(rows).toHaveLength(result.findings.length);
    for (const row of rows) expect([result.findings[row.at]!.ruleId, result.findings[row.at]!.path]).toEqual([row.rule, row.file]);
    // A page that shows every draft's detail unfolded numbers its rows as they are.
    const open = renderHtml(result, { reportsDir: path.join(cwd, 'reports'), cwd });
    expect(open).not.toMatch(/data-base=/);
    const places = [...open.matchAll(/<tr class="finding(?: not-counted)?" data-finding="(\d+)"/g)].map((m) => Number(m[1]));
    expect(places.sort((a, b) => a - b)).toEqual(result.findings.map((_, i) => i));
  });
});

describe('the batch look kept per draft', () => {
  const BATCH = path.join(ROOT, 'tests/fixtures/debris/batch');
  const batchFindings = (r: AuditResult): string[] =>
    r.findings.filter((f) => f.ruleId === 'artifact/cms-leftover' && String(f.data?.reason).includes('batch')).map((f) => `${path.basename(f.path)}:${f.span.start.line} ${f.message}`);

  it('keeps what it found of each draft with a repeated line, and a rerun gives the uncached findings', async () => {
    const cwd = workspace(BATCH);
    const first = await cached(cwd);
    expect(batchFindings(first)).toHaveLength(6);
    expect(entries(cwd, 'batch-look')).toHaveLength(3);
    const again = await cached(cwd);
    expect(renderJson(again)).toBe(renderJson(first));

    // One draft changes (not its footer line): its verdicts are made again, the others kept.
    edit(drafts(cwd)[0]!, 'Fiber also feeds the bacteria of the gut, which turn it into short-chain fatty acids.');
    const rerun = await cached(cwd);
    expect(renderJson(rerun)).toBe(renderJson(await fresh(cwd)));
    expect(entries(cwd, 'batch-look')).toHaveLength(4);
  });

  it('uses a valid kept verdict and takes a forged or broken one for a miss', async () => {
    const cwd = workspace(BATCH);
    const first = await cached(cwd);
    const [one, ...rest] = entries(cwd, 'batch-look');
    const e = JSON.parse(readFileSync(one!, 'utf8'));
    e.value[0].message = 'A message only the kept entry holds';
    writeFileSync(one!, JSON.stringify(e));
    const planted = batchFindings(await cached(cwd));
    expect(planted.some((f) => f.endsWith('A message only the kept entry holds'))).toBe(true);

    // A finding without a span, a span whose offset is negative, and half-written JSON.
    delete e.value[0].span;
    writeFileSync(one!, JSON.stringify(e));
    const [second, third] = rest;
    const f = JSON.parse(readFileSync(second!, 'utf8'));
    f.value[0].span.start.offset = -1;
    writeFileSync(second!, JSON.stringify(f));
    writeFileSync(third!, readFileSync(third!, 'utf8').slice(0, 30));
    expect(renderJson(await cached(cwd))).toBe(renderJson(first));
  });
});

describe('the cluster rules’ findings kept per cluster', () => {
  it('uses a valid kept entry, and takes one that names a draft outside its cluster, or is broken, for a miss', async () => {
    const cwd = workspace(INPUT);
    const first = await cached(cwd);
    const kept = entries(cwd, 'findings-of-cluster');
    expect(kept.length).toBeGreaterThan(0);
    const withFinding = kept.find((f) => JSON.parse(readFileSync(f, 'utf8')).value.length > 0)!;
    const e = JSON.parse(readFileSync(withFinding, 'utf8'));
    const original = e.value[0].message;
    e.value[0].message = 'A message only the kept entry holds';
    writeFileSync(withFinding, JSON.stringify(e));
    expect((await cached(cwd)).findings.some((f) => f.message === 'A message only the kept entry holds')).toBe(true);

    // The same finding moved onto a draft of another cluster; a finding with an unknown field.
    e.value[0].message = original;
    const owner = e.value[0].path as string;
    const clusterOf = (p: string): string | undefined => (first.documents.find((d) => d.path === p) as { cluster?: string } | undefined)?.cluster;
    e.value[0].path = first.documents.find((d) => clusterOf(d.path) !== clusterOf(owner))!.path;
    writeFileSync(withFinding, JSON.stringify(e));
    for (const f of kept.filter((f) => f !== withFinding)) {
      const g = JSON.parse(readFileSync(f, 'utf8'));
      g.value.push({ ...(g.value[0] ?? e.value[0]), extra: true });
      writeFileSync(f, JSON.stringify(g));
    }
    expect(renderJson(await cached(cwd))).toBe(renderJson(first));

    // An edited version: its cluster's findings are made again, and are the uncached run's.
    edit(path.join(cwd, owner), 'Magnesium 350 mg a day is the upper limit for supplements (1).');
    expect(renderJson(await cached(cwd))).toBe(renderJson(await fresh(cwd)));
  });
});

describe('the cache after a rerun', () => {
  it('keeps the details of the drafts of a group taken whole, for the run in which one of them changes', async () => {
    const cwd = workspace(INPUT);
    const sweep = (r: AuditResult) => sweepCache(r.cacheFolder!, new Set(r.documents.map((d) => d.path)), { cwd, pieces: true });
    const first = await cached(cwd);
    page(first, cwd);
    const details = entries(cwd, 'draft-detail');
    expect(details).toHaveLength(5);
    // A rerun on the same drafts takes their group whole, reading no draft's detail: the
    // details are still what the next change needs, and stay.
    const second = await cached(cwd);
    page(second, cwd);
    await sweep(second);
    expect(entries(cwd, 'draft-detail').sort()).toEqual([...details].sort());
    const times = new Map(details.map((f) => [f, statSync(f).mtimeMs]));
    // One draft changes: its group is made again from the four kept details and one new one.
    edit(drafts(cwd)[4]!, 'Magnesium glycinate is gentle on the stomach.');
    const third = await cached(cwd);
    expect(page(third, cwd)).toBe(page(await fresh(cwd), cwd));
    await sweep(third);
    const after = entries(cwd, 'draft-detail');
    expect(after).toHaveLength(5);
    expect(after.filter((f) => times.get(f) === statSync(f).mtimeMs)).toHaveLength(4);
  });

  it('keeps the renderings of the cleaned articles whose detail was taken whole', async () => {
    const cwd = workspace(INPUT);
    const sweep = (r: AuditResult) => sweepCache(r.cacheFolder!, new Set(r.documents.map((d) => d.path)), { cwd, pieces: true });
    const first = await cached(cwd);
    page(first, cwd);
    const renderings = entries(cwd, 'article-html').sort();
    expect(renderings.length).toBe(first.clusters.reduce((n, c) => n + (c.editions?.length ?? 1), 0));
    // A rerun on the same drafts takes every article's detail whole and renders no article:
    // the renderings are what the next change to a version alone needs, and stay.
    const second = await cached(cwd);
    page(second, cwd);
    await sweep(second);
    expect(entries(cwd, 'article-html').sort()).toEqual(renderings);
    const times = new Map(renderings.map((f) => [f, statSync(f).mtimeMs]));
    // Once more, then a third run: still all there, none written again.
    const third = await cached(cwd);
    expect(page(third, cwd)).toBe(page(await fresh(cwd), cwd));
    await sweep(third);
    expect(entries(cwd, 'article-html').filter((f) => times.get(f) === statSync(f).mtimeMs).sort()).toEqual(renderings);
  });
});
