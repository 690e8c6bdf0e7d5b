/**
 * artifact/cms-leftover on the article's own short lines (src/debris/content.ts): a page
 * flattened to text leaves a table's cells, the words of a hard line wrap, a monograph's
 * 【field】 lines, a source's address and the excerpt's cut-off last line standing alone,
 * next to real site debris. Each draft below was written for these tests in the shape of such
 * pages; `sure` are the lines the cleaner must remove, `kept` lines no finding may touch. The
 * cleaned article's title (src/clean/title.ts) is checked on the same shapes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import { titleOf } from '../src/clean/title.js';
import { parse } from '../src/parse/index.js';
import { docFromText } from './helpers.js';

const config = resolveConfig();

const MAGNESIUM = [
  'The amounts above are the recommended dietary allowances set for healthy adults in the United States and Canada.',
  'Most people reach these amounts with a varied diet, because leafy greens, beans, nuts and whole grains all carry a good deal of magnesium. Supplements add to what food gives, and the upper limit for magnesium from supplements is 350 mg a day for adults.',
  'Taking more than that from pills often causes loose stools and stomach cramps, and people with kidney disease should ask their doctor before taking any magnesium supplement at all.',
];

const TABLE = [
  'Home › Nutrition › Minerals',
  '',
  'Magnesium for Adults',
  '',
  ' Daily amounts in milligrams (mg)',
  '',
  'Women 19 to 30',
  '310 mg',
  '',
  'Women 31 and older',
  '320 mg',
  '',
  'Pregnant women',
  '350 mg (from food and drink)',
  '',
  ...MAGNESIUM.flatMap((p) => [p, '']),
].join('\n');

// A report's text with its lines broken at a fixed width and every other line indented.
const WRAPPED = [
  'Only a handful of cases of acute selenium poisoning have been described. The',
  'symptoms',
  '  include hair loss, brittle nails, a garlic odour on the breath and tiredness,',
  'and',
  '  appeared after people swallowed a mislabelled product. Long-term selenium',
  'intakes',
  '  well above the requirement could, in addition, disturb the',
  'handling of',
  '  iodine by the thyroid gland. The nails and the hair seem to be the first',
  'tissues',
  '  to show the damage. A daily intake of 900 micrograms has been linked with',
  'changes in the nails (12, 13).',
  '',
  '  The upper level of selenium intake for adults is set at 400 micrograms a day',
  'and',
  '  scaled down for children in proportion to their body weight. Such amounts are rarely reached',
  'from',
  '  ordinary diets, except in regions where the soil is very rich in',
  'selenium.',
].join('\n');

const MONOGRAPH = [
  '【药品查询/矿物质类/葡萄糖酸锌】',
  '【中文名称】:葡萄糖酸锌口服溶液',
  '【英文名称】:ZincGluconateOralSolution',
  '【类别】:矿物质类',
  '【说明】:',
  '【别名】葡萄糖酸锌,锌口服液',
  '【适应症】用于缺锌引起的营养不良、厌食症、异食癖、口腔溃疡、痤疮及儿童生长发育迟缓等。',
  '临床上主要用于饮食中锌摄入不足、吸收不良或丢失过多所引起的各种缺锌症状,也可用于妊娠期的补充。',
  '【用法用量】口服:成人一次20毫升,一日2次,饭后服用。',
  '儿童按年龄减量,一岁以下一次5毫升,一日2次。',
  '【注意事项】1.本品宜餐后服用,以减少胃肠道刺激,空腹服用可能引起恶心和上腹部不适。',
  '2.长期大量服用锌剂可影响铜的吸收,引起贫血,故应在医生指导下使用,并定期复查血锌水平。',
  '3.不宜与铝盐、钙盐、碳酸盐、鞣酸等同时服用,以免影响锌的吸收和疗效。',
  '【规格】每支10毫升,含葡萄糖酸锌35毫克。',
].join('\n');

// A pharmacist's drug card: the prose says "本药" and never names the drug of the headline.
const DRUG_CARD = [
  '首页  > 健康科普  > 合理用药  > 常见问题',
  '「每周一药」 矿物质补充剂——复方葡萄糖酸钙口服液',
  '发布日期:2024-05-12 来源:社区药师志愿者 作者:某某医院主管药师 李明',
  '药品分类:矿物质补充剂',
  '本药适合哪些人使用?',
  '☆ 用于预防和治疗钙缺乏症,如骨质疏松、手足抽搐症、骨发育不全、佝偻病,以及儿童、妊娠和哺乳期妇女、绝经期妇女、老年人补钙。',
  '如何使用这个药品?',
  '☆ 饭后服用,成人一次一支,一日两次;儿童的用量请按医生或药师的指导相应减少,不要自行加量。',
  '☆ 服用本药期间不宜同时大量饮用浓茶、咖啡,也不宜与含草酸较多的菠菜一起吃,以免影响吸收。',
  '本药的常见副作用有哪些?',
  '☆ 偶见便秘、嗳气、腹胀等胃肠道不适,一般较轻,多数人继续服用后可以自行缓解,严重时请停药就医。',
  '如何保存该药品?',
  '☆ 密封,置阴凉干燥处保存,开启后请尽快用完,儿童必须在成人监护下使用,请放在儿童不能接触的地方。',
  '审稿专家:某某省药学会 某某医院 副主任药师王强',
].join('\n\n') + '\n\n意见\n反馈\n返回\n顶部\n';

const POTASSIUM = [
  'Who Should Be Careful With Potassium?',
  '',
  'Potassium keeps the heart beating steadily and helps the kidneys balance fluids, and most adults get what they need from fruit, vegetables, beans and dairy foods.',
  '',
  'Supplements can push blood levels too high in some people, because the kidneys are the organ that removes the extra potassium from the body.',
  '',
  'The people most at risk of a dangerous rise in blood potassium include:',
  '-',
  'People with kidney disease or kidney failure',
  '-',
  'Adults taking medicines that hold on to potassium',
  '-',
];

const SELENIUM_QUOTE = [
  '"Selenium is one of the trace minerals that the body needs in only tiny amounts, yet it takes part in making the enzymes that protect cells from damage and in the work of the thyroid gland. Most people in Europe and North America get enough from bread, eggs, fish and meat."',
  'Selenium interacts with iodine and vitamin E, so a shortage of either can make a mild shortage of selenium worse. Brazil nuts are so rich in selenium that a handful a day can take an adult above the upper limit of 400 micrograms.',
];

const COPPER = [
  'Copper and Your Liver',
  '',
  'Copper is a trace mineral that the body needs in small amounts to make red blood cells and keep nerves healthy. Most people get enough from nuts, seeds, shellfish and whole grains.',
  '',
  'Supplements can push the total intake far above what the body can clear, and the liver then stores the excess over many years.',
  '',
];
const COPPER_END = 'See a doctor if you take copper pills and notice yellow skin or constant tiredness.';

const CASES: Array<{ name: string; text: string; sure: number[]; kept: number[] }> = [
  {
    name: "a flattened table's row labels and values, under a breadcrumb",
    text: TABLE,
    sure: [1],
    kept: [7, 8, 10, 11, 13, 14],
  },
  { name: 'words a hard line wrap left alone inside running text', text: WRAPPED, sure: [], kept: [2, 3, 4, 6, 7, 8, 10, 15, 17, 19] },
  {
    name: "a drug monograph's 【field】 lines under its category path",
    text: MONOGRAPH,
    sure: [1],
    kept: [2, 3, 4, 5, 6],
  },
  {
    name: "a headline under its column's name in corner brackets, and a field repeating it",
    text: DRUG_CARD,
    sure: [1, 5, 29, 30, 31, 32],
    kept: [3, 7],
  },
  {
    name: "the excerpt's last list item, cut off in the middle of a word",
    text: [...POTASSIUM, 'Patients who are treated with dial'].join('\n'),
    sure: [],
    kept: [9, 11, 13],
  },
  {
    name: 'the last list item whole, then a related-posts label and a back-to-top control',
    text: [...POTASSIUM, 'Patients who are treated with dialysis', '', 'Related Articles', '', 'Back to top button'].join('\n'),
    sure: [15, 17],
    kept: [9, 11, 13],
  },
  { name: 'a source label and the address it introduces, under a quotation', text: [...SELENIUM_QUOTE, 'Source -', 'https://nutrition.example.org/minerals/selenium-overview'].join('\n'), sure: [], kept: [3, 4] },
  { name: 'a share label above the same address', text: [...SELENIUM_QUOTE, 'Share this:', 'https://nutrition.example.org/minerals/selenium-overview'].join('\n'), sure: [3], kept: [] },
  // A blog post that copies a fact sheet names it by its bare address on the first line.
  {
    name: "an agency's address alone above the text copied from it, before a comment form",
    text: ['https://ods.od.nih.gov/factsheets/Selenium-Consumer/', ...SELENIUM_QUOTE, 'No comments:', 'Post a Comment'].join('\n'),
    sure: [4, 5],
    kept: [1],
  },
  {
    name: "…and a university's or a DOI's",
    text: ['https://www.med.example.edu/nutrition/selenium', '', ...SELENIUM_QUOTE.flatMap((p) => [p, '']), 'https://doi.org/10.1000/sel.2019.44', '', 'No comments:', '', 'Post a Comment'].join('\n'),
    sure: [9, 11],
    kept: [1, 7],
  },
  {
    name: 'a title cut at its colon, its second half on the next line',
    text: ['Iron and Vitamin C:', '', 'What Pairs Well at Breakfast', '', 'March 2025', '', 'Share this:', '', ...MAGNESIUM.flatMap((p) => [p, '']), 'Related Articles'].join('\n'),
    sure: [5, 7, 15],
    kept: [1, 3],
  },
  {
    name: "…while a related-posts label's title-case link below it is still a menu",
    text: ['Related posts:', '', 'Seven Breakfasts That Keep You Full', '', 'March 2025', '', 'Share this:', '', ...MAGNESIUM.flatMap((p) => [p, '']), 'Related Articles'].join('\n'),
    sure: [1, 3, 5, 7, 15],
    kept: [],
  },
  {
    name: 'a list flattened onto one line, announced by the sentence above it',
    text: [...COPPER, 'Taking too much copper for years can lead to:', '', '• Liver damage • Anaemia • Tremor', '', COPPER_END].join('\n'),
    sure: [],
    kept: [7, 9],
  },
  {
    name: '…while the same line under a related-posts label is a menu',
    text: [...COPPER, 'Related posts:', '', '• Zinc basics • Iron myths • Copper pans', '', COPPER_END].join('\n'),
    sure: [7, 9],
    kept: [],
  },
  {
    // A product page's ingredient line, a one-row table in pipes, above its title (a real page's
    // shape, our words): data, not a menu.
    name: 'a one-row table of a product ingredient above the title',
    text: [
      'Medicinal ingredient (per 1 mL):',
      'Iron (Iron (III) Citrate, elemental) | 5 mg |',
      'Other ingredients:',
      'Water, glycerine, orange flavour, citric acid, potassium sorbate',
      'Age | Daily amount | Iron per day |',
      'Children 1-3 years | 1 mL once | 5 mg |',
      'Children 4-8 years | 1 mL twice | 10 mg |',
      'Or as a healthcare professional directs.',
      'Shake well and take with a meal, two hours apart from other medicines.',
      'Q: What are the signs of low iron in children?',
      'A: Slow growth, a poor appetite, tiredness and pale skin are the usual signs.',
      'Q: Can iron drops be mixed with juice?',
      'A: Yes, a little juice or water is fine, though milk may lower how much of it the body takes up.',
    ].join('\n'),
    sure: [],
    kept: [2],
  },
  {
    // A table printed a cell a line under its caption, with no figure among its cells, at the
    // foot of an excerpt that ends with it (a real page's shape, our words): its cells share no
    // word with the prose and stand where a page's foot would.
    name: 'the text cells of a table under its caption, ending the excerpt',
    text: [
      'Magnesium for Adults',
      '',
      'Updated: March 4, 2025',
      '',
      ...MAGNESIUM.flatMap((p) => [p, '']),
      'Table 1. How short of it a diet runs (Open Table in a new window)',
      '',
      'Shortfall',
      '',
      'None',
      '',
      'Slight',
      '',
      'Marked',
      '',
      'Severe',
    ].join('\n'),
    sure: [],
    kept: [13, 15, 17, 19, 21],
  },
];

describe("artifact/cms-leftover on the article's own short lines", () => {
  it.each(CASES)('$name', ({ text, sure, kept }) => {
    const findings = cmsLeftover.check(docFromText(text, 'txt'), { config });
    expect(findings.filter((f) => f.data?.confidence === 'high').map((f) => f.span.start.line)).toEqual(sure);
    expect(findings.map((f) => f.span.start.line).filter((l) => kept.includes(l))).toEqual([]);
  });

  it.each([
    ['an agency', 'https://ods.od.nih.gov/factsheets/Selenium-Consumer/', false],
    ['a health ministry', 'http://www.nhc.gov.cn/sps/s7886/201912/selenium.shtml', false],
    ['a shop', 'https://www.vitamin-shop.example.com/blog/selenium', true],
    ['a news site', 'https://news.example.com/health/2024/selenium-guide', true],
  ])("a bare address of %s (%s) above the text, before a comment form, reported: %s", (_name, address, reported) => {
    const text = [address, ...SELENIUM_QUOTE, 'No comments:', 'Post a Comment'].join('\n');
    const lines = cmsLeftover.check(docFromText(text, 'txt'), { config }).map((f) => f.span.start.line);
    expect(lines.includes(1)).toBe(reported);
    expect(lines).toEqual(expect.arrayContaining([4, 5]));
  });

  it.each([
    ['a panel control of a document reader', 'View/Hide Left Panel', true],
    ['a collapsible menu', 'Collapse menu', true],
    ['a heading that speaks of a panel of tests', 'Which blood panel shows a zinc shortage?', false],
  ])('%s', (_name, line, reported) => {
    const text = [SELENIUM_QUOTE[0], '', line, '', SELENIUM_QUOTE[1], '', MAGNESIUM[1]].join('\n');
    const sure = cmsLeftover.check(docFromText(text, 'txt'), { config }).filter((f) => f.data?.confidence === 'high');
    expect(sure.map((f) => f.span.start.line)).toEqual(reported ? [3] : []);
  });
});

describe("the cleaned article's title", () => {
  const title = (markdown: string): string => titleOf(parse(markdown, 'md').tree, 'drafts/zinc-notes.md');
  it.each([
    ['a column headline in corner brackets', '## 「每周一药」 矿物质补充剂\n\n本药用于补钙。\n\n## 用法\n\n饭后服用。\n', '「每周一药」 矿物质补充剂'],
    ['a label that introduces an address', '## Source -\n\nhttps://nutrition.example.org/zinc\n', 'zinc-notes'],
    ['a label ending in a colon above a section', '## Zinc at a glance:\n\nZinc helps wounds heal.\n\n## How much zinc?\n\nAdults need 8 to 11 mg.\n', 'How much zinc?'],
    ["a reviewer's credit at the foot, heading nothing", 'Zinc helps wounds heal.\n\nAdults need 8 to 11 mg.\n\n## 审稿专家:某某医院 副主任药师王强\n', 'zinc-notes'],
    [
      "a record's 【field】 lines",
      '## 【中文名称】葡萄糖酸锌\n\n【类别】矿物质类\n\n## 【别名】锌口服液\n\n【用法用量】口服,一日2次。\n',
      'zinc-notes',
    ],
    ['one heading in lenticular brackets that is a headline', '## 【健康问答】宝宝缺锌怎么补\n\n多吃肉类和海产品。\n', '【健康问答】宝宝缺锌怎么补'],
  ])('%s', (_name, markdown, expected) => {
    expect(title(markdown)).toBe(expected);
  });
});

describe('the cleaned article of a flattened table', () => {
  it('keeps every row label and value, and names the article by its headline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-content-'));
    writeFileSync(path.join(dir, 'magnesium-table.txt'), TABLE);
    writeFileSync(path.join(dir, 'calcium-card.txt'), DRUG_CARD);
    const result = await audit(['.'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output') });
    const table = result.outputs.find((o) => o.content.includes('Women 31 and older'))!.content;
    expect(table).toMatch(/Women 31 and older[\s\S]*320 mg[\s\S]*Pregnant women[\s\S]*350 mg/);
    expect(table).not.toContain('Home › Nutrition');
    const card = result.outputs.find((o) => o.content.includes('本药适合哪些人使用'))!;
    expect(card.content).toContain('title: "「每周一药」 矿物质补充剂——复方葡萄糖酸钙口服液"');
    expect(card.content).toContain('药品分类:矿物质补充剂');
    expect(card.content).not.toContain('发布日期');
  });
});
