/**
 * A draft that gives each passage in English and then in Chinese (a bilingual study page, a
 * translation tool's side-by-side view): its Chinese blocks translate the block above them,
 * which lang/foreign-block says, and the cleaned English article drops them. A draft whose
 * translation left other passages in Chinese alternates as well, and is not taken for one.
 * The texts are written for these tests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { foreignBlock } from '../src/rules/lang/foreign-block.js';
import { docFromText, sampleDoc } from './helpers.js';

const config = resolveConfig();

/** The audit of one draft written to a folder of its own, with its cleaned article. */
async function auditOne(name: string, text: string): ReturnType<typeof audit> {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-interleaved-'));
  writeFileSync(path.join(dir, name), `${text}\n`);
  return audit([name], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output'), workers: 0, now: () => new Date(0) });
}

const INTERLEAVED = [
  'Why Take Calcium?',
  '为什么要补充钙？',
  'Calcium keeps bones and teeth strong, and the heart, muscles and nerves need it to work properly every day.',
  '钙能使骨骼和牙齿保持强壮，心脏、肌肉和神经每天正常工作也都需要它。',
  'Most adults need about 1,000 mg of calcium a day, and women over fifty need a little more to protect their bones.',
  '大多数成年人每天需要大约1000毫克钙，五十岁以上的女性需要稍多一些来保护骨骼。',
  'Dairy foods, tofu, sardines with their bones and leafy green vegetables are all good sources of calcium.',
  '乳制品、豆腐、带骨沙丁鱼和绿叶蔬菜都是钙的良好来源。',
  'Taking too much calcium from supplements may cause constipation and can raise the risk of kidney stones.',
  '从补充剂中摄入过多的钙可能导致便秘，并可能增加肾结石的风险。',
].join('\n\n');

const TRADITIONAL = INTERLEAVED.replace('为什么要补充钙？', '為什麼要補充鈣？')
  .replace('钙能使骨骼和牙齿保持强壮，心脏、肌肉和神经每天正常工作也都需要它。', '鈣能使骨骼和牙齒保持強壯，心臟、肌肉和神經每天正常工作也都需要它。')
  .replace('大多数成年人每天需要大约1000毫克钙，五十岁以上的女性需要稍多一些来保护骨骼。', '大多數成年人每天需要大約1000毫克鈣，五十歲以上的女性需要稍多一些來保護骨骼。')
  .replace('乳制品、豆腐、带骨沙丁鱼和绿叶蔬菜都是钙的良好来源。', '乳製品、豆腐、帶骨沙丁魚和綠葉蔬菜都是鈣的良好來源。')
  .replace('从补充剂中摄入过多的钙可能导致便秘，并可能增加肾结石的风险。', '從補充劑中攝入過多的鈣可能導致便秘，並可能增加腎結石的風險。');

// A talk's transcript with its subtitles, line by line: the lines are cut where the speaker
// pauses, so a Chinese line often carries words of the next English one; traditional characters.
const SUBTITLES = [
  'Let us talk about calcium next',
  '接下來我們談談鈣',
  'the mineral our bones are made of.',
  '也就是構成骨骼的礦物質',
  'Most of the calcium in the body',
  '身體裡大部分的鈣',
  'is stored in the bones and teeth,',
  '都儲存在骨骼和牙齒中',
  'and the blood takes what it needs from there',
  '血液需要時就從那裡取用',
  'when the diet does not supply enough.',
  '如果飲食提供的鈣不夠的話',
  'Over many years this slowly weakens the bones',
  '多年下來骨骼就會慢慢變弱',
  'and makes a fracture more likely in old age.',
  '老年時也更容易骨折',
  'Milk, tofu and leafy greens',
  '牛奶、豆腐和綠葉蔬菜',
  'are good sources of calcium.',
  '都是鈣的良好來源',
].join('\n');

// An English article whose translation step left three paragraphs in Chinese: each follows
// an English paragraph, but says something else.
const LEFT_OVER = [
  'Why Take Calcium?',
  'Calcium keeps bones and teeth strong, and the heart, muscles and nerves need it to work properly every day.',
  '维生素D帮助肠道吸收钙，冬季日照不足时体内的维生素D水平往往会下降。',
  'Most adults need about 1,000 mg of calcium a day, and women over fifty need a little more to protect their bones.',
  '咖啡因和过多的盐会增加钙从尿液中流失，所以饮食要注意清淡。',
  'Dairy foods, tofu, sardines with their bones and leafy green vegetables are all good sources of calcium.',
  '如果你正在服用甲状腺药物，补钙的时间应与服药时间间隔至少四小时。',
  'Taking too much calcium from supplements may cause constipation and can raise the risk of kidney stones.',
].join('\n\n');

describe('a draft that gives its passages in English and in Chinese', () => {
  // (The same in traditional characters: the dictionary knows simplified words, and reads
  // traditional text as simplified; see editions.test.ts.)
  it.each([
    ['simplified', INTERLEAVED],
    ['traditional', TRADITIONAL],
  ])('reports each Chinese block as the translation of the block above it (%s characters)', (_script, text) => {
    const found = foreignBlock.check(docFromText(text, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.translates])).toEqual([
      [3, 1],
      [7, 5],
      [11, 9],
      [15, 13],
      [19, 17],
    ]);
    expect(found[1]!.message).toBe('Paragraph in Chinese (cmn) translating the one above it (line 5); the draft gives its passages in English (eng) and in Chinese (cmn)');
  });

  it('drops the translations from the cleaned English article', async () => {
    const result = await auditOne('calcium.txt', INTERLEAVED);
    const cleaned = result.outputs[0]!.content;
    expect(cleaned).not.toMatch(/\p{Script=Han}/u);
    for (const line of INTERLEAVED.split('\n\n').filter((l) => !/\p{Script=Han}/u.test(l)).slice(1)) expect(cleaned).toContain(line);
    const foreign = result.findings.filter((f) => f.ruleId === 'lang/foreign-block');
    expect(foreign).toHaveLength(5);
    expect(foreign.every((f) => f.fixed === true)).toBe(true);
  });

  it('has a traditional copy that holds none of the simplified forms it replaces', () => {
    expect(TRADITIONAL).not.toMatch(/[为钙养质]/u);
  });

  it('takes the lines of bilingual subtitles, cut where the speaker pauses, for translations', () => {
    const found = foreignBlock.check(docFromText(SUBTITLES, 'txt'), { config });
    expect(found).toHaveLength(10);
    // (A pair the dictionary judges against stays a foreign block: the first, here.)
    expect(found.filter((f) => f.data?.translates === f.span.start.line - 1).length).toBeGreaterThanOrEqual(9);
  });

  it('does not take passages left in Chinese that say something else for translations', () => {
    const found = foreignBlock.check(docFromText(LEFT_OVER, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.translates])).toEqual([
      [5, undefined],
      [9, undefined],
      [13, undefined],
    ]);
  });

  it('loads no dictionary for a machine-translated sample whose Chinese passages do not alternate with English ones', async () => {
    vi.resetModules();
    const fresh = { rule: (await import('../src/rules/lang/foreign-block.js')).foreignBlock, bilingual: await import('../src/corpus/bilingual.js') };
    for (const sample of ['000', '001']) fresh.rule.check(sampleDoc(sample), { config });
    expect(fresh.bilingual.glossaryLoaded()).toBe(false);
  });

  it('loads no dictionary either for alternating passages whose numbers differ: a translation keeps its numbers', async () => {
    const text = [
      'Zinc and Colds',
      'Adults who took 75 mg of zinc a day had colds that were about 2 days shorter.',
      '维生素C每天200毫克对普通人群的感冒发生率没有明显影响。',
      'Lozenges dissolved every 3 hours worked better than tablets swallowed whole.',
      '一项纳入11000人的分析显示，长期服用者的病程缩短了8%。',
      'Doses above 40 mg a day for months can lower copper levels.',
      '儿童每天需要的锌约为5毫克，大部分可以从饮食中获得。',
    ].join('\n\n');
    vi.resetModules();
    const fresh = { rule: (await import('../src/rules/lang/foreign-block.js')).foreignBlock, bilingual: await import('../src/corpus/bilingual.js') };
    const found = fresh.rule.check(docFromText(text, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.translates])).toEqual([
      [5, undefined],
      [9, undefined],
      [13, undefined],
    ]);
    expect(fresh.bilingual.glossaryLoaded()).toBe(false);
  });

  it('…nor for alternating passages whose citation markers differ', async () => {
    const text = [
      'Zinc and Colds',
      'Zinc lozenges shorten colds in some adults ( 3 ).',
      '维生素C对普通人群的感冒发生率没有明显影响( 8 )。',
      'Lozenges work better than tablets swallowed whole ( 4 ).',
      '长期服用者的病程有所缩短( 9 )。',
      'High doses for months can lower copper levels ( 5 ).',
      '儿童需要的锌大部分可以从饮食中获得( 11 )。',
    ].join('\n\n');
    vi.resetModules();
    const fresh = { rule: (await import('../src/rules/lang/foreign-block.js')).foreignBlock, bilingual: await import('../src/corpus/bilingual.js') };
    expect(fresh.rule.check(docFromText(text, 'txt'), { config }).filter((f) => f.data?.translates !== undefined)).toEqual([]);
    expect(fresh.bilingual.glossaryLoaded()).toBe(false);
  });
});

