/**
 * The HTML report in pieces: `renderHtmlChunks` yields the page a section, a draft and an
 * article at a time, `renderHtml` is their join, and serialising repeated content once changes
 * nothing in the page.
 */
import type { Element, Root } from 'hast';
import { inflateRawSync } from 'node:zlib';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { AuditResult, DocumentEntry } from '../src/audit.js';
import { renderHtml, renderHtmlChunks, type HtmlOptions } from '../src/report/html.js';
import type { Finding } from '../src/types.js';
import { EVIL_FILE, hostileResult } from './fixtures/report/hostile-result.js';

const OPTIONS: HtmlOptions = { reportsDir: '/work/site/reports', cwd: '/work/site' };

const parse = (html: string): Root => unified().use(rehypeParse).parse(html);

function elements(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) out.push(e);
  });
  return out;
}

const classes = (e: Element): string[] => (e.properties.className as string[] | undefined) ?? [];

/** The hostile result with one more draft: a copy of `input/a.txt` under `file`. */
function withCopy(file: string): AuditResult {
  const result = hostileResult();
  const source = 'input/a.txt';
  const doc = result.documents.find((d): d is DocumentEntry => d.path === source && d.status === 'audited')!;
  result.documents.push({ ...doc, path: file, canonical: false });
  result.clusters[0]!.members.push({ path: file, similarity: 1 });
  result.findings.push(...result.findings.filter((f) => f.path === source).map((f): Finding => ({ ...f, path: file })));
  result.blocks[file] = result.blocks[source]!.map((b) => ({ ...b }));
  result.sources![file] = result.sources![source]!;
  return result;
}

