/**
 * The language rules on the sample drafts: 000 and 001 are machine translations of 002
 * with Chinese passages left in; 002, 003 and 004 are clean English articles.
 * Expected lines and columns were read off `cat -n input/00x_*.txt`.
 */
import { describe, expect, it } from 'vitest';
import { langRules } from '../src/rules/lang/index.js';
import { foreignBlock } from '../src/rules/lang/foreign-block.js';
import { mixedSentence } from '../src/rules/lang/mixed-sentence.js';
import { mtArtifact } from '../src/rules/lang/mt-artifact.js';
import { resolveConfig } from '../src/config.js';
import type { Document, DocumentRule, ResolvedConfig } from '../src/types.js';
import { docFromText, sampleDoc } from './helpers.js';

function run(rule: DocumentRule, doc: Document, config: Partial<ResolvedConfig> = {}) {
  return rule.check(doc, { config: resolveConfig(config) });
}

function positions(rule: DocumentRule, doc: Document, config: Partial<ResolvedConfig> = {}) {
  return run(rule, doc, config).map((f) => ({ line: f.span.start.line, column: f.span.start.column, endColumn: f.span.end.column }));
}

// Every Chinese paragraph, heading and list item of the samples (one block per line there).
const FOREIGN_LINES: Record<string, number[]> = {
  '000': [10, 14, 16, 32, 60, 66, 78, 82, 90, 95],
  '001': [1, 5, 9, 13, 17, 19, 21, 23, 27, 39, 41, 68, 70, 72, 78, 90, 92, 96, 104, 106, 110, 112, 118, 120, 124, 130, 132, 136, 140, 146],
};

// Every code-switched line, with the columns of its Chinese run ([column, endColumn) in the file).
const MIXED = [
  { sample: '000', line: 12, column: 1, endColumn: 13, run: '这是对人类健康至关重要和' },
  { sample: '000', line: 46, column: 5, endColumn: 13, run: '消化系统疾病的人' },
  { sample: '000', line: 80, column: 1, endColumn: 13, run: '但新兴研究也表明这一分钟' },
  { sample: '001', line: 15, column: 1, endColumn: 13, run: '这是对人类健康至关重要和' },
  { sample: '001', line: 55, column: 5, endColumn: 13, run: '消化系统疾病的人' },
  { sample: '001', line: 94, column: 1, endColumn: 13, run: '但新兴研究也表明这一分钟' },
];

const ARTIFACTS = [
  { sample: '000', line: 80, column: 11, endColumn: 17, kind: 'split-word', actual: '分钟eral', expected: undefined },
  { sample: '000', line: 92, column: 46, endColumn: 55, kind: 'glued-words', actual: 'andeating', expected: 'and eating' },
  { sample: '000', line: 102, column: 36, endColumn: 53, kind: 'glued-words', actual: 'considerlifestyle', expected: 'consider lifestyle' },
  { sample: '001', line: 68, column: 1, endColumn: 3, kind: 'doubled-character', actual: '镁镁', expected: '镁' },
  { sample: '001', line: 94, column: 11, endColumn: 17, kind: 'split-word', actual: '分钟eral', expected: undefined },
  { sample: '001', line: 108, column: 46, endColumn: 55, kind: 'glued-words', actual: 'andeating', expected: 'and eating' },
  { sample: '001', line: 122, column: 36, endColumn: 53, kind: 'glued-words', actual: 'considerlifestyle', expected: 'consider lifestyle' },
];

describe('lang rules: registry', () => {
  it.each([
    [foreignBlock, 'lang/foreign-block', 'error'],
    [mixedSentence, 'lang/mixed-sentence', 'error'],
    [mtArtifact, 'lang/mt-artifact', 'warning'],
  ] as const)('%# %s is listed with its metadata', (rule, id, severity) => {
    expect(rule.id).toBe(id);
    expect(rule.scope).toBe('document');
    expect(rule.meta.defaultSeverity).toBe(severity);
    expect(rule.meta.description).not.toBe('');
    expect(rule.meta.docs).not.toBe('');
    expect(rule.meta.example).not.toBe('');
    expect(langRules).toContain(rule);
  });

  it.each([[foreignBlock], [mixedSentence], [mtArtifact]])('%# reports its own example', (rule) => {
    expect(run(rule, docFromText(`${rule.meta.example}\n`, 'txt'), { language: 'eng' }).length).toBeGreaterThan(0);
  });
});

