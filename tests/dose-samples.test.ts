/**
 * The dose rules on the sample drafts in input/: the findings the issue names, at their
 * exact lines, and nothing else. 000 and 001 are machine translations of 002, so the
 * cluster rule runs on a cluster {002 canonical; 000, 001} whose alignment is built here
 * by hand (blocks with the same text, plus the translated blocks that carry doses, paired
 * by line).
 */
import { describe, expect, it } from 'vitest';
import { sampleDoc } from './helpers.js';
import { resolveConfig } from '../src/config.js';
import { extractDoses, loadKnowledgeBase } from '../src/dose/index.js';
import { doseRules } from '../src/rules/dose/index.js';
import type { AlignedPair, Cluster, ClusterRule, ClusterView, Document, DocumentRule, RuleFinding, Severity } from '../src/types.js';

const config = resolveConfig();
const kb = loadKnowledgeBase();
const docs = Object.fromEntries(['000', '001', '002', '003', '004'].map((p) => [p, sampleDoc(p)])) as Record<string, Document>;

/** Translated blocks holding doses: [member line, canonical (002) line]. */
const TRANSLATED: Record<string, Array<[number, number]>> = {
  '000': [
    [90, 59],
    [95, 62],
  ],
  '001': [
    [70, 41],
    [106, 59],
    [112, 62],
    [136, 73],
  ],
};

function alignment(member: Document, canonical: Document, translated: Array<[number, number]>): AlignedPair[] {
  const at = (doc: Document, line: number) => doc.blocks.find((b) => b.position.start.line === line)!.index;
  const pairs: AlignedPair[] = translated.map(([m, c]) => ({ member: at(member, m), canonical: at(canonical, c), score: 0.7 }));
  const used = new Set(pairs.map((p) => p.canonical));
  for (const b of member.blocks) {
    const same = canonical.blocks.find((c) => c.text === b.text && !used.has(c.index));
    if (same) {
      used.add(same.index);
      pairs.push({ member: b.index, canonical: same.index, score: 1 });
    }
  }
  return pairs.sort((a, b) => a.member! - b.member!);
}

function view(): ClusterView {
  const canonical = docs['002']!;
  const members = [docs['000']!, docs['001']!];
  const cluster: Cluster = {
    id: 'c-sleep',
    canonical: canonical.path,
    members: members.map((m) => ({ path: m.path, similarity: 0.8 })),
    alignments: members.map((m) => ({ path: m.path, similarity: 0.8, pairs: alignment(m, canonical, TRANSLATED[m.path.slice(6, 9)]!) })),
    diffs: [],
  };
  return { cluster, canonical, members, alignment: (p) => cluster.alignments.find((a) => a.path === p) };
}

interface Got {
  sample: string;
  ruleId: string;
  line: number;
  severity: Severity;
  finding: RuleFinding;
}

function allFindings(): Got[] {
  const out: Got[] = [];
  const severity = (rule: { meta: { defaultSeverity: Severity } }, f: RuleFinding) => (f as RuleFinding & { severity?: Severity }).severity ?? rule.meta.defaultSeverity;
  for (const [sample, doc] of Object.entries(docs)) {
    for (const rule of doseRules.filter((r): r is DocumentRule => r.scope === 'document')) {
      for (const f of rule.check(doc, { config })) out.push({ sample, ruleId: rule.id, line: f.span.start.line, severity: severity(rule, f), finding: f });
    }
  }
  for (const rule of doseRules.filter((r): r is ClusterRule => r.scope === 'cluster')) {
    for (const f of rule.check(view(), { config })) {
      out.push({ sample: f.path.slice(6, 9), ruleId: rule.id, line: f.span.start.line, severity: severity(rule, f), finding: f });
    }
  }
  return out.sort((a, b) => (a.sample < b.sample ? -1 : a.sample > b.sample ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1)));
}

