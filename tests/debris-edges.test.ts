/**
 * artifact/cms-leftover at the edges of a page (src/debris/edges.ts): the lines of the head
 * before the article's first paragraph and of the foot after its last one, weighed by their
 * place and by whether they speak of the article's topic — never by a phrase. Each case is
 * a plain-text draft written for these tests, the lines expected as sure debris beside it;
 * every other line is the article's.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import type { Format } from '../src/types.js';
import { docFromText } from './helpers.js';

const config = resolveConfig();

const ZINC = [
  'Zinc helps the immune system make and train its cells, and a shortage of zinc slows the healing of wounds.',
  'Oysters, red meat, beans and seeds are the richest sources of zinc, and most adults get enough from a mixed diet.',
  'Zinc lozenges taken at the first sign of a cold may shorten it by a day or so, but they often leave a metallic taste.',
  'High doses of zinc taken for months can lower copper levels, so supplements above forty milligrams a day need a doctor.',
];

const CALCIUM = [
  '钙是骨骼和牙齿的主要成分，成年人每天需要大约八百毫克钙，老年人和孕妇需要得更多。',
  '牛奶、豆腐、芝麻和深绿色蔬菜都含有较多的钙，饮食多样的人一般不必额外补充钙片。',
  '补钙的同时还要保证维生素D充足，否则肠道吸收钙的效率会明显下降，骨骼也得不到足够的钙。',
];

/** Lines of a draft, joined by blank lines; the expected lines are 1-based line numbers of the file. */
const page = (lines: string[]): string => lines.join('\n\n');

