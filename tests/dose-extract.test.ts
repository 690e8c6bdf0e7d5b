/** Dose extraction: one phrasing per row, English and Chinese, every attribute asserted. */
import { describe, expect, it } from 'vitest';
import { docFromText, lineOf } from './helpers.js';
import { extractDoses, loadKnowledgeBase, type Dose } from '../src/dose/index.js';
import type { Format } from '../src/types.js';

const kb = loadKnowledgeBase();

interface Row {
  text: string;
  /** Which figure of the text (default 0). */
  at?: number;
  format?: Format;
  expected: {
    text: string;
    low: number;
    high: number;
    unit: Dose['unit'];
    period: Dose['period'] | null;
    substance: string | null;
    role: Dose['role'];
    population: Dose['population'] | null;
    bound?: 'upTo' | 'atLeast';
    intake?: Dose['intake'];
    amount?: [number, number];
  };
}

const row = (text: string, expected: Row['expected'], at = 0, format: Format = 'txt'): Row => ({ text, expected, at, format });

const ENGLISH: Row[] = [
  row('For optimizing sleep, we recommend taking 100-200mg of high quality magnesium about 1 hour before going to bed.', {
    text: '100-200mg', low: 100, high: 200, unit: 'mg', period: 'night', substance: 'magnesium', role: 'advice', population: null,
  }),
  row('In this study, researchers gave 46 elderly people either 500mg of magnesium or placebo each night for 8 weeks.', {
    text: '500mg', low: 500, high: 500, unit: 'mg', period: 'night', substance: 'magnesium', role: 'report', population: 'older adults',
  }),
  row('First, the upper limit for supplemental magnesium is 350 mg per day ( 2 ).', {
    text: '350 mg', low: 350, high: 350, unit: 'mg', period: 'day', substance: 'magnesium', role: 'limit', population: null, intake: 'supplement',
  }),
  row('The Institute of Medicine suggests a daily dietary intake of 310–360 mg of magnesium for adult women and 400–420 mg for adult men ( 1 ).', {
    text: '310–360 mg', low: 310, high: 360, unit: 'mg', period: 'day', substance: 'magnesium', role: 'intake', population: 'women', intake: 'diet',
  }),
  row(
    'The Institute of Medicine suggests a daily dietary intake of 310–360 mg of magnesium for adult women and 400–420 mg for adult men ( 1 ).',
    { text: '400–420 mg', low: 400, high: 420, unit: 'mg', period: 'day', substance: 'magnesium', role: 'intake', population: 'men', intake: 'diet' },
    1,
  ),
  row('However, the aforementioned clinical trials used amounts of magnesium in the range of 225–500 mg.', {
    text: '225–500 mg', low: 225, high: 500, unit: 'mg', period: null, substance: 'magnesium', role: 'report', population: null,
  }),
  row('Typical adult doses of magnesium for sleep support range from 200–400 mg daily.', {
    text: '200–400 mg', low: 200, high: 400, unit: 'mg', period: 'day', substance: 'magnesium', role: 'advice', population: 'adults', intake: 'supplement',
  }),
  row('Aim for between 225 and 500 mg of magnesium a day.', {
    text: 'between 225 and 500 mg', low: 225, high: 500, unit: 'mg', period: 'day', substance: 'magnesium', role: 'advice', population: null,
  }),
  row('You can take up to 350 mg of magnesium daily.', {
    text: 'up to 350 mg', low: 350, high: 350, bound: 'upTo', unit: 'mg', period: 'day', substance: 'magnesium', role: 'advice', population: null,
  }),
  row('Some people take 10,000 IU of vitamin D3 daily.', {
    text: '10,000 IU', low: 10000, high: 10000, unit: 'IU', period: 'day', substance: 'vitamin-d', role: 'advice', population: null, amount: [250, 250],
  }),
  row('The UL for zinc is 40 mg per day for adults.', {
    text: '40 mg', low: 40, high: 40, unit: 'mg', period: 'day', substance: 'zinc', role: 'limit', population: 'adults',
  }),
  row('Participants were given 5 mg melatonin each night.', {
    text: '5 mg', low: 5, high: 5, unit: 'mg', period: 'night', substance: 'melatonin', role: 'report', population: null,
  }),
  row('Take 0.5 g of vitamin C every day.', {
    text: '0.5 g', low: 0.5, high: 0.5, unit: 'g', period: 'day', substance: 'vitamin-c', role: 'advice', population: null, amount: [500, 500],
  }),
  row('Women under 50 need 18 mg of iron a day.', {
    text: '18 mg', low: 18, high: 18, unit: 'mg', period: 'day', substance: 'iron', role: 'intake', population: 'women',
  }),
  row('The safe upper level for calcium is 2,500 mg per day.', {
    text: '2,500 mg', low: 2500, high: 2500, unit: 'mg', period: 'day', substance: 'calcium', role: 'limit', population: null,
  }),
  row('Older adults should take 1,200 mg of calcium a day.', {
    text: '1,200 mg', low: 1200, high: 1200, unit: 'mg', period: 'day', substance: 'calcium', role: 'advice', population: 'older adults',
  }),
  row('Children should not exceed 65 mg of magnesium from supplements per day.', {
    text: '65 mg', low: 65, high: 65, unit: 'mg', period: 'day', substance: 'magnesium', role: 'limit', population: 'children',
  }),
  row('One capsule contains 25 mcg of vitamin D.', {
    text: '25 mcg', low: 25, high: 25, unit: 'mcg', period: null, substance: 'vitamin-d', role: 'content', population: null,
  }),
  row('A tablet of 1000 µg of vitamin B6 is plenty.', {
    text: '1000 µg', low: 1000, high: 1000, unit: 'mcg', period: null, substance: 'vitamin-b6', role: 'content', population: null, amount: [1, 1],
  }),
  row('A tablet of 400 μg of pyridoxine is plenty.', {
    text: '400 μg', low: 400, high: 400, unit: 'mcg', period: null, substance: 'vitamin-b6', role: 'content', population: null,
  }),
  row('Take 600 IU of vitamin D every day.', {
    text: '600 IU', low: 600, high: 600, unit: 'IU', period: 'day', substance: 'vitamin-d', role: 'advice', population: null, amount: [15, 15],
  }),
  row('Patients were given 50,000 IU of vitamin D once a week.', {
    text: '50,000 IU', low: 50000, high: 50000, unit: 'IU', period: 'week', substance: 'vitamin-d', role: 'report', population: null,
  }),
  row('In one trial, participants received 100,000 IU of vitamin D per year.', {
    text: '100,000 IU', low: 100000, high: 100000, unit: 'IU', period: 'year', substance: 'vitamin-d', role: 'report', population: null,
  }),
  row('Some of you will note that this is just 25% of your RDI of magnesium.', {
    text: '25%', low: 25, high: 25, unit: '%', period: null, substance: 'magnesium', role: 'amount', population: null,
  }),
  row('For magnesium, 350 milligrams per day is the upper limit.', {
    text: '350 milligrams', low: 350, high: 350, unit: 'mg', period: 'day', substance: 'magnesium', role: 'limit', population: null,
  }),
  row('Before bed, take 3 mg of melatonin.', {
    text: '3 mg', low: 3, high: 3, unit: 'mg', period: 'night', substance: 'melatonin', role: 'advice', population: null,
  }),
  row('Take 200 mg of magnesium, 15 mg of zinc and 2 mg of melatonin at bedtime.', {
    text: '15 mg', low: 15, high: 15, unit: 'mg', period: 'night', substance: 'zinc', role: 'advice', population: null,
  }, 1),
  row('Keep to less than 350 mg of magnesium from supplements.', {
    text: 'less than 350 mg', low: 350, high: 350, bound: 'upTo', unit: 'mg', period: null, substance: 'magnesium', role: 'amount', population: null,
  }),
  row('Women over 50 should get at least 1,200 mg of calcium daily.', {
    text: 'at least 1,200 mg', low: 1200, high: 1200, bound: 'atLeast', unit: 'mg', period: 'day', substance: 'calcium', role: 'intake', population: 'women',
  }),
  row('For men, the RDA is 420 mg of magnesium.', {
    text: '420 mg', low: 420, high: 420, unit: 'mg', period: null, substance: 'magnesium', role: 'intake', population: 'men', intake: 'diet',
  }),
  row('Magnesium matters.\n\nTake 5 g before bed.', {
    text: '5 g', low: 5, high: 5, unit: 'g', period: 'night', substance: 'magnesium', role: 'advice', population: null, amount: [5000, 5000],
  }),
];

