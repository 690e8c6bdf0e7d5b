/** The dose rules, table-driven: valid and invalid texts side by side, then a fixture article. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, docFromText, lineOf } from './helpers.js';
import { resolveConfig } from '../src/config.js';
import { doseRules } from '../src/rules/dose/index.js';
import type { Cluster, ClusterRule, ClusterView, Document, DocumentRule, ResolvedConfig, RuleFinding, Severity } from '../src/types.js';

const documentRules = doseRules.filter((r): r is DocumentRule => r.scope === 'document');
const variantMismatch = doseRules.find((r): r is ClusterRule => r.id === 'dose/variant-mismatch')!;

interface Got {
  ruleId: string;
  line: number;
  severity: Severity;
}

/** The findings of the document rules, with the severity each would get under the default config. */
function run(doc: Document, config: ResolvedConfig = resolveConfig()): Array<Got & { finding: RuleFinding }> {
  return documentRules
    .flatMap((rule) =>
      rule.check(doc, { config }).map((finding) => ({
        ruleId: rule.id,
        line: finding.span.start.line,
        severity: (finding as RuleFinding & { severity?: Severity }).severity ?? rule.meta.defaultSeverity,
        finding,
      })),
    )
    .sort((a, b) => a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1));
}

const strip = (got: Array<Got & { finding: RuleFinding }>): Got[] => got.map(({ ruleId, line, severity }) => ({ ruleId, line, severity }));

