/**
 * artifact/cms-leftover on families of page furniture: Q&A and consultation portals,
 * document-sharing sites, journal front matter and disclaimers, in English and Chinese.
 * Each line stands in the middle of a short article (as in debris-lines.test.ts); the
 * journal pages are whole fixtures, because front matter is read as a zone above the
 * abstract. Near misses stand beside the debris. All text is written for these tests.
 *
 * How near misses are decided (see src/debris/portal.ts and frontmatter.ts):
 *  - advice to the reader ("Consult your doctor before…", "服用前请咨询医生") is the
 *    article's; a disclaimer is the site speaking of its own content ("This article is for
 *    informational purposes only", "本文仅供参考，不构成医疗建议");
 *  - a sentence naming a university or hospital is prose; an affiliation is a title-case
 *    line of institution and place, and only at the top of a journal page;
 *  - a list of names is an author list only in a journal's header, never in prose or in
 *    the references; an author-year citation in prose is the article's;
 *  - a journal's keyword line is the article's, kept;
 *  - a hospital and department line is a doctor's card only on a Q&A page.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import { docFromText } from './helpers.js';

const config = resolveConfig();

const EN_BEFORE = [
  'Zinc helps the immune system, wound healing and the senses of taste and smell.',
  'Most adults get enough from meat, shellfish, dairy, beans and whole grains.',
  'People who eat no animal foods absorb less of it because of the phytate in grains.',
  'Mild shortage shows up as slow healing, hair loss and frequent colds.',
];
const EN_AFTER = [
  'Lozenges taken at the first sign of a cold may shorten it by a day or two.',
  'High doses over months can lower copper levels and weaken the immune response.',
  'The upper limit for adults is forty milligrams a day from all sources combined.',
  'A blood test cannot always show a mild deficiency, so diet history matters too.',
];
const ZH_BEFORE = ['锌参与免疫、伤口愈合以及味觉和嗅觉的维持。', '大多数成年人可以从肉类、海产品、奶类和豆类中获得足够的锌。', '素食者因谷物中的植酸影响，吸收的锌相对较少。', '轻度缺锌可能表现为伤口愈合慢、脱发和反复感冒。'];
const ZH_AFTER = ['感冒初期含服锌片，可能使病程缩短一两天。', '长期大剂量补锌会降低铜水平，反而削弱免疫功能。', '成年人每天从各种来源摄入的锌不宜超过四十毫克。', '轻度缺锌时血液检查不一定异常，饮食记录同样重要。'];

function findingsFor(line: string) {
  const zh = /\p{Script=Han}/u.test(line);
  const text = [...(zh ? ZH_BEFORE : EN_BEFORE), line, ...(zh ? ZH_AFTER : EN_AFTER)].join('\n\n') + '\n';
  return cmsLeftover.check(docFromText(text), { config });
}

/** Debris of the four families: reported whole on line 9, sure enough to be removed. */
const DEBRIS: Array<[family: string, line: string]> = [
  // Q&A and consultation portals.
  ['qa', '精选回答(2)'],
  ['qa', '回答3'],
  ['qa', '优质回答'],
  ['qa', '向医生提问'],
  ['qa', '2人觉得有用'],
  ['qa', '病情描述：孩子每天需要补多少锌？吃锌片会不会影响食欲？'],
  ['qa', '擅长：儿童营养、贫血与生长发育迟缓的诊治'],
  ['qa', '王晓明 副主任医师'],
  ['qa', '李华主治医师'],
  ['qa', '12次浏览 2025-03-01'],
  ['qa', '2024-11-02 09:15 36人閱讀'],
  ['qa', '营养健康专家团'],
  ['qa', '精编内容 三审三校'],
  ['qa', '我们邀请了三甲医院医师回答这个问题，您可以继续追问'],
  ['qa', '來源：某某知道'],
  ['qa', 'Best answer'],
  ['qa', 'Answered by Dr. Alan Reyes'],
  ['qa', 'Ask a doctor now'],
  ['qa', '4 answers'],
  ['qa', 'Report this answer'],
  ['qa', '7 people found this helpful'],
  ['qa', '赞同 12'],
  // Document-sharing sites.
  ['document', '儿童补锌指南(2024版).docx'],
  ['document', 'Zinc_Supplement_Handout.pdf'],
  ['document', '第 2 页 共 15 页'],
  ['document', 'Page 3 of 12'],
  ['document', '资源大小：1.2MB 全文页数：24页'],
  ['document', '下载积分：10金币'],
  ['document', '《膳食讲义.doc》由用户上传分享，可在线阅读，更多相关内容请在本站上搜索。'],
  ['document', '开通VIP'],
  ['document', '500万VIP精品文档'],
  ['document', '相关文档'],
  ['document', '本文档需要 5 下载券'],
  ['document', '首页> 资料> 营养学'],
  ['document', '欢迎来到某某文库！| 帮助中心'],
  // Journal front matter that is front matter wherever it stands.
  ['frontmatter', 'Received: 3 May 2022 / Revised: 20 May 2022 / Accepted: 1 June 2022'],
  ['frontmatter', 'Academic Editor: Maria Rossi'],
  ['frontmatter', 'Author to whom correspondence should be addressed.'],
  ['frontmatter', '收稿日期：2022-05-03'],
  ['frontmatter', '通讯作者：张伟'],
  ['frontmatter', '中图分类号：R153.2'],
  ['frontmatter', 'Open Access'],
  ['frontmatter', 'Citation: Reyes A, Osei K. Zinc and taste in older adults. Nutr Age. 2022;14(3):201-209.'],
  ['frontmatter', '© 2022 by the authors. Licensee ExamplePress, Basel. This article is an open access article distributed under the terms of the Creative Commons Attribution license.'],
  // Disclaimers, English and Chinese.
  ['disclaimer', 'This article is for informational purposes only and is not a substitute for professional medical advice.'],
  ['disclaimer', 'The content on this site is provided for general information only.'],
  ['disclaimer', 'Medical disclaimer'],
  ['disclaimer', 'These statements have not been evaluated by the Food and Drug Administration.'],
  ['disclaimer', 'This post is sponsored by a supplement brand.'],
  ['disclaimer', '本文仅供参考，不构成任何医疗建议。'],
  ['disclaimer', '以上内容仅供科普，不能代替医生的诊断和治疗。'],
  ['disclaimer', '图片来源于网络，如有侵权请联系删除。'],
  ['disclaimer', '某某健康网专稿，未经书面授权，请勿转载。'],
];