const CHINESE: Row[] = [
  row('如何拿镁睡眠睡眠\n\n医药研究所表明,每年膳食摄入量为310-360毫克的成人女性和成人男性400-420毫克( 1 ).', {
    text: '310-360毫克', low: 310, high: 360, unit: 'mg', period: 'year', substance: 'magnesium', role: 'intake', population: 'women', intake: 'diet',
  }),
  row(
    '如何拿镁睡眠睡眠\n\n医药研究所表明,每年膳食摄入量为310-360毫克的成人女性和成人男性400-420毫克( 1 ).',
    { text: '400-420毫克', low: 400, high: 420, unit: 'mg', period: 'year', substance: 'magnesium', role: 'intake', population: 'men', intake: 'diet' },
    1,
  ),
  row('在一项研究中,老年人给予500毫克镁或安慰剂。', {
    text: '500毫克', low: 500, high: 500, unit: 'mg', period: null, substance: 'magnesium', role: 'report', population: 'older adults',
  }),
  row('镁补充剂的安全上层每天350毫克。', {
    text: '350毫克', low: 350, high: 350, unit: 'mg', period: 'day', substance: 'magnesium', role: 'limit', population: null,
  }),
  row('从镁补充剂中被认为的上限实际上是每天350毫克,因此避免尝试这种较高的剂量而没有医疗监督。', {
    text: '350毫克', low: 350, high: 350, unit: 'mg', period: 'day', substance: 'magnesium', role: 'limit', population: null, intake: 'supplement',
  }),
  row('然而,上述临床试验使用的镁量为225-500毫克。', {
    text: '225-500毫克', low: 225, high: 500, unit: 'mg', period: null, substance: 'magnesium', role: 'report', population: null,
  }),
  row('建议成人每天服用200毫克镁。', {
    text: '200毫克', low: 200, high: 200, unit: 'mg', period: 'day', substance: 'magnesium', role: 'advice', population: 'adults',
  }),
  row('每晚睡前服用3毫克褪黑素。', {
    text: '3毫克', low: 3, high: 3, unit: 'mg', period: 'night', substance: 'melatonin', role: 'advice', population: null,
  }),
  row('褪黑激素:建议每晚0.5至5毫克。', {
    text: '0.5至5毫克', low: 0.5, high: 5, unit: 'mg', period: 'night', substance: 'melatonin', role: 'advice', population: null,
  }),
  row('儿童每日锌的摄入上限为7毫克。', {
    text: '7毫克', low: 7, high: 7, unit: 'mg', period: 'day', substance: 'zinc', role: 'limit', population: 'children',
  }),
  row('女性每天需要18毫克铁。', {
    text: '18毫克', low: 18, high: 18, unit: 'mg', period: 'day', substance: 'iron', role: 'intake', population: 'women',
  }),
  row('男性每日需要11毫克锌。', {
    text: '11毫克', low: 11, high: 11, unit: 'mg', period: 'day', substance: 'zinc', role: 'intake', population: 'men',
  }),
  row('维生素D的上限为每天4000国际单位。', {
    text: '4000国际单位', low: 4000, high: 4000, unit: 'IU', period: 'day', substance: 'vitamin-d', role: 'limit', population: null, amount: [100, 100],
  }),
  row('医生有时每周开50000国际单位维生素D。', {
    text: '50000国际单位', low: 50000, high: 50000, unit: 'IU', period: 'week', substance: 'vitamin-d', role: 'regimen', population: null,
  }),
  row('每片含1000微克维生素B6。', {
    text: '1000微克', low: 1000, high: 1000, unit: 'mcg', period: null, substance: 'vitamin-b6', role: 'content', population: null, amount: [1, 1],
  }),
  row('钙的推荐摄入量为每日1000毫克。', {
    text: '1000毫克', low: 1000, high: 1000, unit: 'mg', period: 'day', substance: 'calcium', role: 'intake', population: null, intake: 'diet',
  }),
  row('每天服用不超过350毫克镁。', {
    text: '不超过350毫克', low: 350, high: 350, bound: 'upTo', unit: 'mg', period: 'day', substance: 'magnesium', role: 'limit', population: null,
  }),
  row('维生素C每天2克就够了。', {
    text: '2克', low: 2, high: 2, unit: 'g', period: 'day', substance: 'vitamin-c', role: 'advice', population: null, amount: [2000, 2000],
  }),
  row('每天服用５００毫克镁。', {
    text: '５００毫克', low: 500, high: 500, unit: 'mg', period: 'day', substance: 'magnesium', role: 'advice', population: null,
  }),
  row('老年人每日钙的建议摄入量为1200毫克。', {
    text: '1200毫克', low: 1200, high: 1200, unit: 'mg', period: 'day', substance: 'calcium', role: 'intake', population: 'older adults',
  }),
];

