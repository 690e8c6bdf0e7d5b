/**
 * Which short lines the batch look counts (debris/batch.ts): at most 15 runs of ASCII letters
 * and at most 40 Han characters, counted in one pass. The counts are those of the two
 * patterns they stand for, whatever the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchLines, candidateLines, overLineLimits, primeCandidateLines } from '../src/debris/batch.js';
import type { Document } from '../src/types.js';
import { docFromText } from './helpers.js';

/** The limits as the patterns state them. */
const byPatterns = (text: string): boolean => (text.match(/[A-Za-z]+/g)?.length ?? 0) > 15 || (text.match(/\p{Script=Han}/gu)?.length ?? 0) > 40;

describe('the length limits of a line the batch look counts', () => {
  it.each([
    ['Share this article', false],
    [Array(15).fill('word').join(' '), false],
    [Array(16).fill('word').join(' '), true],
    [Array(16).fill('word').join('-'), true],
    ['café naïve résumé', false],
    ['关'.repeat(40), false],
    ['关'.repeat(41), true],
    ['𠀀'.repeat(41), true],
    ['😀'.repeat(41), false],
    ['〇々'.repeat(20), false],
    ['a\uD840'.repeat(16), true],
  ])('%j: over the limits %s', (text, over) => {
    expect(overLineLimits(text)).toBe(over);
    expect(byPatterns(text)).toBe(over);
  });

  it('counts as the patterns do, whatever the text', () => {
    const piece = fc.constantFrom('a', 'Zinc', ' ', '-', 'é', '关', '𠀀', '😀', '々', '\uD840', '\uDC00', '⺀', '㐀', '1', '_', '[', '`', '{', '@');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        expect(overLineLimits(text)).toBe(byPatterns(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the weights of a draft’s blocks in a batch', () => {
  const footer = 'Was this page helpful? Tell us what you think.';
  const draft = (name: string, body: string): Document => docFromText(`${body}\n\n${footer}\n\nShare this article`, 'txt', `input/${name}.txt`);
  const docs = [
    draft('zinc', 'Zinc supports the immune system. Adults need about 8 to 11 mg a day.'),
    draft('iron', 'Iron carries oxygen in the blood. Many women need 18 mg a day.'),
    draft('folate', 'Folate matters before and during pregnancy: 400 mcg a day is advised.'),
    draft('calcium', 'How much calcium do you need?\n\nMost adults need 1,000 mg a day.'),
  ];
  const batch = batchLines(docs, (p) => p);

  it('finds the line repeated across unrelated drafts, and gives each block of a draft the weight `weight` gives it', () => {
    expect([...batch.lines]).toEqual(expect.arrayContaining([expect.stringContaining('was this page helpful')]));
    for (const doc of docs) {
      const weights = batch.weights(doc.blocks);
      expect(weights).toEqual(doc.blocks.map((b) => batch.weight(b)));
      expect(weights.filter((w) => w > 0).length).toBeGreaterThan(0);
    }
  });

  it('weighs the blocks of a draft outside the batch by their lines as well', () => {
    const outside = draft('vitamin-d', 'Vitamin D helps the body take up calcium.');
    expect(batch.weights(outside.blocks)).toEqual(outside.blocks.map((b) => batch.weight(b)));
    expect(batch.weights(outside.blocks).some((w) => w > 0)).toBe(true);
    expect(batchLines(docs.slice(0, 2), (p) => p).weights(docs[0]!.blocks).every((w) => w === 0)).toBe(true);
  });
});

describe('the lines a draft brings to the batch look, kept with its analysis', () => {
  const make = (name: string): Document => docFromText(`A line of ${name}.\n\nAnother short line about ${name}.`, 'txt', `input/${name}.txt`);

  it('are read as recorded when recorded one per block, once', () => {
    const docs = ['zinc', 'iron', 'folate'].map(make);
    expect(candidateLines(docs[0]!)).toEqual([expect.stringContaining('a line of zinc'), expect.stringContaining('another short line about zinc')]);
    for (const doc of docs) primeCandidateLines(doc, ['a line kept for every draft', null]);
    expect([...batchLines(docs, (p) => p).lines]).toEqual(['a line kept for every draft']);
    // The batch look takes them: a second look works the lines out from the drafts.
    expect([...batchLines(docs, (p) => p).lines]).toEqual([]);
  });

  it('are worked out from the draft when what was recorded is not one string or null per block', () => {
    for (const forged of [['one line only'], [42, null], 'not a list', undefined]) {
      const docs = ['selenium', 'copper', 'iodine'].map((n) => docFromText('Share this article\n\nSome text on ' + n + '.', 'txt', `input/${n}.txt`));
      for (const doc of docs) primeCandidateLines(doc, forged);
      expect([...batchLines(docs, (p) => p).lines]).toEqual([candidateLines(docs[0]!)[0]]);
    }
  });
});
