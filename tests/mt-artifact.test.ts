/**
 * lang/mt-artifact on whole drafts: what is reported, with which confidence, and what is
 * left alone (names, brands, dictionary words, repeated terms, code, Chinese reduplication).
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { mtArtifact } from '../src/rules/lang/mt-artifact.js';
import type { Format } from '../src/types.js';
import { docFromText, sampleDoc } from './helpers.js';

const config = resolveConfig();

function run(text: string, format: Format): Array<{ line: number; column: number; actual: unknown; expected: unknown; confidence: unknown }> {
  return mtArtifact.check(docFromText(text, format), { config }).map((f) => ({
    line: f.span.start.line,
    column: f.span.start.column,
    actual: f.data?.actual,
    expected: f.data?.expected,
    confidence: f.data?.confidence,
  }));
}

/** Reduplications every Chinese reader knows; none is a doubled-character artifact. */
const REDUPLICATED = '常常 慢慢 看看 气喘吁吁 谢谢 渐渐 刚刚 人人 天天 星星 妈妈 宝宝 哥哥 往往 稍稍 偏偏 仅仅 微微 明明白白 高高兴兴 干干净净 的的确确 平平安安 漂漂亮亮 认认真真'.split(' ');

describe('lang/mt-artifact: left alone', () => {
  it.each<[string, string, Format]>([
    ['a first name at the start of a sentence', 'Andrew Huberman talks about magnesium threonate on his podcast.\n', 'md'],
    ['a term glossed by another name', '孕妇每天需要补充叶酸(维生素B9)和维生素C(抗坏血酸)。\n', 'txt'],
    ['a country inside a sentence', 'A cohort study from Norway followed 3,000 adults for a decade.\n', 'txt'],
    ['a site brand in a photo credit', 'Photo: Verywell / Jane Doe\n\nVerywell Health Approved supplements are tested by a lab.\n', 'md'],
    ['capitalised medical terms', 'Methylmalonic acid rises when B12 runs low. Methylcobalamin is one form of B12.\n', 'txt'],
    ['lower-case medical terms in a mixed draft', '维生素B12很重要。\n\nLevels of methylmalonic acid, methylcobalamin, cholecalciferol and bioavailability matter.\n', 'txt'],
    ['lower-case scientific terms next to Chinese', '镁的吸收。\n\nTry hydroxocobalamin or adenosylcobalamin, or magnesium glycinate and threonate.\n', 'md'],
    ['a term used twice in the draft', '镁。\n\nThe wellnessand clinic opened.\n\nAt wellnessand we test every batch.\n', 'txt'],
    ['a CamelCase brand', 'NatureMade and SleepWell gummies sell well.\n', 'md'],
    ['a trade mark sign after the name', 'Try sleepand® gummies before bed.\n', 'txt'],
    ['a trade mark sign before the next word', 'The andeating™ plan is a diet brand.\n', 'txt'],
    ['a URL', 'See https://example.com/andeating/considerlifestyle for the study.\n', 'md'],
    ['an e-mail address', 'Write to andeating@example.org for questions.\n', 'txt'],
    ['a social handle', 'Follow @considerlifestyle and #andeating for tips.\n', 'txt'],
    ['a code span', 'Set `andeating` to true in the config.\n', 'md'],
    ['an ambiguous split without other machine-translation signs', 'Season the foodsand serve.\n', 'txt'],
    ['a rare split without other machine-translation signs', 'Take magnesiumand zinc at night.\n', 'md'],
    ['an idiom with a reduplicated character', '他气喘吁吁地跑回家，谢谢医生。\n', 'txt'],
    ['reduplicated adverbs and kinship terms', `${REDUPLICATED.join('，')}。\n`, 'txt'],
    ['reduplication inside a Markdown list', REDUPLICATED.map((w) => `- ${w}很好`).join('\n') + '\n', 'md'],
    ['two words that share a character', '大学学生和中国国家队都要补钙。\n', 'txt'],
    ['a one-character verb said twice (a softened request)', '我们先说说镁的作用，再试试补补钙。\n', 'txt'],
    ['a verb done a little after a modal, whatever its tag', '想买钙片的人可以搜搜药店的网站，也不妨查查说明书。\n', 'txt'],
    ['a one-character adjective said twice', '它有一条长长的侧链，高高地挂着。\n', 'md'],
    ['reduplication in traditional characters', '它有一條長長的側鏈，我們先說說鎂。\n', 'txt'],
    ['a word ending and a word starting with one character, in traditional characters', '常見的炎症症狀包括紅腫和疼痛。\n', 'md'],
    ['a character three times (an interjection)', '哈哈哈，别担心。\n', 'txt'],
    ['the one-by-one form of a measure word', '我们一条条来看，一步步调整，一天天好转。\n', 'md'],
    ['a pronunciation guide that spells a whole word', '褪黑素（tuì hēi sù）是一种激素。\n', 'txt'],
    ['a letter or two in brackets after characters, as an enumeration', '方案(a)和方案(b)都可以，表(c)列出剂量。\n', 'txt'],
    ['an English gloss in brackets', '维生素(vitamin)和矿物质(mineral)都很重要(important)。\n', 'txt'],
    ['pinyin written on its own, not after a character', '“镁”读作 měi，不读 mài。\n', 'md'],
    ['AABB idioms whose middle is a common word', '他每天忙忙碌碌，说说笑笑，星星点点。\n', 'md'],
    ['a word ending on a preposition, then the preposition', '这种蛋白主要存在在软组织和血液中。\n', 'txt'],
    ['"all" before the verb "have"', '所有有症状的人都应该去医院检查。\n', 'txt'],
    ['a word ending on "以", then the preposition "以"', '补充剂可以以多种形式服用，例如片剂和粉剂。\n', 'txt'],
    ['a sound word in quotation marks', '张嘴时关节“咔咔”响，可能是颞下颌关节出了问题。\n', 'txt'],
    ['a sound word doubled', '耳朵里嗡嗡作响，门外咚咚地敲。\n', 'txt'],
    ['a particle before a word that starts with it', '为了了解镁的作用，我们常常见到医生。\n', 'txt'],
    ['a lower-case unit between a number and Chinese', '每天500mg镁，分两次服用。\n', 'txt'],
    ['a reference entry', 'Intro text.\n\nReferences:\n\n- Smith J. andeating considerlifestyle. 2020. https://doi.org/10/x\n', 'txt'],
  ])('%s', (_name, text, format) => {
    expect(run(text, format)).toEqual([]);
  });
});