function pick(r: Row): Dose {
  const doc = docFromText(r.text, r.format ?? 'txt');
  const doses = extractDoses(doc, kb);
  const dose = doses[r.at ?? 0];
  if (!dose) throw new Error(`no dose ${r.at ?? 0} in ${JSON.stringify(r.text)} (found ${doses.map((d) => d.text).join(', ')})`);
  return dose;
}

describe('dose extraction', () => {
  it('has at least 40 phrasings, Chinese among them', () => {
    expect(ENGLISH.length + CHINESE.length).toBeGreaterThanOrEqual(40);
    expect(CHINESE.length).toBeGreaterThanOrEqual(15);
  });

  it.each([...ENGLISH, ...CHINESE].map((r) => [`${r.text.replace(/\n+/g, ' ⏎ ')} [${r.at ?? 0}]`, r] as const))('%s', (_name, r) => {
    const dose = pick(r);
    const e = r.expected;
    expect({
      text: dose.text,
      low: dose.value.low,
      high: dose.value.high,
      unit: dose.unit,
      period: dose.period ?? null,
      substance: dose.substance ?? null,
      role: dose.role,
      population: dose.population ?? null,
    }).toEqual({
      text: e.text,
      low: e.low,
      high: e.high,
      unit: e.unit,
      period: e.period,
      substance: e.substance,
      role: e.role,
      population: e.population,
    });
    expect(dose.value.bound).toBe(e.bound);
    if (e.intake) expect(dose.intake).toBe(e.intake);
    if (e.amount) expect([dose.amount?.low, dose.amount?.high]).toEqual(e.amount);
  });

  it.each([
    ['a count with no unit', 'Magnesium is directly involved in over 300 different chemical reactions in the body.'],
    ['people and weeks', 'Researchers followed 46 elderly people for 8 weeks.'],
    ['hours', 'Our bodies run on a 24-hour cycle, and 7h of sleep is short.'],
    ['ratios', 'Some researchers propose an optimal Ca:Mg ratio of around 2:1, or 3:1 in practice.'],
    ['citations', '镁是地球上最常见的矿物之一,并且存在于许多食物中( 1 , 2 , 3 ).'],
    ['a year', 'Another study, published in a 2002 edition of Pharmacopsychiatry, looked at magnesium.'],
    ['codes', 'Q1 (Lowest) had an odds ratio of 0.99 - 1.01 against Q4.'],
    ['a 5G network', 'Magnesium will not protect you from 5G networks.'],
  ])('finds no dose in %s', (_name, text) => {
    expect(extractDoses(docFromText(text), kb)).toEqual([]);
  });

  it('takes no prevalence percentages or serving sizes from table cells as recommendations', () => {
    const md = [
      '# Magnesium',
      '',
      '| Group | Magnesium Deficiency (%) |',
      '|---|---|',
      '| General US Adults | 30–50 |',
      '',
      '| Food | Magnesium per serving (mg) |',
      '|---|---|',
      '| Pumpkin seeds (1 oz) | 150 |',
      '| Almonds (1 oz) | 80 mg |',
    ].join('\n');
    const doses = extractDoses(docFromText(md, 'md'), kb);
    expect(doses.map((d) => [d.text, d.role, d.span.start.line])).toEqual([['80 mg', 'amount', 10]]);
  });

  it('gives no substance to a figure of something the knowledge base does not hold', () => {
    const [dose] = extractDoses(docFromText('Magnesium helps.\n\nEat 20 g of protein a day.'), kb);
    expect(dose).toMatchObject({ text: '20 g', period: 'day' });
    expect(dose!.substance).toBeUndefined();
  });

  it('finds the substance of a sentence that leaves it out in the blocks before, up to the section heading, else the article’s subject', () => {
    const text = ['# Zinc and magnesium', '', 'Zinc supports the immune system; magnesium helps sleep.', '', '# Dosing', '', 'Not all supplements are equal.', '', 'Typical doses are 8–11 mg daily.'].join('\n');
    const [dose] = extractDoses(docFromText(text, 'md'), kb);
    // "# Dosing" names no substance: the search stops there, and the article has two subjects.
    expect(dose!.substance).toBeUndefined();
    const [again] = extractDoses(docFromText(text.replace('# Dosing', '# Dosing zinc'), 'md'), kb);
    expect(again!.substance).toBe('zinc');
    const [single] = extractDoses(docFromText(text.replace('; magnesium helps sleep', ''), 'md'), kb);
    expect(single!.substance).toBe('zinc');
  });

  it('keeps each figure at its place in the original file (Markdown with emphasis)', () => {
    const md = 'Intro line.\n\nWe recommend **taking _400 mg_ of magnesium** daily, and 15 mg of zinc.\n';
    const doc = docFromText(md, 'md');
    const doses = extractDoses(doc, kb);
    expect(doses.map((d) => [d.text, d.substance, d.span.start.line, d.span.start.column, d.span.end.column])).toEqual([
      ['400 mg', 'magnesium', 3, 24, 30],
      ['15 mg', 'zinc', 3, 58, 63],
    ]);
    for (const d of doses) expect(md.slice(d.span.start.offset, d.span.end.offset)).toBe(d.text);
    expect(lineOf(md, '400 mg')).toBe(3);
  });

  it('marks a sentence that sends the reader to a doctor', () => {
    const [a] = extractDoses(docFromText('Take 400 mg of magnesium daily, but talk to your doctor first.'), kb);
    const [b] = extractDoses(docFromText('Take 400 mg of magnesium daily. Talk to your doctor first.'), kb);
    const [c] = extractDoses(docFromText('每天服用400毫克镁前请咨询医生。'), kb);
    expect([a!.referral, b!.referral, c!.referral]).toEqual([true, false, true]);
  });

  it('is memoized per document and knowledge base', () => {
    const doc = docFromText('Take 400 mg of magnesium daily.');
    expect(extractDoses(doc, kb)).toBe(extractDoses(doc, kb));
    const other = loadKnowledgeBase({ magnesium: { plausible: { high: 1200 } } });
    expect(extractDoses(doc, other)).not.toBe(extractDoses(doc, kb));
    expect(Object.isFrozen(extractDoses(doc, kb))).toBe(true);
  });
});
