/**
 * Editions: one per publication language of an article.
 *
 * Fixtures (tests/fixtures/editions/, written for these tests):
 * - `zinc-en.txt`, an article on zinc lozenges, and `zinc-zh.txt`, its complete Chinese
 *   translation (reference list kept in English), in which "75 mg of zinc a day" became
 *   每周 (per week);
 * - `zinc-mixed.txt`, a version of the article whose first nine blocks were left in
 *   Chinese: most of its letters are Chinese, its title and reference list are English;
 * - `vitamin-d-half-a.txt` and `vitamin-d-half-b.txt`, two versions of an English article
 *   on vitamin D, each machine-translated in a different half, same title and references;
 *   the supplement figure is 1,000 IU a day in a's English half, 2000 国际单位 in b's Chinese.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { audit, type AuditResult } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { writeArticles } from '../src/outputs.js';
import { buildCorpusWithStats } from '../src/corpus/index.js';
import { planEditions, publicationLanguages } from '../src/corpus/editions.js';
import { dictionaryOverlap, englishStems, glossary, glossaryLoaded } from '../src/corpus/bilingual.js';
import { tokenize } from '../src/corpus/tokens.js';
import type { ResolvedConfig } from '../src/types.js';
import { body, docFromText, ROOT, sampleDoc, squeeze } from './helpers.js';

const DIR = 'tests/fixtures/editions';
const fixturePath = (name: string): string => `${DIR}/${name}`;
const fixtureText = (name: string): string => readFileSync(path.join(ROOT, DIR, name), 'utf8');
const fixtureDoc = (name: string, config: Partial<ResolvedConfig> = {}) => docFromText(fixtureText(name), 'txt', fixturePath(name), config);
const HAN = /\p{Script=Han}/u;

async function run(names: string[], config: Partial<ResolvedConfig> = {}): Promise<{ result: AuditResult; out: string }> {
  const out = mkdtempSync(path.join(tmpdir(), 'draftaudit-editions-'));
  const result = await audit(names.map(fixturePath), resolveConfig(config), { cwd: ROOT, outputDir: out, workers: 0, now: () => new Date(0) });
  writeArticles(out, result);
  return { result, out };
}

const outputFile = (result: AuditResult, out: string, file: string): string => readFileSync(path.join(out, path.basename(file)), 'utf8');

// Fresh modules for this test: `npm run test:fast` shares loaded modules between test files,
// and another file may have read the dictionary already.
describe('a batch without Chinese', () => {
  it('neither offers nor loads the bilingual dictionary', async () => {
    const { stats } = buildCorpusWithStats(['002', '003', '004'].map((p) => sampleDoc(p)), resolveConfig());
    expect(stats.bilingual).toBe(false);
    vi.resetModules();
    const fresh = {
      audit: (await import('../src/audit.js')).audit,
      bilingual: await import('../src/corpus/bilingual.js'),
      config: await import('../src/config.js'),
    };
    expect(fresh.bilingual.glossaryLoaded()).toBe(false);
    const out = mkdtempSync(path.join(tmpdir(), 'draftaudit-editions-'));
    await fresh.audit([fixturePath('zinc-en.txt')], fresh.config.resolveConfig(), { cwd: ROOT, outputDir: out, workers: 0, now: () => new Date(0) });
    expect(fresh.bilingual.glossaryLoaded()).toBe(false);
    // The same audit of a bilingual pair does load it: the flag can tell.
    await fresh.audit(['zinc-en.txt', 'zinc-zh.txt'].map(fixturePath), fresh.config.resolveConfig(), { cwd: ROOT, outputDir: out, workers: 0, now: () => new Date(0) });
    expect(fresh.bilingual.glossaryLoaded()).toBe(true);
  });
});

describe('an article and its complete translation', () => {
  it('form one cluster with two editions, English primary, each with its own output', async () => {
    const { result, out } = await run(['zinc-en.txt', 'zinc-zh.txt']);
    expect(result.clusters).toHaveLength(1);
    const [cluster] = result.clusters;
    expect(cluster!.canonical).toBe(fixturePath('zinc-en.txt'));
    expect(cluster!.editions!.map((e) => [e.language, e.canonical, path.basename(e.output), e.members])).toEqual([
      ['eng', fixturePath('zinc-en.txt'), 'zinc-lozenges-and-the-common-cold.md', [fixturePath('zinc-en.txt')]],
      ['cmn', fixturePath('zinc-zh.txt'), 'zinc-lozenges-and-the-common-cold.zh.md', [fixturePath('zinc-zh.txt')]],
    ]);
    // `output` keeps naming the primary edition (schemaVersion 1 readers).
    expect(cluster!.output).toBe(cluster!.editions![0]!.output);
    const english = outputFile(result, out, cluster!.editions![0]!.output);
    const chinese = outputFile(result, out, cluster!.editions![1]!.output);
    expect(HAN.test(body(english))).toBe(false);
    expect(body(chinese)).toContain('锌是一种微量矿物质');
    expect(chinese).not.toContain('untranslated');
    expect(result.documents.map((d) => [d.path, 'edition' in d ? d.edition : undefined])).toEqual([
      [fixturePath('zinc-en.txt'), 'eng'],
      [fixturePath('zinc-zh.txt'), 'cmn'],
    ]);
  });

  it('reports no foreign text and no duplicate, but the period the translation changed', async () => {
    const { result } = await run(['zinc-en.txt', 'zinc-zh.txt']);
    expect(result.findings.filter((f) => f.ruleId.startsWith('lang/') || f.ruleId === 'dup/near-duplicate')).toEqual([]);
    const mismatch = result.findings.filter((f) => f.ruleId === 'dose/variant-mismatch');
    expect(mismatch.map((f) => [f.path, f.span.start.line, f.data?.differs, f.data?.period, f.data?.canonicalPeriod, f.fixed])).toEqual([
      [fixturePath('zinc-zh.txt'), 13, ['period'], 'week', 'day', false],
    ]);
  });

  it('reports a citation the translation changed, as between versions', async () => {
    const zh = fixtureText('zinc-zh.txt').replace('嗅觉丧失有关( 5 )', '嗅觉丧失有关( 2 )');
    const result = await audit([fixturePath('zinc-en.txt')], resolveConfig(), {
      cwd: ROOT,
      outputDir: mkdtempSync(path.join(tmpdir(), 'draftaudit-editions-')),
      workers: 0,
      texts: [{ path: fixturePath('zinc-zh-cited.txt'), text: zh }],
    });
    expect(result.clusters[0]!.editions!.map((e) => e.language)).toEqual(['eng', 'cmn']);
    const cites = result.findings.filter((f) => f.ruleId === 'cite/variant-mismatch');
    expect(cites.map((f) => [f.path, f.span.start.line, f.data?.markers, f.data?.canonicalMarkers])).toEqual([[fixturePath('zinc-zh-cited.txt'), 19, [2], [5]]]);
  });

  it.each([
    { name: 'default: the languages drafts are wholly written in', config: {}, editions: ['eng', 'cmn'], foreign: 0 },
    { name: '`languages` naming both', config: { languages: ['eng', 'cmn'] }, editions: ['eng', 'cmn'], foreign: 0 },
    { name: '`languages` naming both, `language` beside it', config: { languages: ['eng', 'cmn'], language: 'eng' }, editions: ['eng', 'cmn'], foreign: 0 },
    // The one-language shortcut: the translation is then a corrupted copy, its blocks foreign.
    { name: '`language` alone', config: { language: 'eng' }, editions: ['eng'], foreign: 13 },
    { name: '`languages` with one', config: { languages: ['eng'] }, editions: ['eng'], foreign: 13 },
  ])('$name → editions $editions', async ({ config, editions, foreign }) => {
    const { result } = await run(['zinc-en.txt', 'zinc-zh.txt'], config);
    expect(result.clusters[0]!.editions!.map((e) => e.language)).toEqual(editions);
    expect(result.findings.filter((f) => f.ruleId === 'lang/foreign-block' && f.path.endsWith('zinc-zh.txt'))).toHaveLength(foreign);
  });

  it('finds the translation through its alignment when the reference lists share nothing either', async () => {
    // The Chinese version with its reference list translated too: no shared words at all.
    const zh = fixtureText('zinc-zh.txt').replace(/^(\d)\. .*?(https:\S+)$/gm, '$1. 第$1篇文献的中文标题。$2');
    expect(zh).not.toMatch(/Lung Health|Family Practice/);
    const docs = [fixtureDoc('zinc-en.txt'), docFromText(zh, 'txt', 'zh-all.txt'), sampleDoc('003'), sampleDoc('004')];
    const { clusters, stats } = buildCorpusWithStats(docs, resolveConfig());
    expect(stats.bilingual).toBe(true);
    expect(clusters.map((c) => [c.canonical, ...c.members.map((m) => m.path)].sort())).toContainEqual([fixturePath('zinc-en.txt'), 'zh-all.txt']);
  });
});

describe('two versions translated in complementary halves', () => {
  it('form one cluster and one English edition rebuilt with every block and no Han character', async () => {
    const { result, out } = await run(['vitamin-d-half-a.txt', 'vitamin-d-half-b.txt']);
    expect(result.clusters).toHaveLength(1);
    const [cluster] = result.clusters;
    expect(cluster!.editions!.map((e) => e.language)).toEqual(['eng']);
    const text = body(outputFile(result, out, cluster!.output));
    expect(text).not.toMatch(HAN);
    expect(text).not.toContain('untranslated');
    // Every English block of either version stands in the article.
    const english = [...fixtureText('vitamin-d-half-a.txt').split('\n\n'), ...fixtureText('vitamin-d-half-b.txt').split('\n\n')]
      .map(squeeze)
      .filter((block) => block !== '' && !HAN.test(block) && !block.startsWith('References') && !/^\d\. /.test(block));
    expect(new Set(english).size).toBe(13);
    for (const block of english) expect(squeeze(text.replace(/\\/g, ''))).toContain(block);
  });

  it('reports the figure that differs, and keeps it open when nothing else settles it', async () => {
    const { result } = await run(['vitamin-d-half-a.txt', 'vitamin-d-half-b.txt']);
    const mismatch = result.findings.filter((f) => f.ruleId === 'dose/variant-mismatch');
    expect(mismatch.map((f) => [f.data?.value, f.data?.canonicalValue, f.data?.differs, f.fixed])).toEqual([['1,000', '2,000', ['value'], false]]);
  });
});

describe('a draft half in Chinese, half in English', () => {
  it('has more Chinese letters than English ones (the premise)', () => {
    expect(fixtureDoc('zinc-mixed.txt').language.primary).toBe('cmn');
  });

  it.each([
    { name: 'beside the English article', drafts: ['zinc-en.txt', 'zinc-mixed.txt'] },
    { name: 'beside the English article and its translation', drafts: ['zinc-en.txt', 'zinc-mixed.txt', 'zinc-zh.txt'] },
  ])('takes the language of its frame and cluster, $name', async ({ drafts }) => {
    const { result } = await run(drafts);
    const mixed = fixturePath('zinc-mixed.txt');
    const entry = result.documents.find((d) => d.path === mixed)!;
    expect(entry).toMatchObject({ primaryLanguage: 'eng', edition: 'eng' });
    expect(result.clusters[0]!.editions![0]!.members).toContain(mixed);
    const lang = result.findings.filter((f) => f.path === mixed && f.ruleId === 'lang/foreign-block');
    // Its nine Chinese blocks are the foreign ones, not its English blocks.
    expect(lang.map((f) => f.data?.lang)).toEqual(Array(9).fill('cmn'));
    expect(lang.map((f) => f.span.start.line)).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19]);
  });

  it('keeps its edition when a small change moves the letter count the other way', async () => {
    // One more Chinese paragraph back in English: the letters now say English; nothing else changes.
    const en = fixtureText('zinc-en.txt').split('\n\n');
    const mixed = fixtureText('zinc-mixed.txt').split('\n\n');
    const edited = [...mixed.slice(0, 8), en[8]!, en[9]!, ...mixed.slice(10)].join('\n\n');
    const docs = [fixtureDoc('zinc-en.txt'), fixtureDoc('zinc-zh.txt')];
    for (const [text, letters] of [
      [fixtureText('zinc-mixed.txt'), 'cmn'],
      [edited, 'eng'],
    ] as const) {
      const doc = docFromText(text, 'txt', 'mixed.txt');
      expect(doc.language.primary).toBe(letters);
      const plan = planEditions([...docs, doc], publicationLanguages([...docs, doc], resolveConfig()));
      expect(plan).toEqual({ languages: ['eng', 'cmn', 'eng'], order: ['eng', 'cmn'] });
    }
  });
});

describe('publication languages', () => {
  it.each([
    { name: 'the samples: English only (000 and 001 are mixed)', docs: () => ['000', '001', '002', '003'].map((p) => sampleDoc(p)), config: {}, expected: ['eng'] },
    { name: 'an English and a Chinese article', docs: () => [fixtureDoc('zinc-en.txt'), fixtureDoc('zinc-zh.txt')], config: {}, expected: ['cmn', 'eng'] },
    { name: 'config order', docs: () => [fixtureDoc('zinc-en.txt')], config: { languages: ['eng', 'cmn'] }, expected: ['eng', 'cmn'] },
    { name: '`language` alone', docs: () => [fixtureDoc('zinc-en.txt'), fixtureDoc('zinc-zh.txt')], config: { language: 'eng' }, expected: ['eng'] },
  ])('$name', ({ docs, config, expected }) => {
    expect(publicationLanguages(docs(), resolveConfig(config))).toEqual(expected);
  });
});

describe('the bilingual dictionary', () => {
  const en = fixtureText('zinc-en.txt').split('\n\n');
  const zh = fixtureText('zinc-zh.txt').split('\n\n');
  const score = (a: string, b: string): number => dictionaryOverlap(glossary().glossesOf(a), englishStems(tokenize(b).words)).s;
  it.each([
    { zh: zh[2]!, en: en[2]!, translation: true },
    { zh: zh[5]!, en: en[5]!, translation: true },
    { zh: zh[11]!, en: en[11]!, translation: true },
    { zh: zh[2]!, en: en[11]!, translation: false },
    { zh: zh[10]!, en: en[5]!, translation: false },
    { zh: zh[12]!, en: en[2]!, translation: false },
  ])('word by word: $zh ↔ $en', ({ zh: a, en: b, translation }) => {
    if (translation) expect(score(a, b)).toBeGreaterThanOrEqual(0.4);
    else expect(score(a, b)).toBeLessThan(0.25);
  });

  it('reads a translation in traditional characters as it reads the simplified one', () => {
    const stems = (text: string): string[] => [...glossary().glossesOf(text).stems].sort();
    expect(stems('常被叫做陽光維生素，因為皮膚曬太陽時會自己合成。')).toEqual(stems('常被叫做阳光维生素，因为皮肤晒太阳时会自己合成。'));
    expect(score('鋅含片能縮短感冒的病程。', 'Zinc lozenges can shorten the course of a cold.')).toBeGreaterThanOrEqual(0.4);
  });
});

it('writes nothing for an edition twice: outputs are one per edition', async () => {
  const { result, out } = await run(['zinc-en.txt', 'zinc-zh.txt', 'zinc-mixed.txt']);
  expect(result.outputs.map((o) => o.file).sort()).toEqual(['zinc-lozenges-and-the-common-cold.md', 'zinc-lozenges-and-the-common-cold.zh.md']);
  for (const o of result.outputs) expect(existsSync(path.join(out, o.file))).toBe(true);
});

describe('the source edition when nothing else tells', () => {
  // Two complete editions, one version each, no reference list: the translation is the one
  // that quotes the other language's terms as glosses.
  const en = '# Zinc lozenges and colds\n\nLozenges that release zinc acetate may shorten a cold by about a third.\n\nTake one every two to three hours while awake, for no more than five days.\n';
  const zh = '# 锌含片与感冒\n\n释放醋酸锌（zinc acetate）的含片可使感冒病程缩短约三分之一。\n\n清醒时每两到三小时含一片（lozenge），最多服用五天。\n';
  it.each([
    { name: 'the Chinese edition glosses English terms: English is the source', drafts: [['zinc.md', en], ['zinc.zh.md', zh]], expected: ['eng', 'cmn'] },
    {
      name: 'the English edition glosses Chinese terms: Chinese is the source',
      drafts: [
        ['zinc.md', en.replace('zinc acetate', 'zinc acetate (醋酸锌)').replace('every two', 'every two (每两)')],
        ['zinc.zh.md', zh.replace('（zinc acetate）', '').replace('（lozenge）', '')],
      ],
      expected: ['cmn', 'eng'],
    },
  ])('$name', ({ drafts, expected }) => {
    const docs = drafts.map(([file, text]) => docFromText(text!, 'md', file));
    expect(planEditions(docs, ['cmn', 'eng']).order).toEqual(expected);
  });
});
