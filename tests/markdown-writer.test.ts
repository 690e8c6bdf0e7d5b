import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { blockTextAt, deflatedHtml, MarkdownWriter, sharingText, toMarkdown } from '../src/clean/markdown.js';
import { lineStartsOf } from '../src/position.js';
import { Pool } from '../src/engine/pool.js';
import { renderArticle } from '../src/report/html/markdown.js';
import { parse } from '../src/parse/index.js';
import { ROOT, sampleDoc } from './helpers.js';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderHtml } from '../src/report/html.js';

/** Trees of every sample block by block, a few dozen articles of different lengths. */
function trees() {
  const out = [];
  for (const s of ['000', '001', '002', '003', '004']) {
    const doc = sampleDoc(s);
    for (let n = 1; n <= 8; n++) out.push(parse(doc.text.slice(0, Math.ceil((doc.text.length * n) / 8)), 'txt').tree);
  }
  return out;
}

describe('MarkdownWriter', () => {
  it('writes in this thread alone without a pool', async () => {
    const all = trees();
    const writer = new MarkdownWriter();
    const written = all.map((t) => writer.write(t));
    await writer.flush();
    expect(await Promise.all(written)).toEqual(all.map((t) => ({ markdown: toMarkdown(t) })));
  });

  it('gives the same Markdown, in order, when a worker shares the writing', async () => {
    const all = trees();
    expect(all.length).toBeGreaterThan(16);
    const pool = new Pool(2, 'markdown-worker');
    try {
      const writer = new MarkdownWriter(pool);
      // More trees than the queue holds, with no pause between them: this thread writes
      // some itself, the worker the others.
      const written = all.map((t) => writer.write(t));
      await writer.flush();
      expect(await Promise.all(written)).toEqual(all.map((t) => ({ markdown: toMarkdown(t) })));
    } finally {
      await pool.close();
    }
  });

  it('renders each article for the report in the thread that writes it, as the report would', async () => {
    const all = trees();
    const pool = new Pool(2, 'markdown-worker');
    try {
      const writer = new MarkdownWriter(pool, renderArticle);
      const pending = all.map((t) => writer.write(t));
      await writer.flush();
      const written = await Promise.all(pending);
      const expected = all.map((t) => {
        const markdown = toMarkdown(t);
        return { markdown, html: renderArticle(markdown) };
      });
      expect(written).toEqual(expected);
      // Real renderings, not empty ones: the samples have headings and paragraphs.
      expect(written.every((w) => w.html!.html.includes('<p>') && w.html!.blocks.length > 0)).toBe(true);
    } finally {
      await pool.close();
    }
    }, 120_000);
});

describe('the rendered blocks share the Markdown\'s text (sharingText)', () => {
  it('finds most blocks of the samples at their node, as the same text, and leaves the rest as they were', () => {
    let found = 0;
    let total = 0;
    for (const t of trees()) {
      const markdown = toMarkdown(t);
      const html = renderArticle(markdown);
      const before = html.blocks.map((b) => b.text);
      const starts = lineStartsOf(markdown);
      for (const b of html.blocks) {
        const at = blockTextAt(markdown, starts, b);
        total++;
        if (at === -1) continue;
        found++;
        expect(markdown.slice(at, at + b.text.length)).toBe(b.text);
      }
      sharingText({ markdown, html });
      expect(html.blocks.map((b) => b.text)).toEqual(before);
    }
    console.log(`sharingText: ${found} of ${total} sample blocks stand in the Markdown at their node`);
    expect(found / total).toBeGreaterThan(0.8);
  });

  it.each([
    ['a heading after its hashes', '# Magnesium and sleep\n', 'Magnesium and sleep', 1, 1, 2],
    ['a list item after its marker', 'Intro.\n\n- Take it with food\n', 'Take it with food', 3, 1, 10],
    ['a paragraph of two lines is read with one space: not in the Markdown', 'One line\nand another\n', 'One line and another', 1, 1, -1],
    ['the same words earlier in the article are not taken for a later block', 'Dose\n\nA note.\n\nDose\n', 'Dose', 5, 1, 15],
    ['a node past the end of the Markdown', 'Short.\n', 'Short.', 9, 1, -1],
  ])('%s', (_name, markdown, text, line, column, at) => {
    expect(blockTextAt(markdown, lineStartsOf(markdown), { text, line, column })).toBe(at);
  });
});

