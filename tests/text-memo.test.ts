import { describe, expect, it } from 'vitest';
import { ScopedTextMemo, TextMemo } from '../src/text-memo.js';
import { profileLanguage } from '../src/lang/profile.js';
import { sampleDoc } from './helpers.js';

describe('TextMemo', () => {
  it('computes once per text while it remembers it, and forgets the oldest past its capacity', () => {
    const seen: string[] = [];
    const memo = new TextMemo<number>(2);
    const length = (t: string): number => {
      seen.push(t);
      return t.length;
    };
    expect([memo.get('magnesium', length), memo.get('zinc', length), memo.get('magnesium', length)]).toEqual([9, 4, 9]);
    expect(seen).toEqual(['magnesium', 'zinc']);
    memo.get('iron', length); // 'magnesium' goes
    memo.get('magnesium', length);
    expect(seen).toEqual(['magnesium', 'zinc', 'iron', 'magnesium']);
  });

  it('keeps one memory per scope', () => {
    const memos = new ScopedTextMemo<string>();
    memos.in('eng').get('text', () => 'first');
    expect(memos.in('eng').get('text', () => 'second')).toBe('first');
    expect(memos.in('cmn').get('text', () => 'second')).toBe('second');
  });
});

describe('block facts remembered across drafts', () => {
  it('give every sample the profile it has on its own, whatever was profiled before', () => {
    const samples = ['000', '001', '002', '003', '004'];
    const alone = samples.map((s) => {
      // A setting of its own, so no block of another sample is remembered for it.
      return profileLanguage(sampleDoc(s).blocks, undefined, { allowedTerms: [`only-${s}`] });
    });
    const together = samples.map((s) => profileLanguage(sampleDoc(s).blocks, undefined, { allowedTerms: ['shared'] }));
    const again = [...samples].reverse().map((s) => profileLanguage(sampleDoc(s).blocks, undefined, { allowedTerms: ['shared'] })).reverse();
    expect(together).toEqual(alone);
    expect(again).toEqual(alone);
  });
});
