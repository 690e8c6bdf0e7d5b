/**
 * artifact/cms-leftover on whole scraped pages (written for these tests in the shape of
 * real affiliate, portal and blog pages), with the expected findings beside each fixture,
 * and the batch look on three unrelated drafts of one site.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import type { Format } from '../src/types.js';
import { docFromText, ROOT } from './helpers.js';

const config = resolveConfig();
const DIR = 'tests/fixtures/debris';

/** [line, confidence] of every expected finding; every other line is the article's. */
const PAGES: Array<{ file: string; format: Format; expected: Array<[number, 'high' | 'low']> }> = [
  {
    file: 'affiliate-review.md',
    format: 'md',
    expected: [
      [1, 'high'], // Home › Health › Supplements (links)
      [5, 'high'], // Posted on … by …
      [7, 'high'], // Medically reviewed by …: a credit line among the page's furniture
      [9, 'high'], // Share this:
      [19, 'high'], // **SHOP NOW**
      [23, 'high'], // [Check latest price on Amazon](…)
      [36, 'high'], // Advertisement
      [48, 'high'], // Was this article helpful?
      [50, 'high'], // ## Related posts
      [52, 'high'], // - [related link]
      [53, 'high'], // - [related link]
      [60, 'high'], // Tags: …
      [62, 'high'], // ## Leave a Reply
      [64, 'high'], // comment-form notice
      [66, 'high'], // Name * Email * Website
    ],
  },
  {
    file: 'portal-article.txt',
    format: 'txt',
    expected: [
      [1, 'high'], // 首页 > 健康 > 营养
      [3, 'high'], // date · 来源：…
      [4, 'high'], // 点击上方蓝字关注我们
      [6, 'high'], // 打开APP，查看更多高清图片
      [9, 'high'], // 广告
      [16, 'high'], // 记得点赞、转发
      [17, 'high'], // 免责声明：…
      [18, 'high'], // 责任编辑：…
      [19, 'high'], // 举报/反馈
    ],
  },
  {
    file: 'scraped-page.html',
    format: 'html',
    expected: [
      [5, 'high'], // the site menu (its links stand straight in the nav, no <p>)
      [9, 'high'], // share bar
      [20, 'high'], // author box (class author-box)
      [21, 'high'], // You may also like (aside.related-articles)
      [21, 'high'], // its link
      [23, 'high'], // © footer
    ],
  },
  {
    file: 'recipe-card-blog.txt',
    format: 'txt',
    expected: [
      [7, 'low'], // the headline again, as the card's title
      [9, 'high'], // 1 … 6: the empty steps of a rating card, counting up
      [10, 'high'],
      [11, 'high'],
      [12, 'high'],
      [13, 'high'],
      [14, 'high'],
      [16, 'high'], // Be the first to review …
      [18, 'high'], // Print recipe
      [20, 'high'], // Thanks for printing …
      [22, 'high'], // You may also like
      [24, 'high'], // teaser titles after the last debris, to the end of the page (this one off the topic)
      [26, 'high'],
    ],
  },
  {
    file: 'qa-portal.txt',
    format: 'txt',
    expected: [
      [1, 'high'], // the site's name, before the title
      [5, 'high'], // the doctor's card
      [7, 'high'], // the hospital line, next to the card
      [13, 'high'], // a comment-box notice glued to the last words: cut from its label on
      [15, 'high'], // 推荐文章
      [17, 'high'], // teaser titles after it, to the end of the page: one on the topic,
      [19, 'high'], // one off it; headlines all, under the label, they are the widget's
    ],
  },
  {
    // A question-and-answer page whose foot links more questions (a real page's shape, our words).
    file: 'qa-farm-questions.txt',
    format: 'txt',
    expected: [
      [10, 'high'], // More useful articles on a similar topic 👇
      [11, 'high'], // two linked questions, their texts run together
    ],
  },
  {
    // An answer page whose foot shows cards of other answers (a real page's shape, our words).
    file: 'answer-cards.txt',
    format: 'txt',
    expected: [
      [1, 'high'], // Advertisement
      [11, 'high'], // Continue Learning about Potassium
      ...[13, 14].map((line): [number, 'high'] => [line, 'high']), // a card's title and its image's alt text
      [15, 'high'], // its teaser, cut short in a word
      [16, 'high'], // Read More
      ...[17, 18, 19, 20, 21, 22, 23, 24].map((line): [number, 'high'] => [line, 'high']), // two answer cards: question, author twice, teaser, More Answers
      [25, 'high'], // the last card's title twice
      [26, 'high'],
      [28, 'high'], // the site's notice on its contributors
    ],
  },
  {
    // A journal's abstract page saved as text (a real page's shape, our words): its render line,
    // publication line, authors under "Affiliation:" labels, a corresponding author's mark alone
    // on a line and a link left with its label for screen readers.
    file: 'journal-abstract-page.txt',
    format: 'txt',
    expected: [1, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((line): [number, 'high'] => [line, 'high']),
  },
];

describe('artifact/cms-leftover on scraped pages', () => {
  it.each(PAGES)('$file', ({ file, format, expected }) => {
    const doc = docFromText(readFileSync(path.join(ROOT, DIR, file), 'utf8'), format, `${DIR}/${file}`);
    const found = cmsLeftover.check(doc, { config }).map((f) => [f.span.start.line, f.data?.confidence]);
    expect(found).toEqual(expected);
  });

  it('keeps the article and drops the sure debris in the cleaned Markdown', async () => {
    const result = await audit([`${DIR}/affiliate-review.md`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    const out = result.outputs[0]!.content;
    for (const gone of ['SHOP NOW', 'Check latest price', 'Advertisement', 'Was this article helpful', 'Related posts', 'Zinc and immunity', 'Tags:', 'Leave a Reply', 'Required fields', 'Name \\*', 'Share this', 'Posted on', 'Medically reviewed']) {
      expect(out).not.toMatch(new RegExp(gone));
    }
    for (const kept of ['## Key Takeaways', '| Glycinate |', '## FAQ', '## Bottom line', '## References', 'Abbasi B', 'People with kidney disease', '# Magnesium Glycinate for Sleep']) {
      expect(out).toContain(kept);
    }
  });

  it("names a journal page's cleaned article by the paper's long title line, not by a line of its front matter", async () => {
    const result = await audit([`${DIR}/journal-abstract-page.txt`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    expect(result.outputs[0]!.content).toMatch(/^---\ntitle: "Iodine intake from seaweed, dairy and iodised salt among pregnant and breastfeeding women in two coastal towns of northern Norway"\n/);
    expect(result.outputs[0]!.content).not.toMatch(/Published online|Affiliation|Opens in a new window|^\\\*$/m);
  });
});

describe('artifact/cms-leftover on a related-questions foot', () => {
  it('takes neither the label nor the questions under it for the title, and keeps the questions the article answers', async () => {
    const result = await audit([`${DIR}/qa-farm-questions.txt`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    const out = result.outputs[0]!;
    expect(out.file).toBe('qa-farm-questions.md');
    expect(out.content).not.toMatch(/More useful articles|good for scars/);
    for (const kept of ['Can you take too much vitamin E?', 'Which foods are rich in vitamin E?', 'wheat germ oil']) expect(out.content).toContain(kept);
  });
});

describe('artifact/cms-leftover on cards of other answers', () => {
  it('removes every card, its question on the topic too, and keeps the answer', async () => {
    const result = await audit([`${DIR}/answer-cards.txt`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    const out = result.outputs[0]!.content;
    for (const gone of ['Continue Learning', 'Blood Pressure', 'highest in potassium', 'Lindqvist', 'do adults need each day', 'More Answers', 'Muscle Cramps', 'various individuals']) expect(out).not.toContain(gone);
    for (const kept of ['Is it safe to take potassium tablets', 'far below what a banana gives', 'ask your doctor before adding any potassium supplement']) expect(out).toContain(kept);
  });
});

describe('artifact/cms-leftover on a notice glued to the text', () => {
  it('removes the notice from its label on and keeps the words before it', async () => {
    const result = await audit([`${DIR}/qa-portal.txt`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    const out = result.outputs[0]!.content;
    expect(out).toContain('避免重复补充多喝牛奶就够了吗');
    expect(out).not.toContain('评论内容');
    expect(out).not.toContain('林晓雯');
    expect(out).toContain('长期大剂量服用可能引起血钙升高');
    // The teaser titles under the recommended-articles label at the page's end go with it,
    // the one on the article's topic as well.
    expect(out).not.toContain('冬天晒太阳的正确方法');
    expect(out).not.toContain('孩子补钙的三个误区');
  });
});

describe("artifact/cms-leftover on an app's picture placeholders", () => {
  it('removes the placeholder on the first line as its copies down the page, and names the article by no placeholder', async () => {
    const result = await audit([`${DIR}/app-picture-stubs.txt`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    const found = result.findings.filter((f) => f.ruleId === 'artifact/cms-leftover');
    expect(found.map((f) => [f.span.start.line, f.data?.confidence])).toEqual([
      [1, 'high'],
      [7, 'high'],
      [13, 'high'],
      [14, 'high'],
    ]);
    const out = result.outputs[0]!;
    expect(out.content).not.toContain('打开健康日报');
    expect(out.content).toContain('冬天的日照时间变短');
    expect(out.content).toContain('长期过量可能引起高钙血症');
  });
});

describe('artifact/cms-leftover inside a paragraph', () => {
  it('removes a call-to-action link typed into a sentence, with its tags, and keeps the sentences', async () => {
    const result = await audit([`${DIR}/inline-cta.txt`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    const found = result.findings.filter((f) => f.ruleId === 'artifact/cms-leftover');
    expect(found.map((f) => [f.span.start.line, f.data?.confidence, f.data?.whole])).toEqual([[5, 'high', false]]);
    const out = result.outputs[0]!.content;
    expect(out).not.toContain("Check today's price");
    expect(out).not.toContain('<a');
    expect(out).toContain('but the evidence is still thin.');
    expect(out).toContain('It is not a substitute for treatment of anxiety disorders.');
  });
});

describe('artifact/cms-leftover among page chrome', () => {
  it('takes short lines between debris as debris, never the title the page repeats', () => {
    const text = [
      'Obat|维生素D|补钙|晒太阳|三文鱼',
      '# 冬天怎样补充维生素D',
      'on March 2, 2026',
      '文丨编辑 王强',
      '----冬天怎样补充维生素D----',
      '冬天日照时间短，皮肤合成的维生素D减少，可以适当多吃富含维生素D的食物。',
      '![]()',
      'Font Type:',
      'Courier Tahoma Garamond',
      'Font Size:',
      'a bowl of salmon next to a glass of milk on a wooden table',
      'Back To Search Results',
      '每天晒太阳十五到二十分钟，对多数人来说已经足够。',
    ].join('\n\n');
    const found = cmsLeftover.check(docFromText(text, 'md'), { config }).map((f) => [f.span.start.line, f.data?.confidence]);
    expect(found).toEqual([
      [1, 'high'], // keyword list
      [5, 'high'], // date line next to the byline
      [7, 'high'], // 文丨编辑
      [9, 'high'], // the title again, in rules of dashes
      [13, 'high'], // ![]()
      [15, 'high'], // Font Type:
      [17, 'high'], // font names between two settings labels
      [19, 'high'], // Font Size:
      [21, 'high'], // alt text left as a line
      [23, 'high'], // Back To Search Results
    ]);
  });
});

describe('artifact/cms-leftover on lines of data', () => {
  it.each([
    ['values on lines of their own, not counting up', 'Ferritin by week\n\n41\n\n38\n\n45\n\n52\n'],
    ['a plain-text table of bar-separated rows', 'Test | Week 1 | Week 2 | Week 3 | Week 4\nFerritin | 41 | 38 | 45 | 52\n'],
  ])('leaves %s alone', (_name, data) => {
    const text = `# Iron tablets\n\nIron tablets raise ferritin slowly, over weeks rather than days, and the rise differs from person to person.\n\n${data}`;
    expect(cmsLeftover.check(docFromText(text, 'txt'), { config }).filter((f) => f.data?.confidence === 'high')).toEqual([]);
  });
});

describe('artifact/cms-leftover on a headline the page repeats as a caption', () => {
  it('never reports the first copy, the headline; the later one at most as unsure', () => {
    const text = [
      'Elderberry: What It Does and How Much to Take',
      'Elderberry syrup is a traditional remedy for colds, and a few small trials suggest it may shorten them a little.',
      'Elderberry: What It Does and How Much to Take',
      'Raw berries and leaves can upset the stomach, so only cooked preparations are sold for use.',
    ].join('\n\n');
    const found = cmsLeftover.check(docFromText(text, 'txt'), { config });
    expect(found.filter((f) => f.span.start.line === 1)).toEqual([]);
    expect(found.filter((f) => f.data?.confidence !== 'low')).toEqual([]);
    // A caption credit beside the copy is reported; the headline still is not.
    const captioned = cmsLeftover.check(docFromText(text.replace(/(How Much to Take\n\nRaw)/, 'How Much to Take\n\nPhoto credit: Stock Images/Jane Roe\n\nRaw'), 'txt'), { config });
    expect(captioned.map((f) => f.span.start.line)).toContain(7);
    expect(captioned.map((f) => f.span.start.line)).not.toContain(1);
  });
});

describe('artifact/cms-leftover on author boxes', () => {
  it.each([
    ['a bio under the author-box heading', '## About the author\n\nJordan Lee is a registered dietitian who writes about family meals.\n', [[1, 'high'], [3, 'high']]],
    ['an article paragraph after it is not a bio', '## About the author\n\nFibre slows the rise of blood sugar after a meal and keeps you full for longer.\n', [[1, 'high']]],
  ])('%s', (_name, text, expected) => {
    const found = cmsLeftover.check(docFromText(`# Fibre\n\nFibre comes from plants.\n\n${text}`, 'md'), { config });
    expect(found.map((f) => [f.span.start.line - 4, f.data?.confidence])).toEqual(expected);
  });
});

/** Lines of a plain-text draft that cms-leftover reports as sure debris. */
function sureLines(text: string): number[] {
  return cmsLeftover
    .check(docFromText(text, 'txt'), { config })
    .filter((f) => f.data?.confidence === 'high')
    .map((f) => f.span.start.line);
}

// News pages' heads (real pages' shapes, our words): the byline between an avatar's text and
// the date line is the page's, the same byline under a clean article's title the article's; a
// headline in capitals wrapped onto two lines under a subscription link keeps its first line,
// while a menu's last item above a title stays the menu's.
const OATS = [
  'Fibre slows the rise of blood sugar after a meal and keeps you full for longer, so most adults should eat more of it.',
  'Oats hold a soluble fibre called beta-glucan, which forms a gel in the gut and slows how fast sugar enters the blood.',
  'Swapping a sugary cereal for porridge a few mornings a week is an easy first step for most people.',
].join('\n\n');
const COPPER = [
  'Copper deficiency can follow gastric surgery by many years, and its nerve damage looks much like that of low vitamin B12.',
  'Zinc taken in large amounts for a long time blocks the uptake of copper from food, which makes a deficiency more likely.',
  'Doctors now check copper as well as vitamin B12 in patients with numb feet after a gastric bypass.',
].join('\n\n');

describe("artifact/cms-leftover on a news page's head", () => {
  it.each([
    ["a byline among the head's debris", 'Study: Oats Can Steady Your Blood Sugar\n\nHere is why a bowl of oats keeps you steady all morning.\nsave article\nprofile picture of Dana Whitfield\nBy Dana Whitfield, Associate Editor\nUpdated January 5, 2022\nwoman eating oats at a table\nImage: Jo Park | Shutterstock', OATS, [4, 5, 6, 7, 8, 9]],
    ["a byline under a clean article's title", 'Study: Oats Can Steady Your Blood Sugar\n\nBy Dana Whitfield, Associate Editor', OATS, []],
    ['a headline wrapped onto two lines, its first line in capitals', 'Subscribe to eTOC\n\nCOPPER DEFICIENCY MYELOPATHY\nRISK AFTER GASTRIC SURGERY, LOOKS LIKE LOW B12', COPPER, [1]],
    ["…while a menu's last item above a title is the menu's", 'Subscribe to eTOC\nNews\nDeficiency Clinic\nCopper Deficiency After Surgery: A Hidden Risk', COPPER, [1, 2, 3]],
  ])('%s', (_name, head, body, expected) => {
    expect(sureLines(`${head}\n\n${body}\n`)).toEqual(expected);
  });
});

// A Chinese portal's repost (a real page's shape, our words): a breadcrumb a step a line, its
// last step the headline, the headline again, and a picture's caption that repeats it with a
// remark. The second copy is the title; the copies and the trail are the page's.
describe('artifact/cms-leftover on a headline the breadcrumb ends with', () => {
  const page = [
    '首页\n/\n健康频道\n/\n生活\n/\n备孕需要吃复合维生素和叶酸吗\n备孕需要吃复合维生素和叶酸吗\n更新时间:2025-03-07 10:41:58',
    '备孕需要吃复合维生素和叶酸吗(备孕妈妈看过来)1',
    '很多准备怀孕的女性都会问，备孕期间到底需要吃复合维生素还是只吃叶酸就够了。',
    '叶酸能够降低胎儿神经管缺陷的风险，一般建议从怀孕前三个月开始每天补充0.4毫克叶酸。',
    '复合维生素里通常已经含有叶酸，同时吃两种产品时要注意叶酸的总量，不要重复补充。',
    '如果饮食均衡，大多数备孕女性只需要补充叶酸，是否需要复合维生素可以咨询医生。',
  ].join('\n\n');

  it('reports the trail and the copy, and keeps the headline', () => {
    expect(sureLines(page)).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
  });

  it('names the cleaned article by the headline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-crumb-title-'));
    writeFileSync(path.join(dir, 'repost.txt'), `${page}\n`);
    const result = await audit(['repost.txt'], config, { cwd: dir, workers: 0, outputDir: path.join(dir, 'output') });
    expect(result.outputs[0]!.content).toMatch(/^---\ntitle: "备孕需要吃复合维生素和叶酸吗"\n/);
  });
});

// A forum post that reposts a reference page (a real page's shape, our words): the poster's card
// above it is the forum's; the page's first section label under it is the article's.
describe("artifact/cms-leftover on a section label under a forum poster's card", () => {
  it('reports the card and keeps the label', () => {
    const page = [
      'Super Moderator\n加入于: Mar 17 2016\n帖子数: 43',
      '定义',
      '肾结石是肾脏里形成的小而硬的矿物沉积，由尿液中的矿物质和盐类结晶而成。',
      '肾结石的成因很多，可以影响从肾脏到膀胱的整个尿路，常见原因包括饮水太少和饮食中盐分过多。',
      '结石排出时往往非常疼痛，但及时处理通常不会留下永久的损伤。',
      '如果你属于容易长结石的人群，医生可能会建议多喝水并调整饮食来预防复发。',
    ].join('\n\n');
    const lines = sureLines(`${page}\n`);
    expect(lines).not.toContain(5);
    expect(lines).toEqual(expect.arrayContaining([2, 3]));
  });
});

// A journal page with no "摘要" label: its keyword line under the structured abstract is the paper's (our words).
describe('artifact/cms-leftover on the keywords under a structured abstract', () => {
  it('keeps them, while a blog\'s tag line stays debris', () => {
    const abstract = '目的 观察婴儿补充铁剂对贫血的影响。方法 将240名婴儿随机分为两组，随访6个月。结果 补铁组的贫血发生率较低。结论 补充铁剂可以降低贫血发生率。';
    const paper = `婴儿补铁与贫血\n\n${abstract}\n\n关键词：婴儿；铁；贫血\n\n婴儿在6月龄后体内储存的铁逐渐耗尽，需要从辅食中获得更多的铁。\n`;
    expect(sureLines(paper)).toEqual([]);
    const blog = '婴儿补铁与贫血\n\n婴儿在6月龄后体内储存的铁逐渐耗尽，需要从辅食中获得更多的铁。\n\n关键词：婴儿；铁；贫血\n\n红肉、肝泥和强化米粉都是不错的选择。\n';
    expect(sureLines(blog)).toEqual([5]);
  });
});

describe('artifact/cms-leftover across a batch', () => {
  it('finds the site line shared by three unrelated drafts, and raises a weak per-draft finding', async () => {
    const result = await audit([`${DIR}/batch`], config, { cwd: ROOT, workers: 0, outputDir: path.join(ROOT, 'output') });
    expect(result.clusters).toHaveLength(3);
    const found = result.findings
      .filter((f) => f.ruleId === 'artifact/cms-leftover')
      .map((f) => [path.basename(f.path), f.span.start.line, f.severity, f.data?.confidence, f.data?.kind]);
    expect(found).toEqual([
      // "Written by Mira Patel": unsure in one draft, sure once the batch shows it on every page.
      ['fiber-breakfast.md', 3, 'warning', 'high', 'author'],
      // The site's footer line: a short line with no sentence at the bottom of one draft is only
      // a suspect; at the bottom of three unrelated articles it is the site's.
      ['fiber-breakfast.md', 13, 'warning', 'high', 'batch'],
      ['hydration-heat.md', 3, 'warning', 'high', 'author'],
      ['hydration-heat.md', 13, 'warning', 'high', 'batch'],
      ['sleep-caffeine.md', 3, 'warning', 'high', 'author'],
      ['sleep-caffeine.md', 13, 'warning', 'high', 'batch'],
    ]);
    // "How much do you need?" heads a section of all three: shared topic vocabulary, not debris.
  });

  it('sees no batch evidence in a single draft', () => {
    const doc = docFromText(readFileSync(path.join(ROOT, DIR, 'batch/fiber-breakfast.md'), 'utf8'), 'md');
    expect(cmsLeftover.check(doc, { config }).map((f) => [f.span.start.line, f.data?.confidence])).toEqual([[3, 'low']]);
  });
});

describe('artifact/cms-leftover on hostile text', () => {
  // Lines built to make a careless pattern backtrack: the test would time out, not fail.
  it.each([
    ['a line of words with code symbols', 'Most adults need two point four micrograms of vitamin twelve a day and older adults absorb less of it <sup>[1]</sup> {}();='],
    ['a long line of words with symbols', `${'word '.repeat(3000)}<sup>[1]</sup> (a) {b} = c;`],
    ['a long run of form-field names', `${'name   email   '.repeat(2000)}x`],
    ['a long run of share targets', `${'facebook / twitter / '.repeat(2000)}z`],
    ['a long decorated line', `----${'-'.repeat(5000)}x`],
  ])('%s', (_name, line) => {
    expect(() => cmsLeftover.check(docFromText(`Intro text.\n\n${line}\n`), { config })).not.toThrow();
  });
});
