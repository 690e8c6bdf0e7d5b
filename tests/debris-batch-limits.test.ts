/**
 * Which short lines the batch look counts (debris/batch.ts): at most 15 runs of ASCII letters
 * and at most 40 Han characters, counted in one pass. The counts are those of the two
 * patterns they stand for, whatever the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overLineLimits } from '../src/debris/batch.js';

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
