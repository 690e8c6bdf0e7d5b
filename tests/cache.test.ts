import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { main } from '../src/cli.js';
import { resolveConfig } from '../src/config.js';
import { renderJson } from '../src/report/json.js';
import { renderTimings } from '../src/timings.js';
import { sweepCache } from '../src/engine/cache.js';
import { INPUT, readEntry, writeEntry } from './helpers.js';
import { fingerprintOf } from '../src/engine/entry-file.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-cache-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

const at = new Date('2026-11-23T00:00:00.000Z');

describe('--cache', () => {
  it('reuses per-draft results by content, gives the same report, and analyses only what changed', async () => {
    const cwd = workspace();
    const run = (config = resolveConfig()) => audit(['input'], config, { cwd, cache: '.draftaudit-cache', now: () => at });
    const first = await run();
    expect(first.cache).toEqual({ hits: 0, misses: 5 });
    const second = await run();
    expect(second.cache).toEqual({ hits: 5, misses: 0 });
    expect(renderJson(second)).toBe(renderJson(first));
    expect(second.outputs).toEqual(first.outputs);

    // A changed draft is analysed again; file times play no part.
    const file = path.join(cwd, 'input', readdirSync(path.join(cwd, 'input')).sort()[4]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA new closing line with <br> in it.\n`);
    const third = await run();
    expect(third.cache).toEqual({ hits: 4, misses: 1 });
    expect(third.findings.some((f) => f.ruleId === 'artifact/html-tag' && f.path.endsWith(path.basename(file)))).toBe(true);

    // Another configuration starts afresh and drops the old entries.
    const fourth = await run(resolveConfig({ rules: { 'artifact/html-tag': 'off' } }));
    expect(fourth.cache).toEqual({ hits: 0, misses: 5 });
    expect(readdirSync(path.join(cwd, '.draftaudit-cache'))).toHaveLength(1);
  });

  it('takes a draft whose size and time are unchanged from the cache unread, and reads one whose time alone changed', async () => {
    const cwd = workspace();
    const run = () => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at });
    const file = path.join(cwd, 'input', readdirSync(path.join(cwd, 'input')).sort()[3]!);
    const original = readFileSync(file, 'utf8');
    const stamp = 1_800_000_000; // whole seconds, so the time can be set back exactly
    utimesSync(file, stamp, stamp);
    const first = await run();
    expect(first.cache).toEqual({ hits: 0, misses: 5 });

    // Same size, same time, other bytes: the size and time say unchanged, so the draft is not
    // read and the entry of the earlier bytes serves (what ESLint's cache does; an editor
    // always changes the time).
    const swapped = original.replace(/[A-Za-z]/, (c) => (c === 'x' ? 'y' : 'x'));
    expect(swapped).not.toBe(original);
    writeFileSync(file, swapped);
    utimesSync(file, stamp, stamp);
    const second = await run();
    expect(second.cache).toEqual({ hits: 5, misses: 0 });
    expect(renderJson(second)).toBe(renderJson(first));

    // A new time with the same bytes as recorded: read and hashed, and the entry still serves.
    writeFileSync(file, original);
    utimesSync(file, stamp + 60, stamp + 60);
    const third = await run();
    expect(third.cache).toEqual({ hits: 5, misses: 0 });

    // A new time and new bytes: analysed again.
    writeFileSync(file, `${original}\nA closing line with <br> in it.\n`);
    const fourth = await run();
    expect(fourth.cache).toEqual({ hits: 4, misses: 1 });
    expect(fourth.findings.some((f) => f.ruleId === 'artifact/html-tag' && f.path.endsWith(path.basename(file)))).toBe(true);
  });

  it('keeps the corpus fingerprint with each entry, and takes an entry whose fingerprint is cut short for a miss', async () => {
    const cwd = workspace();
    const run = () => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at });
    const first = await run();
    const folder = path.join(cwd, '.draftaudit-cache', readdirSync(path.join(cwd, '.draftaudit-cache'))[0]!);
    const entries = readdirSync(folder).filter((f) => f.endsWith('.entry'));
    const entry = readEntry(path.join(folder, entries[0]!));
    // The fingerprint is kept as its arrays' bytes beside the JSON, and reads back as typed arrays.
    const fingerprint = fingerprintOf(entry.beside.fingerprint)!;
    expect(fingerprint.features).toBeInstanceOf(Uint32Array);
    expect(fingerprint.features.length).toBeGreaterThan(0);
    expect(fingerprint.windowSignatures.length).toBeGreaterThan(0);
    // The citation extraction is kept as JSON text, read only if a stage asks for it; the line starts are not kept.
    expect(Array.isArray(JSON.parse(entry.beside.citations).markers)).toBe(true);
    expect(entry.doc.lineStarts).toBeUndefined();
    // So is the line each block counts as in the batch look: one per block, a string or null.
    expect(entry.lines).toHaveLength(entry.doc.blocks.length);
    expect(entry.lines.some((n: unknown) => typeof n === 'string')).toBe(true);
    // Three bytes off the end: no longer whole 32-bit numbers.
    entry.beside.fingerprint = entry.beside.fingerprint.subarray(0, entry.beside.fingerprint.length - 3);
    writeEntry(path.join(folder, entries[0]!), entry);
    const second = await run();
    expect(second.cache).toEqual({ hits: 4, misses: 1 });
    expect(renderJson(second)).toBe(renderJson(first));
  });

  // A priming run must leave an entry for every draft, whichever thread analysed it; an entry
  // that cannot be written is counted (and said by --verbose), not lost in silence.
  it.each([
    ['in this thread alone', 0],
    ['in this thread and a worker', 2],
  ])('keeps an entry for every draft analysed %s, and counts those it could not write', async (_, workers) => {
    const cwd = workspace();
    const run = (threads = 0) => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at, workers: threads });
    const first = await run(workers);
    expect(first.cache).toEqual({ hits: 0, misses: 5 });
    const folder = first.cacheFolder!;
    const entries = readdirSync(folder).filter((f) => /^[0-9a-f]{32}\.entry$/.test(f)).sort();
    expect(entries).toHaveLength(5);
    expect((await run()).cache).toEqual({ hits: 5, misses: 0 });

    // Two entries' places taken by folders with a file in them: the rename into place fails.
    for (const name of entries.slice(0, 2)) {
      rmSync(path.join(folder, name));
      mkdirSync(path.join(folder, name));
      writeFileSync(path.join(folder, name, 'blocker'), '');
    }
    const blocked = await run();
    expect(blocked.cache).toEqual({ hits: 3, misses: 2, unstored: 2 });
    expect(renderTimings(blocked, 1)).toMatch(/2 analysed, 2 of them not stored \(the cache folder could not be written\)\n$/);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const name of entries.slice(0, 2)) rmSync(path.join(folder, name), { recursive: true });
    expect((await run()).cache).toEqual({ hits: 3, misses: 2 });
    expect((await run()).cache).toEqual({ hits: 5, misses: 0 });
  }, 120_000);

  it('prints the stage times and the hit rate with --verbose', async () => {
    const cwd = workspace();
    let err = '';
    const io = { cwd, color: false, stdout: () => {}, stderr: (s: string) => (err += s) };
    await main(['--quiet', '--cache'], io);
    expect(err).toBe('');
    await main(['--quiet', '--cache', '--verbose'], io);
    expect(err).toMatch(/^draftaudit: [\d.]+ s in all; analysis [\d.]+ s, grouping versions [\d.]+ s, .*; cache: 5 of 5 drafts from the cache \(100\.0% hit rate\), 0 analysed\n$/);
  });

  it('is off unless asked for, and takes --cache, --cache=DIR and --cache-location DIR', async () => {
    const cwd = workspace();
    const io = { cwd, color: false, stdout: () => {}, stderr: () => {} };
    await main(['--quiet'], io);
    expect(existsSync(path.join(cwd, '.draftaudit-cache'))).toBe(false);
    await main(['--quiet', '--cache'], io);
    expect(existsSync(path.join(cwd, '.draftaudit-cache'))).toBe(true);
    await main(['--quiet', '--cache=tmp/c1'], io);
    expect(existsSync(path.join(cwd, 'tmp/c1'))).toBe(true);
    await main(['--quiet', '--cache-location', 'tmp/c2'], io);
    expect(existsSync(path.join(cwd, 'tmp/c2'))).toBe(true);
    let err = '';
    expect(await main(['--cache=input/c'], { ...io, stderr: (s) => (err += s) })).toBe(2);
    expect(err).toMatch(/--cache input\/c is inside an input path/);
  });

  it('keeps one entry per draft and the pieces a rerun reads, nothing older', async () => {
    const cwd = workspace();
    let err = '';
    const io = { cwd, color: false, stdout: () => {}, stderr: (s: string) => (err += s) };
    const root = path.join(cwd, '.draftaudit-cache');
    const files = (): Set<string> => new Set(readdirSync(path.join(root, readdirSync(root)[0]!)));
    const entries = (names: Set<string>): string[] => [...names].filter((n) => /^[0-9a-f]{32}\.entry$/.test(n));
    const pieces = (names: Set<string>): string[] => [...names].filter((n) => /^[a-z][a-z-]*-[0-9a-f]{32}\.json$/.test(n));
    await main(['--quiet', '--cache'], io);
    const first = files();
    expect(entries(first)).toHaveLength(5);
    expect(pieces(first).length).toBeGreaterThan(5);

    // An edited draft: its earlier entry and the pieces made of its earlier text go.
    const drafts = readdirSync(path.join(cwd, 'input')).sort();
    const edited = path.join(cwd, 'input', drafts[0]!);
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nMagnesium also takes part in muscle contraction.\n`);
    await main(['--quiet', '--cache', '--verbose'], io);
    const second = files();
    expect(entries(second)).toHaveLength(5);
    expect(pieces(first).filter((n) => !second.has(n)).length).toBeGreaterThan(0);
    expect(err).toMatch(/removed \d+ cache files? no later run can use\n$/);

    // A rerun on the same drafts finds every piece it reads and removes nothing.
    err = '';
    await main(['--quiet', '--cache', '--verbose'], io);
    expect(files()).toEqual(second);
    expect(err).not.toMatch(/removed/);

    // A run on one draft named by hand (an article of its own) keeps the others' entries and
    // every piece of the batch's run.
    await main(['--quiet', '--cache', path.join('input', drafts[1]!)], io);
    const partial = files();
    expect([...second].filter((n) => !partial.has(n))).toEqual([]);

    // An index that cannot be read says nothing of what is current: nothing goes.
    const index = path.join(root, readdirSync(root)[0]!, 'files.json');
    const saved = readFileSync(index, 'utf8');
    writeFileSync(index, saved.slice(0, 20));
    const before = files();
    const folder = path.join(root, readdirSync(root)[0]!);
    expect(await sweepCache(folder, new Set(), { cwd, pieces: true })).toBe(0);
    expect(files()).toEqual(before);
    writeFileSync(index, saved);

    // A draft that is gone goes from the cache with the next run on the batch.
    rmSync(path.join(cwd, 'input', drafts[2]!));
    await main(['--quiet', '--cache'], io);
    expect(entries(files())).toHaveLength(4);
    expect(JSON.parse(readFileSync(path.join(root, readdirSync(root)[0]!, 'files.json'), 'utf8'))).not.toHaveProperty(`input/${drafts[2]}`);
  }, 120_000);
});
