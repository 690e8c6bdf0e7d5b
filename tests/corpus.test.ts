/**
 * The corpus stage: which drafts are versions of one article, which version is canonical,
 * and what the similarity between versions is. Samples: 000 (truncated, half Chinese) and
 * 001 (half Chinese, "Summary:" lines) are versions of 002; 003 and 004 are other articles
 * on the same subject.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BUCKET, buildCorpus, buildCorpusWithStats, clusterId, compareFingerprints, fingerprint } from '../src/corpus/index.js';
import { chooseCanonical, clusterLanguage, scoreCandidates } from '../src/corpus/canonical.js';
import { FingerprintComparer, MIN_CONTAINMENT } from '../src/corpus/similarity.js';
import { DEFAULT_SIMILARITY_THRESHOLD, resolveConfig } from '../src/config.js';
import type { Cluster, Document } from '../src/types.js';
import { ROOT, docFromText, sampleDoc, samplePath } from './helpers.js';
import { reorderSections, sections, tailFrom, truncateTo } from './fixtures/corpus/variants.js';
import { TABLE_001 } from './fixtures/corpus/tables.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/corpus');
const config = resolveConfig();

function fixture(name: string): Document {
  return docFromText(readFileSync(path.join(FIXTURES, name), 'utf8'), 'txt', `tests/fixtures/corpus/${name}`);
}

function sampleText(prefix: string): string {
  return readFileSync(path.join(ROOT, samplePath(prefix)), 'utf8');
}

/** Clusters as sorted lists of file names (canonical first), for readable expectations. */
function shape(clusters: Cluster[]): string[][] {
  return clusters.map((c) => [c.canonical, ...c.members.map((m) => m.path)].map((p) => path.basename(p)));
}

function similarity(a: Document, b: Document): number {
  return compareFingerprints(fingerprint(a), fingerprint(b)).similarity;
}

describe('clusters of the samples', () => {
  let docs: Document[];
  let clusters: Cluster[];
  beforeAll(() => {
    docs = ['000', '001', '002', '003', '004'].map((p) => sampleDoc(p));
    clusters = buildCorpus(docs, config);
  });

  it('groups {000, 001, 002} with canonical 002, and leaves 003 and 004 alone', () => {
    expect(shape(clusters)).toEqual([
      ['002_42ea68e9ece25881.txt', '000_c1c503f43d10bcaf.txt', '001_713767e36240d97a.txt'],
      ['003_a640f6bfd24ca5b0.txt'],
      ['004_307dc8e4a5a6fb04.txt'],
    ]);
  });

  it('gives each member its similarity to the canonical, and an alignment and a diff', () => {
    const [c] = clusters;
    expect(c!.members.map((m) => m.path)).toEqual([samplePath('000'), samplePath('001')]);
    for (const m of c!.members) expect(m.similarity).toBeGreaterThan(0.9);
    expect(c!.alignments.map((a) => [a.path, a.similarity])).toEqual(c!.members.map((m) => [m.path, m.similarity]));
    expect(c!.diffs.map((d) => d.path)).toEqual(c!.members.map((m) => m.path));
    expect(clusters[1]).toMatchObject({ members: [], alignments: [], diffs: [] });
  });

  it.each([
    // measured values, rounded down: versions score above 0.9, other articles below 0.06
    { a: '000', b: '001', min: 0.99, max: 1 },
    { a: '000', b: '002', min: 0.95, max: 1 },
    { a: '001', b: '002', min: 0.94, max: 1 },
    { a: '000', b: '003', min: 0, max: 0.06 },
    { a: '001', b: '004', min: 0, max: 0.06 },
    { a: '002', b: '003', min: 0, max: 0.06 },
    { a: '002', b: '004', min: 0, max: 0.06 },
    { a: '003', b: '004', min: 0, max: 0.06 },
  ])('similarity($a, $b) is in [$min, $max]', ({ a, b, min, max }) => {
    const s = similarity(sampleDoc(a), sampleDoc(b));
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThanOrEqual(max);
    expect(similarity(sampleDoc(b), sampleDoc(a))).toBeCloseTo(s, 12);
  });

  it('derives cluster ids from content: the same for any input order, different for other members', () => {
    const orders = [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
    ];
    const runs = orders.map((o) => buildCorpus(o.map((i) => docs[i]!), config));
    for (const run of runs) expect(run).toEqual(clusters);
    expect(new Set(clusters.map((c) => c.id)).size).toBe(3);
    for (const c of clusters) expect(c.id).toMatch(/^c-[0-9a-f]{12}$/);
    expect(clusters[0]!.id).toBe(clusterId(docs.slice(0, 3)));
  });

  it('keeps the id when a file is renamed, changes it when a member changes', () => {
    const renamed = docFromText(sampleText('001'), 'txt', 'input/renamed.txt');
    const again = buildCorpus([docs[0]!, renamed, docs[2]!], config);
    expect(again[0]!.id).toBe(clusters[0]!.id);
    const edited = docFromText(`${sampleText('001')}\nOne more line.\n`, 'txt', samplePath('001'));
    expect(buildCorpus([docs[0]!, edited, docs[2]!], config)[0]!.id).not.toBe(clusters[0]!.id);
  });

  it('uses config.similarityThreshold: at 0.99 only 000 and 001 stay together', () => {
    expect(DEFAULT_SIMILARITY_THRESHOLD).toBe(0.5);
    const strict = buildCorpus(docs, resolveConfig({ similarityThreshold: 0.99 }));
    // 000 is 001 without some of its Chinese paragraphs: the same English, a larger share of it.
    expect(shape(strict)).toEqual([
      ['000_c1c503f43d10bcaf.txt', '001_713767e36240d97a.txt'],
      ['002_42ea68e9ece25881.txt'],
      ['003_a640f6bfd24ca5b0.txt'],
      ['004_307dc8e4a5a6fb04.txt'],
    ]);
  });

  it('makes singletons of an empty list and of documents without text', () => {
    expect(buildCorpus([], config)).toEqual([]);
    const empty = [docFromText('', 'txt', 'a.txt'), docFromText('\n\n', 'txt', 'b.txt')];
    expect(shape(buildCorpus(empty, config))).toEqual([['a.txt'], ['b.txt']]);
  });
});

