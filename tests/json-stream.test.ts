/**
 * The report writers stream JSON in pieces; readers compare the files byte for byte with
 * `JSON.stringify(value, null, 2)`, so the pieces must join to exactly that text.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonText, lazyArray, WrittenArray } from '../src/report/json-stream.js';
import { piecesText } from '../src/write.js';
import { batched, writeAtomic } from '../src/write.js';

const joined = (value: unknown, depth?: number): string => piecesText(jsonChunks(value, depth));

describe('jsonChunks', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', []],
    ['nested empties', { a: [], b: {}, c: [[], {}] }],
    ['undefined and function members, skipped', { a: undefined, b: () => 1, c: 1 }],
    ['undefined elements, written as null', [undefined, 1, () => 2]],
    ['a Date, through its toJSON', { at: new Date(Date.UTC(2026, 10, 23)) }],
    ['keys and strings that need escaping', { 'a"b\n': 'line\nbreak "quoted" 镁 \u2028' }],
    ['scalars', [null, true, false, 0, -1.5, 'x']],
  ])('writes %s as JSON.stringify does', (_label, value) => {
    for (const depth of [0, 1, 2, 5]) expect(joined(value, depth)).toBe(JSON.stringify(value, null, 2));
  });

  it('writes any JSON value as JSON.stringify does, at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, depth) => {
        expect(joined(value, depth)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('writes a lazy array as the array it makes, making each element only when it is written', () => {
    const made: number[] = [];
    const value = { before: 1, items: lazyArray([1, 2, 3], (n) => (made.push(n), { n, twice: [n, n] })), after: 'x' };
    const pieces = jsonChunks(value, 1);
    const text: string[] = [pieces.next().value as string];
    expect(made).toEqual([]);
    text.push(...(pieces as Generator<string>));
    expect(text.join('')).toBe(JSON.stringify({ before: 1, items: [1, 2, 3].map((n) => ({ n, twice: [n, n] })), after: 'x' }, null, 2));
    expect(made).toEqual([1, 2, 3]);
    expect(joined({ items: lazyArray([], (n: number) => n) })).toBe(JSON.stringify({ items: [] }, null, 2));
  });

  it('writes an array given as written runs of elements as the array, with empty runs left out', () => {
    const items = [{ a: 1, b: ['x', { c: null }] }, 'two', 3, { d: {} }, [4, [5]]];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (cuts, depth) => {
        // The items cut into runs of the lengths `cuts` gives (then the rest), some of them empty.
        const runs = (indent: string): string[] => {
          const out: string[] = [];
          let at = 0;
          for (const n of cuts) {
            out.push(items.slice(at, at + n).map((v) => jsonText(v, indent)).join(`,\n${indent}`));
            at = Math.min(items.length, at + n);
          }
          out.push(items.slice(at).map((v) => jsonText(v, indent)).join(`,\n${indent}`));
          return out;
        };
        expect(joined({ head: 1, items: new WrittenArray(runs), tail: [] }, depth)).toBe(JSON.stringify({ head: 1, items, tail: [] }, null, 2));
      }),
      { numRuns: 200 },
    );
    expect(joined({ items: new WrittenArray(() => ['', '']) })).toBe(JSON.stringify({ items: [] }, null, 2));
    // A run kept as UTF-8 bytes stands as the text it holds; an empty one stands for nothing.
    const bytes = (indent: string): Uint8Array[] => [Buffer.from(jsonText({ name: '镁 "Mg"' }, indent)), new Uint8Array(0), Buffer.from(jsonText(2, indent))];
    expect(joined({ items: new WrittenArray(bytes) })).toBe(JSON.stringify({ items: [{ name: '镁 "Mg"' }, 2] }, null, 2));
  });

  it('goes to disk through writeAtomic, in batches, as the same text', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'draftaudit-json-')), 'big.json');
    const value = { rows: lazyArray(Array.from({ length: 30_000 }, (_, i) => i), (i) => ({ i, text: `镁 row ${i} ${'x'.repeat(40)}` })) };
    writeAtomic(file, jsonChunks(value));
    const expected = JSON.stringify({ rows: Array.from({ length: 30_000 }, (_, i) => ({ i, text: `镁 row ${i} ${'x'.repeat(40)}` })) }, null, 2);
    expect(expected.length).toBeGreaterThan(2 << 20); // more than one write batch
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('writes pieces of text and of bytes in their order, the text around the bytes gathered', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'draftaudit-json-')), 'mixed.txt');
    const pieces: Array<string | Uint8Array> = [];
    let expected = '';
    for (let i = 0; i < 2_000; i++) {
      const text = `镁 ${i} ${'y'.repeat(i % 50)}\n`;
      pieces.push(i % 7 === 3 ? Buffer.from(text) : text);
      expected += text;
    }
    writeAtomic(file, pieces);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect([...batched(pieces, 1 << 10)].filter((b) => typeof b !== 'string')).toHaveLength(pieces.filter((p) => typeof p !== 'string').length);
  });
});