describe('lang rules: clean English samples', () => {
  it.each(['002', '003', '004'])('%s has no foreign block, mixed sentence or artifact', (sample) => {
    const doc = sampleDoc(sample);
    expect(doc.language.primary).toBe('eng');
    expect(doc.language.shares).toEqual({ eng: 1 });
    expect(run(foreignBlock, doc)).toEqual([]);
    expect(run(mixedSentence, doc)).toEqual([]);
    expect(run(mtArtifact, doc)).toEqual([]);
  });
});

describe('lang/foreign-block on the machine-translated samples', () => {
  it.each(Object.entries(FOREIGN_LINES))('%s: every Chinese block and nothing else', (sample, lines) => {
    const findings = run(foreignBlock, sampleDoc(sample));
    expect(findings.map((f) => f.span.start.line)).toEqual(lines);
    for (const f of findings) {
      expect(f.span.start.column).toBe(1);
      expect(f.span.end.line).toBe(f.span.start.line);
      expect(f.data).toEqual({ lang: 'cmn', primary: 'eng' });
    }
  });

  it('spans the whole block (the list item of 001 line 55 is a mixed sentence, not a foreign block)', () => {
    const doc = sampleDoc('001');
    const [first] = run(foreignBlock, doc);
    expect(first!.span).toEqual(doc.blocks[0]!.position);
    expect(run(foreignBlock, doc).some((f) => f.span.start.line === 55)).toBe(false);
  });

  it('follows a forced primary language', () => {
    const doc = sampleDoc('001', { language: 'cmn' });
    expect(doc.language.primary).toBe('cmn');
    const lines = run(foreignBlock, doc, { language: 'cmn' }).map((f) => f.span.start.line);
    expect(lines).toContain(3);
    expect(lines).toContain(11);
    expect(lines).not.toContain(1);
    expect(lines).not.toContain(68);
  });
});

describe('lang/mixed-sentence on the machine-translated samples', () => {
  it.each(['000', '001'])('%s: exactly the code-switched lines', (sample) => {
    const expected = MIXED.filter((m) => m.sample === sample);
    const findings = run(mixedSentence, sampleDoc(sample));
    expect(findings.map((f) => ({ line: f.span.start.line, column: f.span.start.column, endColumn: f.span.end.column }))).toEqual(
      expected.map(({ line, column, endColumn }) => ({ line, column, endColumn })),
    );
    expect(findings.map((f) => f.data)).toEqual(expected.map((m) => ({ lang: 'cmn', run: m.run, primary: 'eng' })));
  });

  it('does not report the Chinese block with GABA and a drug name (001 line 39)', () => {
    expect(run(mixedSentence, sampleDoc('001')).some((f) => f.span.start.line === 39)).toBe(false);
  });
});

describe('lang/mt-artifact on the machine-translated samples', () => {
  it.each(['000', '001'])('%s: the split word, the glued words and the doubled character', (sample) => {
    const expected = ARTIFACTS.filter((a) => a.sample === sample);
    const findings = run(mtArtifact, sampleDoc(sample));
    expect(
      findings.map((f) => ({
        line: f.span.start.line,
        column: f.span.start.column,
        endColumn: f.span.end.column,
        kind: f.data!.kind,
        actual: f.data!.actual,
        expected: f.data!.expected,
      })),
    ).toEqual(expected.map(({ sample: _s, ...rest }) => rest));
  });
});

