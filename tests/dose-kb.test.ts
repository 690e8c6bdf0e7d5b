/** The dose knowledge base: shipped figures by jurisdiction, forms, unit conversion, config overrides. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import {
  JURISDICTIONS,
  KNOWLEDGE_BASE_FILE,
  convert,
  inUnit,
  knowledgeBase,
  KnowledgeBaseError,
  limitFor,
  loadKnowledgeBase,
  upperLimitFor,
  type Jurisdiction,
} from '../src/dose/index.js';

const kb = loadKnowledgeBase();
const ODS = /^https:\/\/ods\.od\.nih\.gov\/factsheets\/[A-Za-z0-9]+-HealthProfessional\/$/;
const EFSA = /^https:\/\/(?:doi\.org\/10\.2903\/j\.efsa\.|www\.efsa\.europa\.eu\/)/;
const CNS = /^https:\/\/www\.cnsoc\.org\//;
const SOURCE_OF: Record<Jurisdiction, RegExp> = { us: /^https:\/\/(?:ods\.od\.nih\.gov|www\.fda\.gov)\//, cn: CNS, eu: EFSA };

/** Every figure of the shipped file as written, with where it stands (read from the raw JSON, not through the schema). */
function rawFigures(): Array<{ where: string; figure: Record<string, unknown> }> {
  const raw = JSON.parse(readFileSync(KNOWLEDGE_BASE_FILE, 'utf8')) as { nutrients: Record<string, Record<string, unknown>> };
  const out: Array<{ where: string; figure: Record<string, unknown> }> = [];
  for (const [key, entry] of Object.entries(raw.nutrients)) {
    if (entry.intake) out.push({ where: `${key}.intake`, figure: entry.intake as Record<string, unknown> });
    (entry.limits as Array<Record<string, unknown>>).forEach((l, i) => out.push({ where: `${key}.limits.${i}`, figure: l }));
  }
  return out;
}