// A journal page that gives its title, abstract and keywords in Chinese and then in English.
const JOURNAL_PAGE = [
  '孕期补充维生素D对新生儿骨骼发育的影响',
  '目的 探讨孕期每日补充400国际单位维生素D对新生儿骨密度的影响。方法 选取2021年至2023年在本院分娩的326名孕妇，随机分为补充组和对照组，比较两组新生儿的骨密度。结果 补充组新生儿的骨密度高于对照组。结论 孕期补充维生素D有助于新生儿骨骼发育。',
  '关键词：维生素D；孕期；新生儿；骨密度',
  'Effect of vitamin D supplementation in pregnancy on bone development of newborns',
  'Objective To explore the effect of a daily vitamin D supplement of 400 IU during pregnancy on the bone density of newborns. Methods 326 pregnant women who gave birth in our hospital from 2021 to 2023 were randomly divided into a supplement group and a control group, and the bone density of their newborns was compared. Results The newborns of the supplement group had a higher bone density than those of the control group. Conclusion Vitamin D supplementation in pregnancy helps the bone development of newborns.',
  'Key words: vitamin D; pregnancy; newborn; bone density',
].join('\n\n');

// An English summary with its Chinese translation under it, and nothing else.
const SUMMARY_PAIR = [
  'Iron deficiency is the most common nutritional deficiency in the world, and women of childbearing age and young children are at the highest risk. Eating meat, beans and dark green vegetables, with fruit rich in vitamin C at the same meal, helps the body absorb more iron.',
  '缺铁是世界上最常见的营养缺乏，育龄妇女和幼儿的风险最高。吃肉类、豆类和深绿色蔬菜，并在同一餐中吃富含维生素C的水果，有助于身体吸收更多的铁。',
].join('\n\n');