describe('renderHtmlChunks', () => {
  it.each([
    ['the hostile result', hostileResult(), OPTIONS],
    ['a result with a baseline and --changed-since', hostileResult(), {
      ...OPTIONS,
      gate: { baseline: { file: 'baseline<b>.json', findings: new Set<Finding>() }, changed: { ref: 'HEAD~1"', has: (p: string) => p === EVIL_FILE } },
    }],
  ])('joins to the page renderHtml returns: %s', (_name, result, options) => {
    expect([...renderHtmlChunks(result, options)].join('')).toBe(renderHtml(result, options));
  });

  it('yields the page start, the summary, each draft, each article, the change log a row at a time and the page end', () => {
    const result = withCopy('input/b.txt');
    const [restored] = result.changes;
    result.changes.push({ output: restored!.output, kind: 'removed', ruleId: 'artifact/cms-leftover', from: { path: 'input/b.txt', line: 2 }, text: 'Share this article' });
    const chunks = [...renderHtmlChunks(result, OPTIONS)];
    const drafts = chunks.filter((c) => c.startsWith('<section class="doc"'));
    const articles = chunks.filter((c) => c.startsWith('<section class="article"'));
    const rows = result.changes.length;
    expect(drafts).toHaveLength(3);
    expect(articles).toHaveLength(result.clusters.length);
    expect(rows).toBeGreaterThan(1);
    // The change log: its start up to the table's body, one chunk a change, its end.
    expect(chunks).toHaveLength(drafts.length + articles.length + 10 + rows);
    expect(chunks[0]).toMatch(/^<!doctype html>\n<html lang="en"><head>/);
    expect(chunks[1]).toMatch(/^<section id="summary">.*<\/section>$/s);
    const log = chunks.length - rows - 3;
    expect(chunks[log - 1]).toMatch(/^<section id="rules">.*<\/section>$/s);
    expect(chunks[log]).toMatch(/^<section id="changes">.*<tbody>$/s);
    expect(chunks.slice(log + 1, log + 1 + rows).every((c) => /^<tr data-rule="[^"]+" data-file="[^"]+".*<\/tr>$/s.test(c))).toBe(true);
    expect(chunks.at(-2)).toBe('</tbody></table></div></section>');
    expect(chunks.at(-1)).toMatch(/<\/script><\/body><\/html>\n$/);
  });

  it('folds the detail of a large page in groups, each after its parts and holding exactly them', () => {
    // 120 drafts folded in groups of 50, and the articles' detail in a group of its own.
    let result = withCopy('input/b.txt');
    for (let k = 0; k < 117; k++) {
      const copy = withCopy(`input/copy-${String(k).padStart(3, '0')}.txt`);
      result = { ...result, documents: [...result.documents, copy.documents.at(-1)!], findings: [...result.findings, ...copy.findings.filter((f) => f.path.includes('copy-'))], blocks: { ...result.blocks, ...copy.blocks }, sources: { ...result.sources, ...copy.sources } };
    }
    const options = { ...OPTIONS, lazyAbove: 0 };
    const page = [...renderHtmlChunks(result, options)].join('');
    expect(page).toBe(renderHtml(result, options));
    const tree = parse(page);
    const placed = new Map<string, string[]>();
    const order: string[] = [];
    visit(tree, 'element', (e: Element) => {
      if (classes(e).includes('deferred')) {
        const group = String(e.properties.dataGroup);
        // (A part is placed before its group.)
        expect(order).not.toContain(group);
        placed.set(group, [...(placed.get(group) ?? []), String(e.properties.dataFor)]);
      } else if (classes(e).includes('zgroup')) {
        order.push(String(e.properties.id));
        const html = inflateRawSync(Buffer.from(String(e.properties.dataZ), 'base64')).toString('utf8');
        expect([...html.matchAll(/<div data-for="(z\d+)">/g)].map((m) => m[1])).toEqual(placed.get(String(e.properties.id)));
      }
    });
    expect(order.length).toBeGreaterThan(3);
    expect(new Set(order)).toEqual(new Set(placed.keys()));
  });

  it('yields a change log without changes whole, with no table', () => {
    const result = { ...withCopy('input/b.txt'), changes: [] };
    const chunks = [...renderHtmlChunks(result, OPTIONS)];
    expect(chunks.at(-2)).toMatch(/^<section id="changes">.*The cleaning changed nothing\.<\/p><\/section>$/s);
    expect(chunks.at(-2)).not.toContain('<table');
    expect(chunks.join('')).toBe(renderHtml(result, OPTIONS));
  });

  it('shows a repeated draft in full in both places', () => {
    const chunks = [...renderHtmlChunks(withCopy('input/b.txt'), OPTIONS)];
    const section = (file: string): string => {
      const chunk = chunks.find((c) => c.startsWith('<section class="doc"') && c.includes(`data-file="${file}"`))!;
      // What differs: the path, the anchor (and the line anchors under it), the draft's place
      // in either order, and canonical against a version with its similarity.
      return chunk
        .replaceAll(file, 'FILE')
        .replace(/"#?doc-\d+(-line-\d+)?"/g, (_m, line: string | undefined) => `"doc-N${line ?? ''}"`)
        .replace(/data-pos="\d+" data-worst="\d+"/, '')
        .replace(/data-finding="\d+"/g, '')
        .replace('Canonical version of', 'Version of')
        .replace(/ \(similarity [\d.]+\)/, '');
    };
    expect(section('input/b.txt')).toBe(section('input/a.txt'));
    expect(section('input/a.txt')).toContain('<mark>');
  });

  it('keeps a file name that looks like the place holder of the sections as text', () => {
    const file = 'input/<!--"draftaudit:parts"--><!--draftaudit:parts-->.txt';
    const result = withCopy(file);
    const tree = parse(renderHtml(result, OPTIONS));
    const main = elements(tree, (e) => e.tagName === 'main')[0]!;
    expect(main.children.filter((c) => c.type === 'element').map((e) => (e as Element).properties.id)).toEqual(['summary', 'drafts', 'articles', 'rules', 'changes']);
    const docs = elements(tree, (e) => e.tagName === 'section' && classes(e).includes('doc'));
    expect(docs.map((d) => d.properties.dataFile)).toContain(file);
    expect(docs).toHaveLength(3);
    expect(elements(tree, (e) => e.tagName === 'option').map((o) => o.properties.value)).toContain(file);
    expect(elements(tree, (e) => e.type === 'element' && e.tagName === 'tr' && classes(e).includes('finding'))).toHaveLength(result.findings.length);
  });

  it('puts no attribute on a change-log cell with nothing to show', () => {
    const result = hostileResult();
    result.changes.push({ ...result.changes[0]!, source: undefined });
    const tree = parse(renderHtml(result, OPTIONS));
    const log = elements(tree, (e) => e.properties.id === 'change-log')[0]!;
    const cells = elements(log, (e) => e.tagName === 'td');
    expect(cells.filter((td) => Object.keys(td.properties).some((k) => k !== 'className'))).toEqual([]);
  });
});
