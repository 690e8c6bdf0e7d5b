import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderHtml } from '../src/report/html.js';
import { renderJson } from '../src/report/json.js';
import { renderSarif } from '../src/report/sarif.js';
import { KeyBuilder, keyDigest } from '../src/engine/pieces.js';
import { INPUT } from './helpers.js';

const at = new Date('2026-11-23T00:00:00.000Z');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-pieces-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

const cached = (cwd: string): Promise<AuditResult> => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at, workers: 0 });
const fresh = (cwd: string): Promise<AuditResult> => audit(['input'], resolveConfig(), { cwd, now: () => at, workers: 0 });
/** The report as a large batch's page is written: every draft's and article's detail folded (and cached). */
const page = (r: AuditResult, cwd: string): string => renderHtml(r, { reportsDir: path.join(cwd, 'reports'), cwd, lazyAbove: 0 });

/** What a run gives that its readers see: audit.json, the HTML report, audit.sarif and the cleaned articles. */
function seen(r: AuditResult, cwd: string): { json: string; html: string; sarif: string; outputs: string } {
  return { json: renderJson(r), html: page(r, cwd), sarif: renderSarif(r), outputs: JSON.stringify(r.outputs) };
}

function entries(cwd: string, kind: string): string[] {
  const root = path.join(cwd, '.draftaudit-cache');
  const folder = path.join(root, readdirSync(root)[0]!);
  return readdirSync(folder)
    .filter((f) => f.startsWith(`${kind}-`))
    .map((f) => path.join(folder, f));
}

