/**
 * artifact/scrambled-text on paragraphs written for these tests: Chinese whose characters and
 * punctuation were swapped for letters of other scripts is reported, one finding a paragraph;
 * Chinese that legitimately holds other letters (pinyin, Greek, words of other languages,
 * × and ÷) is not.
 */
import { describe, expect, it } from 'vitest';
import { scrambledText } from '../src/rules/artifact/scrambled-text.js';
import { resolveConfig } from '../src/config.js';
import { docFromText } from './helpers.js';

const config = resolveConfig();
const check = (text: string) => scrambledText.check(docFromText(text, 'txt'), { config });

describe('artifact/scrambled-text', () => {
  it.each<[string, string, number]>([
    // Punctuation and characters swapped one for one, each letter alone between Han characters.
    ['Latin Extended and Cyrillic in place of 。 and 研', '睡前补充镁能帮助肌肉放松Ă不少ү究发现，镁对入睡有一定帮助Č但效果因人而异。', 3],
    ['Armenian, Syriac and Hebrew', '维生素D主要靠晒太阳获得Կ冬季日照不足时ݚ可以考虑补充ש剂，但要注意剂量。', 3],
  ])('reports %s', (_name, text, letters) => {
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.data?.letters).toHaveLength(letters);
    expect(found[0]!.span.start.line).toBe(1);
  });

  it('reports each scrambled paragraph on its own line, and leaves a clean one between them', () => {
    const text = ['镁参与三百多种酶反应Ă对肌肉和神经ү作用很大Č。', '', '成人每天需要三百毫克左右的镁，多吃绿叶菜和坚果就能满足。', '', '补充剂Կ选择甘氨酸镁ݚ肠胃刺激较小Ă适合睡前服用。'].join('\n');
    expect(check(text).map((f) => f.span.start.line)).toEqual([1, 5]);
  });

  it.each<[string, string]>([
    ['pinyin with tone marks', '镁(měi)是人体必需的矿物质(kuàng wù zhì)，睡前(shuì qián)适量补充有助于放松(fàng sōng)。'],
    ['Greek letters of chemistry and units', 'β-胡萝卜素和α-生育酚都是常见的抗氧化成分，每天补充400μg叶酸的孕妇也需要注意γ-亚麻酸。'],
    ['a word of another language among Chinese', '越南的phở和法国的crème brûlée都很好吃，俄语的здоровье意思是健康，这些词常见于菜单。'],
    ['multiplication signs', '每天两次×每次两粒，一共四粒；体重×0.5÷2就是大概的饮水量，这是一个简单的估算方法。'],
    ['too few Han characters around the letters', 'Ă ү Č 镁'],
    ['two stray letters only', '睡前补充镁能帮助肌肉放松Ă不少ү究发现，镁对入睡有一定帮助，但效果因人而异。'],
  ])('leaves %s alone', (_name, text) => {
    expect(check(text)).toEqual([]);
  });
});
