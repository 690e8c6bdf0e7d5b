/**
 * Findings about the words of a sure line of debris give way to the debris finding
 * (src/engine/on-debris.ts): a research claim in a related-post link, a glued word in a share
 * bar; a research claim on a line of possible debris is reported as info. The same words in the
 * article keep their findings, and a scraper's label in a third
 * language keeps its foreign-block finding; an English label of a Chinese page's chrome does not. The drafts are written for these tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { withoutFindingsOnDebris } from '../src/engine/on-debris.js';
import type { Finding } from '../src/types.js';

const ZH = [
  '钙片会增加心脏病风险吗',
  '',
  '钙是骨骼的主要成分，老年人常常需要补充。不过，补钙的方式和剂量都值得注意。',
  '',
  '一般来说，从牛奶、豆腐和深绿色蔬菜中获得的钙比钙片更安全，也更容易被身体利用。',
  '',
  '看更多:比吃钙片还有效!12万人研究证实:牛奶1喝法降骨折风险、防骨松',
  '',
  '如果需要服用钙片，最好分次随餐服用，并请医生评估是否同时需要维生素D。',
  '',
].join('\n');

const EN = [
  'Bạn đang xem: Magnesium and sleep',
  '',
  '# Magnesium and sleep',
  '',
  'Magnesium helps muscles relax, and many adults get less of it than they need from food alone.',
  '',
  'Nuts, seeds, beans and leafy greens are good sources, and a varied diet covers most needs.',
  '',
  'Talk to your doctor before you take a supplement, especially if you have kidney disease.',
  '',
].join('\n');

async function findings(name: string, text: string): Promise<Array<[string, number]>> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-on-debris-'));
  const result = await audit([{ path: name, text }], { cwd });
  return result.findings.map((f): [string, number] => [f.ruleId, f.span.start.line]).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

describe('findings on a sure line of debris', () => {
  it('drop a research claim in a related-post link, and keep the debris finding', async () => {
    expect(await findings('calcium.txt', ZH)).toEqual([['artifact/cms-leftover', 7]]);
  });

  it('…while the same claim in the article is reported', async () => {
    const inArticle = ZH.replace('看更多:比吃钙片还有效!12万人研究证实:牛奶1喝法降骨折风险、防骨松', '十万人研究证实，喝牛奶的人骨折更少。');
    expect(await findings('calcium.txt', inArticle)).toEqual([['cite/uncited-claim', 7]]);
  });

  it("drop a foreign-block finding on an English label of a Chinese page's chrome", async () => {
    // (A forum's poster card under the article: "avatar" is sure debris, its own finding speaks for it.)
    const forum = ZH.replace('看更多:比吃钙片还有效!12万人研究证实:牛奶1喝法降骨折风险、防骨松', '举报/反馈\nMember\navatar\n加入于: Mar 16 2016\n帖子数: 290\n分享到：微信');
    const found = await findings('calcium.txt', forum);
    expect(found.filter(([, line]) => line === 9)).toEqual([['artifact/cms-leftover', 9]]);
  });

  it("keep a scraper's label in another language", async () => {
    const found = await findings('magnesium.md', EN);
    expect(found.filter(([, line]) => line === 1).map(([id]) => id)).toEqual(['artifact/cms-leftover', 'lang/foreign-block']);
  });
});

describe('findings on a line of possible debris', () => {
  // (A news page's teaser headline printed twice, "Toddlers who nap sleep longer, study finds",
  // is reported by cms-leftover as info: possible debris.)
  const at = (ruleId: string, line: number, severity: Finding['severity'], data?: Finding['data']): Finding => ({
    ruleId,
    severity,
    path: 'news.txt',
    span: { start: { line, column: 1, offset: 0 }, end: { line, column: 40, offset: 39 } },
    message: '',
    excerpt: '',
    ...(data ? { data } : {}),
  });
  it('report a research claim there as info, and leave the claims of other lines alone', () => {
    const findings = [
      at('artifact/cms-leftover', 7, 'info', { whole: true, confidence: 'low' }),
      at('cite/uncited-claim', 7, 'warning'),
      at('lang/mt-artifact', 7, 'warning'),
      at('cite/uncited-claim', 9, 'warning'),
    ];
    expect(withoutFindingsOnDebris(findings).map((f) => [f.ruleId, f.span.start.line, f.severity])).toEqual([
      ['artifact/cms-leftover', 7, 'info'],
      ['cite/uncited-claim', 7, 'info'],
      ['lang/mt-artifact', 7, 'warning'],
      ['cite/uncited-claim', 9, 'warning'],
    ]);
  });
  it('…and drop it on a line of sure debris', () => {
    const findings = [at('artifact/cms-leftover', 7, 'warning', { whole: true, confidence: 'high' }), at('cite/uncited-claim', 7, 'warning')];
    expect(withoutFindingsOnDebris(findings).map((f) => f.ruleId)).toEqual(['artifact/cms-leftover']);
  });
});