describe('dose document rules', () => {
  it('are four rules of the dose family, with metadata', () => {
    expect(doseRules.map((r) => r.id).sort()).toEqual(['dose/above-upper-limit', 'dose/contradiction', 'dose/implausible', 'dose/variant-mismatch']);
    for (const r of doseRules) {
      expect(r.meta.description).not.toBe('');
      expect(r.meta.docs).not.toBe('');
      expect(r.meta.example).not.toBe('');
    }
  });

  it.each([
    ['a recommendation under the UL', 'We recommend taking 300 mg of magnesium daily.'],
    ['a study report above the UL', 'In a trial, participants were given 600 mg of magnesium a day.'],
    ['a limit statement', 'The upper limit for supplemental magnesium is 350 mg per day.'],
    ['an RDA above a supplements-only UL', 'The RDA of magnesium for men is 420 mg a day.'],
    ['a dietary intake above a supplements-only UL', 'The Institute of Medicine suggests a daily dietary intake of 400–420 mg of magnesium for adult men.'],
    ['a weekly prescription', 'Doctors sometimes prescribe 50,000 IU of vitamin D per week.'],
    ['calcium for younger adults under their UL', 'Adults should take 2,200 mg of calcium a day.'],
    ['melatonin at a usual dose', 'Take 2 mg of melatonin before bed.'],
    ['a limit and a food intake', 'The upper limit for supplemental magnesium is 350 mg per day.\n\nThe RDA for men is 420 mg of magnesium.'],
    ['a limit and a recommendation below it', 'Never exceed 350 mg of magnesium from supplements.\n\nWe recommend taking 200 mg of magnesium daily.'],
    ['a limit weighed in the same sentence', 'Do not exceed the upper limit of 350 mg of magnesium unless your doctor says 400 mg of magnesium is right.'],
    ['a figure of something else', 'Magnesium helps.\n\nEat 50 g of protein a day.'],
    ['what a reader may end up taking by combining products', 'If you combine a B-complex with a sleep blend, you could be getting as much as 180 mg of vitamin B6 a day.'],
    ['an amount said to be safe is a limit', 'Up to 10,000 IU of preformed vitamin A a day is considered safe.'],
    ['a section put under a doctor by its heading', '## 确诊缺乏者，需遵医嘱\n\n成年人：每日3000~5000IU维生素D，连续8周。'],
    ['a food portion of seeds', '30克南瓜籽可提供每日所需镁的一半。'],
    ['a dose of harm in Chinese', '孕期禁止大剂量维生素A（大于10000IU有致畸风险）。'],
    ['toxicity tied to a far higher dose', 'Vitamin D toxicity is usually associated with far higher doses (above 10,000 IU daily).'],
    ['what stacked products may add up to', 'If you stack a B-complex and a magnesium blend, you may be consuming as much as 150 mg of vitamin B6 a day.'],
    ['advice given to treat a deficiency', 'Take 60 mg of elemental iron twice a day to treat your iron deficiency.'],
    ['a dose once the diagnosis is confirmed (Chinese)', '如果缺铁性贫血诊断明确，每天应补充元素铁100毫克。'],
    ['a treatment dose named as such (Chinese)', '治疗剂量：通常为每日100-200毫克元素铁。'],
    ['a dose without adverse effects', 'No study reports adverse effects of 10,000 IU of vitamin D a day.'],
    ['a tablet weighed as its salt', 'Take one 300 mg tablet of ferrous sulfate a day (about 60 mg of elemental iron) to treat iron deficiency anaemia.'],
    ['an infant limit and an adult dose', '维生素D可耐受最高摄入量：0–12个月 1000IU。\n\n成年人每天可以补充2000IU维生素D。'],
    ['a dose of harm far above any advice', 'Potassium chloride taken in single doses greater than 18 grams may lead to dangerous potassium levels.'],
  ])('valid: %s', (_name, text) => {
    expect(strip(run(docFromText(text)))).toEqual([]);
  });

  it.each<[string, string, Got[]]>([
    ['a recommendation above the UL', 'We recommend taking 600 mg of magnesium daily.', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    ['vitamin D in IU above the UL', 'Take 10,000 IU of vitamin D every day.', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    [
      'a recommendation above the UL that sends the reader to a doctor',
      'Take 600 mg of magnesium daily, but ask your doctor first.',
      [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'warning' }],
    ],
    ['calcium for older adults above their UL', 'Older adults should take 2,200 mg of calcium a day.', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    [
      'grams for milligrams',
      'Take 5 g of magnesium before bed.',
      [
        { ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' },
        { ruleId: 'dose/implausible', line: 1, severity: 'warning' },
      ],
    ],
    ['too much melatonin', 'Take 30 mg of melatonin each night.', [{ ruleId: 'dose/implausible', line: 1, severity: 'warning' }]],
    [
      'a daily dose of harm still weighed for its digits',
      'Intakes greater than 180 g of potassium a day may cause heart trouble.',
      [{ ruleId: 'dose/implausible', line: 1, severity: 'warning' }],
    ],
    ['a Chinese recommendation above the UL', '建议每天服用600毫克镁。', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    ['a recommendation in traditional characters', '鐵劑每日服用120毫克。', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    ['iron for energy, no deficiency named', 'Take 60 mg of iron a day for more energy.', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    ['a tablet of an iron salt, weighed as iron (not 300 mg of iron)', 'Take one 300 mg tablet of ferrous sulfate every day.', [{ ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' }]],
    [
      'vitamin A in traditional characters, a unit slip',
      '成人每日服用維生素A 50000微克。',
      [
        { ruleId: 'dose/above-upper-limit', line: 1, severity: 'error' },
        { ruleId: 'dose/implausible', line: 1, severity: 'warning' },
      ],
    ],
    [
      'a limit and, elsewhere, more',
      'The upper limit for magnesium is 350 mg per day.\n\nFor sleep, we recommend 500 mg of magnesium daily.',
      [
        { ruleId: 'dose/above-upper-limit', line: 3, severity: 'error' },
        { ruleId: 'dose/contradiction', line: 3, severity: 'error' },
      ],
    ],
    [
      // Two views the article reports, neither its own limit (a real page's pattern, our words).
      'a limit many sources give, and more that a named group recommends',
      'The dose recommended by many sources is no more than 200 mcg of selenium a day.\n\nThe Thyroid Circle recommends 200-600 mcg of selenium a day.',
      [{ ruleId: 'dose/above-upper-limit', line: 3, severity: 'error' }],
    ],
    [
      'a limit of a substance with no UL, and more',
      'Never exceed 5 mg of melatonin.\n\nWe recommend 10 mg of melatonin at bedtime.',
      [{ ruleId: 'dose/contradiction', line: 3, severity: 'error' }],
    ],
  ])('invalid: %s', (_name, text, expected) => {
    expect(strip(run(docFromText(text)))).toEqual(expected);
  });

  it('reports the figures and the source of the limit', () => {
    const [finding] = run(docFromText('Typical adult doses range from 200–400 mg of magnesium daily; talk to a healthcare provider first.'));
    expect(finding!.severity).toBe('warning');
    expect(finding!.finding.data).toEqual({
      substance: 'magnesium',
      value: '200–400',
      unit: 'mg',
      role: 'advice',
      intake: 'supplement',
      limit: 350,
      limitUnit: 'mg',
      limitKind: 'UL',
      jurisdiction: 'us',
      ages: { from: 9 },
      supplementalOnly: true,
      referral: true,
      source: 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
    });
    expect(finding!.finding.message).toBe(
      'Recommends 200–400 mg/d of magnesium from supplements, above the US upper limit for ages 9+ of 350 mg a day from supplements (the sentence refers the reader to a healthcare provider)',
    );
  });

  it('names the line of the limit on a contradiction', () => {
    const text = 'The upper limit for magnesium is 350 mg per day.\n\nSome text.\n\nWe recommend 500 mg of magnesium daily.';
    const contradiction = run(docFromText(text)).find((f) => f.ruleId === 'dose/contradiction')!;
    expect(contradiction.finding.data).toMatchObject({ substance: 'magnesium', value: '500', unit: 'mg', limit: '350', limitLine: 1 });
    expect(contradiction.line).toBe(5);
  });

  it('follows the knowledge base overrides of the config', () => {
    const text = 'The upper limit for magnesium is 350 mg per day.\n\nFor sleep, we recommend 500 mg of magnesium daily.';
    const config = resolveConfig({
      nutrients: { magnesium: { limits: [{ jurisdiction: 'us', kind: 'UL', value: 600, ages: { from: 19 }, appliesTo: 'supplemental', authority: 'a test', source: 'https://example.org/' }] } },
    });
    expect(strip(run(docFromText(text), config))).toEqual([{ ruleId: 'dose/contradiction', line: 3, severity: 'error' }]);
  });

  describe('a fixture article (Markdown)', () => {
    const file = 'tests/fixtures/dose/vitamin-d.md';
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const doc = docFromText(text, 'md', file);
    const EXPECTED = [
      { ruleId: 'dose/above-upper-limit', line: 24, column: 40, severity: 'error', needle: '5,000 IU* of vitamin D every day' },
      { ruleId: 'dose/contradiction', line: 24, column: 40, severity: 'error', needle: '5,000 IU* of vitamin D every day' },
      { ruleId: 'dose/above-upper-limit', line: 26, column: 28, severity: 'warning', needle: '10,000 IU daily' },
      { ruleId: 'dose/contradiction', line: 26, column: 28, severity: 'error', needle: '10,000 IU daily' },
      { ruleId: 'dose/implausible', line: 28, column: 14, severity: 'warning', needle: '5 g of magnesium' },
      { ruleId: 'dose/implausible', line: 30, column: 36, severity: 'warning', needle: '30 mg of melatonin' },
    ];

    it('gives the expected findings at their exact lines and columns', () => {
      const got = run(doc).map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.finding.span.start.column, severity: f.severity }));
      expect(got).toEqual(EXPECTED.map(({ needle: _needle, ...e }) => e));
      for (const e of EXPECTED) expect(lineOf(text, e.needle)).toBe(e.line);
    });

    it('points each finding at the figure in the file', () => {
      for (const f of run(doc)) expect(text.slice(f.finding.span.start.offset, f.finding.span.end.offset)).toMatch(/^\d[\d,]* ?(IU|mg|g)$/);
    });

    it('names the limit line on its contradictions', () => {
      const lines = run(doc)
        .filter((f) => f.ruleId === 'dose/contradiction')
        .map((f) => f.finding.data?.limitLine);
      expect(lines).toEqual([9, 9]);
    });
  });
});

/** A cluster view over hand-made documents, blocks paired by their first line. */
function clusterView(canonical: Document, members: Array<{ doc: Document; pairs: Array<[number, number]> }>): ClusterView {
  const blockAt = (doc: Document, line: number): number => {
    const block = doc.blocks.find((b) => b.position.start.line === line);
    if (!block) throw new Error(`${doc.path}: no block starts on line ${line}`);
    return block.index;
  };
  const cluster: Cluster = {
    id: 'c-test',
    canonical: canonical.path,
    members: members.map((m) => ({ path: m.doc.path, similarity: 0.9 })),
    alignments: members.map((m) => ({
      path: m.doc.path,
      similarity: 0.9,
      pairs: m.pairs.map(([mine, theirs]) => ({ member: blockAt(m.doc, mine), canonical: blockAt(canonical, theirs), score: 0.8 })),
    })),
    diffs: [],
  };
  return { cluster, canonical, members: members.map((m) => m.doc), alignment: (p) => cluster.alignments.find((a) => a.path === p) };
}

describe('dose/variant-mismatch', () => {
  const canonical = docFromText('# Magnesium\n\nTake 350 mg of magnesium per day.\n\nTrials used 225–500 mg.', 'txt', 'a.txt');
  const check = (member: string, pairs: Array<[number, number]> = [[3, 3]]) =>
    variantMismatch.check(clusterView(canonical, [{ doc: docFromText(member, 'txt', 'b.txt'), pairs }]), { config: resolveConfig() });

  it.each<[string, string, string[]]>([
    ['another period', '# 镁\n\n每年服用350毫克镁。', ['period']],
    ['another value', '# 镁\n\n每天服用300毫克镁。', ['value']],
    ['another unit', '# 镁\n\n每天服用350克镁。', ['unit']],
    ['the same amount in grams', '# 镁\n\n每天服用0.35克镁。', []],
    ['the same figure with no period', '# 镁\n\n服用350毫克镁。', []],
    ['each night for daily', '# 镁\n\n每晚服用350毫克镁。', []],
  ])('%s', (_name, member, differs) => {
    const findings = check(member);
    expect(findings.map((f) => f.data?.differs)).toEqual(differs.length ? [differs] : []);
    for (const f of findings) {
      expect(f.path).toBe('b.txt');
      expect(f.span.start.line).toBe(3);
      expect(f.data).toMatchObject({ canonicalPath: 'a.txt', canonicalLine: 3, canonicalValue: '350', canonicalUnit: 'mg', canonicalPeriod: 'day' });
    }
  });

  it('compares only aligned blocks', () => {
    expect(check('# 镁\n\n每年服用350毫克镁。', [])).toEqual([]);
    expect(check('# 镁\n\n每年服用350毫克镁。', [[1, 1]])).toEqual([]);
  });

  it('pairs figures by amount before order', () => {
    const findings = check('# 镁\n\n试验使用225-500毫克。\n\n每年服用350毫克镁。', [
      [3, 5],
      [5, 3],
    ]);
    expect(findings.map((f) => [f.span.start.line, f.data?.differs, f.data?.canonicalLine])).toEqual([[5, ['period'], 3]]);
  });
});
