/** The dose knowledge base: shipped figures, unit conversion, config overrides. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { convert, inUnit, knowledgeBase, KnowledgeBaseError, loadKnowledgeBase, upperLimitFor } from '../src/dose/index.js';

const kb = loadKnowledgeBase();
const ODS = /^https:\/\/ods\.od\.nih\.gov\/factsheets\/[A-Za-z0-9]+-HealthProfessional\/$/;

describe('data/nutrients.json', () => {
  it.each([
    // key, unit, adult UL, supplemental only, women RDA, men RDA
    ['magnesium', 'mg', 350, true, [310, 320], [400, 420]],
    ['zinc', 'mg', 40, false, [8, 8], [11, 11]],
    ['iron', 'mg', 45, false, [8, 18], [8, 8]],
    ['calcium', 'mg', 2500, false, [1000, 1200], [1000, 1200]],
    ['vitamin-d', 'mcg', 100, false, [15, 20], [15, 20]],
    ['vitamin-b6', 'mg', 100, false, [1.3, 1.5], [1.3, 1.7]],
    ['vitamin-c', 'mg', 2000, false, [75, 75], [90, 90]],
  ] as const)('%s: %s, UL %d (supplemental only: %s), as the ODS fact sheet gives', (key, unit, ul, supplementalOnly, women, men) => {
    const e = kb.nutrients[key]!;
    expect(e.unit).toBe(unit);
    expect(e.upperLimit).toMatchObject({ value: ul, supplementalOnly });
    expect([e.intake!.women.low, e.intake!.women.high]).toEqual(women);
    expect([e.intake!.men.low, e.intake!.men.high]).toEqual(men);
    for (const source of [e.upperLimit!.source, e.intake!.source, e.plausible.source]) expect(source).toMatch(ODS);
    expect(e.aliases.en.length).toBeGreaterThan(0);
    expect(e.aliases.zh.length).toBeGreaterThan(0);
  });

  it('has calcium’s lower UL from 51 years and vitamin D’s IU factor', () => {
    const calcium = kb.nutrients.calcium!;
    expect(upperLimitFor(calcium, 'older adults')?.value).toBe(2000);
    expect(upperLimitFor(calcium, 'adults')?.value).toBe(2500);
    expect(upperLimitFor(calcium, undefined)?.value).toBe(2500);
    expect(upperLimitFor(calcium, 'children')).toBeUndefined();
    expect(kb.nutrients['vitamin-d']!.iu?.perUnit).toBe(40);
  });

  it('gives melatonin a plausibility bound from NCCIH and no upper limit', () => {
    const m = kb.nutrients.melatonin!;
    expect(m.upperLimit).toBeNull();
    expect(m.intake).toBeNull();
    expect(m.plausible.source).toBe('https://www.nccih.nih.gov/health/melatonin-what-you-need-to-know');
    expect(m.plausible.note).toMatch(/not a UL/);
    expect(m.aliases.zh).toEqual(expect.arrayContaining(['褪黑激素', '褪黑素']));
  });

  it('gives vitamin B12 its RDA and a plausibility bound, and no upper limit (none is set)', () => {
    const b12 = kb.nutrients['vitamin-b12']!;
    expect(b12.upperLimit).toBeNull();
    expect(b12.intake).toMatchObject({ kind: 'RDA', women: { low: 2.4, high: 2.4 }, men: { low: 2.4, high: 2.4 } });
    expect(b12.plausible).toMatchObject({ low: 0.1, high: 10000 });
    for (const source of [b12.intake!.source, b12.plausible.source]) expect(source).toMatch(ODS);
  });

  it.each([
    ['magnesium', '镁'],
    ['zinc', '锌'],
    ['melatonin', '褪黑激素'],
    ['vitamin-d', 'Vitamin D3'],
    ['vitamin-b6', '维生素B6'],
    ['vitamin-c', 'ascorbic acid'],
  ])('maps the alias of %s "%s"', (key, alias) => {
    expect(kb.aliasKey(alias)).toBe(key);
  });

  it.each([
    'Magnesium and zinc, not ironic iron-rich vitamin D3; 镁和维生素B6, B6 or AB6 or B66.',
    'Calcium-rich foods: calcium carbonate, CALCIUM, calciums, precalcium, vitamin C, vitamin Ca.',
  ])('finds the aliases of a text as its pattern does: %s', (text) => {
    const viaPattern = [...text.matchAll(kb.aliasPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: kb.aliasKey(m[0]) }));
    expect(kb.findAliases(text)).toEqual(viaPattern);
    expect(viaPattern.length).toBeGreaterThan(3);
  });
});

describe('unit conversion', () => {
  const d = kb.nutrients['vitamin-d']!;
  const mg = kb.nutrients.magnesium!;
  it.each([
    [4000, 'IU', d, 100],
    [40, 'IU', d, 1],
    [1, 'mg', d, 1000],
    [5, 'g', mg, 5000],
    [500, 'mcg', mg, 0.5],
    [0.35, 'g', mg, 350],
  ] as const)('%d %s → %d in the entry unit', (value, unit, entry, expected) => {
    expect(convert(value, unit, entry)).toBe(expected);
  });

  it('does not convert % or IU of a nutrient without an IU factor', () => {
    expect(convert(25, '%', mg)).toBeUndefined();
    expect(convert(400, 'IU', mg)).toBeUndefined();
    expect(inUnit({ low: 200, high: 400 }, 'mg', mg)).toEqual({ low: 200, high: 400 });
  });
});

describe('config overrides', () => {
  it('merges a partial entry over the file, key by key', () => {
    const over = loadKnowledgeBase({ magnesium: { upperLimit: { value: 500 } } });
    expect(over.nutrients.magnesium!.upperLimit).toMatchObject({ value: 500, supplementalOnly: true });
    expect(over.nutrients.zinc).toEqual(kb.nutrients.zinc);
    expect(kb.nutrients.magnesium!.upperLimit!.value).toBe(350);
  });

  it('adds a full new entry, and clears an upper limit with null', () => {
    const over = loadKnowledgeBase({
      'vitamin-k': {
        name: 'vitamin K',
        aliases: { en: ['vitamin K'], zh: ['维生素K'] },
        unit: 'mcg',
        intake: null,
        upperLimit: null,
        plausible: { low: 1, high: 2000, note: 'editorial', source: 'https://ods.od.nih.gov/factsheets/VitaminK-HealthProfessional/' },
      },
      zinc: { upperLimit: null },
    });
    expect(over.aliasKey('维生素K')).toBe('vitamin-k');
    expect(over.nutrients.zinc!.upperLimit).toBeNull();
  });

  it('is read through the resolved config and memoized per overrides object', () => {
    const config = resolveConfig({ nutrients: { zinc: { upperLimit: { value: 50 } } } });
    expect(knowledgeBase(config)).toBe(knowledgeBase(config));
    expect(knowledgeBase(config).nutrients.zinc!.upperLimit!.value).toBe(50);
    expect(knowledgeBase(resolveConfig())).toBe(kb);
  });

  it.each([
    [{ magnesium: { upperLimit: { value: 'lots' } } }, /^nutrients\.magnesium\.upperLimit\.value: .*number/],
    [{ magnesium: { upperLimit: { limit: 400 } } }, /^nutrients\.magnesium\.upperLimit: unknown key "limit"/],
    [{ magnesium: 400 }, /^nutrients\.magnesium: expected an object/],
    [{ magnesium: { plausible: { high: 100 } } }, /^nutrients\.magnesium\.plausible\.high: 100 is below the upper limit 350/],
    [{ magnesium: { upperLimit: { source: 'not a url' } } }, /^nutrients\.magnesium\.upperLimit\.source: /],
    [{ 'vitamin-k': { name: 'vitamin K' } }, /^nutrients\.vitamin-k\.aliases: /],
    [{ Zinc: { unit: 'mg' } }, /^nutrients\.Zinc: .*known keys: calcium, iron, magnesium/],
    [{ zinc: { aliases: { en: ['magnesium'], zh: [] } } }, /^nutrients\.zinc\.aliases: "magnesium" is already an alias of magnesium/],
  ])('refuses %j with a message naming the key', (overrides, message) => {
    expect(() => loadKnowledgeBase(overrides)).toThrow(KnowledgeBaseError);
    expect(() => loadKnowledgeBase(overrides)).toThrow(message);
  });
});
