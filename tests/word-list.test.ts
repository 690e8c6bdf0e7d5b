import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import wordListPath from 'word-list';
import { englishWordList, WORD_LIST_FILE, WordList } from '../src/lang/word-list.js';

const source = readFileSync(wordListPath, 'utf8').split('\n').filter((w) => w !== '');

describe('the prebuilt English word list', () => {
  it('is the word-list package packed afresh (run `npm run words` after updating the package)', () => {
    expect(readFileSync(WORD_LIST_FILE).equals(WordList.pack(source))).toBe(true);
  });

  it('holds every word of the package and nothing else', () => {
    const list = englishWordList();
    expect(list.size).toBe(new Set(source).size);
    const all = new Set(list.words());
    expect(all.size).toBe(list.size);
    for (const w of source) if (!all.has(w)) throw new Error(`missing ${w}`);
  });

  it.each([
    ['magnesium', true],
    ['eating', true],
    ['and', true],
    ['zzzs', true], // the last word of the list
    ['aa', true], // among the first
    ['andeating', false],
    ['magnesiumm', false],
    ['Magnesium', false], // the list is lower case; callers lower-case first
    ['café', false],
    ['分钟', false],
    ['', false],
  ])('has(%j) is %s', (word, expected) => {
    expect(englishWordList().has(word)).toBe(expected);
    expect(englishWordList().has(word)).toBe(expected); // the memo gives the same answer
  });

  it.each([
    ['sev', 'after', true], // seven, sever
    ['magnesiu', 'after', true], // magnesium
    ['calciu', 'after', true], // calcium
    ['xqzv', 'after', false],
    ['eral', 'before', true], // several, general
    ['ium', 'before', true], // …ium words of 4–6 letters (opium)
    ['qzxv', 'before', false],
  ])('%j completes %s: %s', (fragment, side, expected) => {
    const list = englishWordList();
    const got = side === 'after' ? list.completesAfter(fragment) : list.completesBefore(fragment);
    const truth = source.some((w) => w.length > fragment.length && w.length <= fragment.length + 3 && (side === 'after' ? w.startsWith(fragment) : w.endsWith(fragment)));
    expect(got).toBe(expected);
    expect(got).toBe(truth); // the same answer as a scan of the package's list
  });

  it('refuses to pack a word that is not lower-case a–z', () => {
    expect(() => WordList.pack(['good', 'Bad'])).toThrow(/lower-case/);
  });
});
