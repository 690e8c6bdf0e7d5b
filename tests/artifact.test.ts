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

describe('artifact/html-tag: left alone', () => {
  it.each<[string, string, 'txt' | 'md' | 'html']>([
    ['a citation superscript with brackets', 'Magnesium calms the nerves.<sup>[1]</sup>\n', 'md'],
    ['a citation superscript with a number', 'Most adults fall short of the RDA.<sup>2</sup> Food comes first.\n', 'md'],
    ['a unit exponent', 'A BMI above 30 kg/m<sup>2</sup> counts as obesity.\n', 'md'],
    ['a vitamin subscript', 'Vitamin D<sub>3</sub> raises blood levels more than D<sub>2</sub>.\n', 'md'],
    ['emphasis and strong', 'Take it <em>with</em> food, <strong>never</strong> on an empty stomach.\n', 'md'],
    ['an abbreviation with a title', 'The <abbr title="Recommended Dietary Allowance">RDA</abbr> is 400 mg.\n', 'md'],
    ['a span with a class', 'Dose: <span class="dose">200 mg</span> a day.\n', 'md'],
    ['mark, kbd and small', 'Press <kbd>Ctrl</kbd> to <mark>highlight</mark> the <small>fine print</small>.\n', 'md'],
    ['a link written as HTML', 'Read the <a href="https://ods.od.nih.gov/">fact sheet</a> first.\n', 'md'],
    ['an inline image', 'The label <img src="label.png" alt="label"> shows the dose.\n', 'md'],
    ['a hard break at a line end', 'Magnesium glycinate<br>\nMagnesium citrate<br/>\n', 'md'],
    ['two hard breaks at a line end', 'Take it with food.<br><br>\nAvoid it at bedtime.\n', 'md'],
    ['a hard break in a list item', '- First line<br>\n  second line\n', 'md'],
    ['a tag in a code span', 'Wrap the dose in `<span class="dose">` and close it with `</span>`.\n', 'md'],
    ['a table as an HTML block', '<table>\n<tr><td>Magnesium</td><td>400 mg</td></tr>\n</table>\n\nText after.\n', 'md'],
    ['details as an HTML block', '<details>\n<summary>Sources</summary>\n\nA list of studies.\n\n</details>\n', 'md'],
    ['a heading with a superscript', '## Vitamin B<sub>12</sub> and sleep\n', 'md'],
    ['line breaks inside a table cell', '| Food | Magnesium |\n| --- | --- |\n| Almonds<br>Cashews | 80 mg<br/>74 mg |\n', 'md'],
    ['a video embed as an HTML block', 'Watch the talk.\n\n<iframe src="https://www.youtube.com/embed/x" width="560"></iframe>\n\nMore text.\n', 'md'],
    ['a footnote link inside a superscript', 'Iron is lost in sweat.<sup><a href="#fn3">3</a></sup> Athletes need more.\n', 'md'],
    ['a table cell with a superscript', '| Form | Dose |\n| --- | --- |\n| Oxide | 400 mg<sup>3</sup> |\n', 'md'],
    ['real markup of an HTML draft', '<p>Magnesium helps.<sup>1</sup> <em>Really.</em></p>', 'html'],
    ['comparison signs', 'Short sleep (<7h) and a < b > c.\n', 'txt'],
    ['an unknown element name', 'Use <placeholder> here.\n', 'txt'],
    ['a reference entry', 'Body.\n\nReferences:\n\n- Smith J. <i>Sleep</i>. 2020. https://doi.org/10/x\n', 'txt'],
  ])('%s', (_name, text, format) => {
    expect(run(htmlTag, text, format)).toEqual([]);
  });
});

