/**
 * The cache is never trusted blindly (#24): an entry that is not a result of the shape the
 * engine makes (`{}`, a finding without its position, text that is no JSON) is taken for a
 * miss and the draft analysed again, with the same report; a knowledge-base override and a
 * plugin rule's code are part of the key, so a change to either starts afresh.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderJson } from '../src/report/json.js';
import { citations } from '../src/cite/index.js';
import { loadKnowledgeBase } from '../src/dose/index.js';
import { findingSchema, isFinding, readCached, writeCached } from '../src/engine/cache.js';
import { revive } from '../src/engine/analyze.js';
import { docFromText, INPUT, readEntry, writeEntry } from './helpers.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-cache-trust-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

const at = new Date('2026-11-23T00:00:00.000Z');

/**
 * The samples audited once with the cache: how to run again, the first result, the cache
 * folder and its drafts' entries (one per draft), not the index (files.json) nor the pieces
 * of later stages (`<kind>-<hash>.json`).
 */
async function cachedOnce(): Promise<{ run: () => ReturnType<typeof audit>; first: Awaited<ReturnType<typeof audit>>; folder: string; entries: string[] }> {
  const cwd = workspace();
  const run = () => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at });
  const first = await run();
  const folder = path.join(cwd, '.draftaudit-cache', readdirSync(path.join(cwd, '.draftaudit-cache'))[0]!);
  const entries = readdirSync(folder).filter((f) => /^[0-9a-f]{32}\.entry$/.test(f)).sort();
  return { run, first, folder, entries };
}

describe('cache entries are checked, and the key covers what results depend on', () => {
  it('an entry of {}, one whose finding lost its position, one that is no JSON and one with a null block are misses; one with a list for a citation marker is used, its citations extracted again; the report is unchanged', async () => {
    const { run, first, folder, entries } = await cachedOnce();
    expect(entries.length).toBe(5);
    writeFileSync(path.join(folder, entries[0]!), '{}');
    const forged = readEntry(path.join(folder, entries[1]!));
    expect(forged.findings.length).toBeGreaterThan(0);
    forged.findings = forged.findings.map(({ span: _, ...rest }: Record<string, unknown>) => rest);
    writeEntry(path.join(folder, entries[1]!), forged);
    writeFileSync(path.join(folder, entries[2]!), '{"findings": [');
    // A block that is no record, and a citation marker that is a list.
    const noBlock = readEntry(path.join(folder, entries[3]!));
    noBlock.doc.blocks[0] = null;
    writeEntry(path.join(folder, entries[3]!), noBlock);
    const listMarker = readEntry(path.join(folder, entries[4]!));
    // (Lines for the batch look that are not one per block are worked out again.)
    listMarker.lines = [42];
    const extraction = JSON.parse(listMarker.beside.citations);
    listMarker.beside.citations = JSON.stringify({ ...extraction, markers: [[], ...extraction.markers] });
    writeEntry(path.join(folder, entries[4]!), listMarker);
    // (Read as a stage reads it: the kept extraction does not check, so the draft's is made again.)
    const kept = (await readCached(folder, listMarker.doc.hash, listMarker.doc.path))!;
    const doc = revive(kept, loadKnowledgeBase()).doc!;
    expect(citations(doc)).toEqual(citations(docFromText(doc.text, doc.format)));
    const second = await run();
    expect(second.cache).toEqual({ hits: 1, misses: 4 });
    expect(renderJson(second)).toBe(renderJson(first));
  });

  it('an entry whose block names text beyond its draft, holds both a length and a text, or is a list of another shape is a miss; the report is unchanged', async () => {
    const { run, first, folder, entries } = await cachedOnce();
    const forge = (file: string, change: (blocks: unknown[], at: number, text: string) => void): void => {
      const entry = readEntry(path.join(folder, file));
      // Blocks that read as the draft does keep only their numbers: [index, kind, start, end, textAt, length(, depth)].
      const packed = entry.doc.blocks.flatMap((b: unknown, i: number) => (Array.isArray(b) ? [i] : []));
      expect(packed.length).toBeGreaterThan(0);
      change(entry.doc.blocks, packed[packed.length - 1], entry.doc.text);
      writeEntry(path.join(folder, file), entry);
    };
    forge(entries[0]!, (blocks, i, text) => {
      (blocks[i] as number[])[5] = text.length;
    });
    forge(entries[1]!, (blocks, i) => {
      const [index, kind, start, end, textAt, length] = blocks[i] as [number, string, number, number, number, number];
      blocks[i] = { index, kind, start, end, textAt, length, text: 'Take 900 mg of magnesium a day.' };
    });
    forge(entries[2]!, (blocks, i) => {
      (blocks[i] as unknown[]).push(2, 3);
    });
    forge(entries[3]!, (blocks, i) => {
      (blocks[i] as unknown[])[2] = -1;
    });
    const second = await run();
    expect(second.cache).toEqual({ hits: 1, misses: 4 });
    expect(renderJson(second)).toBe(renderJson(first));
  });

  it('an entry whose block is neither a record nor a list (a string, a number) is a miss; the report is unchanged', async () => {
    const { run, first, folder, entries } = await cachedOnce();
    for (const [k, value] of [['Take 900 mg of magnesium a day.', 0], [7, 1]] as const) {
      const entry = readEntry(path.join(folder, entries[value]!));
      entry.doc.blocks[entry.doc.blocks.length - 1] = k;
      writeEntry(path.join(folder, entries[value]!), entry);
    }
    const second = await run();
    expect(second.cache).toEqual({ hits: 3, misses: 2 });
    expect(renderJson(second)).toBe(renderJson(first));
  });

  it('a knowledge-base override or a plugin rule whose code changed starts afresh', async () => {
    const cwd = workspace();
    const rule = (limit: number) => ({
      id: 'house/long-paragraph',
      scope: 'document' as const,
      meta: { description: 'Long paragraph', defaultSeverity: 'info' as const, docs: 'House style.', example: 'a long paragraph' },
      check: new Function('doc', `return doc.blocks.filter((b) => b.text.length > ${limit}).map((b) => ({ span: b.position, message: 'Long paragraph' }));`) as never,
    });
    const run = (config = resolveConfig(), limit = 400) => audit(['input'], config, { cwd, cache: '.draftaudit-cache', now: () => at, plugins: [rule(limit)] });
    expect((await run()).cache).toEqual({ hits: 0, misses: 5 });
    expect((await run()).cache).toEqual({ hits: 5, misses: 0 });
    const tighter = await run(undefined, 200);
    expect(tighter.cache).toEqual({ hits: 0, misses: 5 });
    const lowered = await run(resolveConfig({ nutrients: { magnesium: { limits: [{ jurisdiction: 'us', kind: 'UL', value: 100, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'an editor', source: 'https://example.org/' }] } } }), 200);
    expect(lowered.cache).toEqual({ hits: 0, misses: 5 });
  });
});

