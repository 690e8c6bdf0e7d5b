/**
 * Lazily loaded images in HTML drafts: the placeholder a page shows before its script runs is
 * read at the image's real address, once (src/parse/lazy-images.ts), and is not taken for
 * unsafe markup. What is not a placeholder keeps its address and its finding.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { runDocumentRules } from '../src/audit.js';
import { cleanCorpus } from '../src/clean/index.js';
import { buildCorpus } from '../src/corpus/index.js';
import { rules } from '../src/rules/index.js';
import type { DocumentRule } from '../src/types.js';
import { body, docFromText } from './helpers.js';

const config = resolveConfig();
const documentRules = rules.filter((r): r is DocumentRule => r.scope === 'document');
const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

/** An article page with `figure` between two paragraphs. */
const page = (figure: string): string =>
  `<html><head><title>Magnesium and sleep</title></head><body><article>\n<h1>Magnesium and sleep</h1>\n<p>Magnesium helps the muscles relax, and adults need 310 to 420 mg a day from food.</p>\n${figure}\n<p>Nuts, seeds and whole grains are good sources of magnesium for most people.</p>\n</article></body></html>\n`;

async function audited(html: string): Promise<{ images: string[]; unsafe: number }> {
  const doc = docFromText(html, 'html', 'a.html');
  const findings = runDocumentRules(doc, documentRules, { config });
  const { outputs } = await cleanCorpus(buildCorpus([doc], config), new Map([[doc.path, doc]]), findings);
  const images = [...body(outputs[0]!.content).matchAll(/!\[[^\]]*\]\(([^)]*)\)/g)].map((m) => m[1]!);
  return { images, unsafe: findings.filter((f) => f.ruleId === 'artifact/unsafe-html').length };
}

describe('lazily loaded images in HTML drafts', () => {
  it.each<[string, string, string[], number]>([
    ['a data-src behind a placeholder picture', `<img src="${GIF}" data-src="/img/almonds.jpg" alt="Almonds">`, ['/img/almonds.jpg'], 0],
    ['a data-lazy-src with no src at all', '<img data-lazy-src="https://cdn.example.org/seeds.jpg" alt="Seeds">', ['https://cdn.example.org/seeds.jpg'], 0],
    ['a data-srcset behind an empty src', '<img src="" data-srcset="/img/oats-480.jpg 480w, /img/oats-960.jpg 960w" alt="Oats">', ['/img/oats-480.jpg'], 0],
    ['a noscript copy after a placeholder with no data attribute', `<img src="${GIF}" alt="Spinach"><noscript><img src="/img/spinach.jpg" alt="Spinach"></noscript>`, ['/img/spinach.jpg'], 0],
    ['a noscript copy after a resolved image', `<img src="${GIF}" data-src="/img/beans.jpg" alt="Beans">\n<noscript><img src="/img/beans.jpg" alt="Beans"></noscript>`, ['/img/beans.jpg'], 0],
    // Not placeholders: the address stays, and so does the finding where there is one.
    ['an ordinary image whose data-src names another size', '<img src="/img/rice.jpg" data-src="/img/rice-large.jpg" alt="Rice">', ['/img/rice.jpg'], 0],
    ['a noscript holding another image', '<img src="/img/tofu.jpg" alt="Tofu"><noscript><img src="/img/milk.jpg" alt="Milk"></noscript>', ['/img/tofu.jpg', '/img/milk.jpg'], 0],
    ['an inline picture with no real address', `<img src="${GIF}" alt="Chart">`, [], 1],
    ['a placeholder whose data-src is a script URL', `<img src="${GIF}" data-src="javascript:go()" alt="Chart">`, [], 1],
  ])('%s', async (_, figure, images, unsafe) => {
    const got = await audited(page(figure));
    expect(got.images).toEqual(images);
    expect(got.unsafe).toBe(unsafe);
  });
});