/** Look-alikes of the article's own: never reported. */
const CONTENT: Array<[family: string, line: string]> = [
  ['disclaimer', 'Consult your doctor before taking more than forty milligrams of zinc a day, especially if you take antibiotics.'],
  ['disclaimer', 'Always ask a pharmacist whether zinc tablets interact with the medicines you already take.'],
  ['disclaimer', 'Supplements are not a substitute for a varied diet.'],
  ['disclaimer', 'Sponsored by the National Institutes of Health, the trial ran for two years.'],
  ['disclaimer', '服用前请咨询医生，尤其是正在服用抗生素的人。'],
  ['disclaimer', '自我检测不能代替医生的诊断，出现症状应及时就医。'],
  ['disclaimer', '以下剂量来自膳食指南，具体用量请遵医嘱。'],
  ['frontmatter', 'Researchers at the University of Oslo, Norway, followed 2,000 adults for ten years.'],
  ['frontmatter', 'As Reyes and Osei (2022) showed, taste improves within weeks of supplementation.'],
  ['frontmatter', 'Reyes, Osei and Lind later repeated the trial in a larger group.'],
  ['frontmatter', '研究人员在北京大学第一医院开展了这项试验，共纳入300名儿童。'],
  ['qa', '北京协和医院 内分泌科'],
  ['qa', 'The answer depends on your age, your diet and how well you absorb it.'],
  ['qa', '有用的食物来源包括牡蛎、牛肉和南瓜子。'],
  ['qa', '医生回答患者的问题时，会先询问饮食习惯。'],
  ['qa', 'Helpful bacteria in yogurt may ease some cases of diarrhoea.'],
  ['document', '第一步：先查血清锌和铜的水平。'],
  ['document', 'Read the label: a 50 mg tablet of zinc gluconate gives about 7 mg of zinc.'],
  ['document', '欢迎来到锌的世界：先了解它在体内做什么。'],
];

describe('artifact/cms-leftover: families of page furniture, line by line', () => {
  it.each(DEBRIS)('%s: reports %j whole, sure, for removal', (_family, line) => {
    const found = findingsFor(line);
    expect(found.map((f) => [f.span.start.line, f.data?.confidence, f.data?.whole])).toEqual([[9, 'high', true]]);
  });

  it.each(CONTENT)('%s: leaves %j alone', (_family, line) => {
    expect(findingsFor(line).map((f) => f.message)).toEqual([]);
  });

  it('reports only the disclaimer sentence pasted after a sentence of advice', () => {
    const line = 'Ask your doctor before combining zinc with copper. The information provided here should not be considered medical advice.';
    const found = findingsFor(line);
    expect(found.map((f) => [f.span.start.line, f.data?.whole])).toEqual([[9, false]]);
    expect(line.slice(found[0]!.span.start.column - 1, found[0]!.span.end.column - 1)).toBe('The information provided here should not be considered medical advice.');
  });
});