describe('a draft whose text is not whole UTF-16', () => {
  it('keeps its text in the entry’s JSON (UTF-8 could not hold a lone surrogate) and reads it back as it was', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'draftaudit-entry-'));
    const doc = docFromText('Vitamin D \ud800 400 IU.\n\n维生素D。', 'txt', 'input/lone.txt');
    expect(await writeCached(folder, doc.hash, doc.path, { findings: [], doc })).toBe(true);
    const name = readdirSync(folder)[0]!;
    expect(readEntry(path.join(folder, name)).doc.text).toBe(doc.text);
    expect(readFileSync(path.join(folder, name), 'latin1').split('\n')[0]).toMatch(/ -1 -1 -1$/);
    expect((await readCached(folder, doc.hash, doc.path))?.doc?.text).toBe(doc.text);
  });
});

describe('the check of a cached finding', () => {
  const finding = {
    ruleId: 'dose/above-upper-limit',
    severity: 'error',
    path: 'input/a.txt',
    span: { start: { line: 3, column: 1, offset: 40 }, end: { line: 3, column: 9, offset: 48 } },
    message: 'Magnesium 900 mg is above the upper limit',
    excerpt: 'Take 900 mg of magnesium',
  };
  const agrees = (v: unknown): void => expect(isFinding(v)).toBe(findingSchema.safeParse(v).success);

  it.each([
    ['a finding', finding],
    ['with data and fixed beside', { ...finding, data: { limit: 350 }, fixed: true }],
    ['a severity of another name', { ...finding, severity: 'fatal' }],
    ['no excerpt', { ...finding, excerpt: undefined }],
    ['a line of 0', { ...finding, span: { ...finding.span, start: { line: 0, column: 1, offset: 0 } } }],
    ['a fractional column', { ...finding, span: { ...finding.span, end: { line: 3, column: 1.5, offset: 48 } } }],
    ['a negative offset', { ...finding, span: { ...finding.span, end: { line: 3, column: 2, offset: -1 } } }],
    ['no offset', { ...finding, span: { ...finding.span, end: { line: 3, column: 2 } } }],
    ['a span that is a list', { ...finding, span: [finding.span.start, finding.span.end] }],
    ['a null span', { ...finding, span: null }],
    ['a list', [finding]],
    ['null', null],
    ['a string', 'finding'],
  ])('agrees with findingSchema on %s', (_, v) => {
    agrees(v);
  });

  it('agrees with findingSchema on any value a cache entry may hold in its place', () => {
    // (Small whole numbers mostly, so that some of the values are findings.)
    const n = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: -1, max: 0 }) }, fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.string());
    const point = fc.record({ line: n, column: n, offset: n });
    const shaped = fc.record(
      {
        ruleId: fc.oneof({ weight: 4, arbitrary: fc.string() }, fc.integer()),
        severity: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('error', 'warning', 'info', 'fatal') }, fc.integer()),
        path: fc.oneof({ weight: 4, arbitrary: fc.string() }, fc.constant(null)),
        span: fc.oneof({ weight: 4, arbitrary: fc.record({ start: point, end: point }) }, fc.jsonValue()),
        message: fc.oneof({ weight: 4, arbitrary: fc.string() }, fc.boolean()),
        excerpt: fc.oneof({ weight: 4, arbitrary: fc.string() }, fc.constant(undefined)),
      },
    );
    let findings = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: shaped }, fc.jsonValue()), (v) => {
        if (isFinding(v)) findings++;
        return isFinding(v) === findingSchema.safeParse(v).success;
      }),
      { numRuns: 3000 },
    );
    expect(findings).toBeGreaterThan(30);
  });
});