/**
 * Every dose finding on the samples. 001 line 106 and 000 line 90 say 每年 (per year) where
 * 002 line 59 says "daily": one finding per figure (women's and men's range). 003 line 188
 * recommends 200–400 mg of magnesium for sleep, above the 350 mg supplemental UL, in a
 * sentence that says to talk to a healthcare provider first: a warning.
 */
const EXPECTED = [
  { sample: '000', ruleId: 'dose/variant-mismatch', line: 90, severity: 'error', figure: '310-360毫克', canonicalLine: 59 },
  { sample: '000', ruleId: 'dose/variant-mismatch', line: 90, severity: 'error', figure: '400-420毫克', canonicalLine: 59 },
  { sample: '001', ruleId: 'dose/variant-mismatch', line: 106, severity: 'error', figure: '310-360毫克', canonicalLine: 59 },
  { sample: '001', ruleId: 'dose/variant-mismatch', line: 106, severity: 'error', figure: '400-420毫克', canonicalLine: 59 },
  { sample: '003', ruleId: 'dose/above-upper-limit', line: 188, severity: 'warning', figure: '200–400 mg', canonicalLine: undefined },
] as const;

describe('dose rules on the samples', () => {
  const got = allFindings();

  it('give exactly the expected findings, and no other dose finding anywhere', () => {
    expect(got.map(({ sample, ruleId, line, severity }) => ({ sample, ruleId, line, severity }))).toEqual(
      EXPECTED.map(({ sample, ruleId, line, severity }) => ({ sample, ruleId, line, severity })),
    );
  });

  it('point at the figures and carry their data', () => {
    got.forEach((g, i) => {
      const e = EXPECTED[i]!;
      const doc = docs[g.sample]!;
      expect(doc.text.slice(g.finding.span.start.offset, g.finding.span.end.offset)).toBe(e.figure);
      if (e.canonicalLine) {
        expect(g.finding.data).toMatchObject({ period: 'year', canonicalPeriod: 'day', differs: ['period'], canonicalLine: e.canonicalLine, canonicalPath: docs['002']!.path });
      }
    });
    expect(got[4]!.finding.data).toMatchObject({ substance: 'magnesium', value: '200–400', unit: 'mg', limit: 350, referral: true });
  });

  it('read 002 as the issue does', () => {
    const table = extractDoses(docs['002']!, kb).map((d) => [d.span.start.line, d.text, d.substance, d.role, d.period ?? null, d.population ?? null]);
    expect(table).toEqual([
      [41, '500 mg', 'magnesium', 'report', null, 'older adults'],
      [43, '225 mg', 'magnesium', 'report', null, 'older adults'],
      [43, '5 mg', 'melatonin', 'report', null, 'older adults'],
      [43, '11.25 mg', 'zinc', 'report', null, 'older adults'],
      [59, '310–360 mg', 'magnesium', 'intake', 'day', 'women'],
      [59, '400–420 mg', 'magnesium', 'intake', 'day', 'men'],
      [62, '225–500 mg', 'magnesium', 'report', null, null],
      [62, '350 mg', 'magnesium', 'limit', 'day', null],
      [69, '350 mg', 'magnesium', 'limit', 'day', null],
      [73, '350 mg', 'magnesium', 'limit', 'day', null],
    ]);
  });

  it('read 004 as the issue does: a bedtime recommendation and a study report', () => {
    const doses = extractDoses(docs['004']!, kb);
    expect(doses.find((d) => d.span.start.line === 94)).toMatchObject({ text: '100-200mg', role: 'advice', period: 'night', substance: 'magnesium' });
    expect(doses.find((d) => d.span.start.line === 65)).toMatchObject({ text: '500mg', role: 'report', period: 'night', population: 'older adults' });
  });

  it('read the Chinese limit and trial sentences of 001 like their English source', () => {
    const doses = extractDoses(docs['001']!, kb).filter((d) => d.span.start.line === 112);
    expect(doses.map((d) => [d.text, d.role, d.period ?? null])).toEqual([
      ['225-500毫克', 'report', null],
      ['350毫克', 'limit', 'day'],
    ]);
  });
});