// An English article whose translation step left its second half in Chinese: two runs again,
// but the Chinese half says what the English half does not.
const HALF_LEFT = [
  'Iron deficiency is the most common nutritional deficiency in the world, and women of childbearing age and young children are at the highest risk.',
  'Eating meat, beans and dark green vegetables, with fruit rich in vitamin C at the same meal, helps the body absorb more iron.',
  '如果医生建议服用铁剂，最好在两餐之间服用，并避免同时喝茶或咖啡，因为它们会减少铁的吸收。',
  '铁剂常见的副作用包括便秘和胃部不适，通常在几周后会减轻。',
].join('\n\n');

describe('a draft that gives a section in English and in Chinese, one copy after the other', () => {
  it('reports the Chinese title, abstract and keywords of a journal page as translations of the English ones', () => {
    const found = foreignBlock.check(docFromText(JOURNAL_PAGE, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.translates])).toEqual([
      [1, 7],
      [3, 9],
      [5, 11],
    ]);
    expect(found[1]!.message).toBe('Paragraph in Chinese (cmn) translating the passage at line 9; the draft gives its passages in English (eng) and in Chinese (cmn)');
  });

  it('reports the translation of a lone summary under it', () => {
    const found = foreignBlock.check(docFromText(SUMMARY_PAIR, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.translates])).toEqual([[3, 1]]);
  });

  it('drops the Chinese copy of the section from the cleaned English article', async () => {
    const result = await auditOne('journal.txt', JOURNAL_PAGE);
    const cleaned = result.outputs[0]!.content;
    expect(cleaned).not.toMatch(/\p{Script=Han}/u);
    expect(cleaned).toContain('Conclusion Vitamin D supplementation in pregnancy helps the bone development of newborns.');
    expect(result.findings.filter((f) => f.ruleId === 'lang/foreign-block').every((f) => f.fixed === true)).toBe(true);
  });

  it('does not take a half left in Chinese that says something else for a translation', () => {
    const found = foreignBlock.check(docFromText(HALF_LEFT, 'txt'), { config });
    expect(found.map((f) => [f.span.start.line, f.data?.translates])).toEqual([
      [5, undefined],
      [7, undefined],
    ]);
  });
});
