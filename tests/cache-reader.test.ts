/**
 * The cache reader (engine/pool.ts `startCacheReader`): on a rerun, a thread of its own checks
 * the kept pieces a rerun spends most time checking (engine/vouch.ts); a stage takes a vouched
 * piece unchecked only while its bytes are the ones checked. Forged pieces are never vouched
 * for, and a run with the reader gives what a run without it gives.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { audit, type AuditResult } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { addVouches, beginPieces, keyDigest, PieceCache } from '../src/engine/pieces.js';
import { VOUCHED_KINDS, vouchFolder } from '../src/engine/vouch.js';
import { renderHtml } from '../src/report/html.js';
import { renderJson } from '../src/report/json.js';
import { INPUT } from './helpers.js';

const at = new Date('2026-11-23T00:00:00.000Z');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-checker-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

/** A run with the cache: `workers: 0` runs in this thread alone (no reader), `workers: 2` starts the reader on a rerun. */
const cached = (cwd: string, workers: number): Promise<AuditResult> => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at, workers });
/** What readers see of a run: audit.json, and the HTML report with every detail folded (and its groups kept). */
const seen = (r: AuditResult, cwd: string): { json: string; html: string; outputs: string } => ({
  json: renderJson(r),
  html: renderHtml(r, { reportsDir: path.join(cwd, 'reports'), cwd, lazyAbove: 0 }),
  outputs: JSON.stringify(r.outputs),
});

function cacheFolder(cwd: string): string {
  const root = path.join(cwd, '.draftaudit-cache');
  return path.join(root, readdirSync(root)[0]!);
}

const piecesOf = (folder: string, kind: string): string[] =>
  readdirSync(folder)
    .filter((f) => new RegExp(`^${kind}-[0-9a-f]{32}\\.json$`).test(f))
    .sort();

/** Rewrites the JSON piece `file` through `edit`. */
function edit(file: string, change: (entry: { kind: string; key: string; value: any }) => void): void {
  const e = JSON.parse(readFileSync(file, 'utf8'));
  change(e);
  writeFileSync(file, JSON.stringify(e));
}