describe('lang/mt-artifact: reported', () => {
  it.each<[string, string, Format, Array<Record<string, unknown>>]>([
    ['“and” glued to the next word, no Chinese needed', 'Drink water andeating leafy greens.\n', 'txt', [{ line: 1, column: 13, actual: 'andeating', expected: 'and eating', confidence: 'high' }]],
    ['two long common words glued', 'If sleep is poor, considerlifestyle changes first.\n', 'md', [{ line: 1, column: 19, actual: 'considerlifestyle', expected: 'consider lifestyle', confidence: 'high' }]],
    ['a preposition glued to “the”', 'Eat the nuts withthe skin on.\n', 'md', [{ line: 1, column: 14, actual: 'withthe', expected: 'with the', confidence: 'high' }]],
    ['a noun glued to “and”', 'Get more sleepand exercise.\n', 'txt', [{ line: 1, column: 10, actual: 'sleepand', expected: 'sleep and', confidence: 'high' }]],
    ['a rare split where the draft holds Chinese', '镁很重要。\n\nTake magnesiumand zinc at night.\n', 'txt', [{ line: 3, column: 6, actual: 'magnesiumand', expected: 'magnesium and', confidence: 'low' }]],
    ['an ambiguous split where the draft holds Chinese', '镁很重要。\n\nSeason the foodsand serve.\n', 'md', [{ line: 3, column: 12, actual: 'foodsand', expected: 'foods and', confidence: 'low' }]],
    ['a doubled element name', '镁镁不仅可以帮助您入睡。\n', 'txt', [{ line: 1, column: 1, actual: '镁镁', expected: '镁', confidence: 'high' }]],
    ['a doubled noun after a modal', '老年人需要镁镁来放松肌肉。\n', 'txt', [{ line: 1, column: 6, actual: '镁镁', expected: '镁', confidence: 'high' }]],
    ['an adverb doubled', '这种方法很很有效。\n', 'txt', [{ line: 1, column: 5, actual: '很很', expected: '很', confidence: 'high' }]],
    ['the last character of a vegetable written twice', '多吃羽衣甘蓝、西兰花花 and spinach。\n', 'txt', [{ line: 1, column: 10, actual: '花花', expected: '花', confidence: 'low' }]],
    ['a doubled particle', '这是我的的书。\n', 'md', [{ line: 1, column: 4, actual: '的的', expected: '的', confidence: 'high' }]],
    // "folate (folic acid)" with both names translated alike.
    ['a term glossed by itself', '孕妇每天需要补充叶酸(叶酸)400微克。\n', 'txt', [{ line: 1, column: 9, actual: '叶酸(叶酸)', expected: '叶酸', confidence: 'high' }]],
    ['a term glossed by itself in full-width brackets', '維生素B3又叫菸鹼酸（菸鹼酸）。\n', 'md', [{ line: 1, column: 8, actual: '菸鹼酸（菸鹼酸）', expected: '菸鹼酸', confidence: 'high' }]],
    [
      'pinyin glued after characters by a broken conversion',
      '孩子腹瀉時應(yīng)在醫(yī)生指導下服用。\n',
      'txt',
      [{ line: 1, column: 6, actual: '應(yīng)在醫(yī)', expected: '應在醫', confidence: 'high' }],
    ],
    [
      'pinyin without tone marks salted after many characters, some twice',
      '挑選鈣(gai)(gai)片時要注(zhu)意含量(liang)和劑(ji)型。\n',
      'txt',
      [{ line: 1, column: 3, actual: '鈣(gai)(gai)片時要注(zhu)意含量(liang)和劑(ji)', expected: '鈣片時要注意含量和劑', confidence: 'high' }],
    ],
    ['one pinyin syllable inside a word', '益生菌可以調(diào)節腸道菌群。\n', 'md', [{ line: 1, column: 6, actual: '調(diào)', expected: '調', confidence: 'high' }]],
    ['a syllable with a space the conversion left inside its brackets', '睡前吃一片會(huì )多久起效？\n', 'txt', [{ line: 1, column: 6, actual: '會(huì )', expected: '會', confidence: 'high' }]],
    [
      'a lone syllable in a draft the conversion ran over',
      '孩子腹瀉時應(yīng)在醫(yī)生指導下服用。\n\n這種菌叫雙歧桿菌(jūn)，常見於酸奶。\n',
      'txt',
      [
        { line: 1, column: 6, actual: '應(yīng)在醫(yī)', expected: '應在醫', confidence: 'high' },
        { line: 3, column: 8, actual: '菌(jūn)', expected: '菌', confidence: 'high' },
      ],
    ],
    ['one pinyin syllable before punctuation', '这种菌叫双歧杆菌(jūn)，常见于酸奶。\n', 'txt', [{ line: 1, column: 8, actual: '菌(jūn)', expected: '菌', confidence: 'low' }]],
    ['a doubled copula (it does not reduplicate)', '这是是一种常见的矿物质。\n', 'txt', [{ line: 1, column: 2, actual: '是是', expected: '是', confidence: 'high' }]],
    // Amid characters the dictionary cannot place (a species of alga, then its oil): maybe two
    // words it does not list, so unsure, and never repaired (a real page's shape, our words).
    ['a doubled character amid unknown words', '这款胶囊用的是进口裂壶藻藻油。\n', 'txt', [{ line: 1, column: 12, actual: '藻藻', expected: '藻', confidence: 'low' }]],
    ['a doubled element name in traditional characters', '補充鎂鎂可以幫助入睡。\n', 'md', [{ line: 1, column: 3, actual: '鎂鎂', expected: '鎂', confidence: 'high' }]],
    ['a doubled character inside a clause', '每天补充钙钙有助于骨骼健康。\n', 'txt', [{ line: 1, column: 5, actual: '钙钙', expected: '钙', confidence: 'high' }]],
    ['a fragment glued to Chinese', '但研究也表明这一分钟eral could help.\n', 'txt', [{ line: 1, column: 9, actual: '分钟eral', expected: undefined, confidence: undefined }]],
    ['a fragment glued to Chinese in Markdown', '这种补充剂对于镁tabolism很重要。\n', 'md', [{ line: 1, column: 7, actual: '于镁tabolism', expected: undefined, confidence: undefined }]],
    ['a rare pair that gives way to a word beside it', '留意其中添加的糖糖分。\n', 'md', [{ line: 1, column: 8, actual: '糖糖', expected: '糖', confidence: 'low' }]],
    ['a short fragment between Chinese characters', '如果几周ks后仍然没有改善。\n', 'txt', [{ line: 1, column: 4, actual: '周ks后', expected: undefined, confidence: undefined }]],
    ['an English word cut by a translated middle', 'Flex your foot up病房wards and rest.\n', 'txt', [{ line: 1, column: 16, actual: 'up病房wards', expected: 'upwards', confidence: 'low' }]],
    ['a glued word in a Markdown list item', '- Water andeating greens\n- Rest\n', 'md', [{ line: 1, column: 9, actual: 'andeating', expected: 'and eating', confidence: 'high' }]],
  ])('%s', (_name, text, format, expected) => {
    expect(run(text, format)).toEqual(expected);
  });

  it('gives low-confidence findings no repair the cleaner applies, but still the proposed text', () => {
    const [f] = mtArtifact.check(docFromText('镁。\n\nTake magnesiumand zinc.\n'), { config });
    expect(f?.data).toMatchObject({ expected: 'magnesium and', confidence: 'low' });
    expect(typeof f?.data?.reason).toBe('string');
  });

  it('keeps the true findings of the samples', () => {
    const at = (p: string): string[] => mtArtifact.check(sampleDoc(p), { config }).map((f) => `${f.span.start.line}:${String(f.data?.actual)}:${String(f.data?.confidence)}`);
    expect(at('000')).toEqual(['80:分钟eral:undefined', '92:andeating:high', '102:considerlifestyle:high']);
    expect(at('001')).toEqual(['68:镁镁:high', '94:分钟eral:undefined', '108:andeating:high', '122:considerlifestyle:high']);
    for (const p of ['002', '003', '004']) expect(at(p)).toEqual([]);
  });
});