describe('artifact/html-tag: reported', () => {
  it.each<[string, string, 'txt' | 'md' | 'html', Array<{ line: number; endLine: number; column: number; endColumn: number; expected: unknown }>, string[]]>([
    ['a <br> after a sentence, before a space', 'play out.<br> When it runs low.\n', 'txt', [{ line: 1, endLine: 1, column: 10, endColumn: 14, expected: '' }], ['high']],
    ['a <br/> between two words', 'one<br/>two\n', 'txt', [{ line: 1, endLine: 1, column: 4, endColumn: 9, expected: ' ' }], ['high']],
    ['a closing </p>', 'End of text.</p>\n', 'txt', [{ line: 1, endLine: 1, column: 13, endColumn: 17, expected: '' }], ['high']],
    ['an element in a text draft is one finding', 'Some <span class="x">text</span> here.\n', 'txt', [{ line: 1, endLine: 1, column: 6, endColumn: 33, expected: 'text' }], ['high']],
    ['a superscript in a text draft', 'Adults need 400 mg.<sup>2</sup>\n', 'txt', [{ line: 1, endLine: 1, column: 20, endColumn: 32, expected: '2' }], ['high']],
    ['a paragraph element typed between two words', 'magnesium<p>helps</p>sleep\n', 'txt', [{ line: 1, endLine: 1, column: 10, endColumn: 22, expected: ' helps ' }], ['high']],
    ['entity-escaped tags in a text draft', 'Shown &lt;p&gt;here&lt;/p&gt; as text.\n', 'txt', [{ line: 1, endLine: 1, column: 7, endColumn: 30, expected: 'here' }], ['high']],
    ['an element holding other markup', 'See <div>the <b>note</b></div> below.\n', 'txt', [{ line: 1, endLine: 1, column: 5, endColumn: 31, expected: 'the note' }], ['low']],
    ['a tag the sentence talks about', 'Wrap it in a <div> tag.\n', 'txt', [{ line: 1, endLine: 1, column: 14, endColumn: 19, expected: '' }], ['low']],
    ['a paragraph element inside a Markdown paragraph', 'Magnesium <p>helps</p> sleep.\n', 'md', [{ line: 1, endLine: 1, column: 11, endColumn: 23, expected: 'helps' }], ['high']],
    ['a lone closing div in Markdown', 'It helps sleep.</div> More text.\n', 'md', [{ line: 1, endLine: 1, column: 16, endColumn: 22, expected: '' }], ['high']],
    ['a <br> in the middle of a Markdown line', 'First<br> second.\n', 'md', [{ line: 1, endLine: 1, column: 6, endColumn: 10, expected: '' }], ['high']],
    ['a list element typed inside a Markdown paragraph', 'Foods: <li>spinach</li> and nuts.\n', 'md', [{ line: 1, endLine: 1, column: 8, endColumn: 24, expected: 'spinach' }], ['high']],
    ['a script block in a Markdown draft', 'Text.\n\n<script>trackScroll();</script>\n\nMore.\n', 'md', [{ line: 3, endLine: 3, column: 1, endColumn: 32, expected: '' }], ['high']],
    ['a box opened as an HTML block and closed inside a later paragraph', '<div class="box">\nNote this.\n\nThe box ends here.</div>\n', 'md', [{ line: 1, endLine: 4, column: 1, endColumn: 25, expected: undefined }], ['low']],
    ['a box opened on one line of a text draft and closed on a later one', 'Zinc\n\n<div class="tip">\n\nTake zinc with food.\n\nAvoid taking it with iron.</div>\n', 'txt', [{ line: 3, endLine: 7, column: 1, endColumn: 33, expected: undefined }], ['low']],
    ['a script inside Markdown prose', 'Text <script>track();</script> more.\n', 'md', [{ line: 1, endLine: 1, column: 6, endColumn: 31, expected: '' }], ['low']],
    ['a span never closed in its block', 'It <span style="color:red">helps sleep.\n', 'md', [{ line: 1, endLine: 1, column: 4, endColumn: 28, expected: '' }], ['high']],
    ['a font element pasted from a word processor', 'Take <font face="Arial">400 mg</font> a day.\n', 'md', [{ line: 1, endLine: 1, column: 6, endColumn: 38, expected: '400 mg' }], ['high']],
    ['entity-escaped tags in Markdown', 'Shown &lt;p&gt;here&lt;/p&gt; as text.\n', 'md', [{ line: 1, endLine: 1, column: 7, endColumn: 30, expected: 'here' }], ['high']],
    ['a tag shown as text in an HTML draft', '<p>Shown &lt;br&gt; as text.</p>', 'html', [{ line: 1, endLine: 1, column: 10, endColumn: 20, expected: '' }], ['high']],
    ['an element shown as text in an HTML draft', '<p>Eat &lt;b&gt;nuts&lt;/b&gt; daily.</p>', 'html', [{ line: 1, endLine: 1, column: 8, endColumn: 31, expected: 'nuts' }], ['high']],
  ])('%s', (_name, text, format, expected, confidence) => {
    const findings = htmlTag.check(docFromText(text, format), { config });
    expect(findings.map((f) => ({ line: f.span.start.line, endLine: f.span.end.line, column: f.span.start.column, endColumn: f.span.end.column, expected: f.data?.expected }))).toEqual(expected);
    expect(findings.map((f) => f.data?.confidence)).toEqual(confidence);
  });

  it('finds the <br> of 003 at line 38', () => {
    expect(htmlTag.check(sampleDoc('003'), { config }).map((f) => [f.span.start.line, f.span.start.column])).toEqual([[38, 126]]);
  });
});
