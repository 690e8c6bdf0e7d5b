/**
 * The page's own structure against site debris (src/debris, src/parse/txt.ts, the cleaned
 * article's title in src/clean/title.ts): shapes a page flattened to text leaves that read as
 * furniture to a classifier of short lines, each beside the debris it must still catch.
 * Every draft was written for these tests in the shape of such pages (other nutrients, other
 * numbers); `sure` are the lines the cleaner must remove, `kept` the lines no finding may touch.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import { foreignBlock } from '../src/rules/lang/foreign-block.js';
import { parse } from '../src/parse/index.js';
import { docFromText, lineOf } from './helpers.js';

const config = resolveConfig();

const ZINC_PROSE = [
  '鋅是人體必需的微量礦物質,參與免疫細胞的生成、傷口癒合與味覺的維持,也是數百種酵素運作時不可缺少的輔因子。',
  '人體無法儲存大量的鋅,所以需要每天從肉類、海鮮、豆類、堅果和全穀類食物中持續攝取,才能維持正常的生理功能。',
  '長期大量服用鋅補充劑可能妨礙銅的吸收,引起貧血與免疫力下降,因此補充前最好先請教醫師或營養師,了解自己的需要。',
];

// Two tables flattened to lines, each with its caption, column groups, column names and legend:
// the lines repeat once per table, which makes them no site furniture.
const ZINC_TABLES = [
  '鋅攝取指南:每天需要多少鋅?',
  '',
  ...ZINC_PROSE.flatMap((p) => [p, '']),
  '成人每日鋅建議攝取量 (mg/d)',
  '',
  '男性 女性',
  '年齡 體重 (Kg) EAR RDA 體重 (Kg) EAR RDA',
  '19-30歲 62 10 12 50 8 10',
  '31-50歲 62 10 12 52 8 10',
  '',
  'EAR = 平均需求量   RDA = 建議攝取量',
  '',
  '老年人每日鋅建議攝取量 (mg/d)',
  '',
  '男性 女性',
  '年齡 體重 (Kg) EAR RDA 體重 (Kg) EAR RDA',
  '51-70歲 60 10 12 52 8 10',
  '71歲以上 58 9 11 50 7 9',
  '',
  'EAR = 平均需求量   RDA = 建議攝取量',
  '',
  '飲食均衡的成年人通常可以從日常飲食中獲得足夠的鋅,素食者與孕婦則可能需要特別留意攝取量是否足夠。',
].join('\n');

// The same page with a site slogan repeated between its paragraphs: repeated, above no table.
const ZINC_SLOGAN = [
  '鋅攝取指南:每天需要多少鋅?',
  '',
  ZINC_PROSE[0],
  '',
  '健康生活好夥伴',
  '',
  ZINC_PROSE[1],
  '',
  '健康生活好夥伴',
  '',
  ZINC_PROSE[2],
  '',
  '健康生活好夥伴',
].join('\n');

const VITAMIN_C = [
  'Vitamin C is a water-soluble vitamin that the body uses to build collagen, to absorb iron from plant foods and to keep the immune system working well.',
  'Most people get enough vitamin C from fruit and vegetables, and the body flushes out what it does not need, although large doses from supplements can upset the stomach.',
];

const pipeTable = (rule: boolean): string =>
  [
    'Vitamin C: How Much Is Too Much?',
    VITAMIN_C[0],
    'The upper limits for vitamin C from all sources are listed below:',
    'Age | Upper Limit |',
    ...(rule ? ['---|---|'] : []),
    'Children 1–3 years | 400 mg |',
    'Children 4–8 years | 650 mg |',
    'Adults | 2,000 mg |',
    VITAMIN_C[1],
  ].join('\n');

describe('a table flattened to lines is the article, not furniture', () => {
  it.each([
    { name: 'two tables repeating their captions, column headers and legends', text: ZINC_TABLES, reported: [] as string[], kept: ['男性 女性', '年齡 體重', 'EAR = 平均需求量', '老年人每日鋅建議攝取量', '71歲以上'] },
    { name: 'a slogan repeated between paragraphs, above no table', text: ZINC_SLOGAN, reported: ['健康生活好夥伴'], kept: [] as string[] },
    {
      name: 'a meta line of a date and counters, with numbers in it but no row',
      text: ['鋅攝取指南:每天需要多少鋅?', '', '養生堂 2025-05-10 科普健康 1602 0', 'A⁺AA⁻', '', ...ZINC_PROSE.flatMap((p) => [p, ''])].join('\n'),
      reported: ['養生堂 2025-05-10 科普健康 1602 0'],
      kept: [] as string[],
    },
    {
      // Rows whose labels run to a few words, the units among the figures, opening the page.
      name: 'tables of intakes and food sources at the top of the page, their rows labelled in words',
      text: [
        'Recommended Intakes of Selenium',
        'Life Stage Age Men (mcg/day) Women (mcg/day)',
        'Babies 0-6 months 15 (AI) 15 (AI)',
        'Toddlers 1-3 years 20 20',
        'Teens 14-18 years 55 55',
        'Adults 19 and older 55 55',
        'Food Sources of Selenium',
        'Food Portion Selenium (mcg)',
        'Brazil nuts, dried 1 ounce 544',
        'Halibut, cooked 3 ounces 47',
        'Brown rice, cooked ½ cup 10',
        '',
        'Supplements',
        '',
        'Selenium is sold on its own and in most multivitamin products, usually as selenomethionine or sodium selenite, and a typical multivitamin gives about 55 mcg a day. Most adults who eat a varied diet get enough, and the upper limit for adults is 400 mcg a day from all sources together.',
        '',
        'Taking far more for months can cause brittle hair and nails, a garlic smell on the breath and nerve problems, so long courses of high doses should be agreed with a doctor first.',
      ].join('\n'),
      reported: [] as string[],
      kept: ['Toddlers 1-3 years 20 20', 'Teens 14-18 years 55 55', 'Brazil nuts, dried 1 ounce 544', 'Brown rice, cooked ½ cup 10', 'Food Portion Selenium (mcg)'],
    },
    {
      // A header printed a cell a line (names, then units), rows that end in a note column.
      name: 'a table of limits by country, its header a cell a line and its rows ending in notes',
      text: [
        '各國鋅攝取建議',
        '',
        ZINC_PROSE[0],
        '',
        '地區 男性 RDA',
        '(mg/day)',
        '女性 RDA',
        '(mg/day)',
        '上限 UL',
        '(mg/day)',
        '年齡 機構 備註',
        '美國 (US) 11 8 40 19+ 歲 IOM 各國常引用的數值',
        '歐盟 (EU) 9.4–16.3 7.5–12.7 25 18+ 歲 EFSA 隨植酸攝取調整',
        '英國 (UK) 9.5 7 25 19+ 歲 SACN 與歐盟接近',
        '',
        ZINC_PROSE[1],
        '',
        ZINC_PROSE[2],
      ].join('\n'),
      reported: [] as string[],
      kept: ['(mg/day)', '女性 RDA', '上限 UL', '年齡 機構 備註', '美國 (US) 11 8 40 19+ 歲 IOM 各國常引用的數值', '英國 (UK) 9.5 7 25 19+ 歲 SACN 與歐盟接近'],
    },
  ])('$name', ({ text, reported, kept }) => {
    const findings = cmsLeftover.check(docFromText(text, 'txt'), { config });
    const lines = new Set(findings.map((f) => f.span.start.line));
    for (const line of kept) {
      for (let at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) expect(lines.has(text.slice(0, at).split('\n').length)).toBe(false);
    }
    for (const line of reported) expect(findings.some((f) => text.split('\n')[f.span.start.line - 1] === line)).toBe(true);
  });

  it('leaves no column header or legend as a heading of the parse', () => {
    const headings = parse(ZINC_TABLES, 'txt').blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings.filter((h) => /男性|EAR|年齡/.test(h))).toEqual([]);
  });

  it('leaves no cell of a header printed a cell a line as a heading', () => {
    const text = ['鋅的建議量', '', '地區 男性 RDA', '(mg/day)', '女性 RDA', '(mg/day)', '上限 UL', '(mg/day)', '美國 (US) 11 8 40 19+ 歲 IOM 常引用', '歐盟 (EU) 9.4 7.5 25 18+ 歲 EFSA 隨體重調整', '英國 (UK) 9.5 7 25 19+ 歲 SACN 與歐盟接近'].join('\n');
    const headings = parse(text, 'txt').blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(['鋅的建議量']);
  });
});

describe('teasers under a related-posts label at the end of the page', () => {
  const TEASERS = ['【更多文章推薦】', '上班族午餐怎麼吃才健康?', '睡不好? 五個助眠小習慣', '牙齒敏感的三大原因', '夏天防曬該注意什麼'];
  const reported = (text: string): number[] => cmsLeftover.check(docFromText(text, 'txt'), { config }).filter((f) => f.severity !== 'info').map((f) => f.span.start.line);
  it('takes the label and every teaser line after it, headings or not', () => {
    const text = ['鋅的補充', ...ZINC_PROSE, ...TEASERS].join('\n\n');
    expect(reported(text)).toEqual([9, 11, 13, 15, 17]);
  });
  it('leaves the article alone when a paragraph of prose comes after the label', () => {
    const text = ['鋅的補充', ZINC_PROSE[0], ...TEASERS.slice(0, 2), ZINC_PROSE[1], ZINC_PROSE[2]].join('\n\n');
    expect(reported(text).filter((l) => l !== 5)).toEqual([]);
  });
});

describe("a related-posts widget's cards, each headline above its read-more label", () => {
  const PROSE = [
    'Fermented foods',
    'Yogurt, kefir and sauerkraut carry live bacteria, and some trials suggest they ease bloating after antibiotics.',
    'The strains differ from product to product, so the effect of one says little about another.',
  ];
  const CARDS = ['Two trials find kefir offers no help after food poisoning', 'Read More', 'Is sauerkraut a probiotic? What the labels leave out', 'Read More', 'Fibre feeds the bacteria you already have, review finds', 'Read More'];
  const reported = (text: string): number[] => cmsLeftover.check(docFromText(text, 'txt'), { config }).filter((f) => f.severity !== 'info').map((f) => f.span.start.line);
  it('takes every card, its headline (a question or a heading of the parse) and its label', () => {
    expect(reported([...PROSE, ...CARDS].join('\n\n'))).toEqual([7, 9, 11, 13, 15, 17]);
  });
  it("leaves the article's last paragraph above a related-posts header alone", () => {
    const text = ['膳食纖維', '膳食纖維可以增加飽足感，幫助腸道蠕動，每天建議攝取二十五到三十五克。', '在決定是否服用纖維補充劑時，應考慮自身的腸胃狀況，並遵循醫師的建議', '相关文章', '取消', '热门推荐', '糖尿病'].join('\n\n');
    expect(reported(text)).not.toContain(5);
  });
  it('leaves a section of the article above its one read-more link alone', () => {
    const text = [...PROSE, 'How kefir is made', 'Milk is left to ferment with kefir grains for about a day at room temperature.', 'Read More'].join('\n\n');
    expect(reported(text)).toEqual([11]);
  });
});

describe('a pipe table without a leading pipe', () => {
  it.each([
    ['with its rule row', true],
    ['without a rule row', false],
  ])('stays one table %s', (_name, rule) => {
    const blocks = parse(pipeTable(rule), 'txt').blocks;
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Vitamin C: How Much Is Too Much?']);
    expect(blocks.filter((b) => b.kind === 'tableCell').map((b) => b.text)).toEqual(['Age', 'Upper Limit', 'Children 1–3 years', '400 mg', 'Children 4–8 years', '650 mg', 'Adults', '2,000 mg']);
  });

  it.each([
    ['a menu line of bars', 'Home | Vitamins | Minerals\nVitamin C keeps the gums healthy.\nCitrus fruit is a good source.'],
    ['two lines of different cells', 'Age | Limit\nAdults | 2,000 mg | daily\nCitrus fruit is a good source.'],
    ['a list of links closed with empty cells', '[养生保健]喝骨头汤能补钙吗 | |\n[用药常识]感冒药不要混着吃 | |\n[优生优育]孩子缺锌怎么看 | |\n锌是人体必需的微量元素。'],
  ])('is not read into %s', (_name, text) => {
    expect(parse(text, 'txt').blocks.some((b) => b.kind === 'tableCell')).toBe(false);
  });
});

describe('template code is debris, not a foreign passage', () => {
  const ZINC_CODE = ["{{ 'app_popup.open_in_browser' | translate }}", ...ZINC_PROSE].join('\n');
  const ZINC_ENGLISH = ['Zinc supports the immune system and helps wounds heal after an injury or an operation.', ...ZINC_PROSE].join('\n');
  it.each([
    ['a line of template tags', ZINC_CODE, true, false],
    ['an English sentence in a Chinese article', ZINC_ENGLISH, false, true],
  ])('%s', (_name, text, debris, foreign) => {
    const doc = docFromText(text, 'txt');
    expect(cmsLeftover.check(doc, { config }).some((f) => f.span.start.line === 1)).toBe(debris);
    expect(foreignBlock.check(doc, { config }).some((f) => f.span.start.line === 1)).toBe(foreign);
  });
});

const IRON = [
  'Iron carries oxygen in the blood, and a shortage of it leaves people tired, pale and short of breath after light exercise.',
  'Iron supplements are taken by mouth, usually with water on an empty stomach, although taking them with food can ease the stomach upset that many people notice.',
  'The tablets darken the stool, and they can cause constipation, so doctors often suggest starting with a low dose and raising it slowly over a few weeks.',
];

describe('bylines, placeholders and widgets around the article', () => {
  it.each([
    {
      name: 'a qualified role label with its name, and the name repeated under it',
      text: ['iron tablets', '', '  • Nutrition and Pharmacy Reviewer: Jane Roe, PharmD', '    Jane Roe, PharmD', '', '    Jane Roe, PharmD', '', ...IRON.flatMap((p) => [p, ''])].join('\n'),
      sure: [3, 4, 6],
      kept: [1],
    },
    {
      name: 'a sentence that names the editor',
      text: ['Iron Tablets', '', 'Our pharmacy editor Jane Roe checked every dose on this page against the label.', '', ...IRON.flatMap((p) => [p, ''])].join('\n'),
      sure: [],
      kept: [1, 3],
    },
    {
      name: "a logo's placeholder and a parked domain's sale banner above the headline",
      text: ['logo', '', 'The domain example-health.com is currently available for acquisition. Call 555-0100 for details', '', 'Iron Tablets', '', ...IRON.flatMap((p) => [p, ''])].join('\n'),
      sure: [1, 3],
      kept: [5],
    },
    {
      name: 'a widget label with its list of headlines',
      text: ['Iron Tablets', ...IRON, 'Trending Articles', '- Best Iron Gummies for Kids: Our Top Picks for 2025', '- Top Rated Cast Iron Pans, Tested by Editors', '- 7 Best Multivitamins for Women Over 50', 'References', 'Iron fact sheet: https://ods.example.gov/iron'].join('\n'),
      sure: [5, 6, 7, 8],
      kept: [10],
    },
    {
      name: 'a section heading with its list of foods',
      text: ['Iron Tablets', ...IRON, 'Foods Rich in Iron', '- Lentils and Other Beans', '- Red Meat and Liver', '- Spinach, Kale and Other Greens', 'References', 'Iron fact sheet: https://ods.example.gov/iron'].join('\n'),
      sure: [],
      kept: [5, 6, 7, 8],
    },
    {
      name: 'a label over a spam line of keywords joined by bars',
      text: ['鋅的每日需要量', '', ...ZINC_PROSE.flatMap((p) => [p, '']), '相关视频', '热门地区: 东坡县| 西岭市| 南湖旗| 北山县| 青河市| 白石县| 红岩镇| 黄沙乡| 金水县| 银川口'].join('\n'),
      sure: [9, 10],
      kept: [1],
    },
    {
      name: 'a label over the article and a list of its own words joined by enumeration commas',
      text: ['鋅的每日需要量', '', ...ZINC_PROSE.flatMap((p) => [p, '']), '含鋅食物', '牡蠣、牛肉、南瓜子、腰果、鷹嘴豆、燕麥、優格、雞蛋、黑巧克力和香菇都含有不少鋅。'].join('\n'),
      sure: [],
      kept: [9, 10],
    },
    {
      name: 'a byline cut short right above its whole copy',
      text: ['Iron Tablets', 'Sam Lee is a health writer with ten years of experience covering nutrition for', 'Sam Lee is a health writer with ten years of experience covering nutrition for magazines and clinics.', ...IRON].join('\n'),
      sure: [2],
      kept: [3],
    },
    {
      name: 'a sentence that a paragraph then repeats and goes on from',
      text: ['Iron Tablets', 'Iron tablets work best on an empty stomach.', 'Iron tablets work best on an empty stomach. Take them with a glass of water or orange juice.', ...IRON].join('\n'),
      sure: [],
      kept: [2, 3],
    },
    {
      name: "an advertiser disclosure under the standfirst",
      text: ['Iron Tablets', IRON[0], 'Advertiser Disclosure: Example Health checks every product it lists. When you order a featured item, we may receive payment. See how we rate products.', IRON[1], IRON[2]].join('\n'),
      sure: [3],
      kept: [2, 4],
    },
    {
      name: 'a breadcrumb of a site name and its sections, and labels between footer debris',
      text: ['健康網 營養百科 礦物質', '', '鋅的每日需要量', '', ...ZINC_PROSE.flatMap((p) => [p, '']), '相关文章', '相关营养', '你可能想问', '手机版 百科 问答 专题 地图', '返回', '首页'].join('\n'),
      sure: [1, 11, 12, 13, 14, 15, 16],
      kept: [3],
    },
    {
      name: "a disclaimer among the author's own reminders (a note, not removed)",
      text: ['鋅的每日需要量', '', ...ZINC_PROSE.flatMap((p) => [p, '']), '溫馨提醒與免責聲明', '- 以上內容僅供參考,購買及服用前請先詢問醫師或藥師。', '- 每個人的飲食習慣與體質不同,需要的量也不一樣。', '- 素食者和孕婦更要留意鋅的攝取是否足夠。'].join('\n'),
      sure: [],
      kept: [9, 11, 12],
    },
    {
      name: "…and the heading of that list, above the article's first paragraph",
      text: ['鋅的每日需要量', '', '溫馨提醒與免責聲明', '- 以上內容僅供參考,購買及服用前請先詢問醫師或藥師。', '- 每個人的飲食習慣與體質不同,需要的量也不一樣。', '- 素食者和孕婦更要留意鋅的攝取是否足夠。', '', ...ZINC_PROSE.flatMap((p) => [p, ''])].join('\n'),
      sure: [],
      kept: [5, 6],
    },
    {
      name: 'the same disclaimer among the links of the site footer',
      text: ['鋅的每日需要量', '', ...ZINC_PROSE.flatMap((p) => [p, '']), '- 以上內容僅供參考,購買及服用前請先詢問醫師或藥師。', '- 版權所有 © 健康網', '- 聯絡我們', '- 隱私權政策'].join('\n'),
      sure: [9, 10],
      kept: [1],
    },
  ])('$name', ({ text, sure, kept }) => {
    const findings = cmsLeftover.check(docFromText(text, 'txt'), { config });
    expect(findings.filter((f) => f.data?.confidence === 'high').map((f) => f.span.start.line)).toEqual(sure);
    expect(findings.map((f) => f.span.start.line).filter((l) => kept.includes(l))).toEqual([]);
  });
});

describe("the cleaned article's title and structure", () => {
  const DRAFTS: Record<string, string> = {
    'zinc-tables.txt': ['健康專欄', '', ...ZINC_TABLES.split('\n')].join('\n'),
    'vitamin-c-table.txt': ["{{ 'popup.open' | translate }}", ...pipeTable(false).split('\n').slice(1)].join('\n'),
    'iron-lower.txt': ['iron tablets', '', '  • Medical Editor: Jane Roe, PharmD', '    Jane Roe, PharmD', '', ...IRON.flatMap((p) => [p, ''])].join('\n'),
    'dose-groups.txt': [
      'Untitled Document',
      'The amounts below were given in studies of vitamin B12:',
      'ADULTS',
      '- For low levels of vitamin B12 in older people: 500 to 1,000 mcg by mouth each day for four months has been used.',
      '- For tiredness after a stomach operation: 1,000 mcg by mouth each day for two months has been used.',
      'CHILDREN',
      '- For low levels of vitamin B12 in infants fed only by a vegan mother: 250 mcg by mouth each day has been used.',
    ].join('\n'),
  };
  it('keeps tables whole, takes no debris, byline, header or group label for the title', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-structure-'));
    for (const [name, text] of Object.entries(DRAFTS)) writeFileSync(path.join(dir, name), text);
    const result = await audit(['.'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output') });
    const out = (name: string): string => result.outputs.find((o) => o.content.includes(`${name}"\n`))!.content;
    const zinc = out('zinc-tables.txt');
    expect(zinc).toContain('title: "鋅攝取指南:每天需要多少鋅?"');
    expect(zinc).not.toMatch(/^## (?:男性|EAR|年齡)/mu);
    expect(zinc.match(/^男性 女性$/gmu)?.length).toBe(2);
    const vitaminC = out('vitamin-c-table.txt');
    expect(vitaminC).toMatch(/^\| Age +\| Upper Limit \|$/mu);
    expect(vitaminC).not.toMatch(/^title: "Age/mu);
    expect(vitaminC).not.toContain('untranslated');
    const iron = out('iron-lower.txt');
    expect(iron).toContain('title: "iron tablets"');
    expect(iron).not.toContain('Jane Roe');
    expect(out('dose-groups.txt')).not.toMatch(/^title: "(?:ADULTS|CHILDREN)"/mu);
    expect(lineOf(DRAFTS['zinc-tables.txt']!, '男性 女性')).toBeGreaterThan(1);
  });
});

describe("a table's row labels glossed in the article's language", () => {
  const lead = '維生素B群包含多種水溶性維生素，台灣對其中幾種訂有每日上限攝取量，以下整理成表格方便查看。';
  const table = (label: string): string => `${lead}\n\n維生素 | 建議量 | 上限值 |\n---|---|---|\n${label} | 1.5 毫克 | 80 毫克 |\n\n一般飲食不容易超過這些上限值，服用補充劑時才需要留意。\n`;
  it.each([
    ['a letter and a number glossed in Chinese', 'B6 (吡哆醇)', false],
    ['two letters glossed in Chinese', 'PP (菸鹼酸)', false],
    ['an English name glossed in Chinese', 'Pyridoxine (吡哆醇)', true],
    ['an English name alone', 'Pyridoxine hydrochloride', true],
  ])('%s', (_name, label, foreign) => {
    const doc = docFromText(table(label), 'txt');
    expect(foreignBlock.check(doc, { config }).some((f) => f.span.start.line === 5)).toBe(foreign);
  });
});

describe("a portal's fields glued after the title", () => {
  const text = [
    '行业资讯 分类',
    '镁补充剂怎么选：三种常见剂型的吸收率对比发布日期:2024-03-18 浏览次数:',
    '',
    '镁参与体内数百种酶反应，柠檬酸镁和甘氨酸镁的吸收率通常高于氧化镁，适合需要长期补充的人。',
    '',
    '氧化镁含镁量高但吸收率低，更常用于缓解便秘，长期补充前最好先咨询医生或营养师。',
    '',
    '选购时要看标签上的元素镁含量，而不是化合物的总重量，成人每日补充一般不超过350毫克。',
    '',
  ].join('\n');

  it('removes the fields and the menu above, and keeps the title as the title', async () => {
    const found = cmsLeftover.check(docFromText(text, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.whole])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(text.split('\n')[1]!.slice(found[1]!.span.start.column - 1)).toBe('发布日期:2024-03-18 浏览次数:');
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-meta-tail-'));
    writeFileSync(path.join(dir, 'magnesium.txt'), text);
    const result = await audit(['.'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output') });
    const out = result.outputs[0]!.content;
    expect(out).toContain('title: "镁补充剂怎么选：三种常见剂型的吸收率对比"');
    expect(out).not.toContain('浏览次数');
    expect(out).not.toContain('行业资讯');
  });
});
