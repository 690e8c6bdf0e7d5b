import { describe, expect, it } from 'vitest';
import { forgetTextMemos, ScopedTextMemo, TextMemo } from '../src/text-memo.js';
import { profileLanguage } from '../src/lang/profile.js';
import { classifyDocument } from '../src/debris/classify.js';
import { fingerprint } from '../src/corpus/fingerprint.js';
import { extractDoses, knowledgeBase } from '../src/dose/index.js';
import { resolveConfig } from '../src/config.js';
import type { Document } from '../src/types.js';
import { docFromText, sampleDoc } from './helpers.js';

describe('TextMemo', () => {
  it('computes once per text while it remembers it, and forgets what it has not met in its last capacity of texts', () => {
    const seen: string[] = [];
    const memo = new TextMemo<number>(4);
    const length = (t: string): number => {
      seen.push(t);
      return t.length;
    };
    expect([memo.get('magnesium', length), memo.get('zinc', length), memo.get('magnesium', length)]).toEqual([9, 4, 9]);
    expect(seen).toEqual(['magnesium', 'zinc']);
    // Met again within the last two texts (half the capacity): remembered.
    memo.get('iron', length);
    memo.get('zinc', length);
    expect(seen).toEqual(['magnesium', 'zinc', 'iron']);
    // Four other texts since 'magnesium' was last met: forgotten.
    memo.get('iodine', length);
    memo.get('calcium', length);
    memo.get('magnesium', length);
    expect(seen).toEqual(['magnesium', 'zinc', 'iron', 'iodine', 'calcium', 'magnesium']);
  });

  it('remembers a value that is null or false as any other', () => {
    let calls = 0;
    const memo = new TextMemo<null | false>(2);
    const nothing = (): null => (calls++, null);
    memo.get('a', nothing);
    memo.get('b', nothing);
    memo.get('a', nothing);
    expect(calls).toBe(2);
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

describe('debris evidence remembered across drafts', () => {
  // The same short lines in two pages: among prose in one, beside a comment notice and a
  // share bar in the other. Each page's verdicts must be those it gets on its own.
  const prose = [
    'Magnesium takes part in hundreds of enzyme reactions, from making energy to relaxing muscles after they contract.',
    'Most adults can meet their needs from food, although older people absorb less of it from the gut.',
  ];
  const pageA = [...prose, 'Related reading', 'Leave a comment below', 'Share this:', ...prose.map((p) => `${p} Beans help too.`)].join('\n\n') + '\n';
  const pageB = ['Related reading', ...prose, 'Related reading', 'Green vegetables and nuts are the richest everyday sources.'].join('\n\n') + '\n';
  const verdicts = (text: string, phrases: readonly string[]) => classifyDocument(docFromText(text), { phrases });

  it('give each page the verdicts it has on its own, whatever was classified before', () => {
    forgetTextMemos();
    const aloneA = verdicts(pageA, ['Share this']);
    forgetTextMemos();
    const aloneB = verdicts(pageB, ['Share this']);
    expect(aloneA.length).toBeGreaterThan(0);
    const phrases = ['Share this'];
    const together = [verdicts(pageA, phrases), verdicts(pageB, phrases), verdicts(pageA, phrases), verdicts(pageB, phrases)];
    expect(together).toEqual([aloneA, aloneB, aloneA, aloneB]);
  });

  it('are kept apart by the configured phrases', () => {
    forgetTextMemos();
    const withPhrase = verdicts(pageB, ['Related reading']);
    const without = verdicts(pageB, []);
    expect(withPhrase.map((v) => v.phrase)).toEqual(['Related reading', 'Related reading']);
    expect(without.map((v) => v.phrase)).toEqual([undefined, undefined]);
  });
});

describe('fingerprints and doses remembered across drafts', () => {
  // Each sample, and a version of it with its paragraphs in another order and one edited:
  // most blocks of the second are met before, in another draft.
  const samples = ['000', '001', '002', '003', '004'];
  const version = (s: string): Document => {
    const paras = sampleDoc(s).text.split(/\n{2,}/);
    const moved = [...paras.slice(3), ...paras.slice(0, 3)];
    moved[1] = `${moved[1]} Take 400 mg of magnesium a day under medical supervision.`;
    return docFromText(moved.join('\n\n'));
  };
  const kb = knowledgeBase(resolveConfig());
  const facts = (doc: Document) => ({ fingerprint: fingerprint(doc), doses: extractDoses(doc, kb) });

  it('are those each draft has on its own, whatever was read before', () => {
    const alone = samples.flatMap((s) => {
      forgetTextMemos();
      const first = facts(sampleDoc(s));
      forgetTextMemos();
      return [first, facts(version(s))];
    });
    forgetTextMemos();
    const together = samples.flatMap((s) => [facts(sampleDoc(s)), facts(version(s))]);
    expect(together).toEqual(alone);
    expect(together[1]!.doses.some((d) => d.role === 'regimen')).toBe(true);
  });
});
