import { describe, expect, it } from 'vitest';
import { MarkdownWriter, toMarkdown } from '../src/clean/markdown.js';
import { Pool } from '../src/engine/pool.js';
import { renderArticle } from '../src/report/html/markdown.js';
import { parse } from '../src/parse/index.js';
import { sampleDoc } from './helpers.js';

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
    writer.flush();
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
      writer.flush();
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
      writer.flush();
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
  });
});
