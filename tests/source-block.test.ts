import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { SourceBlock, type BlockData } from '../src/parse/source-block.js';
import { lineStartsOf, sourceOffset } from '../src/position.js';
import type { Block, Format } from '../src/types.js';
import { ROOT, samplePath } from './helpers.js';

/** What a rule can read of a block. */
function seen(b: Block): unknown {
  return { index: b.index, kind: b.kind, text: b.text, depth: b.depth, position: b.position, segments: b.segments };
}

const drafts: Array<[string, Format, string]> = [
  ...['000', '001', '002', '003', '004'].map((s): [string, Format, string] => [s, 'txt', readFileSync(samplePath(s), 'utf8')]),
  ['cite/article.md', 'md', readFileSync(path.join(ROOT, 'tests/fixtures/cite/article.md'), 'utf8')],
  ['cite/article.html', 'html', readFileSync(path.join(ROOT, 'tests/fixtures/cite/article.html'), 'utf8')],
  ['dose/vitamin-d.md', 'md', readFileSync(path.join(ROOT, 'tests/fixtures/dose/vitamin-d.md'), 'utf8')],
];

describe('SourceBlock', () => {
  it.each(drafts)('%s: a block copied to another thread or the cache reads the same once revived', (_name, format, text) => {
    const { blocks, lineStarts } = parse(text, format);
    expect(blocks.length).toBeGreaterThan(0);
    for (const copy of [structuredClone(blocks), JSON.parse(JSON.stringify(blocks)) as unknown[]]) {
      // A copy holds data only: no span, no segments until revived.
      expect((copy[0] as Partial<Block>).position).toBeUndefined();
      const revived = copy.map((b) => SourceBlock.revive(b as BlockData, text, lineStarts));
      expect(revived.map(seen)).toEqual(blocks.map(seen));
    }
  });

  it.each(drafts)('%s: spans come from the parser, every text index maps onto its character', (_name, format, text) => {
    const { blocks } = parse(text, format);
    const lines = text.split(/\r\n|\r|\n/);
    for (const b of blocks) {
      const { start, end } = b.position;
      expect(lines[start.line - 1]!.length).toBeGreaterThanOrEqual(start.column - 1);
      expect(end.offset).toBeGreaterThan(start.offset);
      for (let i = 0; i < b.text.length; i += 7) {
        if (/\s/.test(b.text[i]!)) continue;
        expect(text[sourceOffset(b, i)]).toBe(b.text[i]);
      }
    }
  });

  it('keeps the segments of a block whose text does not stand in the file as it reads', () => {
    const text = 'Magnesium *helps* you\nsleep (1).\n';
    const { blocks } = parse(text, 'md');
    expect(blocks[0]!.text).toBe('Magnesium helps you sleep (1).');
    expect(blocks[0]!.segments.length).toBeGreaterThan(1);
    expect(text[sourceOffset(blocks[0]!, blocks[0]!.text.indexOf('sleep'))]).toBe('s');
    const revived = SourceBlock.revive(JSON.parse(JSON.stringify(blocks[0])) as BlockData, text, lineStartsOf(text));
    expect(seen(revived)).toEqual(seen(blocks[0]!));
  });

  it('keeps a span the line starts would not give back as the parser gave it', () => {
    const text = 'one\ntwo\n';
    const lineStarts = lineStartsOf(text);
    const odd = SourceBlock.create(
      { index: 0, kind: 'paragraph', text: 'two', start: { line: 2, column: 1 }, end: { line: 2, column: 4, offset: 7 }, segments: [{ at: 0, offset: 4, length: 3 }] },
      text,
      lineStarts,
    );
    // The start had no offset: 0 would read as line 1, so the parser's point stays.
    expect(odd.position).toEqual({ start: { line: 2, column: 1, offset: 0 }, end: { line: 2, column: 4, offset: 7 } });
    const plain = SourceBlock.create(
      { index: 0, kind: 'paragraph', text: 'two', start: { line: 2, column: 1, offset: 4 }, end: { line: 2, column: 4, offset: 7 }, segments: [{ at: 0, offset: 4, length: 3 }] },
      text,
      lineStarts,
    );
    expect(plain.span).toBeUndefined();
    expect(plain.position).toEqual({ start: { line: 2, column: 1, offset: 4 }, end: { line: 2, column: 4, offset: 7 } });
    expect(plain.segments).toEqual([{ at: 0, offset: 4, length: 3 }]);
  });
});