describe('the language of a Chinese article with an untitled English reference list', () => {
  // A Chinese post of short list items, drug names in English, then its sources as a bare
  // numbered list: the sources' Latin letters outnumber the article's, but they are the
  // sources' words, not the article's.
  const text = [
    '叶酸参与细胞分裂和血红素的合成，孕妇和长期饮酒的人需要更多。',
    '',
    '1. 孕妇：需求增加',
    '2. 吸收不良：例如乳糜泻（celiac disease）',
    '3. 服用某些药物：',
    '',
    'phenytoin (Dilantin); methotrexate (Rheumatrex, Trexall); sulfasalazine (Azulfidine); triamterene (Dyrenium)',
    '',
    '1. 疲倦',
    '2. 注意力下降',
    '',
    '1. Okafor N, Lindqvist P, Haddad R, Moreau S, Castillo J, et al. (2018). Folic acid and the spine of the unborn: a pooled analysis of randomised trials. Obstet Rev 14(2): 33-41.',
    '2. Brandt K (2011). Vitamins in Pregnancy. In: Clinical Nutrition Handbook, 3rd ed. Philadelphia: Lippincott.',
    '3. Moreau S, Adeyemi T, Castillo J, Nakamura H, Whitcombe R, Fontaine L, Oyelaran B, Sandoval',
  ].join('\n');

  it('is Chinese, and only the English paragraph of the article is foreign', () => {
    const doc = docFromText(text, 'txt');
    expect(doc.language.primary).toBe('cmn');
    expect(positions(foreignBlock, doc).map((p) => p.line)).toEqual([7]);
  });
});

describe('the language of a Chinese article with each reference written out after its marker', () => {
  // A clinical summary in Chinese whose sources follow their markers in English, run into the
  // prose with no space (a real page's shape, our words and sources).
  const text = [
    '叶酸与神经管缺陷',
    '',
    '育龄妇女每天应额外摄入400微克叶酸。[12]Okafor N, Lindqvist P. Folic acid before conception and the risk of neural tube defects in a national cohort. Obstet Rev. 2016;14(2):33-41.补充叶酸可以使神经管缺陷的风险降低一半以上。[7]Brandt K, Moreau S. Neural tube defects before and after flour fortification: a registry study. J Birth Defects. 2012;8:101-109.然而只有不到一半的妇女在孕前开始补充。',
  ].join('\n');

  it('is Chinese, and no sentence of it switches language', () => {
    const doc = docFromText(text, 'txt');
    expect(doc.language.primary).toBe('cmn');
    expect(positions(foreignBlock, doc)).toEqual([]);
    expect(positions(mixedSentence, doc)).toEqual([]);
  });
});

describe('the language of a page half translated', () => {
  const ZH = [
    '镁参与人体内三百多种酶反应，对肌肉、神经和心脏的正常工作都很重要，缺乏时容易出现疲劳和抽筋。',
    '很多人仅靠饮食摄入的镁不够，因此会考虑服用补充剂，老年人和糖尿病患者尤其如此。',
    '镁还有助于维持骨骼健康和血糖稳定，多项大型研究发现镁水平低的人血压往往偏高。',
    '绿叶蔬菜、豆类、坚果和全谷物都是镁的良好来源，均衡饮食通常可以满足大部分需要。',
  ];
  const EN = [
    'Magnesium is a mineral the body needs for more than three hundred enzyme reactions, from making energy to relaxing muscles after they contract.',
    'Many people do not get enough of it from food alone, so some consider taking a supplement, especially older adults and people with diabetes.',
    'It also helps keep bones strong and blood sugar steady, and low levels have been linked with higher blood pressure in several large studies.',
  ];
  const page = (title: string, en: readonly string[]) => docFromText([title, ...ZH, ...en].join('\n\n') + '\n', 'txt');

  it('is in the language of its title when the other comes only a little ahead', () => {
    const doc = page('服用镁的利与弊', EN);
    expect(doc.language.shares.eng).toBeGreaterThan(doc.language.shares.cmn!);
    expect(doc.language.primary).toBe('cmn');
  });

  it('…is in English under an English title', () => {
    expect(page('The Pros and Cons of Magnesium', EN).language.primary).toBe('eng');
  });

  it('…and stays English under a Chinese title when English is well ahead', () => {
    const doc = page('服用镁的利与弊', [...EN, ...EN.map((p) => p.replace('Magnesium', 'This mineral'))]);
    expect(doc.language.shares.eng).toBeGreaterThan(0.6);
    expect(doc.language.primary).toBe('eng');
  });
});

