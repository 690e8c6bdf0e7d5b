/**
 * The check of kept HTML read as bytes (safeHtmlBytes) refuses whatever the check of the
 * decoded text (SAFE_HTML) refuses, whatever the characters around the tag.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockEntry } from '../src/audit.js';
import { SAFE_HTML, safeHtmlBytes } from '../src/report/html/kept.js';
import { draftDigest } from '../src/report/kept-runs.js';

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

describe('the digest a kept detail is found by', () => {
  const block = (lang: string, text: string): BlockEntry => ({ index: 0, kind: 'paragraph', line: 1, column: 1, lang, text });
  const text = 'Zinc helps.\n\n锌有帮助。';
  const blocks = [block('eng', 'Zinc helps.'), { ...block('cmn', '锌有帮助。'), index: 1, line: 3 }];

  it.each([
    ['the same text and languages', text, blocks, true],
    ['a block read in another language (the draft moved to another edition)', text, [blocks[0]!, { ...blocks[1]!, lang: 'eng' }], false],
    ['another text', `${text}\n`, blocks, false],
    ['one block fewer', text, [blocks[0]!], false],
  ])('%s: same digest %s', (_name, source, other, same) => {
    expect(draftDigest([...other], source) === draftDigest([...blocks], text)).toBe(same);
  });

  it('hashes the blocks whole where the text is not known', () => {
    expect(draftDigest([...blocks], undefined)).not.toBe(draftDigest([blocks[0]!, { ...blocks[1]!, text: '锌' }], undefined));
  });
});