const CASES: Array<{ name: string; format: Format; text: string; sure: number[] }> = [
  {
    name: 'a section kicker and an author name around the title',
    format: 'txt',
    text: page(['wellness corner', 'How Much Zinc Do You Need?', 'Morgan Ashby', 'Published on March 3, 2025', ...ZINC]),
    sure: [1, 5, 7],
  },
  {
    // The publisher's name alone, then the headline that opens with it: the headline is the title
    // (its copy under it, the page header's and the article's, goes).
    name: "a society's name and a kicker above the headline that opens with the society's name",
    format: 'txt',
    text: page(['台灣骨骼健康協會', '秘書處公告', '台灣骨骼健康協會 成人每日鈣質攝取量建議', '台灣骨骼健康協會 成人每日鈣質攝取量建議', ...CALCIUM]),
    sure: [1, 3, 7],
  },
  {
    // A surname that is no English word makes the name, whatever the given name.
    name: 'an author name whose given name is not English, under the title',
    format: 'txt',
    text: page(['How Much Zinc Do You Need?', 'Priya Natarajan', 'Published on March 3, 2025', ...ZINC]),
    sure: [3, 5],
  },
  {
    // A page may print its title in lower case; sharing the prose's words, it is the title still.
    name: 'a title in lower case above a date line',
    format: 'md',
    text: page(['zinc lozenges for colds and the immune system', 'Last edited 06/2022', ...ZINC]),
    sure: [3],
  },
  {
    name: 'a lower-case label of two words above a date line',
    format: 'md',
    text: page(['zinc news', 'Last edited 06/2022', ...ZINC]),
    sure: [1, 3],
  },
  {
    name: 'a numbered breadcrumb that ends in the title, above the title',
    format: 'txt',
    text: ['  1. Home', '  2. Minerals', '  3. Zinc for Colds and Immunity', '', 'Zinc for Colds and Immunity', '', ...ZINC.flatMap((l) => [l, ''])].join('\n'),
    sure: [1, 2, 3],
  },
  {
    // The menu's lines speak of health and read as titles; the trail right above the title names it.
    name: "a shop's menu of title-like lines, then a breadcrumb that ends with the title",
    format: 'txt',
    text: [
      'Shop by Concern',
      'Immune Health Formulas',
      'Zinc and Copper Blends',
      'Healthy Skin Support',
      'Home > Zinc Supplement Safety',
      'Zinc Supplement Safety',
      '',
      ...ZINC.flatMap((l) => [l, '']),
    ].join('\n'),
    sure: [1, 2, 3, 4, 5],
  },
  {
    name: 'a run of one-line breadcrumb holding the title',
    format: 'txt',
    text: page(['Home Minerals Zinc for Colds and Immunity', 'Zinc for Colds and Immunity', ...ZINC]),
    sure: [1],
  },
  {
    name: 'a portal header before a Chinese title',
    format: 'txt',
    text: page(['欢迎光临 乐享生活网', '找美食 找旅游 找医院', '登录', '补钙的正确方法', ...CALCIUM]),
    sure: [1, 3, 5],
  },
  {
    name: 'follow-us lines after the last Chinese paragraph',
    format: 'txt',
    text: page(['补钙的正确方法', ...CALCIUM, '官方微信号', '扫码关注', '官方视频号', '扫码观看']),
    sure: [9, 11, 13, 15],
  },
  {
    name: "a site's name and slogan joined by a bar above the title",
    format: 'txt',
    text: page(['乐享健康|您身边的营养顾问', '补钙的正确方法', ...CALCIUM]),
    sure: [1],
  },
  {
    name: 'a document file name that repeats the title above it',
    format: 'txt',
    text: page(['成人补钙指南（2025）.docx', '成人补钙指南（2025）', ...CALCIUM]),
    sure: [1],
  },
  {
    // The parse takes the picker's caption for a heading above a list; neither speaks of calcium.
    name: "a shop's picker of countries and its caption above the article",
    format: 'txt',
    text: ['Deliver To', '  • 日本', '  • 韓國', '  • 新加坡', '  • 馬來西亞', '  • 加拿大', '  • 德國', '', ...CALCIUM.flatMap((l) => [l, ''])].join('\n'),
    sure: [1, 2, 3, 4, 5, 6, 7],
  },
  {
    // The headline is long enough for prose, but no sentence ends it: the page's title.
    name: 'a date line with the site name and categories glued to it, under a question headline',
    format: 'txt',
    text: page(['骨骼需要多少钙?一次看懂成年人和老年人怎么补钙,教你吃对', '健康小站2024-03-18营养保健,矿物质', ...CALCIUM]),
    sure: [3],
  },
  {
    // A page template's English field labels above a Chinese title and its date: the labels
    // are the template's, though in another script than the prose.
    name: 'English field labels of a template around a Chinese title and date',
    format: 'txt',
    text: page(['Title', '补钙的正确方法', 'Date', '2024.03.18', ...CALCIUM]),
    sure: [1, 5, 7],
  },
  {
    // A title of four characters under the breadcrumb, then the first section's question: the
    // title is the short line, not the longer question under it.
    name: 'a four-character title under a breadcrumb, above a question heading',
    format: 'txt',
    text: page(['首页 | 补钙知识', '钙片介绍', '如何补充钙片?', ...CALCIUM]),
    sure: [1],
  },
  {
    // An app's placeholder for a picture, first on the page and again between the paragraphs:
    // the first copy speaks no more of calcium than the others, and goes with them.
    name: "an app's picture placeholder on the first line and three times down the page",
    format: 'txt',
    text: page(['打开健康日报 查看高清大图', CALCIUM[0]!, '打开健康日报 查看高清大图', CALCIUM[1]!, '打开健康日报 查看高清大图', '打开健康日报 查看高清大图', CALCIUM[2]!]),
    sure: [1, 5, 9, 11],
  },
  {
    name: 'a shouted image prompt on the first line and three times down the page',
    format: 'txt',
    text: page(['TAP TO VIEW GALLERY', ZINC[0]!, 'TAP TO VIEW GALLERY', ZINC[1]!, ZINC[2]!, 'TAP TO VIEW GALLERY', ZINC[3]!, 'TAP TO VIEW GALLERY']),
    sure: [1, 5, 11, 15],
  },
  {
    // A forum's menu, its links glued together, between a reposted article's title and its text.
    name: 'a menu of glued links under the title',
    format: 'txt',
    text: page(['Zinc and Your Immune System', 'ForumHomeSearchNew topicsMembersSign inHelp', ...ZINC]),
    sure: [3],
  },
  {
    // A contents button's label in capitals, its spaces lost, above the first section heading.
    name: 'a glued label in capitals above a section heading',
    format: 'txt',
    text: page(['补钙的正确方法', CALCIUM[0]!, 'TABLEOFCONTENTS', '钙片怎么吃', CALCIUM[1]!, CALCIUM[2]!]),
    sure: [5],
  },
];

/** A Chinese article whose short title stands above its table of contents (see CLEAN). */
const CONTENTS_PAGE = [
  '什麼是鈣',
  '',
  '  1. 鈣:骨骼的礦物質',
  '  2. 鈣的用途',
  '    1. 骨質疏鬆',
  '    2. 孕期補鈣',
  '  3. 劑量:每天需要多少鈣?',
  '',
  '鈣:骨骼的礦物質',
  '',
  '鈣是骨骼和牙齒的主要成分,成年人每天需要大約八百毫克鈣,老年人和孕婦需要得更多。',
  '',
  '牛奶、豆腐、芝麻和深綠色蔬菜都含有較多的鈣,飲食多樣的人一般不必額外補充鈣片。',
  '',
  '補鈣的同時還要保證維生素D充足,否則腸道吸收鈣的效率會明顯下降,骨骼也得不到足夠的鈣。',
  '',
  '鈣的用途',
  '',
  '骨質疏鬆',
  '',
  '老年人骨量流失加快,適量補鈣並配合運動可以延緩骨質疏鬆,但鈣片不能代替藥物治療。',
  '',
  '孕期補鈣',
  '',
  '孕婦在孕中期以後對鈣的需要增加,多喝牛奶、多吃豆製品通常就能滿足,不夠時再按醫囑補充。',
].join('\n');

