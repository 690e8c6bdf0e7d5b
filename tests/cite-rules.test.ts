/** The cite/* document rules, table-driven: valid and invalid cases side by side. */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { citeRules } from '../src/rules/cite/index.js';
import type { Document, DocumentRule, Format, RuleFinding } from '../src/types.js';
import { docFromText } from './helpers.js';

interface Expected {
  ruleId: string;
  line: number;
  column: number;
}

interface Case {
  text: string;
  format?: Format;
  expected: Expected[];
}

const ctx = { config: resolveConfig() };
const documentRules = citeRules.filter((r): r is DocumentRule => r.scope === 'document');

function rule(id: string): DocumentRule {
  const found = documentRules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function findingsOf(r: DocumentRule, doc: Document): Array<RuleFinding & { ruleId: string }> {
  return r.check(doc, ctx).map((f) => ({ ...f, ruleId: r.id }));
}

function run(id: string, text: string, format: Format = 'txt'): Expected[] {
  return findingsOf(rule(id), docFromText(text, format)).map((f) => ({
    ruleId: f.ruleId,
    line: f.span.start.line,
    column: f.span.start.column,
  }));
}

const at = (ruleId: string, line: number, column: number): Expected => ({ ruleId, line, column });

describe('cite/no-reference-list', () => {
  const id = 'cite/no-reference-list';
  it.each<Case>([
    // invalid
    { text: 'Title\n\nMagnesium is common ( 1 , 2 ).\n\nIt helps sleep ( 3 ).\n', expected: [at(id, 3, 21)] },
    { text: 'Title\n\n镁很常见( 1 ).\n', expected: [at(id, 3, 5)] },
    { text: 'Title\n\nMagnesium helps sleep¹.\n', expected: [at(id, 3, 22)] },
    { text: '# T\n\nMagnesium helps sleep [2].\n', format: 'md', expected: [at(id, 3, 23)] },
    // valid
    { text: 'Title\n\nMagnesium helps sleep.\n', expected: [] },
    { text: 'Title\n\nA study published in 2016 (2016) looked at adults (65+).\n', expected: [] },
    { text: 'Title\n\nMagnesium helps sleep ( 1 ).\n\nReferences:\n\nhttps://a.org/1\n', expected: [] },
    { text: '# T\n\nMagnesium helps [sleep](https://a.org/1) and [1](https://a.org/2).\n', format: 'md', expected: [] },
    { text: 'Title\n\nMagnesium helps sleep (source).\n', expected: [] },
  ])('$text', ({ text, format, expected }) => {
    expect(run(id, text, format)).toEqual(expected);
  });

  it('reports once, counting the markers', () => {
    const [f, ...rest] = findingsOf(rule(id), docFromText('Title\n\nA ( 1 ).\n\nB ( 2 , 3 ).\n\nC [4].\n'));
    expect(rest).toEqual([]);
    expect(f!.data).toEqual({ markers: 3, evidence: 12 });
  });
});

describe('cite/out-of-range', () => {
  const id = 'cite/out-of-range';
  const list = '\n\nReferences:\n\nhttps://a.org/1\nhttps://a.org/2\n';
  it.each<Case>([
    // invalid
    { text: `Title\n\nA ( 3 ).${list}`, expected: [at(id, 3, 5)] },
    { text: `Title\n\nA ( 1 , 2 , 34 ).${list}`, expected: [at(id, 3, 13)] },
    { text: `Title\n\nB [1–4].${list}`, expected: [at(id, 3, 4)] },
    { text: 'Title\n\nA [2].\n\nReferences:\n[10] https://a.org/10\n[11] https://a.org/11\n[12] https://a.org/12\n', expected: [at(id, 3, 4)] },
    // valid
    { text: `Title\n\nA ( 1 , 2 ).${list}`, expected: [] },
    { text: `Title\n\nIn 2016 (2016) it was 65 (65+).${list}`, expected: [] },
    { text: 'Title\n\nA ( 40 ).\n', expected: [] },
    { text: 'Title\n\nA [11].\n\nReferences:\n[10] https://a.org/10\n[11] https://a.org/11\n', expected: [] },
  ])('$text', ({ text, format, expected }) => {
    expect(run(id, text, format)).toEqual(expected);
  });

  it('names the missing numbers and the list size', () => {
    const [f] = findingsOf(rule(id), docFromText(`Title\n\nB [1–4].${list}`));
    expect(f!.data).toEqual({ marker: 3, missing: [3, 4], entries: 2 });
  });
});

describe('cite/malformed-url', () => {
  const id = 'cite/malformed-url';
  const refs = (...lines: string[]) => `Title\n\nA ( 1 ).\n\nReferences:\n\n${lines.join('\n')}\n`;
  it.each<Case>([
    // invalid
    { text: refs('https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'), expected: [at(id, 7, 1)] },
    { text: refs('https://a.org/1', '1. https://www.ncbi.nlm.nih.gov/pubmed/ 25540137'), expected: [at(id, 8, 4)] },
    { text: refs('https://healthline/nutrition/magnesium'), expected: [at(id, 7, 1)] },
    { text: refs('[1] Smith J. Sleep. http//example.org/x'), expected: [at(id, 7, 21)] },
    { text: '# T\n\nA [1].\n\n## References\n\n1. [NIH](https://nih/x)\n', format: 'md', expected: [at(id, 7, 10)] },
    // valid
    { text: refs('https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/', 'www.example.org/page'), expected: [] },
    { text: refs('Smith J. Sleep and magnesium. J Sleep Res. 2019;28(1):e1.'), expected: [] },
    { text: refs('https://a.org/x https://b.org/y'), expected: [] },
    { text: 'Title\n\nSee https://healthline/x for more.\n', expected: [] },
  ])('$text', ({ text, format, expected }) => {
    expect(run(id, text, format)).toEqual(expected);
  });

  it.each([
    [
      'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
      {
        url: 'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
        reason: 'second-scheme',
        parts: ['https://www.healthline.com', 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'],
        expected: 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
        confidence: 'high',
      },
    ],
    [
      'https://a.org/xhttps://b.org/y',
      { url: 'https://a.org/xhttps://b.org/y', reason: 'second-scheme', parts: ['https://a.org/x', 'https://b.org/y'] },
    ],
    [
      'https://www.ncbi.nlm.nih.gov/pubmed/ 25540137',
      { url: 'https://www.ncbi.nlm.nih.gov/pubmed/ 25540137', reason: 'space', expected: 'https://www.ncbi.nlm.nih.gov/pubmed/25540137', confidence: 'low' },
    ],
  ])('carries the repair of %s only when it is unambiguous', (line, data) => {
    const [f] = findingsOf(rule(id), docFromText(refs(line)));
    expect(f!.data).toEqual(data);
    expect(f!.span.end.column - f!.span.start.column).toBe(line.length);
  });
});

describe('cite/duplicate-reference', () => {
  const id = 'cite/duplicate-reference';
  const refs = (...lines: string[]) => `Title\n\nA ( 1 ).\n\nReferences:\n\n${lines.join('\n')}\n`;
  it.each<Case>([
    // invalid
    { text: refs('https://a.org/x', 'https://b.org/y', 'https://a.org/x'), expected: [at(id, 9, 1)] },
    { text: refs('https://www.a.org/x/', 'http://a.org/x'), expected: [at(id, 8, 1)] },
    { text: refs('1. Smith J. Sleep. 2019.', '2. Smith J. Sleep, 2019'), expected: [at(id, 8, 4)] },
    {
      text: refs(
        'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
        'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional',
      ),
      expected: [at(id, 8, 1)],
    },
    // valid
    { text: refs('https://a.org/x', 'https://a.org/y'), expected: [] },
    { text: refs('https://a.org/x?id=1', 'https://a.org/x?id=2'), expected: [] },
    { text: refs('https://a.org/x#intro', 'https://a.org/x#methods'), expected: [] },
  ])('$text', ({ text, format, expected }) => {
    expect(run(id, text, format)).toEqual(expected);
  });

  it('points at the first occurrence', () => {
    const found = findingsOf(rule(id), docFromText(refs('https://a.org/x', 'https://b.org/y', 'https://a.org/x/', 'https://a.org/x')));
    expect(found.map((f) => [f.span.start.line, f.data])).toEqual([
      [9, { first: 7, firstNumber: 1, number: 3 }],
      [10, { first: 7, firstNumber: 1, number: 4 }],
    ]);
  });
});

describe('cite/placeholder', () => {
  const id = 'cite/placeholder';
  it.each<Case>([
    // invalid
    { text: 'Title\n\nMagnesium helps (source).\n', expected: [at(id, 3, 17)] },
    { text: 'Title\n\nIt works [citation needed]. It also calms (link).\n', expected: [at(id, 3, 10), at(id, 3, 43)] },
    { text: 'Title\n\n镁有助于睡眠（来源）。\n', expected: [at(id, 3, 7)] },
    { text: '# T\n\nSee ([source]()).\n', format: 'md', expected: [at(id, 3, 7)] },
    // A list of citations whose numbers a copy stripped.
    { text: 'Title\n\nLeafy greens and beans hold the most magnesium (, ).\n', expected: [at(id, 3, 48)] },
    { text: 'Title\n\n深绿色蔬菜和豆类含镁最多（，，）。\n', expected: [at(id, 3, 13)] },
    // valid
    { text: 'Title\n\nThe (sources of magnesium) vary ( 2 ).\n', expected: [] },
    { text: 'Title\n\nA smiley (;) or a bare pair () is no citation list, nor is f(x, y).\n', expected: [] },
    { text: '# T\n\nSee ([source](https://a.org/x)).\n', format: 'md', expected: [] },
    { text: '<p>See <a href="https://a.org/x">source</a>.</p>', format: 'html', expected: [] },
  ])('$text', ({ text, format, expected }) => {
    expect(run(id, text, format)).toEqual(expected);
  });
});

describe('cite/uncited-claim', () => {
  const id = 'cite/uncited-claim';
  it.each<Case>([
    // invalid
    { text: 'Title\n\nSome studies suggest that magnesium helps.\n', expected: [at(id, 3, 1)] },
    { text: 'Title\n\nSleep matters. A 2016 study found that magnesium helps.\n', expected: [at(id, 3, 16)] },
    { text: 'Title\n\nResearchers found lower cortisol in the magnesium group.\n', expected: [at(id, 3, 1)] },
    { text: 'Title\n\nIn a clinical trial, adults slept longer.\n', expected: [at(id, 3, 1)] },
    { text: 'Title\n\nThere were cohort studies, like the CARDIA study, that looked at calcium.\n', expected: [at(id, 3, 1)] },
    { text: 'Title\n\n睡眠很重要。研究表明,镁有助于睡眠。\n', expected: [at(id, 3, 7)] },
    { text: 'Title\n\nStudies show magnesium helps.\n\nMagnesium is good ( 2 ).\n', expected: [at(id, 3, 1)] },
    { text: 'Title\n\n- Research shows that magnesium levels follow the clock.\n', expected: [at(id, 3, 3)] },
    // valid
    { text: 'Title\n\nStudies show that magnesium helps ( 3 ).\n', expected: [] },
    { text: 'Title\n\nStudies show that magnesium helps. It calms nerves ( 3 ).\n', expected: [] },
    { text: '# T\n\nStudies show that [magnesium helps](https://a.org/x).\n', format: 'md', expected: [] },
    { text: 'Title\n\nStudies show that magnesium helps (source).\n', expected: [] },
    { text: 'What Studies Show About Magnesium\n\nMagnesium is a mineral.\n', expected: [] },
    { text: 'Title\n\nDo studies show that magnesium helps?\n', expected: [] },
    { text: 'Title\n\nMore research is needed. No studies have shown harm.\n', expected: [] },
    { text: "Title\n\nIt's now time to take a look at some of the clinical trials.\n", expected: [] },
    { text: 'Title\n\nMagnesium may help some people sleep, but it is not a cure-all.\n', expected: [] },
    { text: 'Title\n\nIn one study, adults took magnesium.\n\nThis group slept better ( 12 ).\n', expected: [] },
    { text: 'Title\n\nAnother study found benefits ( 4 ).\n\nWhat surprised us about this study was that the researchers found less cortisol.\n', expected: [] },
    {
      text: 'Title\n\nIn one study, adults took magnesium.\n\nAnother study found the opposite ( 5 ).\n',
      expected: [at(id, 3, 1)],
    },
  ])('$text', ({ text, format, expected }) => {
    expect(run(id, text, format)).toEqual(expected);
  });

  it('spans the sentence and names the cue', () => {
    const doc = docFromText('Title\n\nSleep matters. Some studies suggest that magnesium helps. It is cheap.\n');
    const [f] = findingsOf(rule(id), doc);
    expect(doc.text.slice(f!.span.start.offset, f!.span.end.offset)).toBe('Some studies suggest that magnesium helps.');
    expect(f!.data).toEqual({ cue: 'studies suggest' });
  });
});

describe('sentences that are fine', () => {
  it.each<Case>([
    { text: 'Title\n\nMagnesium is one of the most common minerals ( 1 , 2 ).\n\nReferences:\n\nhttps://a.org/1\nhttps://a.org/2\n', expected: [] },
    { text: 'Title\n\nIt binds to gamma-aminobutyric acid (GABA) receptors in adults (65+), per a 2016 (2016) survey.\n', expected: [] },
    { text: 'Title\n\n| Quartile | OR |\n|---|---|\n| Q1 (Lowest) | 1 (Ref.) |\n| Q2 | (3) |\n', expected: [] },
    { text: '# T\n\nSee [the NIH fact sheet](https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/).\n', format: 'md', expected: [] },
  ])('no cite finding on $text', ({ text, format, expected }) => {
    const doc = docFromText(text, format ?? 'txt');
    const all = documentRules.flatMap((r) => findingsOf(r, doc)).map((f) => at(f.ruleId, f.span.start.line, f.span.start.column));
    expect(all).toEqual(expected);
  });
});

describe('rule metadata', () => {
  it.each(citeRules.map((r) => [r.id, r] as const))('%s has an id in the cite family and full metadata', (ruleId, r) => {
    expect(ruleId).toMatch(/^cite\/[a-z-]+$/);
    expect(r.meta.description).not.toBe('');
    expect(r.meta.docs).not.toBe('');
    expect(r.meta.example).not.toBe('');
  });

  it('lists the seven cite rules with their default severities', () => {
    expect(Object.fromEntries(citeRules.map((r) => [r.id, r.meta.defaultSeverity]))).toEqual({
      'cite/duplicate-reference': 'warning',
      'cite/malformed-url': 'error',
      'cite/no-reference-list': 'error',
      'cite/out-of-range': 'error',
      'cite/placeholder': 'error',
      'cite/uncited-claim': 'warning',
      'cite/variant-mismatch': 'warning',
    });
    expect(citeRules.find((r) => r.id === 'cite/variant-mismatch')!.scope).toBe('cluster');
  });
});