describe('a rendering kept deflated (deflatedHtml)', () => {
  it('reads, copies and serialises as the rendering it was made from', () => {
    for (const t of trees().slice(0, 12)) {
      const markdown = toMarkdown(t);
      const plain = renderArticle(markdown);
      const kept = deflatedHtml(plain);
      expect(kept.html).toBe(plain.html);
      expect(kept).toEqual(plain);
      expect({ ...kept }).toEqual(plain);
      expect(JSON.stringify(kept)).toBe(JSON.stringify(plain));
    }
    const chinese = { html: '<p>镁参与三百多种酶反应。</p>', titled: false, blocks: [] };
    expect(deflatedHtml(chinese).html).toBe(chinese.html);
  });
});

describe('articles rendered while they are cleaned (renderArticles)', () => {
  it('give the HTML report the bytes it gives when it renders them itself, and the report uses them', async () => {
    const at = new Date('2026-11-23T00:00:00.000Z');
    const options = { reportsDir: `${ROOT}/reports`, cwd: ROOT };
    // Two versions of one article and an article of its own.
    const drafts = ['input/000_c1c503f43d10bcaf.txt', 'input/002_42ea68e9ece25881.txt', 'input/003_a640f6bfd24ca5b0.txt'];
    const plain = await audit(drafts, resolveConfig(), { cwd: ROOT, workers: 0, now: () => at });
    const made = await audit(drafts, resolveConfig(), { cwd: ROOT, workers: 2, now: () => at, renderArticles: true });
    expect(plain.outputs.some((o) => o.html !== undefined)).toBe(false);
    expect(made.outputs.length).toBe(2);
    for (const o of made.outputs) expect(o.html).toEqual(renderArticle(o.content));
    expect(renderHtml(made, options)).toBe(renderHtml(plain, options));
    // As a large batch's page holds them: folded, deflated in groups.
    expect(renderHtml(made, { ...options, lazyAbove: 0 })).toBe(renderHtml(plain, { ...options, lazyAbove: 0 }));
    // The page takes the clean stage's rendering rather than parsing the Markdown again.
    made.outputs[0]!.html = { ...made.outputs[0]!.html!, html: '<p>rendered while cleaning</p>' };
    expect(renderHtml(made, options)).toContain('<p>rendered while cleaning</p>');
  }, 120_000);
});

describe('tildes in a Markdown draft', () => {
  // The cleaned article is read by any GFM reader, where one tilde on each side also strikes
  // text out: it must read there as the draft read (its text the draft's, struck only where the
  // draft struck), and the report's rendering of it shows the same.
  const reader = unified().use(remarkParse).use(remarkGfm);
  it.each([
    ['single tildes of age ranges on two lines stay text', '| 0~6个月 | 400 IU |\n\n婴儿0~6个月每天400 IU，7~12个月同样。', ['0~6个月', '7~12个月'], []],
    ['…while a double-tilde strikethrough stays one', 'The old advice was ~~1,000 IU a day~~ and is now 600 IU.', ['The old advice was', 'and is now 600 IU.'], ['1,000 IU a day']],
  ])('%s', (_name, text, kept, struck) => {
    const md = toMarkdown(parse(text, 'md').tree);
    const read = reader.parse(md);
    const deleted: string[] = [];
    visit(read, 'delete', (node) => {
      deleted.push(mdastToString(node));
    });
    expect(deleted).toEqual(struck);
    for (const k of kept) expect(mdastToString(read)).toContain(k);
    expect(renderArticle(md).html.includes('<del>')).toBe(struck.length > 0);
  });
});