describe('canonical choice', () => {
  it('prefers the complete English version with references over the translated and truncated ones', () => {
    const docs = ['000', '001', '002'].map((p) => sampleDoc(p));
    const scores = scoreCandidates(docs, 'eng');
    expect(scores.map((s) => [path.basename(s.path).slice(0, 3), s.hasReferences])).toEqual([
      ['000', false],
      ['001', false],
      ['002', true],
    ]);
    expect(scores[2]!.primaryShare).toBe(1);
    expect(scores[0]!.primaryShare).toBeLessThan(0.9);
    expect(scores[1]!.primaryShare).toBeLessThan(0.7);
    expect(scores[2]!.coverage).toBeGreaterThan(scores[0]!.coverage);
    expect(scores[2]!.coverage).toBeGreaterThan(scores[1]!.coverage);
    expect(chooseCanonical(docs, 'eng')).toBe(2);
  });

  it('breaks a tie by path, whatever the input order', () => {
    const text = sampleText('002');
    const a = docFromText(text, 'txt', 'b/copy.txt');
    const b = docFromText(text, 'txt', 'a/copy.txt');
    expect(buildCorpus([a, b], config)[0]!.canonical).toBe('a/copy.txt');
    expect(buildCorpus([b, a], config)[0]!.canonical).toBe('a/copy.txt');
  });

  it('takes the language most of the cluster is written in, or the configured one', () => {
    const docs = ['000', '001', '002'].map((p) => sampleDoc(p));
    expect(clusterLanguage(docs)).toBe('eng');
    expect(clusterLanguage(docs, 'cmn')).toBe('cmn');
    expect(clusterLanguage([sampleDoc('002'), docFromText('镁是地球上最常见的矿物之一( 1 ).\n', 'txt', 'zh.txt')])).toBe('eng');
  });
});

describe('versions that must join their cluster', () => {
  const t002 = sampleText('002');
  const t001 = sampleText('001');
  // 002's sections: 0 title, 1 intro, 2–9 topics, 10 "References:", 11 the URLs.
  it.each([
    { name: 'sections shuffled', text: () => reorderSections(t002, [0, 1, 8, 3, 6, 2, 7, 5, 4, 9, 10, 11]) },
    { name: 'first half', text: () => truncateTo(t002, 0.5) },
    { name: 'first 30%', text: () => truncateTo(t002, 0.3) },
    { name: 'first 15%', text: () => truncateTo(t002, 0.15) },
    { name: 'first 10% (7 lines)', text: () => truncateTo(t002, 0.1) },
    { name: 'last 25%', text: () => tailFrom(t002, 0.75) },
    { name: '001 cut to its first 25% (half Chinese and truncated)', text: () => truncateTo(t001, 0.25) },
    { name: '001 cut to its second half', text: () => tailFrom(t001, 0.5) },
    {
      name: 'only the Chinese lines of 001 (nothing but anchors in common)',
      text: () =>
        t001
          .split('\n')
          .filter((l) => (l.match(/\p{Script=Han}/gu)?.length ?? 0) * 2 > (l.match(/[A-Za-z]/g)?.length ?? 0))
          .join('\n\n'),
    },
  ])('$name', ({ text }) => {
    const version = docFromText(text(), 'txt', 'input/version.txt');
    const docs = [version, sampleDoc('002'), sampleDoc('003'), sampleDoc('004')];
    const clusters = buildCorpus(docs, config);
    expect(shape(clusters)).toEqual([
      ['002_42ea68e9ece25881.txt', 'version.txt'],
      ['003_a640f6bfd24ca5b0.txt'],
      ['004_307dc8e4a5a6fb04.txt'],
    ]);
    expect(clusters[0]!.members[0]!.similarity).toBeGreaterThanOrEqual(0.6);
    // Most of the version is held by 002: the containment floor keeps a margin.
    expect(compareFingerprints(fingerprint(version), fingerprint(sampleDoc('002'))).containment).toBeGreaterThanOrEqual(MIN_CONTAINMENT + 0.1);
  });
});