describe('data/nutrients.json', () => {
  it.each(rawFigures().map(({ where, figure }) => [where, figure] as const))('%s carries its jurisdiction and the URL of its source', (_where, figure) => {
    expect(JURISDICTIONS).toContain(figure.jurisdiction);
    expect(figure.source).toMatch(/^https:\/\/\S+$/);
    expect(figure.source).toMatch(SOURCE_OF[figure.jurisdiction as Jurisdiction]);
  });

  it.each([
    ['a limit without a jurisdiction', { magnesium: { limits: [{ kind: 'UL', value: 350, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'x', source: 'https://example.org/' }] } }, /limits\.0\.jurisdiction/],
    ['a limit without a source', { magnesium: { limits: [{ jurisdiction: 'us', kind: 'UL', value: 350, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'x' }] } }, /limits\.0\.source/],
    ['a limit whose source is no URL', { magnesium: { limits: [{ jurisdiction: 'us', kind: 'UL', value: 350, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'x', source: 'NIH' }] } }, /limits\.0\.source/],
    ['a limit of another jurisdiction', { magnesium: { limits: [{ jurisdiction: 'uk', kind: 'UL', value: 350, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'x', source: 'https://example.org/' }] } }, /limits\.0\.jurisdiction/],
    ['an intake without a jurisdiction', { zinc: { intake: { jurisdiction: null } } }, /zinc\.intake\.jurisdiction/],
    ['"none" with a value', { zinc: { limits: [{ jurisdiction: 'cn', kind: 'none', value: 40, ages: { from: 18 }, authority: 'x', source: 'https://example.org/' }] } }, /no value/],
    ['a form no entry has', { zinc: { limits: [{ jurisdiction: 'us', kind: 'UL', value: 40, ages: { from: 19 }, appliesTo: 'total', forms: ['chelate'], authority: 'x', source: 'https://example.org/' }] } }, /"chelate" is not a key of zinc\.forms/],
  ])('refuses %s', (_name, overrides, message) => {
    expect(() => loadKnowledgeBase(overrides)).toThrow(KnowledgeBaseError);
    expect(() => loadKnowledgeBase(overrides)).toThrow(message);
  });

  // key, jurisdiction, age of the reader, form, limit, kind, supplements only
  it.each<[string, Jurisdiction, number | 'older', string | undefined, number, 'UL' | 'guidance', boolean]>([
    // US DRIs (National Academies, as the NIH fact sheets give them).
    ['magnesium', 'us', 30, undefined, 350, 'UL', true],
    ['zinc', 'us', 30, undefined, 40, 'UL', false],
    ['iron', 'us', 30, undefined, 45, 'UL', false],
    ['calcium', 'us', 30, undefined, 2500, 'UL', false],
    ['calcium', 'us', 'older', undefined, 2000, 'UL', false],
    ['vitamin-d', 'us', 30, undefined, 100, 'UL', false],
    ['vitamin-b6', 'us', 30, undefined, 100, 'UL', false],
    ['vitamin-c', 'us', 30, undefined, 2000, 'UL', false],
    ['vitamin-a', 'us', 30, 'preformed', 3000, 'UL', false],
    ['vitamin-e', 'us', 30, undefined, 1000, 'UL', true],
    ['niacin', 'us', 30, undefined, 35, 'UL', true],
    ['folate', 'us', 30, 'folic-acid', 1000, 'UL', true],
    ['selenium', 'us', 30, undefined, 400, 'UL', false],
    ['iodine', 'us', 30, undefined, 1100, 'UL', false],
    ['copper', 'us', 30, undefined, 10, 'UL', false],
    ['manganese', 'us', 30, undefined, 11, 'UL', false],
    ['choline', 'us', 30, undefined, 3500, 'UL', false],
    ['phosphorus', 'us', 30, undefined, 4000, 'UL', false],
    ['phosphorus', 'us', 'older', undefined, 3000, 'UL', false],
    ['molybdenum', 'us', 30, undefined, 2000, 'UL', false],
    ['fluoride', 'us', 30, undefined, 10, 'UL', false],
    ['boron', 'us', 30, undefined, 20, 'UL', false],
    ['caffeine', 'us', 30, undefined, 400, 'guidance', false],
    ['epa-dha', 'us', 30, undefined, 3000, 'guidance', false],
    // Chinese DRIs 2023.
    ['vitamin-d', 'cn', 30, undefined, 50, 'UL', false],
    ['vitamin-b6', 'cn', 30, undefined, 60, 'UL', false],
    ['vitamin-b6', 'cn', 'older', undefined, 55, 'UL', false],
    ['calcium', 'cn', 30, undefined, 2000, 'UL', false],
    ['calcium', 'cn', 'older', undefined, 2000, 'UL', false],
    ['iron', 'cn', 30, undefined, 42, 'UL', false],
    ['zinc', 'cn', 30, undefined, 40, 'UL', false],
    ['vitamin-c', 'cn', 30, undefined, 2000, 'UL', false],
    ['selenium', 'cn', 30, undefined, 400, 'UL', false],
    ['iodine', 'cn', 30, undefined, 600, 'UL', false],
    ['copper', 'cn', 30, undefined, 8, 'UL', false],
    ['vitamin-a', 'cn', 30, 'preformed', 3000, 'UL', false],
    ['vitamin-e', 'cn', 30, undefined, 700, 'UL', false],
    ['niacin', 'cn', 30, 'nicotinic-acid', 35, 'UL', false],
    ['niacin', 'cn', 30, 'nicotinamide', 310, 'UL', false],
    ['folate', 'cn', 30, 'folic-acid', 1000, 'UL', true],
    ['choline', 'cn', 30, undefined, 3000, 'UL', false],
    // EFSA, with the 2023–2024 revisions.
    ['magnesium', 'eu', 30, undefined, 250, 'UL', true],
    ['zinc', 'eu', 30, undefined, 25, 'UL', false],
    ['vitamin-b6', 'eu', 30, undefined, 12, 'UL', false],
    ['vitamin-d', 'eu', 30, undefined, 100, 'UL', false],
    ['selenium', 'eu', 30, undefined, 255, 'UL', false],
    ['iodine', 'eu', 30, undefined, 600, 'UL', false],
    ['copper', 'eu', 30, undefined, 5, 'UL', false],
    ['vitamin-e', 'eu', 30, undefined, 300, 'UL', false],
    ['vitamin-a', 'eu', 30, 'preformed', 3000, 'UL', false],
    ['folate', 'eu', 30, 'folic-acid', 1000, 'UL', true],
    ['folate', 'eu', 30, 'methylfolate', 1000, 'UL', true],
    ['calcium', 'eu', 30, undefined, 2500, 'UL', false],
    ['iron', 'eu', 30, undefined, 40, 'guidance', false],
    ['caffeine', 'eu', 30, undefined, 400, 'guidance', false],
    ['epa-dha', 'eu', 30, undefined, 5000, 'guidance', true],
  ])('%s (%s, age %s, form %s): %d, %s', (key, jurisdiction, age, form, value, kind, supplementalOnly) => {
    const limit = limitFor(kb.nutrients[key]!, { jurisdiction, population: age === 'older' ? 'older adults' : 'adults', form });
    expect(limit).toMatchObject({ value, kind, jurisdiction, supplementalOnly });
    expect(limit!.fallback).toBeUndefined();
  });

  it.each<[string, Jurisdiction, 'none' | 'absent', number]>([
    ['magnesium', 'cn', 'none', 350],
    ['vitamin-c', 'eu', 'none', 2000],
    ['manganese', 'cn', 'absent', 11],
    ['caffeine', 'cn', 'absent', 400],
  ])('%s has no %s figure (%s): the US one stands in and says so', (key, jurisdiction, reason, value) => {
    const limit = limitFor(kb.nutrients[key]!, { jurisdiction, population: 'adults' });
    expect(limit).toMatchObject({ value, jurisdiction: 'us', fallback: { from: jurisdiction, reason } });
  });

  it.each(['vitamin-b12', 'vitamin-k', 'biotin', 'potassium', 'melatonin'])('%s has no upper limit and none is invented', (key) => {
    const entry = kb.nutrients[key]!;
    for (const j of JURISDICTIONS) expect(limitFor(entry, { jurisdiction: j })).toBeUndefined();
    expect(entry.limits.every((l) => l.kind === 'none')).toBe(true);
    for (const l of entry.limits) expect(l.note).toMatch(/^No upper limit/);
  });

  it.each<[string, string, Jurisdiction]>([
    ['vitamin-a', 'beta-carotene', 'us'],
    ['vitamin-a', 'beta-carotene', 'eu'],
    ['folate', 'food-folate', 'us'],
    ['folate', 'food-folate', 'cn'],
    ['folate', 'methylfolate', 'us'],
  ])('%s: no limit covers %s (%s)', (key, form, jurisdiction) => {
    expect(limitFor(kb.nutrients[key]!, { jurisdiction, form })).toBeUndefined();
  });

  it('says which form a limit assumes when the figure names none', () => {
    expect(limitFor(kb.nutrients['vitamin-a']!, { jurisdiction: 'us' })).toMatchObject({ value: 3000, formUnknown: true, covers: expect.stringMatching(/^preformed vitamin A/) });
    expect(limitFor(kb.nutrients.niacin!, { jurisdiction: 'cn' })).toMatchObject({ value: 35, formUnknown: true, covers: 'nicotinic acid' });
    expect(limitFor(kb.nutrients.magnesium!, { jurisdiction: 'us' })).toMatchObject({ formUnknown: false });
  });

  it('holds the UL ages: magnesium and vitamin D from 9 y, iron from 14 y, calcium 19–50 y and 51+ y', () => {
    expect(upperLimitFor(kb.nutrients.magnesium!, 'adults')?.ages).toEqual({ from: 9 });
    expect(upperLimitFor(kb.nutrients['vitamin-d']!, 'adults')?.ages).toEqual({ from: 9 });
    expect(upperLimitFor(kb.nutrients.iron!, 'adults')?.ages).toEqual({ from: 14 });
    expect(upperLimitFor(kb.nutrients.calcium!, 'adults')?.ages).toEqual({ from: 19, to: 50 });
    expect(upperLimitFor(kb.nutrients.calcium!, 'older adults')?.ages).toEqual({ from: 51 });
    expect(upperLimitFor(kb.nutrients.calcium!, 'children')).toBeUndefined();
  });

  it('keeps the US figures on the NIH fact sheets and their reference intakes', () => {
    for (const key of ['magnesium', 'zinc', 'iron', 'calcium', 'vitamin-d', 'vitamin-b6', 'vitamin-c', 'vitamin-b12']) {
      const e = kb.nutrients[key]!;
      for (const l of e.limits.filter((x) => x.jurisdiction === 'us')) expect(l.source).toMatch(ODS);
      expect(e.intake!.source).toMatch(ODS);
      expect(e.plausible.source).toMatch(ODS);
    }
    expect(kb.nutrients.magnesium!.intake).toMatchObject({ women: { low: 310, high: 320 }, men: { low: 400, high: 420 } });
  });

  it('words the notes as the sources do: vitamin D (IOM, EFSA 2023) and melatonin (NCCIH)', () => {
    const d = kb.nutrients['vitamin-d']!.limits;
    expect(d.find((l) => l.jurisdiction === 'us')!.note).toMatch(/IOM found 10,000 IU \(250 mcg\) a day not associated with toxicity/);
    expect(d.find((l) => l.jurisdiction === 'eu')!.note).toMatch(/250 mcg a day as the lowest dose with an adverse effect/);
    const m = kb.nutrients.melatonin!;
    expect(m.plausible.note).not.toMatch(/0\.5–10 mg/);
    expect(m.plausible.note).toMatch(/above 5 mg as high doses/);
    expect(m.plausible.source).toBe('https://www.nccih.nih.gov/health/melatonin-what-you-need-to-know');
  });

  it.each([
    ['magnesium', '镁'],
    ['zinc', '锌'],
    ['melatonin', '褪黑激素'],
    ['vitamin-d', 'Vitamin D3'],
    ['vitamin-b6', '维生素B6'],
    ['vitamin-c', 'ascorbic acid'],
    ['selenium', '硒'],
    ['folate', '叶酸'],
    ['epa-dha', 'EPA and DHA'],
    ['caffeine', '咖啡因'],
  ])('maps the alias of %s "%s"', (key, alias) => {
    expect(kb.aliasKey(alias)).toBe(key);
    expect(kb.aliasForm(alias)).toBeUndefined();
  });

  it.each([
    ['magnesium', 'oxide', 'Magnesium oxide'],
    ['magnesium', 'glycinate', '甘氨酸镁'],
    ['calcium', 'carbonate', '碳酸钙'],
    ['iron', 'fumarate', 'ferrous fumarate'],
    ['zinc', 'gluconate', '葡萄糖酸锌'],
    ['vitamin-a', 'preformed', 'retinyl palmitate'],
    ['vitamin-a', 'beta-carotene', 'β-胡萝卜素'],
    ['vitamin-e', 'natural', 'd-alpha-tocopherol'],
    ['vitamin-e', 'synthetic', 'dl-alpha-tocopherol'],
    ['vitamin-e', 'synthetic', '合成维生素E'],
    ['folate', 'folic-acid', 'folic acid'],
    ['folate', 'food-folate', '食物叶酸'],
    ['folate', 'methylfolate', 'L-methylfolate'],
    ['niacin', 'nicotinic-acid', '烟酸'],
    ['niacin', 'nicotinamide', 'niacinamide'],
  ])('knows the form of %s "%s" by the name "%s"', (key, form, alias) => {
    expect(kb.aliasKey(alias)).toBe(key);
    expect(kb.aliasForm(alias)).toBe(form);
  });

  // The shares by weight the issue gives, checked against the molar masses (see each form's note).
  it.each([
    ['magnesium', 'oxide', 0.6],
    ['magnesium', 'citrate', 0.16],
    ['magnesium', 'glycinate', 0.14],
    ['calcium', 'carbonate', 0.4],
    ['calcium', 'citrate', 0.21],
    ['iron', 'sulfate', 0.2],
    ['iron', 'fumarate', 0.33],
    ['iron', 'gluconate', 0.12],
    ['zinc', 'gluconate', 0.14],
    ['zinc', 'sulfate-monohydrate', 0.36],
  ])('%s %s is %d of the nutrient by weight', (key, form, factor) => {
    expect(kb.nutrients[key]!.forms![form]!.factor).toBe(factor);
  });

  it.each([
    'Magnesium and zinc, not ironic iron-rich vitamin D3; 镁和维生素B6, B6 or AB6 or B66.',
    'Calcium-rich foods: calcium carbonate, CALCIUM, calciums, precalcium, vitamin C, vitamin Ca.',
    'Retinyl palmitate or beta-carotene; dl-alpha-tocopherol, not d-alpha-tocopherol; folic acid, food folate, 5-MTHF.',
  ])('finds the aliases of a text as its pattern does: %s', (text) => {
    const viaPattern = [...text.matchAll(kb.aliasPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: kb.aliasKey(m[0]) }));
    expect(kb.findAliases(text)).toEqual(viaPattern);
    expect(viaPattern.length).toBeGreaterThan(3);
  });
});

