import { describe, expect, it } from 'vitest';
import { MarkdownWriter, toMarkdown } from '../src/clean/markdown.js';
import { Pool } from '../src/engine/pool.js';
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
    expect(await Promise.all(written)).toEqual(all.map(toMarkdown));
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
      expect(await Promise.all(written)).toEqual(all.map(toMarkdown));
    } finally {
      await pool.close();
    }
  });
});
