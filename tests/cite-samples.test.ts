/**
 * The cite/* document rules on the sample drafts: every finding at its line and column,
 * and nothing else (so no cite error falls on a sentence that is fine).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { citeRules } from '../src/rules/cite/index.js';
import type { DocumentRule } from '../src/types.js';
import { ROOT, docFromText, sampleDoc } from './helpers.js';

const ctx = { config: resolveConfig() };
const documentRules = citeRules.filter((r): r is DocumentRule => r.scope === 'document');

type Row = [ruleId: string, line: number, column: number];

function findings(sample: string): Row[] {
  const doc = sampleDoc(sample);
  return documentRules
    .flatMap((r) => r.check(doc, ctx).map((f): Row => [r.id, f.span.start.line, f.span.start.column]))
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
}

const GLUED = 'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/';
const REPAIRED = 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/';

describe('cite rules on the samples', () => {
  it('000 (machine-translated from 002): markers, no reference list; one summary claim', () => {
    expect(findings('000')).toEqual([
      ['cite/no-reference-list', 10, 25],
      // "Several studies have confirmed this effect in older adults." — a summary with no citation.
      ['cite/uncited-claim', 73, 80],
    ]);
  });

  it('001 (machine-translated from 002): markers, no reference list; one summary claim', () => {
    expect(findings('001')).toEqual([
      ['cite/no-reference-list', 13, 25],
      ['cite/uncited-claim', 86, 80],
    ]);
  });

  it('002: five glued URLs, ten repeated entries, two uncited claims, nothing out of range', () => {
    expect(findings('002')).toEqual([
      // "Research shows these supplements may help older adults."
      ['cite/uncited-claim', 3, 164],
      // "Several studies have confirmed this effect in older adults."
      ['cite/uncited-claim', 48, 80],
      ['cite/malformed-url', 85, 1],
      ['cite/duplicate-reference', 87, 1],
      ['cite/duplicate-reference', 88, 1],
      ['cite/duplicate-reference', 99, 1],
      ['cite/malformed-url', 99, 1],
      ['cite/duplicate-reference', 106, 1],
      ['cite/duplicate-reference', 108, 1],
      ['cite/duplicate-reference', 109, 1],
      ['cite/duplicate-reference', 111, 1],
      ['cite/duplicate-reference', 112, 1],
      ['cite/malformed-url', 112, 1],
      ['cite/duplicate-reference', 114, 1],
      ['cite/malformed-url', 114, 1],
      ['cite/duplicate-reference', 115, 1],
      ['cite/malformed-url', 115, 1],
    ]);
  });

  it('002: each glued URL carries its repair and spans the whole URL', () => {
    const doc = sampleDoc('002');
    const rule = documentRules.find((r) => r.id === 'cite/malformed-url')!;
    for (const f of rule.check(doc, ctx)) {
      expect(f.data).toMatchObject({ url: GLUED, reason: 'second-scheme', expected: REPAIRED });
      expect(doc.text.slice(f.span.start.offset, f.span.end.offset)).toBe(GLUED);
    }
  });

  it('002: each repeated entry points at the first', () => {
    const rule = documentRules.find((r) => r.id === 'cite/duplicate-reference')!;
    const pairs = rule.check(sampleDoc('002'), ctx).map((f) => [f.span.start.line, f.data!.first]);
    expect(pairs).toEqual([
      [87, 86],
      [88, 86],
      [99, 85],
      [106, 105],
      [108, 86],
      [109, 84],
      [111, 84],
      [112, 85],
      [114, 85],
      [115, 85],
    ]);
  });

  it('003: research reported with no citation anywhere', () => {
    expect(findings('003')).toEqual([
      // "There’s more and more research showing that magnesium deficiency and sleep disorders are connected"
      ['cite/uncited-claim', 1, 314],
      // "Some older studies even show that a magnesium-deficient diet led to lower melatonin …"
      ['cite/uncited-claim', 22, 139],
      // "In the US alone, surveys suggest that up to half of adults aren't hitting …"
      ['cite/uncited-claim', 61, 92],
      // "A few long-term studies have tracked magnesium intake and sleep over the years, finding …"
      ['cite/uncited-claim', 71, 104],
      // "Some studies suggest that people struggling with depression may not get the same …"
      ['cite/uncited-claim', 84, 201],
      // "Research shows that daily magnesium changes might drive the timing …"
      ['cite/uncited-claim', 118, 3],
      // "Some evidence hints that people with sleep issues often have imbalances …"
      ['cite/uncited-claim', 123, 3],
      // "Some researchers propose an optimal ratio of around 2:1."
      ['cite/uncited-claim', 139, 389],
      // "There have been a few cohort studies, like the CARDIA study, that looked at …"
      ['cite/uncited-claim', 144, 90],
    ]);
  });

  it('004: six "(source)" placeholders, and research described with no source', () => {
    expect(findings('004')).toEqual([
      ['cite/placeholder', 40, 116],
      ['cite/placeholder', 47, 132],
      // "There is some evidence that magnesium modulates melatonin production."
      ['cite/uncited-claim', 54, 1],
      ['cite/placeholder', 56, 79],
      // "In this study, researchers gave 46 elderly people either 500mg of magnesium or placebo …"
      ['cite/uncited-claim', 65, 1],
      ['cite/placeholder', 67, 443],
      // "These findings have been replicated in dozens of other studies."
      ['cite/uncited-claim', 70, 1],
      // "In this clinical trial, researchers took people aged between 51 and 85 years old …"
      ['cite/uncited-claim', 71, 1],
      ['cite/placeholder', 72, 280],
      ['cite/placeholder', 86, 132],
      // "According to the research – and in our personal experience – 100mg of Magnesium …"
      ['cite/uncited-claim', 99, 1],
    ]);
  });

  it('004: every placeholder spans "(source)"', () => {
    const doc = sampleDoc('004');
    const rule = documentRules.find((r) => r.id === 'cite/placeholder')!;
    const found = rule.check(doc, ctx);
    expect(found).toHaveLength(6);
    for (const f of found) expect(doc.text.slice(f.span.start.offset, f.span.end.offset)).toBe('(source)');
  });

  it('000 counts its 21 citation markers in the no-reference-list finding', () => {
    const rule = documentRules.find((r) => r.id === 'cite/no-reference-list')!;
    const [f] = rule.check(sampleDoc('000'), ctx);
    expect(f!.data).toMatchObject({ markers: 21 });
    expect(f!.data!.evidence).toBeGreaterThanOrEqual(3);
    expect(f!.excerpt ?? sampleDoc('000').text.slice(f!.span.start.offset, f!.span.end.offset)).toBe('( 1 , 2 , 3 )');
  });

  it.each(['000', '001', '002', '003', '004'])('%s: no citation is out of range', (sample) => {
    expect(findings(sample).filter(([id]) => id === 'cite/out-of-range')).toEqual([]);
  });
});

describe('cite rules on fixture articles with their expected findings written inline', () => {
  it.each([
    ['article.md', 'md'],
    ['article.html', 'html'],
  ] as const)('%s', (name, format) => {
    const file = `tests/fixtures/cite/${name}`;
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const expected = [...text.matchAll(/<!-- expect (\S+) (\d+):(\d+) -->/g)]
      .map((m): Row => [m[1]!, Number(m[2]), Number(m[3])])
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
    const doc = docFromText(text, format, file);
    const found = documentRules
      .flatMap((r) => r.check(doc, ctx).map((f): Row => [r.id, f.span.start.line, f.span.start.column]))
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
    expect(found).toEqual(expected);
  });
});