/** Lines of a page and the lines expected as sure debris; every other line is the article's. */
const PAGES: Array<{ name: string; text: string; debris: number[] }> = [
  {
    name: 'an English journal page',
    text: [
      /* 1 */ 'Review',
      /* 2 */ 'Zinc Status and Taste Acuity in Adults over Seventy',
      /* 3 */ 'by',
      /* 4 */ 'Alan Reyes',
      /* 5 */ '1,*',
      /* 6 */ 'Kofi Osei',
      /* 7 */ '2',
      /* 8 */ '1',
      /* 9 */ 'Department of Nutrition, Lakeside University, 12 Harbour Road, 4021 Stavanger, Norway',
      /* 10 */ '2',
      /* 11 */ 'School of Medicine, Eastern College of Health, Accra, Ghana',
      /* 12 */ '*Corresponding author, a.reyes@lakeside.example',
      /* 13 */ 'Nutr Age 2022, 14(3), 201; https://doi.org/10.9999/na14030201',
      /* 14 */ 'Received: 3 May 2022 / Accepted: 1 June 2022',
      /* 15 */ 'Abstract',
      /* 16 */ 'Older adults often lose some of their sense of taste, and low zinc status has been suggested as one cause. We reviewed trials that measured taste before and after supplementation and found small but consistent gains.',
      /* 17 */ 'Keywords: zinc; taste; ageing; supplementation',
      /* 18 */ '1. Introduction',
      /* 19 */ 'As Lind and Park (2019) noted, taste thresholds rise with age in both sexes. Researchers at the University of Bergen, Norway, tracked this over a decade. Consult your doctor before starting high-dose zinc.',
    ].join('\n\n'),
    debris: [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
  },
  {
    // A review's page: a long title in title case above its front matter, the publication
    // line and the authors under their label.
    name: 'an English review page with labelled lines',
    text: [
      /* 1 */ 'Selenium Intake and Thyroid Function in Older Women. Does the Dose Matter? A Short Systematic Review',
      /* 2 */ 'Published Online: Mar 3rd 2023 Thyroid Reviews. 2023;11(1):Online ahead of print',
      /* 3 */ 'Authors: Maria Lindqvist, Tomas Berg, Ana Costa',
      /* 4 */ 'Abstract',
      /* 5 */ 'Selenium is needed to make thyroid hormones, and low intake has been linked with thyroid disease in older women. We reviewed eight trials of supplements given for at least six months.',
      /* 6 */ 'Authors: the trials we found were small, so the reviewers asked for larger ones.',
    ].join('\n\n'),
    debris: [2, 3],
  },
  {
    // Authors with a second capital in a surname, affiliations that end on a note of the
    // authors' shares (the zone goes on past it), the correspondence block with its fax line,
    // an issue still in press.
    name: 'an English journal page with its correspondence block',
    text: [
      /* 1 */ 'ZINC INTAKE AND TASTE IN OLDER ADULTS – A PILOT STUDY',
      /* 2 */ 'A.B. Reyes1,*, C. McLaren2, D. O’Brien1',
      /* 3 */ '1. Department of Nutrition, Lakeside University, Bergen, Norway; 2. School of Medicine, Eastern College of Health, Accra, Ghana; *Both authors contributed equally to this paper.',
      /* 4 */ 'Corresponding Author: A.B. Reyes, Department of Nutrition, Lakeside University, Bergen, Norway, a.reyes@lakeside.example; Tel.: +47 5555 1234;',
      /* 5 */ 'Fax: +47 5555 1235',
      /* 6 */ 'Nutr Age 2022;in press',
      /* 7 */ 'PMCID: PMC1234567  PMID: 31234567',
      /* 8 */ 'Abstract',
      /* 9 */ 'Older adults often lose some of their sense of taste, and low zinc status has been suggested as one cause. We gave twenty adults a daily zinc tablet for twelve weeks and measured taste before and after.',
    ].join('\n\n'),
    debris: [2, 4, 5, 6, 7],
  },
  {
    // Each label on its own line and its value on the next, in Chinese and English.
    name: 'a Chinese journal page with labels above their values',
    text: [
      /* 1 */ '维生素C在重症患者中的应用进展',
      /* 2 */ '收稿日期:',
      /* 3 */ '2023-07-28',
      /* 4 */ '出版日期:',
      /* 5 */ '2023-09-25',
      /* 6 */ '通讯作者:',
      /* 7 */ '李明',
      /* 8 */ 'E-mail:liming@example.cn',
      /* 9 */ 'LI Ming, WANG Fang()',
      /* 10 */ 'Received:',
      /* 11 */ '2023-07-28',
      /* 12 */ '摘要:',
      /* 13 */ '维生素C是人体必需的微量营养素，近年来大剂量静脉注射维生素C在重症治疗中受到关注。',
    ].join('\n\n'),
    debris: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  },
  {
    name: 'a Chinese journal page',
    text: [
      /* 1 */ '老年人锌营养状况与味觉的关系',
      /* 2 */ '张伟1, 刘芳2, 陈静1',
      /* 3 */ '1. 某某医科大学公共卫生学院, 南京 210029;',
      /* 4 */ '2. 某某市疾病预防控制中心营养科, 苏州 215004',
      /* 5 */ '收稿日期：2022-05-03',
      /* 6 */ '基金项目：',
      /* 7 */ '某某省自然科学基金 BK2022001',
      /* 8 */ '通讯作者：张伟',
      /* 9 */ '摘要：目的 了解老年人锌营养状况与味觉灵敏度的关系。方法 对300名老年人进行膳食调查和味觉测试。',
      /* 10 */ '关键词：锌；味觉；老年人',
      /* 11 */ '锌是维持味觉的重要微量元素，老年人因摄入减少和吸收下降，更容易出现缺乏。',
    ].join('\n\n'),
    debris: [2, 3, 4, 5, 6, 7, 8],
  },
  {
    name: 'a Q&A page',
    text: [
      /* 1 */ '首页> 问答> 营养',
      /* 2 */ '病情描述：孩子挑食，需要补锌吗？',
      /* 3 */ '医生回答(1)',
      /* 4 */ '王晓明 副主任医师',
      /* 5 */ '某某市儿童医院 儿童保健科',
      /* 6 */ '挑食的孩子不一定缺锌，可以先调整饮食，多吃瘦肉、鱼虾和坚果，必要时在医生指导下检查血锌水平。',
      /* 7 */ '2024-05-02 10:21', // the answer's stamp
      /* 8 */ '举报',
    ].join('\n\n'),
    debris: [1, 2, 3, 4, 5, 7, 8],
  },
];

describe('artifact/cms-leftover: families of page furniture on whole pages', () => {
  it.each(PAGES)('finds the furniture of $name and keeps the article', ({ text, debris }) => {
    const found = cmsLeftover.check(docFromText(text + '\n'), { config });
    const sure = found.filter((f) => f.data?.confidence === 'high').map((f) => (f.span.start.line + 1) / 2);
    expect(sure).toEqual(debris);
  });

  it('keeps a journal keyword line but still reports a blog tag line', () => {
    const journal = PAGES[0]!.text + '\n';
    expect(cmsLeftover.check(docFromText(journal), { config }).some((f) => f.span.start.line === 33)).toBe(false);
    const blog = findingsFor('Tags: zinc, colds, immunity');
    expect(blog.map((f) => f.span.start.line)).toEqual([9]);
  });

  // A portal that reprints a journal's article names the issue ("2000年第1期") above it: with
  // the keyword line, two kinds of journal evidence.
  const REPRINT = (keywords: string, issue: string): string =>
    [
      /* 1 */ '首页 > 期刊 > 《营养与健康杂志》',
      /* 2 */ '老年人补锌研究的进展',
      /* 3 */ `《营养与健康杂志》 ${issue}`,
      /* 4 */ keywords,
      /* 5 */ '锌是维持味觉和免疫功能的重要微量元素，老年人因摄入减少和吸收下降，更容易出现缺乏。近年来多项研究观察了补锌对老年人味觉和感染次数的影响，结果并不一致。',
    ].join('\n\n') + '\n';

  it('keeps the keyword line of a journal article a portal reprints', () => {
    const lines = cmsLeftover.check(docFromText(REPRINT('关键词：锌 老年人 味觉', '2019年第3期')), { config }).map((f) => (f.span.start.line + 1) / 2);
    expect(lines).toContain(1);
    expect(lines).not.toContain(4);
  });

  it('…but reports a portal\'s keyword line above a news item, with no journal issue named', () => {
    const lines = cmsLeftover.check(docFromText(REPRINT('关键词：锌 老年人 味觉', '健康频道')), { config }).map((f) => (f.span.start.line + 1) / 2);
    expect(lines).toContain(4);
  });

  it('reads one affiliation-like line alone as no journal header', () => {
    const text = ['Department of Nutrition, Lakeside University, Stavanger, Norway', ...EN_BEFORE, ...EN_AFTER].join('\n\n') + '\n';
    expect(cmsLeftover.check(docFromText(text), { config }).map((f) => f.message)).toEqual([]);
  });
});
