/**
 * The HTML report as a string: hostile content in every field stays text, the page carries its
 * own script (allowed by hash) and nothing else that can run, and the excerpt highlighting.
 */
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { BlockEntry } from '../src/audit.js';
import { excerptParts, renderHtml } from '../src/report/html.js';
import type { Finding } from '../src/types.js';
import { EVIL_FILE, PAYLOADS, hostileResult } from './fixtures/report/hostile-result.js';

const parse = (html: string): Root => unified().use(rehypeParse).parse(html);

function elements(tree: Root, test: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) out.push(e);
  });
  return out;
}

function textOf(node: Root | Element): string {
  let s = '';
  visit(node, 'text', (t: { value: string }) => {
    s += t.value;
  });
  return s;
}

/** URL-valued attributes whose value would run script or load something. */
const URL_PROPS = ['href', 'src', 'action', 'formAction', 'srcDoc', 'data', 'poster', 'xLinkHref', 'background'];

function render(): string {
  return renderHtml(hostileResult(), { reportsDir: '/work/site/reports', cwd: '/work/site' });
}

describe('HTML report with markup in every field', () => {
  const html = render();
  const tree = parse(html);

  it('holds exactly one script: its own, allowed by a hash in the Content-Security-Policy', () => {
    const scripts = elements(tree, (e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    const code = textOf(scripts[0]!);
    expect(code).not.toMatch(/pwned/);
    const csp = elements(tree, (e) => e.tagName === 'meta' && String(e.properties.httpEquiv).toLowerCase() === 'content-security-policy');
    expect(csp).toHaveLength(1);
    const policy = String(csp[0]!.properties.content);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    expect(policy).not.toMatch(/unsafe-inline'[^;]*script|script-src[^;]*unsafe/);
  });

  it('has no event-handler attribute, no script URL and nothing to embed', () => {
    for (const e of elements(tree)) {
      for (const key of Object.keys(e.properties)) expect(key.toLowerCase().startsWith('on'), `${e.tagName} ${key}`).toBe(false);
      for (const key of URL_PROPS) {
        const value = e.properties[key];
        if (value === undefined) continue;
        const url = String(value).replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        expect(url.startsWith('javascript:'), `${e.tagName} ${key}=${value}`).toBe(false);
        if (url.startsWith('data:')) expect(`${e.tagName} ${url}`).toBe('link data:,');
      }
    }
    expect(elements(tree, (e) => ['iframe', 'img', 'svg', 'base', 'object', 'embed'].includes(e.tagName))).toEqual([]);
  });

  it('shows every payload as text', () => {
    const text = textOf(tree);
    for (const p of PAYLOADS) expect(text).toContain(p);
    expect(text).toContain(EVIL_FILE);
    // and none of them verbatim in the serialised page: `<` is escaped in text, quotes in attributes
    for (const p of PAYLOADS) expect(html).not.toContain(p);
  });

  it('keeps markup out of the style sheet and out of class names', () => {
    const style = elements(tree, (e) => e.tagName === 'style');
    expect(style).toHaveLength(1);
    expect(textOf(style[0]!)).not.toMatch(/[<>"]|pwned/);
    for (const e of elements(tree)) {
      for (const c of (e.properties.className as string[] | undefined) ?? []) expect(c).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('keeps the hostile file name in data attributes and options as text, with index-based ids', () => {
    const rows = elements(tree, (e) => (e.properties.className as string[] | undefined)?.includes('finding') ?? false);
    expect(rows.map((r) => r.properties.dataFile).sort()).toEqual(hostileResult().findings.map((f) => f.path).sort());
    const options = elements(tree, (e) => e.tagName === 'option').map((o) => o.properties.value);
    expect(options).toContain(EVIL_FILE);
    for (const e of elements(tree)) if (e.properties.id !== undefined) expect(String(e.properties.id)).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('links an output whose name looks like a script URL as a relative path', () => {
    const links = elements(tree, (e) => e.tagName === 'a' && String(e.properties.href).includes('pwned'));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(a.properties.href).toBe("../output/javascript%3Awindow.__pwned%3D'output'.md");
  });
});

describe('excerpt highlighting', () => {
  const blocks: BlockEntry[] = [
    { index: 0, kind: 'heading', line: 1, column: 1, lang: 'eng', text: 'Magnesium and sleep' },
    { index: 1, kind: 'paragraph', line: 3, column: 1, lang: 'eng', text: 'Take it at night.<br> Take it with food.<br> Done.' },
    { index: 2, kind: 'paragraph', line: 5, column: 3, lang: 'eng', text: 'A'.repeat(100) + ' needle ' + 'B'.repeat(100) },
  ];
  const finding = (line: number, column: number, excerpt: string): Finding => ({
    ruleId: 'artifact/html-tag',
    severity: 'warning',
    path: 'a.txt',
    span: { start: { line, column, offset: 0 }, end: { line, column: column + excerpt.length, offset: 0 } },
    message: 'm',
    excerpt,
  });

  it.each([
    ['the first of two equal spans', finding(3, 18, '<br>'), { before: 'Take it at night.', match: '<br>', after: ' Take it with food.<br> Done.' }],
    ['the second of two equal spans', finding(3, 41, '<br>'), { before: 'Take it at night.<br> Take it with food.', match: '<br>', after: ' Done.' }],
    ['a span in a long block, cut to its context', finding(5, 103, 'needle'), { before: `…${'A'.repeat(59)} `, match: 'needle', after: ` ${'B'.repeat(59)}…` }],
    ['an excerpt not in the block text', finding(3, 1, 'not there'), { before: '', match: 'not there', after: '' }],
    ['an empty excerpt', finding(1, 1, ''), { before: '', match: '', after: '' }],
    ['a cut excerpt', finding(1, 1, 'Magnesium and…'), { before: '', match: 'Magnesium and…', after: '' }],
  ])('%s', (_name, f, expected) => {
    expect(excerptParts(f, blocks)).toEqual(expected);
  });
});