describe('unit conversion', () => {
  const d = kb.nutrients['vitamin-d']!;
  const mg = kb.nutrients.magnesium!;
  const e = kb.nutrients['vitamin-e']!;
  const a = kb.nutrients['vitamin-a']!;
  it.each([
    [4000, 'IU', d, undefined, 100],
    [40, 'IU', d, undefined, 1],
    [1, 'mg', d, undefined, 1000],
    [5, 'g', mg, undefined, 5000],
    [500, 'mcg', mg, undefined, 0.5],
    [0.35, 'g', mg, undefined, 350],
    [1500, 'IU', e, 'natural', 1000],
    [1100, 'IU', e, 'synthetic', 1000],
    [1500, 'IU', e, undefined, 1000],
    [10000, 'IU', a, undefined, 3000],
    [10000, 'IU', a, 'preformed', 3000],
  ] as const)('%d %s → %d in the entry unit (form %s)', (value, unit, entry, form, expected) => {
    expect(convert(value, unit, entry, form ? entry.forms?.[form] : undefined)).toBeCloseTo(expected, 2);
  });

  it('does not convert % or IU of a nutrient without an IU factor', () => {
    expect(convert(25, '%', mg)).toBeUndefined();
    expect(convert(400, 'IU', mg)).toBeUndefined();
    expect(inUnit({ low: 200, high: 400 }, 'mg', mg)).toEqual({ low: 200, high: 400 });
  });
});

