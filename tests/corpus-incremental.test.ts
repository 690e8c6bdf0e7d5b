/**
 * A rerun's corpus stage with the cache (`pieces`) takes the block-alignment verdicts of
 * unchanged pairs of drafts from the last run (see src/corpus/kept.ts). Whatever was edited
 * in between, the clusters must be those a fresh grouping makes of the same drafts.
 *
 * The batch: versions of the sample article translated in complementary halves (an English
 * first part and a Chinese second part, or the other way round), which only their block
 * alignment joins, beside two unrelated samples. Edits move a version's split point, drop a
 * passage, add a sentence or put a version into the other language order.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpusWithStats } from '../src/corpus/index.js';
import { resolveConfig } from '../src/config.js';
import { PieceCache } from '../src/engine/pieces.js';
import type { Document } from '../src/types.js';
import { ROOT, docFromText, sampleDoc, samplePath } from './helpers.js';
import { TABLE_001 } from './fixtures/corpus/tables.js';

const config = resolveConfig();
const en = readFileSync(path.join(ROOT, samplePath('002')), 'utf8').split('\n');
const zh = readFileSync(path.join(ROOT, samplePath('001')), 'utf8').split('\n');
const passages = TABLE_001.map(([zhLine, enLine]) => ({ zh: zh[zhLine - 1]!, en: en[enLine - 1]! }));

/** A version: which passages it keeps, where English turns to Chinese (or back), and any sentence added. */
interface Version {
  split: number;
  englishFirst: boolean;
  dropped: number | null;
  added: string | null;
  /** Passages kept from the start (a truncated version aligns to a part of the others only). */
  length: number;
}

function text(v: Version): string {
  const kept = passages.slice(0, v.length).filter((_, i) => i !== v.dropped);
  const body = kept.map((p, i) => ((i < v.split) === v.englishFirst ? p.en : p.zh)).join('\n\n');
  return v.added ? `${body}\n\n${v.added}` : body;
}

const others = [sampleDoc('003'), sampleDoc('004')];

function batch(versions: readonly Version[]): Document[] {
  return [...versions.map((v, i) => docFromText(text(v), 'txt', `input/half-${i}.txt`)), ...others];
}

const version: fc.Arbitrary<Version> = fc.record({
  split: fc.integer({ min: 8, max: passages.length - 8 }),
  englishFirst: fc.boolean(),
  dropped: fc.option(fc.integer({ min: 0, max: passages.length - 1 })),
  added: fc.option(fc.constantFrom('Magnesium may help some adults sleep (1).', '镁可能有助于一些成年人入睡。', 'Talk to your doctor first.')),
  length: fc.integer({ min: 20, max: passages.length }),
});

/** An edit of one version: another split, another passage dropped, a sentence added, the languages swapped. */
const edit = fc.record({
  at: fc.nat(),
  change: fc.oneof(
    fc.integer({ min: 8, max: passages.length - 8 }).map((split) => (v: Version): Version => ({ ...v, split })),
    fc.integer({ min: 0, max: passages.length - 1 }).map((dropped) => (v: Version): Version => ({ ...v, dropped })),
    fc.constant((v: Version): Version => ({ ...v, added: `${v.added ?? ''} Edited: take it with food.`.trim() })),
    fc.constant((v: Version): Version => ({ ...v, englishFirst: !v.englishFirst })),
    fc.integer({ min: 20, max: passages.length }).map((length) => (v: Version): Version => ({ ...v, length })),
  ),
});

function cacheDir(): PieceCache {
  return new PieceCache(mkdtempSync(path.join(tmpdir(), 'draftaudit-corpus-incremental-')));
}

describe('kept alignment verdicts', () => {
  it('after any edits, a rerun groups the drafts as a fresh run does', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.array(version, { minLength: 4, maxLength: 6 }), fc.array(edit, { minLength: 1, maxLength: 2 }), (before, edits) => {
        const pieces = cacheDir();
        buildCorpusWithStats(batch(before), config, { pieces });
        const after = [...before];
        for (const e of edits) after[e.at % after.length] = e.change(after[e.at % after.length]!);
        const rerun = buildCorpusWithStats(batch(after), config, { pieces });
        const fresh = buildCorpusWithStats(batch(after), config);
        expect(JSON.stringify(rerun.clusters)).toBe(JSON.stringify(fresh.clusters));
        expect(rerun.stats.aligned).toBe(fresh.stats.aligned);
        expect(fresh.stats.alignedKept).toBe(0);
        kept += rerun.stats.alignedKept;
      }),
      { numRuns: 12, seed: 20261202 },
    );
    // The verdicts were used: the property did not hold merely because nothing was kept.
    expect(kept).toBeGreaterThan(0);
  });

  it('an unchanged rerun aligns nothing again; an edited draft’s pairs are aligned again', () => {
    const pieces = cacheDir();
    const versions: Version[] = [
      { split: 16, englishFirst: true, dropped: null, added: null, length: passages.length },
      { split: 16, englishFirst: false, dropped: null, added: null, length: passages.length },
    ];
    const first = buildCorpusWithStats(batch(versions), config, { pieces });
    expect(first.stats.aligned).toBeGreaterThanOrEqual(1);
    expect(first.stats.alignedKept).toBe(0);
    const again = buildCorpusWithStats(batch(versions), config, { pieces });
    expect(again.stats.alignedKept).toBe(again.stats.aligned);
    const edited = buildCorpusWithStats(batch([versions[0]!, { ...versions[1]!, added: 'Edited: take it with food.' }]), config, { pieces });
    expect(edited.stats.aligned).toBeGreaterThanOrEqual(1);
    expect(edited.stats.alignedKept).toBe(0);
  });

  it.each([
    ['a verdict that is no boolean', (v: Record<string, unknown>) => Object.fromEntries(Object.keys(v).map((k) => [k, 'yes']))],
    ['a pair name that is no hash', (v: Record<string, unknown>) => ({ ...v, 'input/half-0.txt': false })],
  ])('a kept piece holding %s is not used, and the grouping is unchanged', (_, forge) => {
    const pieces = cacheDir();
    const versions: Version[] = [
      { split: 12, englishFirst: true, dropped: null, added: null, length: passages.length },
      { split: 20, englishFirst: false, dropped: 3, added: null, length: passages.length },
    ];
    const first = buildCorpusWithStats(batch(versions), config, { pieces });
    const [file] = readdirSync(pieces.folder).filter((f) => f.startsWith('realign-'));
    const entry = JSON.parse(readFileSync(path.join(pieces.folder, file!), 'utf8')) as { value: Record<string, unknown> };
    // Every verdict turned round: a piece trusted blindly would split the article.
    entry.value = forge(Object.fromEntries(Object.entries(entry.value).map(([k, v]) => [k, !v])));
    writeFileSync(path.join(pieces.folder, file!), JSON.stringify(entry));
    const rerun = buildCorpusWithStats(batch(versions), config, { pieces });
    expect(rerun.stats.alignedKept).toBe(0);
    expect(JSON.stringify(rerun.clusters)).toBe(JSON.stringify(first.clusters));
  });
});
