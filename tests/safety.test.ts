import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { runDocumentRules } from '../src/audit.js';
import { cleanCorpus } from '../src/clean/index.js';
import { buildCorpus } from '../src/corpus/index.js';
import { rules } from '../src/rules/index.js';
import { invisibleChar } from '../src/rules/artifact/invisible-char.js';
import { unsafeHtml } from '../src/rules/artifact/unsafe-html.js';
import type { DocumentRule, Format } from '../src/types.js';
import { body, docFromText } from './helpers.js';

const config = resolveConfig();
const documentRules = rules.filter((r): r is DocumentRule => r.scope === 'document');

function at(rule: DocumentRule, text: string, format: Format): Array<{ line: number; column: number; kind: unknown }> {
  return rule.check(docFromText(text, format), { config }).map((f) => ({ line: f.span.start.line, column: f.span.start.column, kind: f.data?.kind }));
}

async function cleaned(text: string, format: Format): Promise<string> {
  const doc = docFromText(text, format, `a.${format}`);
  const findings = runDocumentRules(doc, documentRules, { config });
  const { outputs, fixed } = await cleanCorpus(buildCorpus([doc], config), new Map([[doc.path, doc]]), findings);
  for (const f of findings) if (f.ruleId === 'artifact/unsafe-html' || f.ruleId === 'artifact/invisible-char') expect(fixed.has(f)).toBe(true);
  return body(outputs[0]!.content);
}

describe('artifact/unsafe-html', () => {
  it.each<[string, string, Format, Array<{ line: number; column: number; kind: string }>]>([
    ['a script block in Markdown', 'Magnesium helps sleep.\n\n<script>fetch("https://x.example")</script>\n', 'md', [{ line: 3, column: 1, kind: 'element' }]],
    ['an iframe in Markdown', 'Zinc text.\n\n<iframe src="https://video.example/embed"></iframe>\n', 'md', [{ line: 3, column: 1, kind: 'element' }]],
    ['a javascript: link and image', 'Read [more](javascript:alert(1)) or ![x](JavaScript:void(0)).\n', 'md', [{ line: 1, column: 6, kind: 'url' }, { line: 1, column: 37, kind: 'url' }]],
    ['a scheme split by a tab', 'Read [more](java\tscript:alert(1)).\n', 'md', []],
    ['an event handler inline', 'Iron <img src="a.png" onerror="steal()"> here.\n', 'md', [{ line: 1, column: 6, kind: 'handler' }]],
    ['a data: URL in a definition', 'See [the page][p].\n\n[p]: data:text/html;base64,PHNjcmlwdD4=\n', 'md', [{ line: 3, column: 1, kind: 'url' }]],
    ['an HTML draft: javascript:, data:, script and onclick', '<p>See <a href="javascript:go()">this</a> and <a href="data:text/html,x">that</a>.</p>\n<script>x()</script>\n<p onclick="y()">Text</p>\n', 'html', [
      { line: 1, column: 8, kind: 'url' }, { line: 1, column: 47, kind: 'url' }, { line: 2, column: 1, kind: 'element' }, { line: 3, column: 1, kind: 'handler' },
    ]],
    ['a scheme written with character references in Markdown HTML', 'Read <a href="&#106;avascript:go()">this</a>.\n', 'md', [{ line: 1, column: 6, kind: 'url' }]],
    ['ordinary links, images and HTML are fine', 'See [NIH](https://ods.od.nih.gov/) and ![chart](chart.png), <b>bold</b>, <a href="mailto:a@b.example">mail</a>.\n', 'md', []],
    ['an HTML draft with ordinary links is fine', '<p>See <a href="https://example.org/x">this</a> <img src="/a.png" alt="a"></p>', 'html', []],
    ['the word javascript in prose is fine', 'Turn on JavaScript: the calculator needs it.\n', 'txt', []],
  ])('%s', (_name, text, format, expected) => {
    // "java\tscript:" in a Markdown destination is no link at all (a tab ends it): nothing to report.
    expect(at(unsafeHtml, text, format)).toEqual(expected);
  });

  it('the cleaned article keeps none of it, and keeps the text around it', async () => {
    const md = await cleaned('# Magnesium\n\nMagnesium helps sleep.\n\n<script>alert(1)</script>\n\nRead [more](javascript:alert(1)) and ![x](javascript:alert(2)) now.\n\n<iframe src="https://evil.example"></iframe>\n\nA <img src="x.png" onerror="alert(3)"> inline.\n', 'md');
    expect(md).not.toMatch(/script|iframe|onerror|javascript/i);
    expect(md).toContain('Read more and  now.');
    expect(md).toContain('Magnesium helps sleep.');
    const html = await cleaned('<h1>Zinc</h1><p>Zinc matters. <a href="javascript:alert(1)">click</a> and <a href="data:text/html,x">data</a>.</p><script>x()</script><p onclick="y()">Para</p>', 'html');
    expect(html).not.toMatch(/javascript|data:|script|onclick/i);
    expect(html).toContain('Zinc matters. click and data.');
  });
});

describe('artifact/invisible-char and reading through invisible characters', () => {
  it.each<[string, string, Array<{ line: number; column: number }>]>([
    ['a zero-width space inside a number', 'Take 6\u200b00 mg a day.\n', [{ line: 1, column: 7 }]],
    ['a soft hyphen in a name, and a word joiner', 'Magne\u00adsium and zinc\u2060 together.\n', [{ line: 1, column: 6 }, { line: 1, column: 20 }]],
    ['a right-to-left override', 'Dose: \u202e05 mg\u202c daily.\n', [{ line: 1, column: 7 }, { line: 1, column: 13 }]],
    ['a joiner inside an emoji sequence is fine', 'Ask your doctor 👩\u200d⚕️ first.\n', []],
    ['Chinese text is fine', '每天服用镁350毫克，分两次服用。\n', []],
  ])('%s', (_name, text, expected) => {
    expect(at(invisibleChar, text, 'txt').map(({ line, column }) => ({ line, column }))).toEqual(expected);
  });

  it.each(['\u200b', '\u2060', '\u00ad', '\ufeff'])('a dose with U+%s inside is read whole: 600 mg of magnesium is over the limit', (c) => {
    const doc = docFromText(`# Magnesium\n\nFor better sleep, take 6${c}00 mg of magne${c}sium daily.\n`, 'md');
    const over = runDocumentRules(doc, documentRules, { config }).filter((f) => f.ruleId === 'dose/above-upper-limit');
    expect(over).toHaveLength(1);
    // The finding points at the figure as the file holds it, invisible character included.
    expect(doc.text.slice(over[0]!.span.start.offset, over[0]!.span.end.offset)).toBe(`6${c}00 mg`);
  });

  it('the cleaned article drops them, link addresses included, and keeps emoji joiners', async () => {
    const md = await cleaned('Take 6\u200b00 mg. See [NIH](https://ods.od.nih.gov/\u200bfactsheets/). Ask 👩\u200d⚕️.\n', 'md');
    expect(md).toContain('Take 600 mg.');
    expect(md).toContain('https://ods.od.nih.gov/factsheets/');
    expect(md).toContain('👩\u200d⚕️');
    expect(md).not.toMatch(/\u200b/);
  });
});
