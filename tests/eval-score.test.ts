import { describe, expect, it } from 'vitest';
import { gateFailures, matches, score, type EvalFinding } from '../scripts/eval/score.js';
import { LabelsError, parseLabels, type Labels } from '../scripts/eval/labels.js';

const finding = (over: Partial<EvalFinding>): EvalFinding => ({
  file: 'a.md',
  ruleId: 'lang/mt-artifact',
  severity: 'warning',
  line: 10,
  endLine: 10,
  message: 'm',
  ...over,
});

describe('matches', () => {
  it.each([
    { name: 'same rule, same line', f: {}, label: { ruleId: 'lang/mt-artifact', line: 10 }, expected: true },
    { name: 'label inside a finding spanning lines', f: { line: 8, endLine: 12 }, label: { ruleId: 'lang/mt-artifact', line: 11 }, expected: true },
    { name: 'label on the last line of the span', f: { line: 8, endLine: 12 }, label: { ruleId: 'lang/mt-artifact', line: 12 }, expected: true },
    { name: 'label after the span', f: { line: 8, endLine: 12 }, label: { ruleId: 'lang/mt-artifact', line: 13 }, expected: false },
    { name: 'label before the span', f: { line: 8, endLine: 12 }, label: { ruleId: 'lang/mt-artifact', line: 7 }, expected: false },
    { name: 'wrong rule on the right line', f: {}, label: { ruleId: 'lang/mixed-sentence', line: 10 }, expected: false },
    { name: 'data the label asks for', f: { data: { lang: 'vie', share: 1 } }, label: { ruleId: 'lang/mt-artifact', line: 10, data: { lang: 'vie' } }, expected: true },
    { name: 'other data than the label asks for', f: { data: { lang: 'spa' } }, label: { ruleId: 'lang/mt-artifact', line: 10, data: { lang: 'vie' } }, expected: false },
    { name: 'no data where the label asks for some', f: {}, label: { ruleId: 'lang/mt-artifact', line: 10, data: { lang: 'vie' } }, expected: false },
  ])('$name', ({ f, label, expected }) => {
    expect(matches(finding(f), label)).toBe(expected);
  });
});

const labels: Labels = {
  articles: {
    'a.md': {
      clean: false,
      description: 'faulty',
      defects: [
        { ruleId: 'lang/mt-artifact', line: 10, note: 'glued words' },
        { ruleId: 'lang/mt-artifact', line: 20, note: 'split word' },
        { ruleId: 'lang/mixed-sentence', line: 20, note: 'part of the split word', optional: true },
        { ruleId: 'cite/placeholder', line: 30, note: '(source)' },
        { ruleId: 'dup/near-duplicate', line: 1, note: 'version of b.md' },
      ],
    },
    'b.md': { clean: true, description: 'clean', defects: [] },
  },
};