describe('pieces of later stages in the cache', () => {
  it('gives after a change exactly what a run without the cache gives', async () => {
    const cwd = workspace();
    seen(await cached(cwd), cwd);
    expect(entries(cwd, 'clean').length).toBeGreaterThan(0);
    expect(entries(cwd, 'cluster').length).toBeGreaterThan(0);
    expect(entries(cwd, 'draft-detail')).toHaveLength(5);
    expect(entries(cwd, 'article-detail').length).toBeGreaterThan(0);
    // The five drafts are one group of audit.json's findings and of audit.sarif's results.
    expect(entries(cwd, 'json-findings')).toHaveLength(1);
    expect(entries(cwd, 'sarif-results')).toHaveLength(1);
    expect(entries(cwd, 'json-citations')).toHaveLength(1);
    expect(entries(cwd, 'json-doses')).toHaveLength(1);

    // One version of a cluster changes: its cluster is cleaned again, its draft's detail and its article's made again.
    const file = path.join(cwd, 'input', readdirSync(path.join(cwd, 'input')).sort()[1]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA new closing line with <br> in it, and magnesium 350 mg a day (1).\n`);
    const rerun = seen(await cached(cwd), cwd);
    const uncached = seen(await fresh(cwd), cwd);
    expect(rerun.json).toBe(uncached.json);
    expect(rerun.outputs).toBe(uncached.outputs);
    expect(rerun.html).toBe(uncached.html);
    expect(rerun.sarif).toBe(uncached.sarif);
    // The unchanged run after it takes everything from the cache and still gives the same.
    const again = seen(await cached(cwd), cwd);
    expect(again).toEqual(uncached);
  });

  it('uses a valid kept piece, and takes a forged or broken one for a miss', async () => {
    const cwd = workspace();
    const first = seen(await cached(cwd), cwd);

    // A valid entry is what the rerun uses: a cleaned article kept with other text shows it.
    const [clean] = entries(cwd, 'clean');
    const kept = JSON.parse(readFileSync(clean!, 'utf8'));
    const original = kept.value[0].content;
    kept.value[0].content = `${original}\nA sentence only the kept entry holds.\n`;
    writeFileSync(clean!, JSON.stringify(kept));
    const planted = await cached(cwd);
    expect(planted.outputs.some((o) => o.content.includes('A sentence only the kept entry holds.'))).toBe(true);

    // Broken and forged entries: a cleaning with a finding out of range, a change of an unknown
    // shape, half-written JSON, renderings and detail that hold a script, groups that are not
    // deflated HTML.
    kept.value[0].content = original;
    kept.value[0].fixed = [10_000];
    writeFileSync(clean!, JSON.stringify(kept));
    for (const [i, f] of entries(cwd, 'clean').slice(1).entries()) {
      const e = JSON.parse(readFileSync(f, 'utf8'));
      if (i % 2 === 0) e.value[0].changes.push({ output: '', kind: 'removed', ruleId: 'x', from: { path: 'p', line: 1 }, extra: true });
      writeFileSync(f, i % 2 === 0 ? JSON.stringify(e) : JSON.stringify(e).slice(0, 40));
    }
    for (const kind of ['article-html', 'draft-detail', 'article-detail']) {
      for (const f of entries(cwd, kind)) {
        const e = JSON.parse(readFileSync(f, 'utf8'));
        const script = '<script>alert(1)</script>';
        if (kind === 'article-html') e.value.html = script + e.value.html;
        else e.value = `<p onclick="alert(1)">x</p>${e.value}`;
        writeFileSync(f, JSON.stringify(e));
      }
    }
    // A cluster that names a block its draft does not have.
    for (const f of entries(cwd, 'cluster')) {
      const e = JSON.parse(readFileSync(f, 'utf8'));
      e.value.alignments[0].pairs[0].member = 10_000;
      writeFileSync(f, JSON.stringify(e));
    }
    for (const f of entries(cwd, 'zgroup')) writeFileSync(f, JSON.stringify({ ...JSON.parse(readFileSync(f, 'utf8')), value: 'bm90IGRlZmxhdGVk' }));
    const after = seen(await cached(cwd), cwd);
    expect(after).toEqual(first);
    expect(after.html).not.toContain('alert(1)');
  });

  it('writes a kept group of findings as it was kept, and takes one cut short or of another kind for a miss', async () => {
    const cwd = workspace();
    const first = seen(await cached(cwd), cwd);
    const [json] = entries(cwd, 'json-findings');
    const [sarif] = entries(cwd, 'sarif-results');
    const header = (text: string): Record<string, unknown> => JSON.parse(text.slice(0, text.indexOf('\n')));
    const body = (text: string): string => text.slice(text.indexOf('\n') + 1);

    // A kept group is used as it stands: a rerun writes the text it holds, not the findings again.
    const kept = readFileSync(json!, 'utf8');
    const planted = body(kept).replace('"ruleId": "', '"ruleId": "planted/');
    writeFileSync(json!, `${JSON.stringify({ ...header(kept), length: Buffer.byteLength(planted) })}\n${planted}`);
    expect(renderJson(await cached(cwd))).toContain('"ruleId": "planted/');

    // Cut short, or named for another kind: made again from the findings.
    writeFileSync(json!, kept.slice(0, -20));
    const sarifText = readFileSync(sarif!, 'utf8');
    writeFileSync(sarif!, `${JSON.stringify({ ...header(sarifText), kind: 'json-findings' })}\n${body(sarifText)}`);
    expect(seen(await cached(cwd), cwd)).toEqual(first);
  });

  /** The HTML of every folded group of a page, inflated. */
  const groups = (html: string): string[] => [...html.matchAll(/ data-z="([A-Za-z0-9+/=]*)"/g)].map((m) => inflateRawSync(Buffer.from(m[1]!, 'base64')).toString('utf8'));

  it.each([
    ['an event handler after a slash', '<a/onclick=alert(1)>x</a>'],
    ['an event handler after an ideographic space', '<p\u3000onclick=alert(1)>中文</p>'],
    ['an image', '<img src=x onerror=alert(1)>'],
    ['a script address', '<a href="javascript:alert(1)">x</a>'],
    ['base64 with a line break in it', undefined],
  ])('does not use a kept group of folded detail holding %s', async (_name, unsafe) => {
    const cwd = workspace();
    const first = seen(await cached(cwd), cwd);
    const kept = entries(cwd, 'zgroup-parts');
    expect(kept.length).toBeGreaterThan(0);
    for (const f of kept) {
      const e = JSON.parse(readFileSync(f, 'utf8'));
      if (unsafe === undefined) {
        e.value = e.value.replace(/^(.{8})/, '$1\n');
      } else {
        // Deflated as the report deflates, opening with the group's first part as a kept group must.
        const html = inflateRawSync(Buffer.from(e.value, 'base64')).toString('utf8');
        const opening = /^<div data-for="z\d+">/.exec(html)![0];
        e.value = deflateRawSync(Buffer.from(`${opening}${unsafe}${html.slice(opening.length)}`)).toString('base64');
      }
      writeFileSync(f, JSON.stringify(e));
    }
    const after = seen(await cached(cwd), cwd);
    expect(after).toEqual(first);
    for (const group of groups(after.html)) expect(group).not.toContain('alert(1)');
  });
});

describe('KeyBuilder and keyDigest', () => {
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

  it.each([
    ['no part', [] as Array<string | number>],
    ['short parts', ['input/a.txt', 42, '维生素D 400 IU']],
    ['parts past one chunk', ['x'.repeat(70_000), '镁'.repeat(40_000), 7]],
    ['parts that fill several chunks', Array.from({ length: 300 }, (_, i) => `finding ${i} ${'y'.repeat(i * 3)}`)],
  ])('hashes %s as the SHA-256 of the parts, each ended by a NUL', (_, parts) => {
    const key = new KeyBuilder();
    for (const p of parts) key.add(p);
    expect(key.digest()).toBe(sha(parts.map((p) => `${p}\0`).join('')));
  });

  it('names a piece by the SHA-256 of its kind, a NUL and its key', () => {
    expect(keyDigest('cluster', 'abc')).toBe(sha('cluster\0abc'));
    expect(keyDigest('zgroup', '镁')).toBe(sha('zgroup\0镁'));
  });
});
