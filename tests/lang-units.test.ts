/** Unit tests of the language stage: scripts, sentences, profiles, runs and artifacts. */
import { describe, expect, it } from 'vitest';
import { commonSplit, doubledCharacters, gluedWords, splitGlued, splitWords } from '../src/lang/artifacts.js';
import { byFunctionWords, detectLanguage, functionWordHits } from '../src/lang/detect.js';
import { profileLanguage } from '../src/lang/profile.js';
import { maskedRanges, tokenize, ACRONYM, UNIT, WORD } from '../src/lang/scan.js';
import { CYRILLIC, HAN, HANGUL, KANA, LATIN, NONE, scriptOf } from '../src/lang/scripts.js';
import { sentences } from '../src/sentences.js';
import { FW_LANGS } from '../src/lang/words.js';
import { docFromText } from './helpers.js';

describe('scriptOf', () => {
  it.each([
    ['a', LATIN],
    ['é', LATIN],
    ['镁', HAN],
    ['々', HAN],
    ['𠀋', HAN],
    ['の', KANA],
    ['マ', KANA],
    ['한', HANGUL],
    ['ж', CYRILLIC],
    ['7', NONE],
    ['’', NONE],
    ['，', NONE],
    ['。', NONE],
  ])('%s', (ch, script) => {
    expect(scriptOf(ch.codePointAt(0)!)).toBe(script);
  });
});

describe('tokenize', () => {
  it('marks acronyms and units and skips URLs', () => {
    const text = 'GABA and 5 mg, 500mg at https://example.com/x 镁补充剂';
    const tokens = tokenize(text, maskedRanges(text)).map((t) => [text.slice(t.start, t.end), t.kind]);
    expect(tokens).toEqual([
      ['GABA', ACRONYM],
      ['and', WORD],
      ['mg', UNIT],
      ['mg', UNIT],
      ['at', WORD],
      ['镁补充剂', WORD],
    ]);
  });
});