describe('config overrides', () => {
  const usMagnesium = (value: number) => ({ jurisdiction: 'us', kind: 'UL', value, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'an editor', source: 'https://example.org/' });

  it('merges a partial entry over the file, key by key; a list of limits replaces the list', () => {
    const over = loadKnowledgeBase({ magnesium: { limits: [usMagnesium(500)] } });
    expect(limitFor(over.nutrients.magnesium!, { jurisdiction: 'us' })).toMatchObject({ value: 500, supplementalOnly: true });
    expect(over.nutrients.magnesium!.intake).toEqual(kb.nutrients.magnesium!.intake);
    expect(over.nutrients.zinc).toEqual(kb.nutrients.zinc);
    expect(limitFor(kb.nutrients.magnesium!, { jurisdiction: 'us' })!.value).toBe(350);
  });

  it('adds a full new entry, and clears the limits with an empty list', () => {
    const over = loadKnowledgeBase({
      lutein: {
        name: 'lutein',
        aliases: { en: ['lutein'], zh: ['叶黄素'] },
        unit: 'mg',
        intake: null,
        limits: [],
        plausible: { low: 0.5, high: 100, note: 'editorial', source: 'https://example.org/lutein' },
      },
      zinc: { limits: [] },
    });
    expect(over.aliasKey('叶黄素')).toBe('lutein');
    expect(limitFor(over.nutrients.zinc!, { jurisdiction: 'us' })).toBeUndefined();
  });

  it('is read through the resolved config and memoized per overrides object', () => {
    const config = resolveConfig({ nutrients: { zinc: { limits: [{ ...usMagnesium(50), appliesTo: 'total' }] } } });
    expect(knowledgeBase(config)).toBe(knowledgeBase(config));
    expect(limitFor(knowledgeBase(config).nutrients.zinc!, { jurisdiction: 'us' })!.value).toBe(50);
    expect(knowledgeBase(resolveConfig())).toBe(kb);
  });

  it.each([
    [{ magnesium: { limits: [{ ...usMagnesium(350), value: 'lots' }] } }, /^nutrients\.magnesium\.limits\.0\.value: .*number/],
    [{ magnesium: { limits: [{ ...usMagnesium(350), limit: 400 }] } }, /^nutrients\.magnesium\.limits\.0: unknown key "limit"/],
    [{ magnesium: 400 }, /^nutrients\.magnesium: expected an object/],
    [{ magnesium: { plausible: { high: 100 } } }, /^nutrients\.magnesium\.plausible\.high: 100 is below the upper limit 350/],
    [{ magnesium: { plausible: { source: 'not a url' } } }, /^nutrients\.magnesium\.plausible\.source: /],
    [{ lutein: { name: 'lutein' } }, /^nutrients\.lutein\.aliases: /],
    [{ Zinc: { unit: 'mg' } }, /^nutrients\.Zinc: .*known keys: biotin, boron, caffeine, calcium/],
    [{ zinc: { aliases: { en: ['magnesium'], zh: [] } } }, /^nutrients\.zinc\.aliases: "magnesium" is already an alias of magnesium/],
    [{ zinc: { aliases: { en: ['magnesium oxide'], zh: [] } } }, /^nutrients\.zinc\.aliases: "magnesium oxide" is already an alias of magnesium/],
  ])('refuses %j with a message naming the key', (overrides, message) => {
    expect(() => loadKnowledgeBase(overrides)).toThrow(KnowledgeBaseError);
    expect(() => loadKnowledgeBase(overrides)).toThrow(message);
  });
});
