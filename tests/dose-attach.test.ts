/**
 * Which substance a figure belongs to, when a sentence names several: the one the figure
 * is grammatically of ("X mg of Y", "X mg Y", "Y, X mg", "Y … X mg" in one clause,
 * "Y X毫克", "每天补充X毫克Y"), never simply the first nutrient of the sentence. A figure
 * of a substance the knowledge base does not hold gets none.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';
import { extractDoses, loadKnowledgeBase } from '../src/dose/index.js';

const kb = loadKnowledgeBase();

type Row = [text: string, figures: Array<[figure: string, substance: string | null]>];

const ROWS: Row[] = [
  ['Vitamin D works with magnesium, and many people take 300 mg of magnesium glycinate.', [['300 mg', 'magnesium']]],
  ['For zinc and selenium: 15 mg zinc and 100 mcg selenium.', [['15 mg', 'zinc'], ['100 mcg', 'selenium']]],
  ['Zinc 15 mg and selenium 100 mcg make a common pair.', [['15 mg', 'zinc'], ['100 mcg', 'selenium']]],
  ['Vitamin C helps iron absorption; take 18 mg of iron with orange juice.', [['18 mg', 'iron']]],
  ['Calcium competes with iron, so take 500 mg calcium at night.', [['500 mg', 'calcium']]],
  ['Vitamin D matters for bones, and magnesium, 300 mg a day, helps activate it.', [['300 mg', 'magnesium']]],
  ['Take 400 mg of magnesium, 15 mg of zinc and 3 mg of melatonin.', [['400 mg', 'magnesium'], ['15 mg', 'zinc'], ['3 mg', 'melatonin']]],
  ['Magnesium 200 mg, zinc 15 mg.', [['200 mg', 'magnesium'], ['15 mg', 'zinc']]],
  ['Alongside vitamin D, most adults do well on 200 mg of elemental magnesium.', [['200 mg', 'magnesium']]],
  ['Magnesium pairs well with vitamin B6; a typical dose is 300 mg daily.', [['300 mg', 'magnesium']]],
  ['Vitamin D works with magnesium, and many people take 300 mg daily.', [['300 mg', 'magnesium']]],
  ['Magnesium works with vitamin D, and many people take 2,000 IU daily.', [['2,000 IU', 'vitamin-d']]],
  ['Melatonin is not magnesium: take 300 mg daily with vitamin D.', [['300 mg', 'magnesium']]],
  ['Fish oil gives 1 g of EPA and DHA, while zinc adds 15 mg.', [['1 g', 'epa-dha'], ['15 mg', 'zinc']]],
  ['Fish oil gives 1 g of omega-3s, while zinc adds 15 mg.', [['1 g', null], ['15 mg', 'zinc']]],
  ['For sleep, some readers add 3 g of glycine to 200 mg of magnesium.', [['3 g', null], ['200 mg', 'magnesium']]],
  ['Eat 20 g of protein with 500 mg of calcium.', [['20 g', null], ['500 mg', 'calcium']]],
  ['维生素D与镁协同作用,许多人每天补充300毫克镁。', [['300毫克', 'magnesium']]],
  ['锌和硒:锌15毫克,硒100微克。', [['15毫克', 'zinc'], ['100微克', 'selenium']]],
  ['每天吃5克碘盐就够了，碘的推荐摄入量为120微克。', [['5克', null], ['120微克', 'iodine']]],
  ['每天补充400毫克甘氨酸镁有助于睡眠。', [['400毫克', 'magnesium']]],
  ['维生素C促进铁吸收,每天服用18毫克铁。', [['18毫克', 'iron']]],
  ['钙500毫克,维生素D 1000国际单位。', [['500毫克', 'calcium'], ['1000国际单位', 'vitamin-d']]],
  ['每天服用2克鱼油和300毫克镁。', [['2克', null], ['300毫克', 'magnesium']]],
  // A substance the knowledge base lacks, its name written with a space ("辅酶 Q10"), keeps
  // the figure after it from the nutrient named before it.
  ['备孕套餐：叶酸 + 锌(20 mg)+ 辅酶 Q10(100 mg)。', [['20 mg', 'zinc'], ['100 mg', null]]],
  ['钙摄入超过每日2000毫克可能干扰铁、锌等矿物质的吸收。', [['2000毫克', 'calcium']]],
  ['维生素D主要靠晒太阳，100克三文鱼只含约500IU。', [['100克', null], ['500IU', 'vitamin-d']]],
  ['Vitamin D mostly comes from sun; 100 g of salmon has about 600 IU.', [['100 g', null], ['600 IU', 'vitamin-d']]],
  // Grams of fruit that supply a vitamin weigh the fruit, in either script.
  ['每天吃150克草莓就能得到足量的维生素C。', [['150克', null]]],
  ['每日攝入150克草莓即可獲得足量維生素C。', [['150克', null]]],
  ['每日吃兩百克獼猴桃或150克草莓即可補足維生素C。', [['150克', null]]],
  ['An adult gets enough vitamin C from 150 g of strawberries or 200 g of kiwifruit.', [['150 g', null], ['200 g', null]]],
  ['每日攝入200克獼猴桃即可，維生素C每日不宜超過2000毫克。', [['200克', null], ['超過2000毫克', 'vitamin-c']]],
  ['Vitamin D tablets are cheap.\n\nAdults should not take more than 4,000 IU a day, because very high intakes can raise blood calcium.', [['more than 4,000 IU', 'vitamin-d']]],
];

describe('dose attachment', () => {
  it.each(ROWS)('%s', (text, figures) => {
    const doses = extractDoses(docFromText(text), kb);
    expect(doses.map((d) => [d.text, d.substance ?? null])).toEqual(figures);
  });

  it.each<[string, string, string | null]>([
    ['the nearest name of the passage', 'Magnesium helps you sleep.\n\nVitamin D helps too.\n\nTake 2,000 IU before bed.', 'vitamin-d'],
    ['the nearest name the amount fits', 'Magnesium helps you sleep.\n\nVitamin D helps too.\n\nTake 300 mg before bed.', 'magnesium'],
    ['the topic of the block, not a passing name', 'Vitamin C is an antioxidant that helps absorb iron from plants. Adults need 75 mg a day.', 'vitamin-c'],
    ['the name before the heading of its section only', '# Zinc\n\nZinc matters.\n\n# Sleep\n\nTake 300 mg before bed.', null],
    ['a slip in a passage about one nutrient', 'Magnesium matters.\n\nTake 5 g before bed.', 'magnesium'],
  ])('a figure whose sentence names nothing takes %s', (_name, text, substance) => {
    expect(extractDoses(docFromText(text, 'md'), kb).map((d) => d.substance ?? null)).toEqual([substance]);
  });
});