describe('versions translated in complementary halves', () => {
  // 33 passages of the article, each in English (002) and in Chinese (001).
  const en = sampleText('002').split('\n');
  const zh = sampleText('001').split('\n');
  const passages = TABLE_001.map(([zhLine, enLine]) => ({ zh: zh[zhLine - 1]!, en: en[enLine - 1]! }));
  const half = Math.floor(passages.length / 2);
  const version = (englishFirst: boolean): string =>
    passages.map((p, i) => ((i < half) === englishFirst ? p.en : p.zh)).join('\n\n');

  it('join although they share little text in either language, through their block alignment', () => {
    const a = docFromText(version(true), 'txt', 'input/english-first.txt');
    const b = docFromText(version(false), 'txt', 'input/chinese-first.txt');
    // The shingle sets alone stay below the threshold …
    expect(similarity(a, b)).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD);
    // … the alignment pairs each passage with its translation.
    const { clusters, stats } = buildCorpusWithStats([a, b, sampleDoc('003'), sampleDoc('004')], config);
    expect(shape(clusters)).toEqual([['003_a640f6bfd24ca5b0.txt'], ['004_307dc8e4a5a6fb04.txt'], ['chinese-first.txt', 'english-first.txt']]);
    expect(stats.aligned).toBeGreaterThanOrEqual(1);
    expect(clusters[2]!.members[0]!.similarity).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_THRESHOLD);
    const pairs = clusters[2]!.alignments[0]!.pairs.filter((p) => p.member !== null && p.canonical !== null);
    expect(pairs.filter((p) => p.member === p.canonical).length).toBeGreaterThanOrEqual(passages.length - 2);
  });
});

describe('different articles that must stay apart', () => {
  it.each([
    {
      name: 'two articles on magnesium sharing 44% of their vocabulary (Jaccard of word sets)',
      a: 'cramps.txt',
      b: 'pressure-same-writer.txt',
      vocabulary: 0.4,
    },
    {
      name: 'two articles on magnesium sharing 41% of the smaller vocabulary',
      a: 'cramps.txt',
      b: 'pressure.txt',
      vocabulary: 0.2,
    },
  ])('$name', ({ a, b, vocabulary }) => {
    const da = fixture(a);
    const db = fixture(b);
    const words = (d: Document): Set<string> =>
      new Set(d.blocks.filter((x) => x.kind !== 'reference').flatMap((x) => x.text.toLowerCase().match(/[a-z]+/g) ?? []));
    const wa = words(da);
    const wb = words(db);
    const shared = [...wa].filter((w) => wb.has(w)).length;
    // The premise: the two really share that much vocabulary.
    expect(shared / (wa.size + wb.size - shared)).toBeGreaterThanOrEqual(vocabulary);
    expect(shared / Math.min(wa.size, wb.size)).toBeGreaterThanOrEqual(0.4);
    expect(similarity(da, db)).toBeLessThan(0.25);
    expect(shape(buildCorpus([da, db], config))).toEqual([[a], [b]].sort());
  });

  it('the closest call: an article copied from another\'s template with its subject swapped', () => {
    // Same outline and sentence frames, five sentences word for word: still another article.
    const s = similarity(fixture('cramps.txt'), fixture('pressure-template.txt'));
    expect(s).toBeGreaterThan(0.4);
    expect(s).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD);
  });

  it('two short, different articles ending with the same sentence of advice', () => {
    const a = fixture('short-vitamin-d.txt');
    const b = fixture('short-calcium.txt');
    const s = compareFingerprints(fingerprint(a), fingerprint(b));
    // The premise: the shared sentence is most of each short draft, enough for the blend alone …
    expect(s.similarity).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_THRESHOLD);
    // … but not most of the smaller one: two articles, not two versions.
    expect(s.containment).toBeLessThan(MIN_CONTAINMENT);
    expect(shape(buildCorpus([a, b], config))).toEqual([['short-calcium.txt'], ['short-vitamin-d.txt']]);
  });

  it('a Chinese article quoting one English paragraph of 002 joins none of the samples', () => {
    const quoting = fixture('quoting-zh.txt');
    expect(quoting.blocks.some((b) => b.text.startsWith('Magnesium is one of the most common minerals'))).toBe(true);
    for (const p of ['000', '001', '002']) expect(similarity(quoting, sampleDoc(p))).toBeLessThan(0.25);
    const clusters = buildCorpus([quoting, ...['000', '001', '002'].map((p) => sampleDoc(p))], config);
    expect(clusters.find((c) => c.canonical === quoting.path)).toMatchObject({ members: [] });
  });
});

