/**
 * The fast paths of dose extraction: `scan` searching a whole-word cue for its body and
 * checking the word-start lookbehind afterwards, and the digit-and-unit test that spares
 * FIGURE most blocks. Both must find exactly what the plain patterns find.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';
import { extractDoses, loadKnowledgeBase } from '../src/dose/index.js';
import { INTAKE, PERIODS, POPULATIONS, REFERRALS, ROLES, scan, type Cue, type Hit } from '../src/dose/lexicon.js';

const kb = loadKnowledgeBase();
const LISTS = { PERIODS, POPULATIONS, ROLES, INTAKE, REFERRALS } as const;

/** `scan` as a plain matchAll of each whole cue. */
function reference<T>(text: string, cues: readonly Cue<T>[], from = 0, to = text.length): Hit<T>[] {
  const slice = text.slice(from, to);
  const hits: Hit<T>[] = [];
  for (const c of cues) {
    for (const m of slice.matchAll(c.re)) {
      if (m[0].length > 0) hits.push({ start: from + m.index, end: from + m.index + m[0].length, value: c.value, strong: c.strong });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit<T>[] = [];
  for (const h of hits) if (kept.length === 0 || h.start >= kept[kept.length - 1]!.end) kept.push(h);
  return kept;
}

describe('scan', () => {
  it('skips a cue inside a word and finds the next one', () => {
    const text = 'an idea day, then a day later';
    expect(scan(text, PERIODS)).toEqual([{ start: text.lastIndexOf('a day'), end: text.lastIndexOf('a day') + 5, value: 'day', strong: true }]);
  });

  it('reads the code point before a cue, astral letters included', () => {
    expect(scan('𝐀a day', PERIODS)).toEqual([]);
    expect(scan('😀a day', PERIODS)).toHaveLength(1);
    expect(scan('A DAY', PERIODS)).toHaveLength(1);
  });

  it('reads a cue through pinyin glued after its characters, at its places in the draft', () => {
    // (The extraction hands `scan` the text in simplified characters, see `readable`.)
    const text = '若需补充,应(yīng)在医(yī)生指导(dǎo)下使用,每日20毫克。';
    const hit = scan(text, ROLES).find((h) => h.value === 'regimen');
    expect(hit && text.slice(hit.start, hit.end)).toBe('在医(yī)生指导(dǎo)下');
    // The same text with the pinyin taken out finds the same cue, at its own places.
    const plain = '若需补充,应在医生指导下使用,每日20毫克。';
    const same = scan(plain, ROLES).find((h) => h.value === 'regimen');
    expect(same && plain.slice(same.start, same.end)).toBe('在医生指导下');
  });

  it('finds what the whole patterns find', () => {
    const pieces = [
      ' ', ' ', '\n', '-', '.', ',', '/', 'x', 'a', '1', 'ſ', 'K', 'İ', '\u0345', '𝐀', '\ud835', '\udc00', '每天', '睡前', '医生', '研究中',
      'a day', 'per day', 'daily', 'Day', 'weekly', '/ d', '/wk', 'women', 'men', 'older adults', 'Kids', 'adults', 'study', 'ſtudy',
      'studies gave', 'were given', 'UL', 'ULs', 'RDA', 'upper limit', 'we recommend', 'take', 'dose', 'diet', 'dietary supplement',
      'from food', 'supplements', 'doctor', 'healthcare provider',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 24 }),
        fc.constantFrom('', ' '),
        fc.nat(3),
        fc.nat(3),
        fc.constantFrom(...(Object.keys(LISTS) as Array<keyof typeof LISTS>)),
        (parts, glue, cutStart, cutEnd, list) => {
          const text = parts.join(glue);
          const from = Math.min(cutStart, text.length);
          const to = Math.max(from, text.length - cutEnd);
          const cues = LISTS[list] as readonly Cue<unknown>[];
          expect(scan(text, cues, from, to)).toEqual(reference(text, cues, from, to));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the children cue', () => {
  // An age opens where its digits do (`(?<!\d)`): the cue finds what it found without that
  // check, which let `\d+` run through a long run of digits from each of them.
  const children = POPULATIONS.filter((c) => c.value === 'children');
  const unchecked = children.map((c) => ({ ...c, re: new RegExp(c.re.source.replaceAll('(?<!\\d)', ''), c.re.flags) }));

  it.each([
    ['babies of 0-6 months', 2],
    ['from 6 to 12 months of age', 1],
    ['a dose of 999999 mg', 0],
    ['x12-24 months', 0],
    ['6-12个月的婴儿', 2],
    ['3岁以下', 1],
    ['2023年12月', 0],
  ])('%j: %i hit(s)', (text, count) => {
    expect(scan(text, children)).toHaveLength(count);
    expect(scan(text, children)).toEqual(scan(text, unchecked));
  });

  it('finds what it found without the check', () => {
    const pieces = ['1', '12', '999', '0', ' ', '-', '–', ' to ', 'to', 'months', ' months', '个月', '月龄', '岁以下', '至', '~', 'a', 'x', '.', '儿童'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(scan(text, children)).toEqual(scan(text, unchecked));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('figure pre-check', () => {
  it('passes over digits without a unit and keeps figures of every unit spelling', () => {
    const doses = (text: string) => extractDoses(docFromText(text), kb).map((d) => d.text);
    expect(doses('Chapter 3 groups 12 studies from 2019.')).toEqual([]);
    expect(doses('Take 2 tablets with 5\u00a0mg of zinc.')).toEqual(['5\u00a0mg']);
    // One text per spelling: each must pass the pre-check on its own.
    const spellings = ['５００毫克', '5微克', '400国际单位', '2克', '25%', '2 milligrams', '5 micrograms', '5 mcg', '5 µg', '5 μg', '5 ug', '5 mg', '5 MG', '5 Mg', '2 grams', '2 g', '400 IU', '400 iu', '25 percent'];
    for (const s of spellings) expect(doses(`Take ${s} of zinc.`)).toEqual([s]);
  });
});