const CLEAN: Array<{ name: string; format: Format; text: string }> = [
  {
    // Title case makes two words look like a name; neither is a given name or a surname.
    name: 'section headings in title case among the short lines before the first paragraph',
    format: 'txt',
    text: page([
      'Zinc Dosing Guide',
      'General Dosing',
      '8-11mg zinc daily for most adults; more only for a diagnosed deficiency',
      'Usual Forms',
      'Gluconate, citrate or picolinate lozenges and tablets',
      ...ZINC,
    ]),
  },
  {
    name: 'a section heading right above the first paragraph that the prose never names',
    format: 'md',
    text: page(['# Zinc and Colds', '## Indications', ...ZINC]),
  },
  {
    name: 'short answers after questions at the end of the article',
    format: 'txt',
    text: page(['Zinc and Colds', ...ZINC, 'What if I miss a day?', 'Nothing much', 'Can children take it?', 'Ask first', 'Is it vegan?', 'Usually yes']),
  },
  {
    name: 'an excerpt whose last line is cut short',
    format: 'txt',
    text: page(['Zinc and Colds', ...ZINC, 'Chewing gum wi']),
  },
  {
    name: 'the untranslated English title above a Chinese translation',
    format: 'txt',
    text: page(['Calcium explained: how much you need and where to get it', '补钙的正确方法', ...CALCIUM]),
  },
  {
    name: 'a label ending in a colon and a Chinese question heading before the first paragraph',
    format: 'txt',
    text: page(['补钙的正确方法', '要点总结：', '它是什么', ...CALCIUM]),
  },
  {
    name: 'a short list of the article at its end',
    format: 'txt',
    text: ['Zinc and Colds', '', ...ZINC.flatMap((l) => [l, '']), '• Oysters', '• Pumpkin seeds', '• Lentils', '• Cashews'].join('\n'),
  },
  {
    name: 'key points as a list above the first paragraph',
    format: 'txt',
    text: ['补钙的正确方法', '', '  • 成年人每天需要多少钙', '  • 牛奶和豆腐里的钙', '  • 维生素D与钙的吸收', '  • 钙片什么时候吃', '  • 老年人补钙', '', ...CALCIUM.flatMap((l) => [l, ''])].join('\n'),
  },
  {
    name: 'a dated first paragraph under the title',
    format: 'txt',
    text: page(['补钙的正确方法', '2024年3月18日，国家卫健委发布了新版膳食指南，其中对钙的建议有所调整。', ...CALCIUM]),
  },
  {
    name: 'a draft with too little prose to tell its topic',
    format: 'txt',
    text: page(['Zinc', 'Morgan Ashby', 'Zinc helps wounds heal.']),
  },
  {
    // A short question title (four characters, its topic a word of one character) above the
    // article's table of contents, whose entries are its section headings: all the article's
    // (a table of contents is the article's own, as its "Contents" label is), and no heading
    // is a repeat for being listed there first.
    name: 'a short question title above a nested table of contents',
    format: 'txt',
    text: CONTENTS_PAGE,
  },
];

const sure = (text: string, format: Format): number[] =>
  cmsLeftover
    .check(docFromText(text, format), { config })
    .filter((f) => f.data?.confidence === 'high')
    .map((f) => f.span.start.line);

describe('artifact/cms-leftover on a teaser cut short beside its whole title', () => {
  it.each([
    ['a related-post card', 'Seven quiet ways to sleep after a late sh...', 'Seven quiet ways to sleep after a late shift', true],
    ['a heading after a line that trails off', 'Some people take it with food...', 'Zinc and Copper', false],
  ])('%s', (_name, cut, whole, reported) => {
    const text = page([ZINC[0]!, ZINC[1]!, cut as string, whole as string, ZINC[2]!, ZINC[3]!]);
    const lines = cmsLeftover.check(docFromText(text, 'txt'), { config }).map((f) => f.span.start.line);
    expect(lines).toEqual(reported ? [5, 7] : []);
  });
});