describe('candidate generation', () => {
  it(`keeps a family larger than an LSH bucket (${MAX_BUCKET}) together`, () => {
    const original = sampleDoc('002');
    const copies = Array.from({ length: MAX_BUCKET + 20 }, (_, i) => ({ ...original, path: `copies/${String(i).padStart(3, '0')}.txt` }));
    const { clusters, stats } = buildCorpusWithStats([...copies, sampleDoc('003')], config);
    expect(stats.oversizedBuckets).toBeGreaterThan(0);
    expect(clusters.map((c) => c.members.length + 1)).toEqual([copies.length, 1]);
    expect(stats.candidates).toBeLessThan(copies.length * 200);
  });

  it('compares only LSH candidates, not every pair', () => {
    // 40 unrelated drafts: the 3 sample versions of 002, 003, 004 and 35 articles of random words.
    let seed = 7;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const syllables = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu'.split(' ');
    const word = (): string => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    const article = (): string =>
      Array.from({ length: 20 }, () => `${Array.from({ length: 12 }, word).join(' ')} ( ${1 + Math.floor(random() * 30)} ).`).join('\n');
    const docs = [
      ...['000', '001', '002', '003', '004'].map((p) => sampleDoc(p)),
      ...Array.from({ length: 35 }, (_, i) => docFromText(article(), 'txt', `gen/${String(i).padStart(2, '0')}.txt`)),
    ];
    const { clusters, stats } = buildCorpusWithStats(docs, config);
    expect(clusters).toHaveLength(38);
    const allPairs = (docs.length * (docs.length - 1)) / 2;
    expect(stats.candidates).toBeLessThan(allPairs / 20);
    // 000–002 and 001–002 (or 000–001): the third pair is already connected and not checked.
    expect(stats.verified).toBe(2);
  });
});

describe('pair verification', () => {
  it('gives, through the bit filter of FingerprintComparer, exactly what compareFingerprints gives', () => {
    // Versions (merged in full), other articles (filtered), an empty draft, and each draft with itself.
    const docs = [
      ...['000', '001', '002', '003', '004'].map((p) => sampleDoc(p)),
      docFromText(truncateTo(sampleText('002'), 0.3), 'txt', 'truncated.txt'),
      docFromText(reorderSections(sampleText('003'), sections(sampleText('003')).map((_, i) => i).reverse()), 'txt', 'reversed.txt'),
      docFromText('', 'txt', 'empty.txt'),
    ];
    const fps = docs.map((d) => fingerprint(d));
    const comparer = new FingerprintComparer();
    for (const a of fps) for (const b of fps) expect(comparer.compare(a, b)).toEqual(compareFingerprints(a, b));
    // Out of order too: the filter is rebuilt whenever the first draft changes.
    for (const b of fps) for (const a of fps) expect(comparer.compare(a, b)).toEqual(compareFingerprints(a, b));
  });

  it.each([0.05, 0.3, DEFAULT_SIMILARITY_THRESHOLD, 0.9])('rules out through the filter only pairs below the threshold (%s)', (threshold) => {
    const fps = ['000', '001', '002', '003', '004'].map((p) => fingerprint(sampleDoc(p)));
    const comparer = new FingerprintComparer();
    for (const a of fps) {
      for (const b of fps) {
        if (!comparer.mayReach(a, b, threshold)) expect(compareFingerprints(a, b).similarity).toBeLessThan(threshold);
      }
    }
    // Two different articles on one subject are ruled out without counting what they share.
    expect(comparer.mayReach(fps[2]!, fps[3]!, DEFAULT_SIMILARITY_THRESHOLD)).toBe(false);
  });
});
