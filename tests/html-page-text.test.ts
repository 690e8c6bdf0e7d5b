/**
 * HTML pages as scraped: text a page puts straight in a <div> is read like a paragraph (it
 * reaches the cleaned article, so the rules must see it too), a reference list ends where the
 * page's own furniture begins, and a link within the site is no malformed reference address.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { runDocumentRules } from '../src/audit.js';
import { rules } from '../src/rules/index.js';
import type { DocumentRule } from '../src/types.js';
import { docFromText } from './helpers.js';

const config = resolveConfig();
const documentRules = rules.filter((r): r is DocumentRule => r.scope === 'document');

function findings(html: string): Array<{ rule: string; line: number; text: string; message: string }> {
  const doc = docFromText(html, 'html', 'page.html');
  return runDocumentRules(doc, documentRules, { config }).map((f) => ({
    rule: f.ruleId,
    line: f.span.start.line,
    text: doc.text.slice(f.span.start.offset, f.span.end.offset),
    message: f.message,
  }));
}

const page = (body: string): string => `<html><head><title>Zinc</title></head><body>\n<h1>How much zinc do adults need?</h1>\n${body}\n</body></html>\n`;

describe('text a page puts straight in a div', () => {
  it.each([
    ['a bare div', '<div>Adults should take 150 mg of zinc every day to keep colds away.</div>'],
    ['a div with inline markup', '<div><strong>Our tip:</strong> take 150 mg of zinc every day to keep colds away.</div>'],
    ['a section', '<section>Adults should take 150 mg of zinc every day to keep colds away.</section>'],
    ['a paragraph, as before', '<p>Adults should take 150 mg of zinc every day to keep colds away.</p>'],
  ])('is read by the rules in %s, at the line of its text', (_, html) => {
    const got = findings(page(`<p>Zinc helps the immune system and wound healing.</p>\n${html}`));
    const dose = got.filter((f) => f.rule === 'dose/above-upper-limit');
    expect(dose).toHaveLength(1);
    expect(dose[0]!.line).toBe(4);
    expect(dose[0]!.text).toContain('150 mg');
  });
});

describe('a reference list on a page with a footer', () => {
  const refs = '<h2>References</h2>\n<ol><li>Office of Dietary Supplements. Zinc fact sheet. 2022.</li>\n<li>Institute of Medicine. Dietary Reference Intakes. 2001.</li></ol>';
  const footer = '<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="../contact.html">Contact</a></li></ul></footer>';

  it('ends where the footer starts: a marker past the list is out of range, and the footer links are no references', () => {
    const got = findings(page(`<p>Zinc shortens colds in some trials.<sup>1</sup> Too much lowers copper.<sup>4</sup></p>\n${refs}\n${footer}`));
    expect(got.filter((f) => f.rule === 'cite/out-of-range').map((f) => f.message)).toEqual([expect.stringMatching(/^Citation [4⁴] has no entry in the reference list \(2 entries\)/)]);
    expect(got.filter((f) => f.rule === 'cite/malformed-url')).toEqual([]);
  });

  it('keeps its entries when the references stand inside the footer themselves', () => {
    const inFooter = `<footer>${refs}</footer>`;
    const got = findings(page(`<p>Zinc shortens colds in some trials.<sup>1</sup> Too much lowers copper.<sup>2</sup></p>\n${inFooter}`));
    expect(got.filter((f) => f.rule.startsWith('cite/'))).toEqual([]);
  });

  it('still reports a malformed absolute address in an entry', () => {
    const broken = '<h2>References</h2>\n<ol><li>Zinc fact sheet. <a href="htps://ods.od.nih.gov/factsheets/Zinc/">ODS</a></li></ol>';
    const got = findings(page(`<p>Zinc shortens colds in some trials.<sup>1</sup></p>\n${broken}\n${footer}`));
    expect(got.filter((f) => f.rule === 'cite/malformed-url')).toHaveLength(1);
  });
});

describe("doses in the page's furniture", () => {
  const advice = 'Take 150 mg of zinc every day, it cleared my skin.';
  it.each([
    ['a reader comment', `<section class="comments"><div class="comment"><b>Sam</b><p>${advice}</p></div></section>`, 0],
    ['a related-posts box', `<div class="related-posts"><ul><li><a href="/z">${advice}</a></li></ul></div>`, 0],
    ['the footer', `<footer><p>${advice}</p></footer>`, 0],
    // The article's own words, and boxes that may hold them, are read.
    ['the article', `<p>${advice}</p>`, 1],
    ['a sidebar box of facts', `<div class="sidebar"><p>${advice}</p></div>`, 1],
    ['an aside', `<aside><p>${advice}</p></aside>`, 1],
  ])('in %s', (_, html, expected) => {
    const got = findings(page(`<p>Zinc helps the immune system and wound healing.</p>\n${html}`));
    expect(got.filter((f) => f.rule.startsWith('dose/'))).toHaveLength(expected);
  });
});