describe('sentences', () => {
  it.each([
    ['镁很重要。它有助于睡眠！真的吗？是的', ['镁很重要。', '它有助于睡眠！', '真的吗？', '是的']],
    ['Magnesium helps. It is cheap! Is it? Yes', ['Magnesium helps.', 'It is cheap!', 'Is it?', 'Yes']],
    ['See e.g. the review by Dr. Smith. Then take 3.5 mg daily.', ['See e.g. the review by Dr. Smith.', 'Then take 3.5 mg daily.']],
    ['受体。GABA是神经递质( 8 , 9 ). Next one', ['受体。', 'GABA是神经递质( 8 , 9 ).', 'Next one']],
    ['He said "Sleep well." Then he left.', ['He said "Sleep well."', 'Then he left.']],
    ['Visit healthline.com for more. Done', ['Visit healthline.com for more.', 'Done']],
  ])('%s', (text, expected) => {
    expect(sentences(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('profileLanguage', () => {
  it.each([
    ['000', 'eng', { cmn: 0.186, eng: 0.814 }],
    ['001', 'eng', { cmn: 0.35, eng: 0.65 }],
  ])('sample %s is %s with shares %j', async (sample, primary, shares) => {
    const { sampleDoc } = await import('./helpers.js');
    const doc = sampleDoc(sample);
    expect(doc.language.primary).toBe(primary);
    expect(doc.language.shares).toEqual(shares);
    expect(Object.keys(doc.language.shares)).toEqual(Object.keys(doc.language.shares).sort());
    expect(doc.language.blocks).toHaveLength(doc.blocks.length);
  });

  it('gives short Latin headings the document language (franc would call this Scots)', () => {
    const doc = docFromText(
      'It Can Help Your Body and Brain Relax\n\nIn order to fall asleep and stay asleep, your body and brain need to relax, and magnesium may help with that.\n',
    );
    expect(doc.language.blocks).toEqual(['eng', 'eng']);
  });

  it('calls Han-only headings Japanese in a Japanese article', () => {
    const doc = docFromText(
      'マグネシウムは睡眠の質を改善するのに役立つミネラルです。寝る前に飲むと、よく眠れるようになります。\n\n睡眠障害\n\n不眠症の人は、医師に相談してください。\n',
    );
    expect(doc.language.primary).toBe('jpn');
    expect(doc.language.blocks).toEqual(['jpn', 'jpn', 'jpn']);
  });

  it('lets the config force the primary language', () => {
    const doc = docFromText('Magnesium helps you sleep better, and it may relieve anxiety too.\n\n镁有助于睡眠。\n');
    expect(profileLanguage(doc.blocks).primary).toBe('eng');
    expect(profileLanguage(doc.blocks, 'cmn').primary).toBe('cmn');
    expect(profileLanguage(doc.blocks, 'cmn').blocks).toEqual(['eng', 'cmn']);
  });

  it('leaves allowed terms out of the counts', () => {
    const doc = docFromText('Magnesium helps you sleep better, and it may relieve anxiety too.\n\n酸枣仁\n');
    expect(profileLanguage(doc.blocks).shares.cmn).toBeGreaterThan(0);
    expect(profileLanguage(doc.blocks, undefined, { allowedTerms: ['酸枣仁'] }).shares).toEqual({ eng: 1 });
  });

  it('keeps a half-translated draft in the language it was written in', () => {
    const en = [
      'Zinc is a trace mineral that more than 300 enzymes in the body depend on for their work ( 1 ).',
      'Low zinc status has been linked with shorter sleep in a survey of 1,200 adults ( 2 , 3 ).',
    ];
    const zh = ['牡蛎、牛肉和南瓜子是这种矿物质最丰富的食物来源之一( 4 )。', '由于身体无法储存锌，每天从食物中稳定摄入比偶尔大剂量服用更重要。'];
    expect(docFromText([...en, ...zh].join('\n\n')).language.primary).toBe('eng');
  });

  it('reads glued English words as English when nothing else tells (the cleaner repairs them)', () => {
    expect(docFromText('andeating𠀀㐀𠀀\n').language).toEqual(docFromText('and eating𠀀㐀𠀀\n').language);
  });

  it('has no language for an empty document', () => {
    expect(profileLanguage([])).toEqual({ primary: 'und', shares: {}, blocks: [] });
  });
});

describe('detectLanguage', () => {
  it('decides by function words when one language clearly leads', () => {
    const hits = functionWordHits('Antes de tomar cualquier suplemento, consulte con su médico, sobre todo si toma otros medicamentos.');
    expect(byFunctionWords(hits, 4)).toBe('spa');
    expect(hits[FW_LANGS.indexOf('spa')]).toBeGreaterThan(hits[FW_LANGS.indexOf('ita')]! * 2 - 1);
  });

  it('asks franc among the candidates when function words leave it open', () => {
    const text = 'Espinacas, almendras, frijoles negros, semillas de calabaza, aguacate, plátano, chocolate negro.';
    expect(byFunctionWords(functionWordHits(text), 4)).toBeUndefined();
    expect(detectLanguage(text, LATIN)).toBe('spa');
  });

  it('tells Ukrainian from Russian on long Cyrillic text', () => {
    expect(detectLanguage('Магній допомагає заспокоїти нервову систему і покращити якість сну у дорослих людей.', CYRILLIC)).toBe('ukr');
    expect(detectLanguage('Магний помогает успокоить нервную систему и улучшить качество сна у взрослых людей.', CYRILLIC)).toBe('rus');
  });
});

describe('splitWords (a Latin fragment glued to Chinese)', () => {
  it.each([
    ['但新兴研究也表明这一分钟eral could enhance treatment', ['分钟eral']],
    ['这种补充剂对于镁tabolism很重要', ['于镁tabolism']],
    ['它是睡眠药物(如ambien)使用的相同神经递质器', []],
    ['这是对人类健康至关重要和is used in over 600 reactions', []],
    ['GABA是负责安抚神经活动的神经递质', []],
    ['镁magnesium是矿物质', []],
    ['每天服用500mg镁', []],
    // "vs" and "pk" between two Chinese words are how Chinese writes "versus".
    ['葡萄糖酸锌vs甘氨酸锌：哪种更好吸收？', []],
    ['国产pk进口鱼油', []],
  ])('%s', (text, expected) => {
    expect(splitWords(text).map((a) => a.actual)).toEqual(expected);
  });
});

describe('gluedWords (two English words run together)', () => {
  it.each([
    ['through drinking water andeating foods', 'and eating'],
    ['If you’re having trouble sleeping, considerlifestyle interventions first.', 'consider lifestyle'],
    ['Eat nuts withthe skin on.', 'with the'],
    ['Get more sleepand exercise.', 'sleep and'],
    ['sleepand exercise (2 hours a day)', 'sleep and'],
  ])('%s → %s', (text, expected) => {
    expect(gluedWords(text, maskedRanges(text)).map((a) => a.expected)).toEqual([expected]);
  });

  it.each([
    'Choose a standalone supplement.',
    'Ask your healthcare provider.',
    'Glutamate causes overexcitement at night.',
    'Eat magnesium-rich foods and try bio-hacking.',
    'Read more on Healthline about sleep.',
    'See www.healthline.com/nutrition for details.',
    'He has written about nootropics and multivitamins.',
    'Ashwagandha and magnesium bisglycinate are popular.',
    'Don’t skip GABAergic and NMDA pathways while sleeping.',
    'Use an inline plugin by e-mail.',
    'Supplements, vitamins, minerals, neurotransmitters and receptors.',
    'Andeating well matters.',
    'Andrew moved to Norway.',
    'Photo: Verywell / Jane Doe.',
    'Try NoFollow links and Andeating® bars.',
    // A chemical name made with a combining form ("amino", "methyl").
    'Glucosamine is an aminomonosaccharide found in cartilage.',
    'It is sold as methylcobalamin or hydroxocobalamin.',
    // A forum user's handle alone on its line or before the post's date.
    'sleepyhollow (Mar 3, 2016)',
    'sleepyhollow:',
  ])('%s', (text) => {
    expect(gluedWords(text, maskedRanges(text))).toEqual([]);
  });

  it('leaves every word of the clean samples alone', async () => {
    const { sampleDoc } = await import('./helpers.js');
    for (const sample of ['002', '003', '004']) {
      for (const block of sampleDoc(sample).blocks) {
        expect(gluedWords(block.text, maskedRanges(block.text)).map((a) => a.actual)).toEqual([]);
      }
    }
  });

  it('splits after a function word, or into two long words', () => {
    expect(splitGlued('andeating')).toEqual(['and', 'eating']);
    expect(splitGlued('considerlifestyle')).toEqual(['consider', 'lifestyle']);
    expect(splitGlued('magnesium')).toBeUndefined();
    expect(splitGlued('standalone')).toBeUndefined();
  });

  it.each([
    ['andeating', ['and', 'eating']],
    ['considerlifestyle', ['consider', 'lifestyle']],
    ['sleepand', ['sleep', 'and']],
    ['foodsand', undefined],
    ['magnesiumand', undefined],
    ['methylcobalamin', undefined],
  ])('%s splits into two very common words: %j', (token, expected) => {
    expect(commonSplit(token)).toEqual(expected);
  });
});

describe('doubledCharacters', () => {
  it.each([
    ['镁镁不仅可以帮助您入睡', ['镁镁']],
    ['然后服用镁镁。', ['镁镁']],
    ['他常常失眠，慢慢入睡，天天服用', []],
    ['人人都需要镁，刚刚起床，渐渐好转', []],
    ['看看说明，谢谢，妈妈和星星', []],
    ['为了了解镁的作用', []],
    ['哈哈哈', []],
    // A postposition after a noun, then a word it starts; the colloquial "all sorts of".
    ['降低血中中性脂肪的濃度', []],
    ['飯後後來又覺得餓', []],
    ['市面上的鈣片百百種，挑選時要看成分', []],
    ['补充镁镁中性的说法', ['镁镁']],
    // A noun that counts, doubled to mean "every".
    ['餐餐紅肉配可樂，鐵質很快超標', []],
    ['晚晚熬夜的人更容易缺乏維生素D', []],
    // A broken conversion's pinyin between a word's characters: the word is read whole.
    ['注意力缺陷型多動(dòng)症症狀更為頻繁', []],
    ['補充鎂鎂片(piàn)可以', ['鎂鎂']],
  ])('%s', (text, expected) => {
    expect(doubledCharacters(text).map((a) => a.actual)).toEqual(expected);
  });

  it('reports a pair where it stands in a text with pinyin glued in', () => {
    const text = '服用(yòng)鎂鎂片(piàn)';
    expect(doubledCharacters(text).map((a) => [a.start, a.end, text.slice(a.start, a.end)])).toEqual([[8, 10, '鎂鎂']]);
  });

  it('says how sure each doubled character is', () => {
    expect(doubledCharacters('补充镁镁可以').map((a) => a.confidence)).toEqual(['high']);
  });
});
