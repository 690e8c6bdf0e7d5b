/**
 * A finding's `fixed` says what the cleaned article really did, for the rules whose target
 * the sanitiser or the cleaner takes out: `artifact/html-tag`, `artifact/unsafe-html`,
 * `artifact/invisible-char`. Each case names the markup a finding is about; the test holds
 * the finding's `fixed` against the cleaned article: fixed exactly when the article no
 * longer carries that markup. Drafts in our own words.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { body } from './helpers.js';

interface Case {
  name: string;
  path: string;
  text: string;
  /** The finding: its rule and the line it stands on. */
  ruleId: string;
  line: number;
  /** What the article must not hold when the finding is fixed, and holds when it is open. */
  markup: string;
  fixed: boolean;
}

const LEAD = '# Vitamin C\n\nVitamin C helps the body absorb iron from plant foods, and most people get enough from fruit.';

const CASES: Case[] = [
  {
    name: 'a <script> block the sanitiser drops',
    path: 'block.md',
    text: `${LEAD}\n\n<script>\nwindow.track("visit");\n</script>\n\nCitrus, peppers and broccoli are good sources.\n`,
    ruleId: 'artifact/html-tag',
    line: 5,
    markup: 'track(',
    fixed: true,
  },
  {
    name: 'an inline <script> in a paragraph: tags and code go together',
    path: 'inline.md',
    text: `${LEAD}<script>track()</script> Citrus, peppers and broccoli are good sources.\n`,
    ruleId: 'artifact/html-tag',
    line: 3,
    markup: 'track()',
    fixed: true,
  },
  {
    name: 'the same script, as unsafe-html',
    path: 'inline.md',
    text: `${LEAD}<script>track()</script> Citrus, peppers and broccoli are good sources.\n`,
    ruleId: 'artifact/unsafe-html',
    line: 3,
    markup: 'script>',
    fixed: true,
  },
  {
    name: 'an inline <iframe> with its closing tag',
    path: 'frame.md',
    text: `${LEAD}\n\nSome take it as a supplement <iframe src="https://ads.example.com/x"></iframe> during the winter.\n`,
    ruleId: 'artifact/html-tag',
    line: 5,
    markup: 'iframe',
    fixed: true,
  },
  {
    name: 'an event handler: the attribute goes, the element stays whole',
    path: 'handler.md',
    text: `${LEAD}\n\nSome people take it <b onclick="steal()">daily</b> in winter.\n`,
    ruleId: 'artifact/unsafe-html',
    line: 5,
    markup: 'onclick',
    fixed: true,
  },
  {
    name: 'a <style> block between paragraphs goes whole',
    path: 'style.md',
    text: `${LEAD}\n\n<style>\np { color: red }\n</style>\n\nCitrus, peppers and broccoli are good sources.\n`,
    ruleId: 'artifact/html-tag',
    line: 5,
    markup: 'color: red',
    fixed: true,
  },
  {
    name: 'a <style> element inside a list item, where the cleaner cannot take a block out, stays open',
    path: 'style-item.md',
    text: `${LEAD}\n\n- Citrus fruit\n- <style>p { color: red }</style>\n`,
    ruleId: 'artifact/html-tag',
    line: 6,
    markup: 'color: red',
    fixed: false,
  },
  {
    name: 'a script tag written in a plain-text draft is text, escaped, and stays open',
    path: 'plain.txt',
    text: 'Vitamin A\n\nVitamin A keeps the eyes healthy.<script>bad()</script> Liver and carrots hold a lot of it.\n',
    ruleId: 'artifact/html-tag',
    line: 3,
    markup: 'bad()',
    fixed: false,
  },
  {
    name: 'a tag in a byline the cleaner drops whole as site debris',
    path: 'byline.md',
    text: `${LEAD}\n\nPosted by admin<br>on 3 May 2021\n\nCitrus, peppers and broccoli are good sources.\n`,
    ruleId: 'artifact/html-tag',
    line: 5,
    markup: 'Posted by admin',
    fixed: true,
  },
  {
    name: 'a zero-width space inside a dose',
    path: 'invisible.md',
    text: `${LEAD}\n\nAdults need about 9\u200b0 mg a day.\n`,
    ruleId: 'artifact/invisible-char',
    line: 5,
    markup: '\u200b',
    fixed: true,
  },
];

describe('fixed says what the cleaned article did', () => {
  it.each(CASES)('$name', async (c) => {
    const result = await audit([], resolveConfig(), { texts: [{ path: c.path, text: c.text }], workers: 0 });
    const finding = result.findings.find((f) => f.ruleId === c.ruleId && f.span.start.line === c.line);
    expect(finding, `${c.ruleId} on line ${c.line}: ${result.findings.map((f) => `${f.ruleId}@${f.span.start.line}`).join(', ')}`).toBeDefined();
    const article = body(result.outputs[0]!.content);
    expect(article.includes(c.markup)).toBe(!c.fixed);
    expect(Boolean(finding!.fixed)).toBe(c.fixed);
    // The front matter counts what is still open: a fixed finding is not among them.
    const open = result.findings.filter((f) => !f.fixed && f.severity === 'warning').length;
    expect(result.outputs[0]!.content).toContain(`warnings: ${open}`);
  });

  it('an element the sanitiser removes leaves no stray closing tag, and a kept one keeps its own', async () => {
    const text = `${LEAD}<script>track()</script> Citrus.\n\nSome take it <b onclick="steal()">daily</b> and <iframe src="https://x.example"></iframe> more.\n`;
    const result = await audit([], resolveConfig(), { texts: [{ path: 'tags.md', text }], workers: 0 });
    const article = body(result.outputs[0]!.content);
    expect(article).toContain('Some take it <b>daily</b> and  more.');
    expect(article).not.toMatch(/<\/?(script|iframe)|track\(\)|onclick/);
  });
});
