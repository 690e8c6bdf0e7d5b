import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import { htmlTag } from '../src/rules/artifact/html-tag.js';
import type { DocumentRule } from '../src/types.js';
import { docFromText, sampleDoc } from './helpers.js';

const config = resolveConfig();

function run(rule: DocumentRule, text: string, format: 'txt' | 'md' | 'html' = 'txt'): Array<{ line: number; column: number; endColumn: number; expected: unknown }> {
  return rule.check(docFromText(text, format), { config }).map((f) => ({
    line: f.span.start.line,
    column: f.span.start.column,
    endColumn: f.span.end.column,
    expected: f.data?.expected,
  }));
}

describe('artifact/cms-leftover', () => {
  it.each([
    ['a call to action alone', 'Text.\n\nREAD OUR FULL REVIEW\n', [{ line: 3, column: 1, endColumn: 21, expected: '' }]],
    ['a comment form title, any case and punctuation', 'Text.\n\nLeave a reply:\n', [{ line: 3, column: 1, endColumn: 15, expected: '' }]],
    ['a label after a dash at the end of a sentence', 'It works properly. – CONTENT BOX.\n', [{ line: 1, column: 19, endColumn: 34, expected: '' }]],
    ['a share line', 'Body text here.\n\nShare this article\n', [{ line: 3, column: 1, endColumn: 19, expected: '' }]],
    ['the phrase inside a sentence is fine', 'Please leave a reply to the editor if you disagree.\n', []],
    ['a review mentioned in prose is fine', 'We read our full review of the trial again.\n', []],
  ])('%s', (_name, text, expected) => {
    expect(run(cmsLeftover, text)).toEqual(expected);
  });

  it('takes its phrases from config', () => {
    const doc = docFromText('Body.\n\nThe wellness corner\n');
    expect(cmsLeftover.check(doc, { config: resolveConfig({ cmsLeftovers: ['The wellness corner'] }) })).toHaveLength(1);
    expect(cmsLeftover.check(doc, { config })).toHaveLength(0);
  });

  it("finds the three leftovers of 004, its affiliate call to action, and nothing elsewhere in the samples", () => {
    const at = (p: string): number[] => cmsLeftover.check(sampleDoc(p), { config }).map((f) => f.span.start.line);
    // 109 is "See Our #1 Rated Sleep Aid", the shop's button above a product box.
    expect(at('004')).toEqual([47, 109, 115, 118]);
    for (const p of ['000', '001', '002', '003']) expect(at(p)).toEqual([]);
  });
});

describe('artifact/html-tag', () => {
  it.each([
    ['a <br> after a sentence, before a space', 'play out.<br> When it runs low.\n', [{ line: 1, column: 10, endColumn: 14, expected: '' }]],
    ['a <br/> between two words', 'one<br/>two\n', [{ line: 1, column: 4, endColumn: 9, expected: ' ' }]],
    ['a closing </p>', 'End of text.</p>\n', [{ line: 1, column: 13, endColumn: 17, expected: '' }]],
    ['an inline tag in Markdown text', 'Some <span class="x">text</span> here.\n', [
      { line: 1, column: 6, endColumn: 22, expected: '' },
      { line: 1, column: 26, endColumn: 33, expected: '' },
    ]],
    ['comparison signs are not tags', 'Short sleep (<7h) and a < b > c.\n', []],
    ['an unknown element name is not reported', 'Use <placeholder> here.\n', []],
  ])('%s', (_name, text, expected) => {
    expect(run(htmlTag, text)).toEqual(expected);
  });

  it('finds the <br> of 003 at line 38', () => {
    expect(htmlTag.check(sampleDoc('003'), { config }).map((f) => [f.span.start.line, f.span.start.column])).toEqual([[38, 126]]);
  });
});
