/**
 * In-draft directives (src/suppress.ts, src/rules/directive/): what each spelling silences,
 * and what the directive rules report. Each case is one .txt draft whose paragraphs are
 * separated by blank lines, so paragraph k stands at file line 2k − 1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import type { ResolvedConfig } from '../src/types.js';

async function findingsOf(paragraphs: string[], file = 'draft.txt', config: Partial<ResolvedConfig> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-directives-'));
  writeFileSync(path.join(dir, file), paragraphs.map((p) => `${p}\n\n`).join(''));
  const result = await audit(['.'], resolveConfig(config), { cwd: dir, outputDir: path.join(dir, 'out') });
  const shown = result.findings.filter((f) => f.ruleId === 'artifact/html-tag' || f.ruleId === 'cite/placeholder' || f.ruleId.startsWith('directive/'));
  return { result, found: shown.map((f) => `${f.span.start.line} ${f.ruleId}`), messages: shown.filter((f) => f.ruleId.startsWith('directive/')).map((f) => f.message) };
}

// Paragraphs a reader would find in a draft: a stray tag (artifact/html-tag, warning) and a
// placeholder citation (cite/placeholder, error).
const TAG = 'Magnesium is found in leafy greens,<br> nuts and seeds.';
const TAG2 = 'Most adults get enough from food<br> without supplements.';
const PLACEHOLDER = 'A small trial found better sleep in older adults (source).';
const PLAIN = 'Talk to a doctor before taking more than the label says.';

describe('what a directive silences', () => {
  it.each<[string, string[], string[]]>([
    ['no directive', [TAG, TAG2], ['1 artifact/html-tag', '3 artifact/html-tag']],
    ['disable-line on the same line', [`${TAG} <!-- draftaudit-disable-line artifact/html-tag -->`, TAG2], ['3 artifact/html-tag']],
    ['disable-line without ids: every rule on that line', [`${PLACEHOLDER.replace('.', '<br>.')} <!-- draftaudit-disable-line -->`, TAG2], ['3 artifact/html-tag']],
    ['disable-next-line: the next line with text', ['<!-- draftaudit-disable-next-line artifact/html-tag -->', TAG, TAG2], ['5 artifact/html-tag']],
    ['ids separated by a comma, with a description', ['<!-- draftaudit-disable-next-line artifact/html-tag, cite/placeholder -- quoted from the product label -->', PLACEHOLDER.replace('trial', 'trial<br>'), TAG2], ['5 artifact/html-tag']],
    ['ids separated by spaces', ['<!-- draftaudit-disable-next-line cite/placeholder artifact/html-tag -->', PLACEHOLDER.replace('trial', 'trial<br>')], []],
    ['disable … enable by id', [TAG, '<!-- draftaudit-disable artifact/html-tag -->', TAG2, '<!-- draftaudit-enable artifact/html-tag -->', TAG], ['1 artifact/html-tag', '9 artifact/html-tag']],
    ['disable … enable without ids', ['<!-- draftaudit-disable -->', TAG, PLACEHOLDER, '<!-- draftaudit-enable -->', TAG2], ['9 artifact/html-tag']],
    ['disable every rule, then enable one again', ['<!-- draftaudit-disable -->', PLACEHOLDER, '<!-- draftaudit-enable artifact/html-tag -->', TAG, PLACEHOLDER, '<!-- draftaudit-enable -->'], ['7 artifact/html-tag']],
    ['another rule id does not silence this one', ['<!-- draftaudit-disable-next-line cite/placeholder -->', TAG], ['1 directive/unused', '3 artifact/html-tag']],
  ])('%s', async (_name, paragraphs, expected) => {
    expect((await findingsOf(paragraphs)).found).toEqual(expected);
  });
});

describe('directives that are not what they seem silence nothing', () => {
  it.each<[string, string[], string[], RegExp]>([
    ['a misspelt word is not disable', ['<!-- draftaudit-disabel artifact/html-tag -->', TAG, TAG2], ['1 directive/unknown', '3 artifact/html-tag', '5 artifact/html-tag'], /Unknown directive "draftaudit-disabel".*did you mean "draftaudit-disable"\?/],
    ['disable-lines is not disable', [`${TAG} <!-- draftaudit-disable-lines artifact/html-tag -->`, TAG2], ['1 artifact/html-tag', '1 directive/unknown', '3 artifact/html-tag'], /did you mean "draftaudit-disable-line"\?/],
    ['a space instead of the hyphen', ['<!-- draftaudit disable -->', TAG], ['1 directive/unknown', '3 artifact/html-tag'], /Unknown directive "draftaudit disable".*did you mean "draftaudit-disable"\?/],
    ['an underscore glued to the word', ['<!-- draftaudit-disable_line artifact/html-tag -->', TAG], ['1 directive/unknown', '3 artifact/html-tag'], /Unknown directive "draftaudit-disable_line"/],
    ['an unknown rule id is not "every rule"', ['<!-- draftaudit-disable artifact/html-tags -->', TAG, PLACEHOLDER], ['1 directive/unknown', '3 artifact/html-tag', '5 cite/placeholder'], /Unknown rule id "artifact\/html-tags" in draftaudit-disable: it silences nothing; did you mean "artifact\/html-tag"\?/],
    ['a far-off rule id gets no suggestion', ['<!-- draftaudit-disable-next-line grammar -->', TAG], ['1 directive/unknown', '3 artifact/html-tag'], /^Unknown rule id "grammar" in draftaudit-disable-next-line: it silences nothing$/],
    ['a directive rule cannot be silenced', ['<!-- draftaudit-disable directive/unknown -->', TAG], ['1 directive/unknown', '3 artifact/html-tag'], /"directive\/unknown" cannot be silenced by a directive/],
  ])('%s', async (_name, paragraphs, expected, message) => {
    const { found, messages } = await findingsOf(paragraphs);
    expect(found).toEqual(expected);
    expect(messages.some((m) => message.test(m))).toBe(true);
  });

  it('an unknown directive is an error, whatever it names', async () => {
    const { result } = await findingsOf(['<!-- draftaudit-disabel -->', TAG]);
    expect(result.findings.find((f) => f.ruleId === 'directive/unknown')!.severity).toBe('error');
  });
});

describe('unused and unclosed directives', () => {
  it.each<[string, string[], string[], RegExp]>([
    ['a disable-line on a clean line', [`${PLAIN} <!-- draftaudit-disable-line -->`], ['1 directive/unused'], /draftaudit-disable-line silenced nothing: no finding on this line/],
    ['one id of two used', ['<!-- draftaudit-disable-next-line artifact/html-tag cite/placeholder -->', TAG], ['1 directive/unused'], /names cite\/placeholder, which reports nothing on line 3/],
    ['disable … enable around clean text', ['<!-- draftaudit-disable artifact/html-tag -->', PLAIN, '<!-- draftaudit-enable artifact/html-tag -->'], ['1 directive/unused'], /names artifact\/html-tag, which reports nothing after it/],
    ['an enable with no disable', [PLAIN, '<!-- draftaudit-enable -->'], ['3 directive/unused'], /draftaudit-enable ends no draftaudit-disable/],
    ['a disable never enabled, hiding two findings', [PLAIN, '<!-- draftaudit-disable -->', TAG, PLACEHOLDER], ['3 directive/unclosed'], /draftaudit-disable has no draftaudit-enable: it hides 2 findings to the end of the draft/],
    ['a disable of one rule never enabled', ['<!-- draftaudit-disable cite/placeholder -->', PLACEHOLDER, TAG], ['1 directive/unclosed', '5 artifact/html-tag'], /hides 1 finding of cite\/placeholder to the end/],
    ['a disable never enabled that hides nothing is unused, not unclosed', ['<!-- draftaudit-disable cite/placeholder -->', TAG], ['1 directive/unused', '3 artifact/html-tag'], /names cite\/placeholder, which reports nothing after it/],
  ])('%s', async (_name, paragraphs, expected, message) => {
    const { found, messages } = await findingsOf(paragraphs);
    expect(found).toEqual(expected);
    expect(messages.some((m) => message.test(m))).toBe(true);
  });

  it('counts what directives silenced in the summary', async () => {
    const { result } = await findingsOf(['<!-- draftaudit-disable -->', TAG, PLACEHOLDER, '<!-- draftaudit-enable -->']);
    expect(result.summary.suppressed).toBe(2);
  });
});

describe('noInlineConfig', () => {
  it('ignores every directive and reports none of the directive rules', async () => {
    const paragraphs = ['<!-- draftaudit-disable -->', TAG, '<!-- draftaudit-disabel -->', PLACEHOLDER];
    const { found, result } = await findingsOf(paragraphs, 'draft.txt', { noInlineConfig: true });
    expect(found).toEqual(['3 artifact/html-tag', '7 cite/placeholder']);
    expect(result.summary.suppressed).toBe(0);
  });
});

describe('in every format', () => {
  it.each<[string, string, string[]]>([
    [
      'Markdown',
      ['# Sleep', '', 'Magnesium may help (source). <!-- draftaudit-disable-line cite/placeholder -->', '', 'Zinc may help too (source).', '', '<!-- draftaudit-disabel -->', ''].join('\n'),
      ['5 cite/placeholder', '7 directive/unknown'],
    ],
    [
      'HTML',
      ['<h1>Sleep</h1>', '<!-- draftaudit-disable-next-line cite/placeholder -->', '<p>Magnesium may help (source).</p>', '<p>Zinc may help too (source).</p>', '<!-- draftaudit-disable-lines -->'].join('\n'),
      ['4 cite/placeholder', '5 directive/unknown'],
    ],
    [
      'Markdown: a directive shown in a code block or a code span is text, not a directive',
      [
        '# Sleep',
        '',
        'To silence a line, write `<!-- draftaudit-disable-line cite/placeholder -->` after it.',
        '',
        '```html',
        '<!-- draftaudit-disable -->',
        '```',
        '',
        'Magnesium may help (source).',
        '',
      ].join('\n'),
      ['9 cite/placeholder'],
    ],
  ])('%s', async (format, text, expected) => {
    const file = format === 'HTML' ? 'draft.html' : 'draft.md';
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-directives-'));
    writeFileSync(path.join(dir, file), text);
    const result = await audit(['.'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'out') });
    const found = result.findings.filter((f) => f.ruleId === 'cite/placeholder' || f.ruleId.startsWith('directive/')).map((f) => `${f.span.start.line} ${f.ruleId}`);
    expect(found).toEqual(expected);
  });
});