describe('the language of a paragraph that names a web address', () => {
  // A Chinese sentence has no space to end an address: the address stops where the Chinese
  // text starts, and the rest of the paragraph counts for Chinese (a journal abstract's shape).
  const zh = '资料来源：检索下列网站www.example.edu.cn/lib/search.htm、检索词为“叶酸”和“消化系统肿瘤”，同时手工检索相关杂志和书籍，收集叶酸与消化系统肿瘤的动物实验和临床试验文章，共纳入二十五篇文献进行分类整理。';
  const en = 'DATA SOURCES: We searched the library website of the university and the main databases for animal and clinical studies of folic acid and cancers of the digestive system.';
  it('counts the Chinese after the address for Chinese', () => {
    const doc = docFromText(['摘要', zh, en].join('\n\n') + '\n', 'txt');
    expect(doc.language.shares.cmn).toBeGreaterThan(doc.language.shares.eng!);
    expect(doc.language.primary).toBe('cmn');
  });
});

describe('lang rules on inline text', () => {
  const host = 'Magnesium may improve your sleep by helping to calm you, and relieve anxiety and depression. You can eat more whole foods.\n\n';

  it.each([
    {
      name: 'a foreign run inside Markdown emphasis keeps its file columns',
      text: '**Magnesium** helps the body relax, 并且可以改善睡眠质量 in older adults who have insomnia.\n',
      format: 'md' as const,
      expected: [{ line: 1, column: 37, endColumn: 47 }],
    },
    {
      name: 'a foreign run inside an HTML paragraph keeps its file columns',
      text: '<html><body>\n<p>Magnesium helps the body relax, 并且可以改善睡眠质量 in older adults who have insomnia.</p>\n</body></html>\n',
      format: 'html' as const,
      expected: [{ line: 2, column: 36, endColumn: 46 }],
    },
    {
      name: 'a Spanish clause with Chinese in a Spanish article',
      text: 'El magnesio puede mejorar el sueño porque ayuda a relajarse y alivia la ansiedad y la depresión en adultos.\n\nLos suplementos pueden ayudar, 但需要咨询医生, sobre todo en personas mayores.\n',
      format: 'txt' as const,
      expected: [{ line: 3, column: 32, endColumn: 39 }],
    },
    {
      name: 'a run of Russian words in an English sentence',
      text: `${host}Магний помогает расслабиться, and it may also help you fall asleep faster at night.\n`,
      format: 'txt' as const,
      expected: [{ line: 3, column: 1, endColumn: 29 }],
    },
  ])('$name', ({ text, format, expected }) => {
    expect(positions(mixedSentence, docFromText(text, format))).toEqual(expected);
  });

  it('respects the allowed terms of the config', () => {
    const text = `${host}The formula contains 酸枣仁汤药方 and other herbs that calm the mind.\n\n酸枣仁汤药方\n`;
    const doc = docFromText(text, 'txt');
    expect(positions(mixedSentence, doc)).toEqual([{ line: 3, column: 22, endColumn: 28 }]);
    expect(positions(foreignBlock, doc).map((p) => p.line)).toEqual([5]);
    const allowed = { allowedTerms: ['酸枣仁汤药方'] };
    expect(positions(mixedSentence, doc, allowed)).toEqual([]);
    expect(positions(foreignBlock, doc, allowed)).toEqual([]);
  });

  it('leaves a source written out after a claim in the language it was published in, and still reports an English sentence citing one', () => {
    const zh = '钙与骨折\n\n钙是骨骼的主要成分，成年人每天需要大约八百毫克钙，老年人需要得更多，饮食中的钙来自奶类和豆制品。\n\n';
    const sourced = `${zh}一项针对三百名老年人的研究发现，每天补钙可以降低骨折风险。[1] 信息来源 Maria Lopez, et al. Calcium intake and hip fracture in older women. Osteo Res. 2021. 查看详情 →\n`;
    expect(run(mixedSentence, docFromText(sourced, 'txt'))).toEqual([]);
    // A footnote flattened into the sentence: its number, its authors as MLA writes them
    // ("Last, First, and First Last."), then the title the switch would be found in.
    const footnote = '鈣與骨折\n\n鈣是骨骼的主要成分,成年人每天需要大約八百毫克鈣,老年人需要得更多,飲食中的鈣來自奶類和豆製品。\n\n文獻回顧結果顯示,一般人士每日服用鈣補充劑,對預防骨折沒有太大幫助。但每日使用約600毫克鈣補充劑的人,骨質流失速度會較慢1Lopez, Maria, and Daniel Okafor. “Calcium for Preventing and Treating Bone Loss in Older Women.” Osteoporosis Research, 2021. Crossref, doi:10.1000/osteo.2021.77.。但如果在骨質流失後才補充,則沒有太大效果。\n';
    expect(run(mixedSentence, docFromText(footnote, 'txt'))).toEqual([]);
    const spoken = `${zh}一项针对老年人的研究发现，补钙可以降低骨折风险。Lopez et al. showed in 2021 that calcium lowers the risk of hip fracture in older women。医生建议多喝牛奶。\n`;
    expect(run(mixedSentence, docFromText(spoken, 'txt'))).toHaveLength(1);
    // A study named by its authors, year and PubMed id inside the sentence (a real page's shape, our words).
    const indexed = `${zh}其中 de la Cruz 2022 meta-analysis (PMID 34567890, n=640, 中等质量) 的结论最为明确，但仍需更多研究。\n`;
    expect(run(mixedSentence, docFromText(indexed, 'txt'))).toEqual([]);
  });

  it("takes a paper's authors with their affiliation marks for names, in no language (a real page's shape, our words)", () => {
    const text = 'Vitamin D and Bone Density in Older Women\n\nMariana Conceição Ribeiro1, Joaquim dos Santos Teixeira2, Maria da Graça Lima3, Pedro Henrique da Costa Neto4, Sebastião Araújo de Melo5, Inês Magalhães Pereira6 and Luís Antônio Brandão7*\n\nVitamin D helps the gut absorb calcium, and older women often have low levels of it in winter.\n\nThis study followed two hundred women for two years and measured their bone density each spring.\n';
    expect(run(foreignBlock, docFromText(text, 'txt'))).toEqual([]);
  });

  it("takes a paper's contact line, its label, name and e-mail run together, for no language (a real page's shape, our words)", () => {
    const text = '维生素D与骨密度\n\nCorresponding author,Li Wenjun,E-mail: liwenjun@example.cn\n\n维生素D帮助肠道吸收钙，老年女性冬季体内的维生素D水平往往偏低。\n\n本研究随访了两百名老年女性，每年春季测量一次骨密度。\n';
    expect(run(foreignBlock, docFromText(text, 'txt'))).toEqual([]);
  });

  it("takes a picture's credit, its agency and photographer, for no language (a real page's shape, our words)", () => {
    const text = 'Iron in Pregnancy\n\n© iStockphoto.com / Joaquim Magalhães Conceição © iStockphoto.com / Joaquim Magalhães Conceição\n\nMost pregnant women need more iron than they eat, and a low-dose supplement is often advised.\n\nRed meat, beans and fortified cereals are good sources of it.\n';
    expect(run(foreignBlock, docFromText(text, 'txt'))).toEqual([]);
  });

  it("takes an author's or a reviewer's name alone on its line above a Chinese article for no language", () => {
    const text = '维生素D与骨骼\n\nAnna W Reyes\n\n作者\n\n维生素D帮助肠道吸收钙，老年女性冬季体内的维生素D水平往往偏低。\n\nSchynell Okoro\n\n本研究随访了两百名老年女性，每年春季测量一次骨密度。\n';
    expect(run(foreignBlock, docFromText(text, 'txt'))).toEqual([]);
  });

  it('takes an English byline with its date above a Chinese article for page meta, not a foreign block', () => {
    const text = '鈣的功效\n\nBy Amy Chan on 12 Mar 2024\n\n鈣是骨骼的主要成分，成年人每天需要大約八百毫克鈣，老年人需要得更多。\n\n牛奶和豆腐都含有較多的鈣，飲食多樣的人一般不必額外補充。\n\nWhy Calcium Matters For Bones\n\n補鈣的同時還要保證維生素D充足。\n';
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual([9]);
  });

  it('leaves a label of the site in English above a Chinese article to the debris rule', () => {
    const text = 'Skip directly to content\n\n钙是骨骼的主要成分，成年人每天需要大约八百毫克钙，老年人需要得更多。\n\n牛奶和豆腐都含有较多的钙，饮食多样的人一般不必额外补充。\n\nWhy Calcium Matters For Bones\n\n补钙的同时还要保证维生素D充足。\n';
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual([7]);
  });

  it('leaves a template\'s English field labels above a Chinese title to the debris rule', () => {
    const text = 'Title\n鈣的功效\nDate\n2024.03.18\n\n鈣是骨骼的主要成分，成年人每天需要大約八百毫克鈣，老年人需要得更多。\n\n牛奶和豆腐都含有較多的鈣，飲食多樣的人一般不必額外補充。\n\nWhy Calcium Matters For Bones\n\n補鈣的同時還要保證維生素D充足。\n';
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual([10]);
  });

  it.each([
    ['a site name of one glued word', 'healthdaily', [7]],
    ['a brand in camel case', 'NutriFacts', [7]],
    ['an English word, untranslated', 'Calcium', [1, 7]],
  ])('takes a lone token above a Chinese article for a name only when it is no English word: %s', (_name, token, lines) => {
    const text = `${token}\n\n钙是骨骼的主要成分，成年人每天需要大约八百毫克钙，老年人需要得更多。\n\n牛奶和豆腐都含有较多的钙，饮食多样的人一般不必额外补充。\n\nWhy Calcium Matters For Bones\n\n补钙的同时还要保证维生素D充足。\n`;
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual(lines);
  });

  it('takes a Chinese term glossed in English brackets for a label of an English article, a Chinese sentence for a foreign block', () => {
    const text = `${host}Category:\n\n维生素 (Vitamins)\n\n钾对维持体液平衡很重要，也是细胞正常工作所必需的。\n\n水溶性维生素(维生素B和C)\n`;
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual([7, 9]);
  });

  it.each([
    ['an English article', 'Vitamins and your health\n\nMost people know that vitamins help keep the body healthy, but few can say what a vitamin is. Vitamins are micronutrients the body needs in small amounts.\n\n– Vitamin B / 维生素B\n\nThe B vitamins help the body turn food into energy. Good sources include whole grains, eggs and leafy greens.\n\nVitamin C｜维生素C\n\n维生素C有助于皮肤健康，也能促进植物性食物中铁的吸收。\n', [11]],
    ['a Chinese article', '维生素与健康\n\n维生素是人体需要少量摄取的微量营养素，参与许多化学反应，大多数必须从食物中获得。\n\n维生素D / Vitamin D\n\n维生素D帮助身体吸收钙，晒太阳时皮肤可以自己合成一部分。\n\nVitamin D / Sunshine vitamin\n', [9]],
  ])('takes a short term beside its translation for a label of %s, a sentence or a pair both foreign for a foreign block', (_name, text, lines) => {
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual(lines);
  });

  it('takes grade letters, a unit cell and an English study title in a Chinese page for no passage, an English paragraph for one', () => {
    const text = [
      '镁与偏头痛',
      '研究显示，每天补充镁可能减少偏头痛发作的次数，但效果因人而异。',
      '镁是人体必需的矿物质，参与神经传导和肌肉收缩，缺乏时容易出现疲劳、抽筋和睡眠不好等问题。',
      '偏头痛患者在补充之前最好先请教医师，了解自己是否适合，以及应该选择哪一种补充剂。',
      'B',
      'E1',
      '(mg/day)',
      'Oral magnesium for the prevention of migraine in adults: a randomized controlled trial of twelve weeks',
      '— 详细结论请见 PubMed 原文',
      'Magnesium can reduce how often migraines come back, and most people tolerate it well.',
    ].join('\n\n');
    expect(run(foreignBlock, docFromText(text, 'txt')).map((f) => f.span.start.line)).toEqual([19]);
  });

  it('skips reference entries', () => {
    const text = `${host}References:\n\n王明. 镁与睡眠质量的关系研究. 中华医学杂志. 2019.\nhttps://www.ncbi.nlm.nih.gov/pubmed/25540137\n`;
    const doc = docFromText(text, 'txt');
    expect(doc.blocks.some((b) => b.kind === 'reference' && b.text.includes('王明'))).toBe(true);
    expect(run(foreignBlock, doc)).toEqual([]);
  });
});