describe('the cache reader', () => {
  it('vouches for every valid piece of its kinds, noting the first part of each kept group', async () => {
    const cwd = workspace();
    seen(await cached(cwd, 0), cwd);
    const folder = cacheFolder(cwd);
    const counts: Record<string, string> = {};
    for (const kind of VOUCHED_KINDS) {
      const vouched = vouchFolder(folder, kind);
      counts[kind] = `${vouched.length} of ${piecesOf(folder, kind).length}`;
      expect(vouched.map(([name]) => name)).toEqual(piecesOf(folder, kind));
      for (const [name, vouch] of vouched) {
        expect(vouch.sha).toMatch(/^[0-9a-f]{64}$/);
        if (kind === 'zgroup-parts') expect(vouch.note).toBe(/^<div data-for="(z\d+)">/.exec(inflateRawSync(Buffer.from(JSON.parse(readFileSync(path.join(folder, name), 'utf8')).value, 'base64')).toString('utf8'))![1]);
      }
    }
    console.log('pieces vouched for on the samples:', counts);
    expect(piecesOf(folder, 'cluster').length).toBeGreaterThan(0);
    expect(piecesOf(folder, 'zgroup-parts').length).toBeGreaterThan(0);
  });

  it('vouches for no forged piece: unsafe HTML in a group, a cluster of another shape, a truncated cleaning', async () => {
    const cwd = workspace();
    seen(await cached(cwd, 0), cwd);
    const folder = cacheFolder(cwd);
    const [group] = piecesOf(folder, 'zgroup-parts');
    edit(path.join(folder, group!), (e) => {
      const html = inflateRawSync(Buffer.from(e.value, 'base64')).toString('utf8');
      const opening = /^<div data-for="z\d+">/.exec(html)![0];
      e.value = deflateRawSync(Buffer.from(`${opening}<p onclick="alert(1)">x</p>${html.slice(opening.length)}`)).toString('base64');
    });
    const [cluster] = piecesOf(folder, 'cluster');
    edit(path.join(folder, cluster!), (e) => (e.value.members = 'all of them'));
    const [clean] = piecesOf(folder, 'clean');
    writeFileSync(path.join(folder, clean!), readFileSync(path.join(folder, clean!), 'utf8').slice(0, 50));

    const vouched = new Set(VOUCHED_KINDS.flatMap((kind) => vouchFolder(folder, kind).map(([name]) => name)));
    for (const forged of [group, cluster, clean]) expect(vouched.has(forged!)).toBe(false);
    expect(vouched.size).toBeGreaterThan(0);
  });

  it('takes a vouched piece unchecked only while its bytes are the ones the checker read', async () => {
    const cwd = workspace();
    seen(await cached(cwd, 0), cwd);
    const folder = cacheFolder(cwd);
    // A real group of the report, kept again under a key of the test's.
    const value = JSON.parse(readFileSync(path.join(folder, piecesOf(folder, 'zgroup-parts')[0]!), 'utf8')).value as string;
    const pieces = new PieceCache(folder);
    pieces.set('zgroup-parts', 'a key of the test', value);
    const [name] = piecesOf(folder, 'zgroup-parts').filter((n) => JSON.parse(readFileSync(path.join(folder, n), 'utf8')).key === keyDigest('zgroup-parts', 'a key of the test'));
    const file = path.join(folder, name!);
    // The schema given refuses everything: a value comes back only when it is taken unchecked.
    const never = z.string().refine(() => false);
    expect(pieces.getVouched('zgroup-parts', 'a key of the test', never)).toBeUndefined();
    beginPieces(folder);
    addVouches(folder, vouchFolder(folder, 'zgroup-parts'));
    expect(pieces.getVouched('zgroup-parts', 'a key of the test', never)).toEqual({ value, vouch: expect.stringMatching(/^z\d+$/) });
    // The same piece written again with a space more: other bytes, so the schema decides again.
    writeFileSync(file, `${readFileSync(file, 'utf8')} `);
    expect(pieces.getVouched('zgroup-parts', 'a key of the test', never)).toBeUndefined();
    expect(pieces.getVouched('zgroup-parts', 'a key of the test', z.string())).toEqual({ value });
    beginPieces(folder);
  });

  it('gives with the reader what a run without it gives, forged pieces included', async () => {
    const cwd = workspace();
    const first = seen(await cached(cwd, 0), cwd);
    const folder = cacheFolder(cwd);
    for (const f of piecesOf(folder, 'zgroup-parts')) {
      edit(path.join(folder, f), (e) => {
        const html = inflateRawSync(Buffer.from(e.value, 'base64')).toString('utf8');
        const opening = /^<div data-for="z\d+">/.exec(html)![0];
        e.value = deflateRawSync(Buffer.from(`${opening}<img src=x onerror=alert(1)>${html.slice(opening.length)}`)).toString('base64');
      });
    }
    for (const f of piecesOf(folder, 'cluster')) edit(path.join(folder, f), (e) => (e.value.alignments[0].pairs[0].member = 10_000));
    const forged = seen(await cached(cwd, 2), cwd);
    expect(forged).toEqual(first);
    expect(forged.html).not.toContain('alert(1)');
    // After a change, with the checker vouching for the pieces the run before kept.
    const draft = path.join(cwd, 'input', readdirSync(path.join(cwd, 'input')).sort()[1]!);
    writeFileSync(draft, `${readFileSync(draft, 'utf8')}\nA new closing line, and magnesium 350 mg a day (1).\n`);
    const rerun = seen(await cached(cwd, 2), cwd);
    const without = seen(await audit(['input'], resolveConfig(), { cwd, now: () => at, workers: 0 }), cwd);
    expect(rerun).toEqual(without);
  });
});

