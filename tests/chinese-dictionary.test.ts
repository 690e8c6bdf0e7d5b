/**
 * jieba's dictionary read as an index into its text (src/lang/chinese-dictionary.ts): every
 * answer must be what a plain map of dict.txt's lines gives — words, prefixes and extensions
 * of words, non-words, one-character words with their tags.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chineseCharacterTag, chineseWordFrequency, longestChineseWord } from '../src/lang/chinese-dictionary.js';

const require = createRequire(import.meta.url);
const lines = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n').filter((l) => l !== '');
// The reference: each line "word frequency tag" in a map, the last line of a word winning.
const reference = new Map(lines.map((l) => {
  const [word, count, tag] = l.split(' ');
  return [word!, { count: count === undefined ? 1 : parseInt(count, 10) || 1, tag: tag?.trim() ?? '' }];
}));

describe('chineseWordFrequency', () => {
  it.each([
    ['常常', true],
    ['气喘吁吁', true],
    ['维生素', true],
    ['镁镁', false],
    ['补充镁镁', false],
    ['', false],
    ['zzz', false],
  ])('%j is a word: %s', (word, known) => {
    expect(chineseWordFrequency(word) > 0).toBe(known);
    expect(chineseWordFrequency(word)).toBe(reference.get(word)?.count ?? 0);
  });

  it('answers as a map of the lines for a sample of words, their prefixes and extensions', () => {
    const sample = lines.filter((_, i) => i % 53 === 0).map((l) => l.split(' ')[0]!);
    for (const w of [...sample, lines[0]!.split(' ')[0]!, lines.at(-1)!.split(' ')[0]!]) {
      for (const probe of [w, w.slice(0, -1), `${w}的`, `的${w}`]) expect(chineseWordFrequency(probe)).toBe(reference.get(probe)?.count ?? 0);
    }
  });
});

describe('chineseCharacterTag', () => {
  it.each([
    ['说', 'v'],
    ['个', 'q'],
    ['的', 'uj'],
    ['镁', reference.get('镁')?.tag ?? ''],
    ['常常', ''], // not one character
    ['𠀀', ''],
  ])('%s is tagged %j', (ch, tag) => {
    expect(chineseCharacterTag(ch)).toBe(tag);
  });

  it('answers as a map of the lines for every one-character word', () => {
    for (const [word, { tag }] of reference) if (word.length === 1) expect(chineseCharacterTag(word)).toBe(tag);
  });
});

it('caps the longest word for look-ups around a point', () => {
  let longest = 0;
  for (const w of reference.keys()) longest = Math.max(longest, w.length);
  expect(longestChineseWord()).toBe(Math.min(8, longest));
});
