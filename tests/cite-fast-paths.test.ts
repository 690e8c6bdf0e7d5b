/**
 * The shortcuts of citation extraction and cite/uncited-claim: the cue-word check that
 * skips paragraphs and sentences, the opener check that skips marker regexes, kept ranges
 * in the sentence split, and the one tree walk shared by links and the reference list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citations, scanMarkers } from '../src/cite/index.js';
import { mayHoldCue, researchCue } from '../src/cite/claims.js';
import { sentences } from '../src/sentences.js';
import { uncitedClaim } from '../src/rules/cite/uncited-claim.js';
import { resolveConfig } from '../src/config.js';
import { docFromText } from './helpers.js';

const PIECES = [
  'Studies show', 'studies in mice have shown', 'A 2016 study found', 'researchers found', 'Scientists took',
  'In one study', 'in a recent large trial', 'clinical trials', 'these clinical trials', 'the CARDIA study',
  "the Nurses' Health Study", 'according to research', "there's good evidence that", 'results have been replicated',
  'has been shown to', 'data suggest', 'meta-analyses indicate', 'no studies have shown', "let's take a look at",
  '研究表明', '研究所发现', '一项研究', '临床试验', '調查顯示', '科學家們發現', '已被广泛证明', '报告中显示', '尚无研究证实', 'ſtudies ſhow', 'DATA', 'magnesium', 'sleep', 'that',
  'helps', ' ', ', ', '. ', '? ', '。', '-', '’',
];
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
    maxLength: 14,
  })
  .map((parts) => parts.join(' '));

describe('cue words', () => {
  it('finds no cue word in prose that reports no research', () => {
    expect(mayHoldCue('Magnesium helps you sleep. Take it with food.')).toBe(false);
    expect(mayHoldCue('镁有助于睡眠。')).toBe(false);
    expect(researchCue('Magnesium helps you sleep.')).toBeUndefined();
  });

  it('folds case as the cues do', () => {
    expect(mayHoldCue('ſtudies ſhow it')).toBe(true);
    expect(researchCue('Some ſtudies ſhow that it helps.')?.text).toBe('ſtudies ſhow');
    expect(researchCue('DATA SUGGEST it helps.')?.text).toBe('DATA SUGGEST');
  });

  it('holds a cue word wherever a sentence holds a cue', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (researchCue(t) !== undefined) expect(mayHoldCue(t)).toBe(true);
        if (!mayHoldCue(t)) for (const r of sentences(t)) expect(researchCue(t.slice(r.start, r.end))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('reports a claim in a paragraph only when it holds a cue word', () => {
    const config = resolveConfig();
    const doc = docFromText('Title\n\nMagnesium helps you sleep.\n\nSome studies suggest that it helps.\n\nIt is cheap.\n');
    const found = uncitedClaim.check(doc, { config });
    expect(Array.isArray(found) ? found.map((f) => f.data?.cue) : found).toEqual(['studies suggest']);
  });
});

describe('marker openers', () => {
  it.each([
    ['sleep【1】 and rest', '【1】'],
    ['sleep［2］ and rest', '［2］'],
    ['sleep（3）。', '（3）'],
    ['sleep<SUP>4</SUP> and rest', '<SUP>4</SUP>'],
    ['sleep⁵ and rest', '⁵'],
    ['sleep [citation needed] here', '[citation needed]'],
  ])('finds the only marker of "%s"', (t, marker) => {
    expect(scanMarkers(t).map((m) => m.text)).toEqual([marker]);
  });

  it('finds nothing without an opening character, links aside', () => {
    expect(scanMarkers('Magnesium helps sleep 1, 2, 3.')).toEqual([]);
    const found = scanMarkers('see 1 here', [{ url: 'https://a.org/x', start: 4, end: 5, offset: 4, endOffset: 20 }]);
    expect(found.map((m) => [m.kind, m.text, m.url])).toEqual([['numeric', '1', 'https://a.org/x']]);
  });
});

describe('sentences with kept ranges', () => {
  it('does not cut inside a kept range and keeps one starting after the stop', () => {
    const t = 'See e.x. Smith. Then [a. b] ok. Next one.';
    const keep = [
      { start: 21, end: 27 },
      { start: 4, end: 8 },
    ];
    expect(sentences(t, keep).map((r) => t.slice(r.start, r.end))).toEqual(['See e.x. Smith.', 'Then [a. b] ok.', 'Next one.']);
    const u = 'It helps.(1) Then more.';
    expect(sentences(u, [{ start: 9, end: 12 }]).map((r) => u.slice(r.start, r.end))).toEqual(['It helps.(1)', 'Then more.']);
  });
});

describe('one tree walk for links and list numbers', () => {
  it('numbers ordered-list entries and finds links in nested lists', () => {
    const md = '# T\n\nSleep [2] and [here](https://c.org/x).\n\nReferences:\n\n3. A https://a.org/1\n4. B [site](https://b.org/2)\n   1. nested https://n.org/3\n';
    const found = citations(docFromText(md, 'md'));
    expect(found.entries.map((e) => e.number)).toEqual([3, 4, 1]);
    expect(found.entries.flatMap((e) => e.urls.map((u) => u.raw))).toEqual(['https://a.org/1', 'https://b.org/2', 'https://n.org/3']);
    expect(found.markers.map((m) => [m.kind, m.text])).toEqual([
      ['numeric', '[2]'],
      ['link', 'here'],
    ]);
  });
});
