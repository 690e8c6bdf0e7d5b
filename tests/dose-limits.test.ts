/**
 * dose/above-upper-limit by jurisdiction and form: for each nutrient and each jurisdiction, a
 * sentence advising just below and one just above its limit (in Chinese where China's limit
 * is judged, in English for the US and EFSA), then the forms a limit does and does not cover.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';
import { ConfigError, resolveConfig, validateConfig } from '../src/config.js';
import { aboveUpperLimit } from '../src/rules/dose/above-upper-limit.js';
import type { ResolvedConfig, RuleFinding } from '../src/types.js';

type Limits = ResolvedConfig['limits'];

function check(text: string, limits: Limits = 'auto'): RuleFinding[] {
  const config = resolveConfig({ limits });
  return aboveUpperLimit.check(docFromText(text, 'txt', 'fixture.txt', { limits }), { config });
}

const en = (amount: string, unit: string, name: string) => `We recommend taking ${amount} ${unit} of ${name} a day from supplements.`;
const zh = (amount: string, unit: string, name: string) => `建议每天通过补充剂补充${amount}${unit}${name}。`;

// nutrient as written, unit, just below, just above, the limit in the message
const US: Array<[string, string, string, string, string]> = [
  ['magnesium', 'mg', '320', '380', 'the US upper limit for ages 9+ of 350 mg a day from supplements'],
  ['zinc', 'mg', '36', '44', 'the US adult upper limit of 40 mg a day'],
  ['iron', 'mg', '40', '50', 'the US upper limit for ages 14+ of 45 mg a day'],
  ['calcium', 'mg', '2,300', '2,700', 'the US upper limit for adults 19–50 y of 2,500 mg a day'],
  ['vitamin D', 'mcg', '90', '110', 'the US upper limit for ages 9+ of 100 mcg a day'],
  ['vitamin D', 'IU', '3,600', '4,400', 'the US upper limit for ages 9+ of 100 mcg (4,000 IU) a day'],
  ['vitamin B6', 'mg', '90', '110', 'the US adult upper limit of 100 mg a day'],
  ['vitamin C', 'mg', '1,800', '2,200', 'the US adult upper limit of 2,000 mg a day'],
  ['retinol', 'mcg', '2,700', '3,300', 'the US adult upper limit of 3,000 mcg a day'],
  ['vitamin E', 'mg', '900', '1,100', 'the US adult upper limit of 1,000 mg a day from supplements'],
  ['niacin', 'mg', '30', '40', 'the US adult upper limit of 35 mg a day from supplements'],
  ['folic acid', 'mcg', '900', '1,100', 'the US adult upper limit of 1,000 mcg a day from supplements'],
  ['selenium', 'mcg', '360', '440', 'the US upper limit for ages 14+ of 400 mcg a day'],
  ['iodine', 'mcg', '1,000', '1,200', 'the US adult upper limit of 1,100 mcg a day'],
  ['copper', 'mg', '9', '11', 'the US adult upper limit of 10 mg a day'],
  ['manganese', 'mg', '10', '12', 'the US adult upper limit of 11 mg a day'],
  ['choline', 'mg', '3,200', '3,800', 'the US adult upper limit of 3,500 mg a day'],
  ['phosphorus', 'mg', '3,600', '4,400', 'the US upper limit for ages 9–70 y of 4,000 mg a day'],
  ['molybdenum', 'mcg', '1,800', '2,200', 'the US adult upper limit of 2,000 mcg a day'],
  ['fluoride', 'mg', '9', '11', 'the US upper limit for ages 9+ of 10 mg a day'],
  ['boron', 'mg', '18', '22', 'the US adult upper limit of 20 mg a day'],
  ['caffeine', 'mg', '360', '440', "the FDA's guidance value for healthy adults (not a UL) of 400 mg a day"],
  ['EPA and DHA', 'mg', '2,700', '3,300', "the FDA's guidance value for healthy adults (not a UL) of 3,000 mg a day"],
];

const CN: Array<[string, string, string, string, string]> = [
  ['维生素D', '微克', '45', '55', "China's adult upper level of 50 mcg a day"],
  ['维生素D', '国际单位', '1,800', '2,200', "China's adult upper level of 50 mcg (2,000 IU) a day"],
  ['维生素B6', '毫克', '58', '65', "China's upper level for adults 18–49 y of 60 mg a day"],
  ['钙', '毫克', '1,800', '2,200', "China's adult upper level of 2,000 mg a day"],
  ['铁', '毫克', '40', '45', "China's adult upper level of 42 mg a day"],
  ['锌', '毫克', '36', '44', "China's adult upper level of 40 mg a day"],
  ['维生素C', '毫克', '1,800', '2,200', "China's adult upper level of 2,000 mg a day"],
  ['硒', '微克', '360', '440', "China's adult upper level of 400 mcg a day"],
  ['碘', '微克', '550', '650', "China's adult upper level of 600 mcg a day"],
  ['铜', '毫克', '7', '9', "China's adult upper level of 8 mg a day"],
  ['视黄醇', '微克', '2,700', '3,300', "China's adult upper level of 3,000 mcg a day"],
  ['维生素E', '毫克', '650', '750', "China's adult upper level of 700 mg a day"],
  ['烟酸', '毫克', '30', '40', "China's adult upper level of 35 mg a day"],
  ['烟酰胺', '毫克', '280', '340', "China's adult upper level of 310 mg a day"],
  ['合成叶酸', '微克', '900', '1,100', "China's adult upper level of 1,000 mcg a day from supplements"],
  ['胆碱', '毫克', '2,800', '3,200', "China's adult upper level of 3,000 mg a day"],
  ['镁', '毫克', '320', '380', 'the US upper limit for ages 9+ of 350 mg a day from supplements (China sets no upper level for magnesium, so the US limit applies)'],
  ['锰', '毫克', '10', '12', 'the US adult upper limit of 11 mg a day (the knowledge base holds no Chinese figure for manganese, so the US limit applies)'],
];

const EU: Array<[string, string, string, string, string]> = [
  ['magnesium', 'mg', '230', '270', "EFSA's upper level for ages 4+ of 250 mg a day from supplements"],
  ['zinc', 'mg', '22', '28', "EFSA's adult upper level of 25 mg a day"],
  ['vitamin B6', 'mg', '11', '13', "EFSA's adult upper level of 12 mg a day"],
  ['vitamin D', 'mcg', '90', '110', "EFSA's upper level for ages 11+ of 100 mcg a day"],
  ['selenium', 'mcg', '240', '270', "EFSA's adult upper level of 255 mcg a day"],
  ['iodine', 'mcg', '550', '650', "EFSA's adult upper level of 600 mcg a day"],
  ['copper', 'mg', '4.5', '5.5', "EFSA's adult upper level of 5 mg a day"],
  ['vitamin E', 'mg', '280', '320', "EFSA's adult upper level of 300 mg a day"],
  ['retinyl palmitate', 'mcg', '2,700', '3,300', "EFSA's adult upper level of 3,000 mcg a day"],
  ['folic acid', 'mcg', '900', '1,100', "EFSA's adult upper level of 1,000 mcg a day from supplements"],
  ['L-methylfolate', 'mcg', '900', '1,100', "EFSA's adult upper level of 1,000 mcg a day from supplements"],
  ['calcium', 'mg', '2,300', '2,700', "EFSA's adult upper level of 2,500 mg a day"],
  ['nicotinic acid', 'mg', '9', '11', "EFSA's adult upper level of 10 mg a day from supplements"],
  ['nicotinamide', 'mg', '850', '950', "EFSA's adult upper level of 900 mg a day from supplements"],
  ['caffeine', 'mg', '360', '440', "EFSA's guidance value for healthy adults (not a UL) of 400 mg a day"],
  ['iron', 'mg', '36', '44', "EFSA's guidance value for healthy adults (not a UL) of 40 mg a day"],
  ['EPA and DHA', 'mg', '4,500', '5,500', "EFSA's guidance value for healthy adults (not a UL) of 5,000 mg a day from supplements"],
  ['vitamin C', 'mg', '1,800', '2,200', 'the US adult upper limit of 2,000 mg a day (EFSA sets no upper level for vitamin C, so the US limit applies)'],
];

describe.each<[string, Limits, typeof US, typeof en]>([
  ['US (English draft, limits "auto")', 'auto', US, en],
  ['China (Chinese draft, limits "auto")', 'auto', CN, zh],
  ['EFSA (English draft, limits "eu")', 'eu', EU, en],
])('%s', (_name, limits, rows, sentence) => {
  it.each(rows)('%s in %s: %s passes, %s is reported', (name, unit, below, above, limit) => {
    expect(check(sentence(below, unit, name), limits)).toEqual([]);
    const found = check(sentence(above, unit, name), limits);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`, above ${limit}`);
  });
});

describe('config limits', () => {
  it('defaults to auto and takes us, cn and eu', () => {
    expect(resolveConfig().limits).toBe('auto');
    for (const limits of ['auto', 'us', 'cn', 'eu']) expect(validateConfig({ limits }, 'draftaudit.config.json').limits).toBe(limits);
  });

  it('refuses another value and names the valid ones', () => {
    expect(() => validateConfig({ limits: 'uk' }, 'draftaudit.config.json')).toThrow(ConfigError);
    expect(() => validateConfig({ limits: 'uk' }, 'draftaudit.config.json')).toThrow(/limits: .*allowed: auto, us, cn, eu/);
  });
});

describe('the jurisdiction of a draft', () => {
  const chinese = '建议每天服用3000国际单位维生素D。';
  const english = 'We recommend taking 3,000 IU of vitamin D a day.';

  it.each<[string, string, Limits, string | null]>([
    ['a Chinese draft, auto', chinese, 'auto', 'cn'],
    ['a Chinese draft, us', chinese, 'us', null],
    ['an English draft, auto', english, 'auto', null],
    ['an English draft, cn', english, 'cn', 'cn'],
    ['an English draft, eu', english, 'eu', null],
  ])('%s: 3,000 IU of vitamin D is judged against %s', (_name, text, limits, jurisdiction) => {
    const found = check(text, limits);
    expect(found.map((f) => f.data?.jurisdiction ?? null)).toEqual(jurisdiction ? [jurisdiction] : []);
  });

  it('names the jurisdiction and the age range, and carries both in data', () => {
    const [f] = check(chinese);
    expect(f!.message).toBe("Recommends 3,000 IU/d of vitamin D from supplements, above China's adult upper level of 50 mcg (2,000 IU) a day");
    expect(f!.data).toMatchObject({ jurisdiction: 'cn', limitKind: 'UL', ages: { from: 18 }, limit: 50, limitUnit: 'mcg', source: 'https://www.cnsoc.org/' });
  });

  it.each([
    ['80 mg of vitamin B6 in a Chinese draft', '建议每天补充80毫克维生素B6。', "China's upper level for adults 18–49 y of 60 mg"],
    ['2,200 mg of calcium in a Chinese draft', '建议每天补充2200毫克钙。', "China's adult upper level of 2,000 mg"],
    ['55 mg of vitamin B6 for older readers', '老年人建议每天补充58毫克维生素B6。', "China's upper level for adults 50+ y of 55 mg"],
    ['2,200 mg of calcium for older readers', 'For adults over 50, we recommend 2,200 mg of calcium a day.', 'the US upper limit for adults 51+ y of 2,000 mg'],
    ['3.5 g of phosphorus for older readers', 'Older adults should take 3.5 g of phosphorus a day.', 'the US upper limit for adults 71+ y of 3,000 mg'],
  ])('reports %s', (_name, text, limit) => {
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(limit);
  });
});

describe('forms', () => {
  it.each<[string, string, Limits, string | null]>([
    // Folic acid against food folate; a form not named is held against folic acid's limit, and said so.
    ['folic acid', 'We recommend 1,200 mcg of folic acid a day.', 'auto', 'of 1,000 mcg a day from supplements'],
    ['food folate', 'We recommend 1,200 mcg of food folate a day.', 'auto', null],
    ['folate, form not named', 'We recommend 1,200 mcg of folate a day.', 'auto', 'the limit covers folic acid from supplements and fortified food (no limit for food folate), and the sentence does not name the form'],
    ['叶酸, form not named', '建议每天补充1200微克叶酸。', 'auto', 'the limit covers synthetic folic acid (no limit for food folate), and the sentence does not name the form'],
    ['食物叶酸', '建议每天摄入1200微克食物叶酸。', 'auto', null],
    ['methylfolate in the US', 'We recommend 1,200 mcg of methylfolate a day.', 'us', null],
    ['methylfolate for EFSA', 'We recommend 1,200 mcg of methylfolate a day.', 'eu', 'of 1,000 mcg a day from supplements'],
    ['DFE, read as folic acid with food', 'We recommend 2,000 mcg DFE of folate a day from supplements.', 'auto', '(≈ 1,200 mcg of folate at 60% by weight)'],
    // Preformed vitamin A against beta-carotene.
    ['retinyl palmitate', 'We recommend 12,000 IU of retinyl palmitate a day.', 'auto', 'above the US adult upper limit of 3,000 mcg (10,000 IU) a day'],
    ['retinyl palmitate under the limit', 'We recommend 8,000 IU of retinyl palmitate a day.', 'auto', null],
    ['beta-carotene', 'We recommend 25,000 IU of beta-carotene a day.', 'auto', null],
    ['β-胡萝卜素', '建议每天补充15毫克β-胡萝卜素。', 'auto', null],
    ['vitamin A, form not named', 'We recommend 12,000 IU of vitamin A a day.', 'auto', 'the limit covers preformed vitamin A (retinol and retinyl esters), not beta-carotene, and the sentence does not name the form'],
    ['vitamin A as retinyl acetate', 'We recommend 12,000 IU of vitamin A a day as retinyl acetate.', 'auto', 'of 3,000 mcg (10,000 IU) a day'],
    // Synthetic against natural vitamin E: 1,100 IU of the one is 1,500 IU of the other.
    ['synthetic vitamin E', 'Take 1,200 IU of synthetic vitamin E (dl-alpha-tocopherol) a day.', 'auto', 'of 1,000 mg (1,100 IU) a day from supplements'],
    ['natural vitamin E', 'Take 1,200 IU of natural vitamin E (d-alpha-tocopherol) a day.', 'auto', null],
    ['dl-alpha-tocopherol', 'Take 1,200 IU of dl-alpha-tocopherol a day.', 'auto', 'of 1,000 mg (1,100 IU) a day from supplements'],
    ['vitamin E in IU, form not named', 'Take 1,600 IU of vitamin E a day.', 'auto', 'of 1,000 mg (1,500 IU) a day from supplements (IU read as natural d-alpha-tocopherol, 1.5 IU per mg; the sentence does not name the form)'],
    ['合成维生素E', '建议每天补充1000国际单位合成维生素E。', 'auto', "China's adult upper level of 700 mg (770 IU) a day"],
    // Nicotinic acid against nicotinamide in China; niacin in the US covers both.
    ['烟酰胺 under its own limit', '建议每天补充300毫克烟酰胺。', 'auto', null],
    ['烟酸 above its own', '建议每天补充300毫克烟酸。', 'auto', "China's adult upper level of 35 mg a day"],
    ['nicotinamide in the US', 'We recommend 300 mg of nicotinamide a day.', 'auto', 'the US adult upper limit of 35 mg a day from supplements'],
    // Compound weights: the salt is converted to the element first, and the message says so.
    ['400 mg of magnesium oxide', 'We recommend 400 mg of magnesium oxide a day.', 'auto', null],
    ['800 mg of magnesium oxide', 'We recommend 800 mg of magnesium oxide a day.', 'auto', 'Recommends 800 mg/d of magnesium oxide (≈ 480 mg of magnesium at 60% by weight), above the US upper limit for ages 9+ of 350 mg a day from supplements'],
    ['800毫克氧化镁', '建议每天服用800毫克氧化镁。', 'auto', '(≈ 480 mg of magnesium at 60% by weight), above the US upper limit for ages 9+ of 350 mg a day from supplements (China sets no upper level for magnesium, so the US limit applies)'],
    ['magnesium glycinate 2,000 mg', 'Magnesium glycinate: 2,000 mg a day is a common dose.', 'auto', null],
    ['magnesium glycinate 3,000 mg', 'Magnesium glycinate: 3,000 mg a day is a common dose.', 'auto', '(≈ 420 mg of magnesium at 14% by weight)'],
    ['magnesium as the oxide, weighed as the element', 'We recommend 500 mg of magnesium (as magnesium oxide) a day.', 'auto', 'Recommends 500 mg/d of magnesium'],
    ['elemental magnesium from the oxide', 'We recommend 500 mg of elemental magnesium from magnesium oxide a day.', 'auto', 'Recommends 500 mg/d of magnesium'],
    ['calcium carbonate', 'We recommend 7,000 mg of calcium carbonate a day.', 'auto', '(≈ 2,800 mg of calcium at 40% by weight)'],
    ['calcium citrate', 'We recommend 6,000 mg of calcium citrate a day.', 'auto', null],
    ['ferrous sulfate, 200 mg', 'We recommend 200 mg of ferrous sulfate a day.', 'auto', null],
    ['ferrous sulfate, 325 mg', 'We recommend 325 mg of ferrous sulfate a day.', 'auto', '(≈ 65 mg of iron at 20% by weight)'],
    ['ferrous fumarate', 'We recommend 200 mg of ferrous fumarate a day.', 'auto', '(≈ 66 mg of iron at 33% by weight)'],
    ['ferrous gluconate', 'We recommend 300 mg of ferrous gluconate a day.', 'auto', null],
    ['zinc gluconate, 160 mg', 'We recommend 160 mg of zinc gluconate a day.', 'eu', null],
    ['zinc gluconate, 200 mg', 'We recommend 200 mg of zinc gluconate a day.', 'eu', "(≈ 28 mg of zinc at 14% by weight), above EFSA's adult upper level of 25 mg"],
    ['zinc sulfate monohydrate', 'We recommend 220 mg of zinc sulfate monohydrate a day.', 'auto', '(≈ 79.2 mg of zinc at 36% by weight)'],
  ])('%s', (_name, text, limits, expected) => {
    const found = check(text, limits);
    if (expected === null) expect(found.map((f) => f.message)).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain(expected);
    }
  });

  it('carries the form and the amount of the nutrient in data', () => {
    const [f] = check('We recommend 800 mg of magnesium oxide a day.');
    expect(f!.data).toMatchObject({ substance: 'magnesium', form: 'oxide', value: '800', nutrientValue: '480', factor: 0.6, limit: 350 });
  });
});