describe('score', () => {
  const findings: EvalFinding[] = [
    finding({ line: 9, endLine: 11 }), // true: spans the label on line 10
    finding({ ruleId: 'lang/mixed-sentence', line: 20, endLine: 20 }), // matches only an optional label
    finding({ ruleId: 'lang/mixed-sentence', line: 25, endLine: 25 }), // false
    finding({ ruleId: 'cite/placeholder', line: 30, endLine: 30, severity: 'info' }), // an info does not find a warning rule's label
    finding({ ruleId: 'dup/near-duplicate', line: 1, endLine: 1, severity: 'info' }), // an info rule is scored on its infos
    finding({ file: 'b.md', ruleId: 'artifact/html-tag', line: 3, endLine: 3 }), // false, on a clean article
    finding({ file: 'b.md', ruleId: 'dose/implausible', line: 4, endLine: 4, severity: 'error' }), // false, on a clean article
    finding({ file: 'b.md', ruleId: 'lang/mt-artifact', line: 5, endLine: 5, severity: 'info' }), // info on a clean article: not counted
  ];
  const report = score(findings, labels, { infoRules: new Set(['dup/near-duplicate']), ruleIds: ['cite/out-of-range'] });
  const rule = (id: string) => report.rules.find((r) => r.ruleId === id)!;

  it.each([
    { id: 'lang/mt-artifact', findings: 1, true: 1, false: 0, optional: 0, precision: 1, labels: 2, found: 1, recall: 0.5, infos: 1 },
    { id: 'lang/mixed-sentence', findings: 2, true: 0, false: 1, optional: 1, precision: 0, labels: 0, found: 0, recall: null, infos: 0 },
    { id: 'cite/placeholder', findings: 0, true: 0, false: 0, optional: 0, precision: null, labels: 1, found: 0, recall: 0, infos: 1 },
    { id: 'dup/near-duplicate', findings: 1, true: 1, false: 0, optional: 0, precision: 1, labels: 1, found: 1, recall: 1, infos: 0 },
    { id: 'artifact/html-tag', findings: 1, true: 0, false: 1, optional: 0, precision: 0, labels: 0, found: 0, recall: null, infos: 0 },
    { id: 'cite/out-of-range', findings: 0, true: 0, false: 0, optional: 0, precision: null, labels: 0, found: 0, recall: null, infos: 0 },
  ])('$id', ({ id, ...expected }) => {
    const { ruleId: _id, ...figures } = rule(id);
    expect(figures).toEqual(expected);
  });

  it('sums families', () => {
    expect(report.families.find((f) => f.family === 'lang')).toMatchObject({ findings: 3, true: 1, false: 1, optional: 1, labels: 2, found: 1, precision: 0.5, recall: 0.5 });
  });

  it('counts warnings and errors of clean articles by rule, infos left out', () => {
    expect(report.clean).toEqual([{ file: 'b.md', warnings: 1, errors: 1, byRule: { 'artifact/html-tag': 1, 'dose/implausible': 1 } }]);
  });

  it('lists false findings and missed required labels, sorted', () => {
    expect(report.falseFindings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['a.md:25 lang/mixed-sentence', 'b.md:3 artifact/html-tag', 'b.md:4 dose/implausible']);
    expect(report.missed.map((m) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual(['a.md:20 lang/mt-artifact', 'a.md:30 cite/placeholder']);
  });

  it('gate names each rule below the bar and each noisy clean article of the families asked for', () => {
    expect(gateFailures(report, ['lang', 'cite']).map((g) => `${g.what}: ${g.detail}`)).toEqual([
      'cite/placeholder: recall 0.00 < 0.9',
      'lang/mixed-sentence: precision 0.00 < 0.95',
      'lang/mt-artifact: recall 0.50 < 0.9',
    ]);
    expect(gateFailures(report, ['artifact']).map((g) => g.what)).toEqual(['artifact/html-tag', 'b.md']);
    expect(gateFailures(report, ['dup'])).toEqual([]);
  });
});

describe('parseLabels', () => {
  const ok = { articles: { 'a.md': { clean: false, description: 'd', defects: [{ ruleId: 'cite/placeholder', line: 3, note: 'n' }] }, 'b.md': { clean: true, description: 'd' } } };
  it('accepts labels and defaults missing defects to none', () => {
    expect(parseLabels(ok, 'labels.json', ['cite/placeholder'], ['a.md', 'b.md']).articles['b.md']!.defects).toEqual([]);
  });
  it.each([
    { name: 'a clean article with a defect', value: { articles: { 'a.md': { clean: true, description: 'd', defects: [{ ruleId: 'cite/placeholder', line: 3, note: 'n' }] } } }, message: /clean article lists no defects/ },
    { name: 'a faulty article without defects', value: { articles: { 'a.md': { clean: false, description: 'd', defects: [] } } }, message: /at least one defect/ },
    { name: 'line 0', value: { articles: { 'a.md': { clean: false, description: 'd', defects: [{ ruleId: 'cite/placeholder', line: 0, note: 'n' }] } } }, message: /line/ },
    { name: 'an unknown key', value: { articles: { 'a.md': { clean: true, description: 'd', severity: 'x' } } }, message: /articles\.a\.md/ },
    { name: 'an unknown rule id', value: { articles: { 'a.md': { clean: false, description: 'd', defects: [{ ruleId: 'cite/nope', line: 3, note: 'n' }] } } }, message: /unknown rule id "cite\/nope"/ },
  ])('refuses $name', ({ value, message }) => {
    expect(() => parseLabels(value, 'labels.json', ['cite/placeholder'])).toThrow(message);
    expect(() => parseLabels(value, 'labels.json', ['cite/placeholder'])).toThrow(LabelsError);
  });
  it('refuses drafts without labels and labels without drafts', () => {
    expect(() => parseLabels(ok, 'labels.json', undefined, ['a.md', 'b.md', 'c.md'])).toThrow(/drafts without labels: c\.md/);
    expect(() => parseLabels(ok, 'labels.json', undefined, ['a.md'])).toThrow(/not in the corpus: b\.md/);
  });
});
