/**
 * The check of kept HTML read as bytes (safeHtmlBytes) refuses whatever the check of the
 * decoded text (SAFE_HTML) refuses, whatever the characters around the tag.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAFE_HTML, safeHtmlBytes } from '../src/report/html/kept.js';

describe('kept HTML checked as bytes', () => {
  it.each([
    ['<div data-for="z1"><p class="x">Zinc 中文 ok</p></div>', true],
    ['<p title="on=">text onclick=alert(1)</p>', true],
    ['<script>alert(1)</script>', false],
    ['<SCRIPT src=x></SCRIPT>', false],
    ['<img src=x>', false],
    ['<a href="javascript:alert(1)">x</a>', false],
    ['<a onclick="x()">x</a>', false],
    ['<a/onclick=x()>x</a>', false],
    ['<p\u3000onclick=x()>中文</p>', false],
    ['<p\u00a0onclick\u2003=x()>x</p>', false],
    ['<p title="中文"onmouseover=x()>x</p>', false],
  ])('%j: safe %s', (html, safe) => {
    expect(SAFE_HTML.safeParse(html).success || !safe).toBe(true);
    expect(safeHtmlBytes(Buffer.from(html))).toBe(safe);
  });

  it('refuses, as bytes, whatever it refuses as text', () => {
    const piece = fc.constantFrom('<', '>', '/', '=', ' ', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', 'on', 'ON', 'click', 'a', 'p', 'script', 'javascript:', '中', 'é', 'ſ', 'K', '"', '\ufffd');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const html = pieces.join('');
        if (!SAFE_HTML.safeParse(html).success) expect(safeHtmlBytes(Buffer.from(html))).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });
});