describe('artifact/cms-leftover at the edges of the page', () => {
  it.each(CASES)('reports $name', ({ text, format, sure: expected }) => {
    expect(sure(text, format)).toEqual(expected);
  });
  it.each(CLEAN)('leaves alone $name', ({ text, format }) => {
    expect(sure(text, format)).toEqual([]);
  });

  // The first copy of a line printed down the page is the page's own when it speaks of the
  // article (a headline repeated as a caption), or when the page prints it only twice.
  it.each([
    ['a title on the topic printed three times', page(['How Zinc Helps With Colds', ZINC[0]!, 'How Zinc Helps With Colds', ZINC[1]!, ZINC[2]!, 'How Zinc Helps With Colds', ZINC[3]!])],
    ['a Chinese title on the topic printed three times', page(['老年人 补钙方法', CALCIUM[0]!, '老年人 补钙方法', CALCIUM[1]!, '老年人 补钙方法', CALCIUM[2]!])],
    ['a title off the words of the prose printed twice', page(['A Quiet Mineral', ZINC[0]!, ZINC[1]!, 'A Quiet Mineral', ZINC[2]!, ZINC[3]!])],
  ])('keeps the first line of %s', (_name, text) => {
    const lines = cmsLeftover.check(docFromText(text, 'txt'), { config }).map((f) => f.span.start.line);
    expect(lines).not.toContain(1);
  });

  it('takes no section heading for a repeat because the table of contents lists it first', () => {
    const findings = cmsLeftover.check(docFromText(CONTENTS_PAGE, 'txt'), { config });
    expect(findings.map((f) => [f.span.start.line, f.data?.confidence])).toEqual([]);
  });
});

/** A dosing page of short lines under a disclaimer banner, as some supplement sites print it. */
const DOSING_PAGE = [
    'Skip to main content',
    'NutriFacts',
    '',
    'Iron Dosage Guide',
    '',
    'The material on this page is educational and is not a substitute for medical advice. Check with your clinician before you start a supplement.',
    '',
    'General Dosage',
    '',
    '18-65mg elemental iron daily for deficiency correction; 8-18mg for maintenance',
    '',
    'Upper limit: 45mg/day elemental iron for adults (NIH UL); larger amounts only when a doctor supervises',
    '',
    'Dosage Recommendations',
    '',
    'General recommendation: 15-60mg elemental iron daily to rebuild low stores; 8-18mg to keep them up',
    '',
    'When to take it: before breakfast for the best uptake; with orange juice to help it; not with tea, coffee, milk or calcium within 2 hours',
    '',
    'Dosage by Need',
    '',
    'NeedUsual DoseEvidence',
    'Iron-deficiency anaemia60mg elemental iron once or twice dailyStrong',
    'Low ferritin without anaemia20-45mg elemental iron daily or on alternate daysStrong',
    'Endurance sport20-45mg daily for athletes with low storesModerate',
    '',
    'Upper limit: 45mg/day elemental iron for adults (NIH UL); larger amounts only when a doctor supervises',
    '',
    'When to Take It',
    '',
    '',
    'References',
    '',
    '  1. (). Iron supplements and tiredness in women with low ferritin: a randomised trial. Journal of Family Medicine. DOI',
    '  2. (). Taking iron on alternate days and absorption in young women. Haematology Reports. DOI',
    '  3. (). Iron deficiency in adults. Clinical Review. DOI',
    '',
    '  1. (). Effect of iron supplementation on fatigue in nonanemic menstruating women with low ferritin: a randomized controlled trial. CMAJ. DOI',
    '  2. (). Iron absorption from oral iron supplements given on consecutive versus alternate days and as single morning doses versus twice-daily split doses. The Lancet Haematology. DOI',
    '  3. (). Iron deficiency. The Lancet. DOI',
  ].join('\n');

describe('artifact/cms-leftover on a dosing page of short lines', () => {
  const reported = (text: string): number[] => cmsLeftover.check(docFromText(text, 'txt'), { config }).map((f) => f.span.start.line);
  it('keeps the title over a disclaimer banner, and section headings in title case that read like names', () => {
    const lines = reported(DOSING_PAGE);
    expect(lines).toEqual(expect.arrayContaining([1, 2, 6]));
    expect(lines.filter((l) => [4, 8, 14].includes(l))).toEqual([]);
  });
  it('keeps the title when it heads nothing but the disclaimer and the prose is too short to name a topic', () => {
    // (The same page cut before its references, its title and first dose line in other words:
    // no line then tells the topic, and the title is found by no other cue.)
    const text = DOSING_PAGE.split('\n')
      .slice(0, 30)
      .map((line) => (line === 'Iron Dosage Guide' ? 'Iron Dosing Guide' : line.replace('18-65mg elemental iron daily for deficiency correction; 8-18mg for maintenance', '15-60mg elemental iron daily to rebuild low stores; 8-18mg to keep them up').replace('General recommendation:', 'Usual advice:')))
      .join('\n');
    expect(reported(text).filter((l) => l === 4)).toEqual([]);
  });
});
