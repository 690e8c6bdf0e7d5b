/**
 * The cache is never trusted blindly (#24): an entry that is not a result of the shape the
 * engine makes (`{}`, a finding without its position, text that is no JSON) is taken for a
 * miss and the draft analysed again, with the same report; a knowledge-base override and a
 * plugin rule's code are part of the key, so a change to either starts afresh.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderJson } from '../src/report/json.js';
import { citations } from '../src/cite/index.js';
import { loadKnowledgeBase } from '../src/dose/index.js';
import { readCached } from '../src/engine/cache.js';
import { revive } from '../src/engine/analyze.js';
import { docFromText, INPUT } from './helpers.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-cache-trust-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

const at = new Date('2026-11-23T00:00:00.000Z');

describe('cache entries are checked, and the key covers what results depend on', () => {
  it('an entry of {}, one whose finding lost its position, one that is no JSON and one with a null block are misses; one with a list for a citation marker is used, its citations extracted again; the report is unchanged', async () => {
    const cwd = workspace();
    const run = () => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at });
    const first = await run();
    const folder = path.join(cwd, '.draftaudit-cache', readdirSync(path.join(cwd, '.draftaudit-cache'))[0]!);
    // The drafts' entries (one per draft), not the index (files.json) nor the pieces of later stages (`<kind>-<hash>.json`).
    const entries = readdirSync(folder).filter((f) => /^[0-9a-f]{32}\.json$/.test(f)).sort();
    expect(entries.length).toBe(5);
    writeFileSync(path.join(folder, entries[0]!), '{}');
    const forged = JSON.parse(readFileSync(path.join(folder, entries[1]!), 'utf8'));
    expect(forged.findings.length).toBeGreaterThan(0);
    forged.findings = forged.findings.map(({ span: _, ...rest }: Record<string, unknown>) => rest);
    writeFileSync(path.join(folder, entries[1]!), JSON.stringify(forged));
    writeFileSync(path.join(folder, entries[2]!), '{"findings": [');
    // A block that is no record, and a citation marker that is a list.
    const noBlock = JSON.parse(readFileSync(path.join(folder, entries[3]!), 'utf8'));
    noBlock.doc.blocks[0] = null;
    writeFileSync(path.join(folder, entries[3]!), JSON.stringify(noBlock));
    const listMarker = JSON.parse(readFileSync(path.join(folder, entries[4]!), 'utf8'));
    const extraction = JSON.parse(listMarker.derived.citations);
    listMarker.derived.citations = JSON.stringify({ ...extraction, markers: [[], ...extraction.markers] });
    writeFileSync(path.join(folder, entries[4]!), JSON.stringify(listMarker));
    // (Read as a stage reads it: the kept extraction does not check, so the draft's is made again.)
    const kept = (await readCached(folder, listMarker.doc.hash, listMarker.doc.path))!;
    const doc = revive(kept, loadKnowledgeBase()).doc!;
    expect(citations(doc)).toEqual(citations(docFromText(doc.text, doc.format)));
    const second = await run();
    expect(second.cache).toEqual({ hits: 1, misses: 4 });
    expect(renderJson(second)).toBe(renderJson(first));
  });

  it('an entry whose block names text beyond its draft, or both a length and a text, is a miss; the report is unchanged', async () => {
    const cwd = workspace();
    const run = () => audit(['input'], resolveConfig(), { cwd, cache: '.draftaudit-cache', now: () => at });
    const first = await run();
    const folder = path.join(cwd, '.draftaudit-cache', readdirSync(path.join(cwd, '.draftaudit-cache'))[0]!);
    const entries = readdirSync(folder).filter((f) => /^[0-9a-f]{32}\.json$/.test(f)).sort();
    const forge = (file: string, change: (block: Record<string, unknown>, text: string) => void): void => {
      const entry = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      // Blocks that read as the draft does keep only their length (the text is the draft's).
      const packed = entry.doc.blocks.filter((b: Record<string, unknown>) => typeof b.length === 'number' && b.text === undefined);
      expect(packed.length).toBeGreaterThan(0);
      change(packed[packed.length - 1], entry.doc.text);
      writeFileSync(path.join(folder, file), JSON.stringify(entry));
    };
    forge(entries[0]!, (b, text) => {
      b.length = text.length;
    });
    forge(entries[1]!, (b) => {
      b.text = 'Take 900 mg of magnesium a day.';
    });
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
