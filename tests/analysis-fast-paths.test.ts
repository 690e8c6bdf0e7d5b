/**
 * The shortcuts of the per-draft analysis, each against the plain computation it stands for:
 * counting letters only as far as the answer needs them, and the other gates and fast paths
 * below. Each property runs on text built of the pieces drafts are made of (English and
 * Chinese words, figures, units, punctuation, white space) and on arbitrary strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLetters } from '../src/parse/txt.js';

const PIECES = [
  'Magnesium', 'helps', 'you', 'sleep', 'the', 'a', 'Über', 'café', 'ſtudies', 'ΑΒΓ', 'Ωmega', 'Москва',
  '镁', '有助于睡眠', '維生素D', 'カタカナ', '한국어', '𠀀𠀁', '😀', '\u0301', '350 mg', '400毫克', '4, 000 IU',
  '[12]', '(3)', '|', '-', '•', ' ', '  ', '\t', '. ', '。', '，', '…', '?', '\n',
];
const draftText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) }), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('letters counted only as far as needed', () => {
  const letterCount = (t: string): number => t.match(/\p{L}/gu)?.length ?? 0;

  it.each([
    ['', 3, false],
    ['12 | 34', 3, false],
    ['ab', 3, false],
    ['a b c', 3, true],
    ['镁有助', 3, true],
    ['𠀀𠀁', 2, true],
    ['𠀀𠀁', 3, false],
  ])('%j has %i letters: %s', (text, n, expected) => {
    expect(hasLetters(text, n)).toBe(expected);
  });

  it('answers as the full count does', () => {
    fc.assert(
      fc.property(fc.oneof(draftText, fc.string({ unit: 'binary' })), fc.integer({ min: 0, max: 6 }), (t, n) => {
        expect(hasLetters(t, n)).toBe(letterCount(t) >= n);
      }),
      { numRuns: 2000 },
    );
  });
});
