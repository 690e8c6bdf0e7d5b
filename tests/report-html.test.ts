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
import { normalised, urlElement } from '../src/report/html-tables.js';
import { ruleById, rules } from '../src/rules/index.js';
import type { Finding } from '../src/types.js';
import { EVIL_FILE, PAYLOADS, hostileResult } from './fixtures/report/hostile-result.js';

const parse = (html: string): Root => unified().use(rehypeParse).parse(html);

function elements(tree: Root | Element, test: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) out.push(e);
  });
  return out;
}

function textOf(node: Root | Element | import('hast').ElementContent): string {
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

describe('the cleaned article in the report', () => {
  const tree = parse(render());
  const published = elements(tree, (e) => (e.properties.className as string[] | undefined)?.includes('published') ?? false);

  it('is rendered from its Markdown, with its markup shown as code and nothing that runs or loads', () => {
    expect(published).toHaveLength(1);
    const article = published[0]!;
    const codes = elements(article, (e) => e.tagName === 'code').map((c) => textOf(c));
    expect(codes).toContain(`<b onmouseover="window.__pwned='inline'">`);
    expect(textOf(article)).toContain('[image: a chart]');
    // the table of the Markdown is a table; the script link lost its target
    expect(elements(article, (e) => e.tagName === 'table')).toHaveLength(1);
    const link = elements(article, (e) => e.tagName === 'a' && textOf(e) === 'the source');
    expect(link).toHaveLength(1);
    expect(link[0]!.properties.href).toBeUndefined();
    expect(elements(article, (e) => ['script', 'img', 'iframe', 'style'].includes(e.tagName))).toEqual([]);
  });

  it('has a diff against its canonical draft, folded', () => {
    const diffs = elements(tree, (e) => e.tagName === 'details' && ((e.properties.className as string[] | undefined)?.includes('published-diff') ?? false));
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.properties.open).toBeUndefined();
    expect(elements(tree, (e) => e.tagName === 'details' && e.properties.open !== undefined)).toEqual([]);
  });
});

describe('the rule explanations', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s says how to fix what it finds', (_id, rule) => {
    expect(rule.meta.fix, rule.id).toMatch(/^[A-Z`][^]{30,}[.)]$/);
  });

  it('are in the report for every rule with findings, linked from each rule id', () => {
    const tree = parse(render());
    const docs = elements(tree, (e) => (e.properties.className as string[] | undefined)?.includes('rule-doc') ?? false);
    const ids = [...new Set(hostileResult().findings.map((f) => f.ruleId))].sort();
    expect(docs.map((d) => d.properties.dataRule).sort()).toEqual(ids);
    const anchors = new Set(docs.map((d) => `#${String(d.properties.id)}`));
    const links = elements(tree, (e) => e.tagName === 'a' && ((e.properties.className as string[] | undefined)?.includes('rule') ?? false));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(anchors.has(String(a.properties.href))).toBe(true);
    const known = docs.find((d) => d.properties.dataRule === 'lang/foreign-block')!;
    expect(textOf(known)).toContain(`How to fix: ${ruleById('lang/foreign-block')!.meta.fix!.replace(/`/g, '')}`);
  });
});

describe('the article tables and the change log', () => {
  it.each([
    ['500 mg', '500 mg', ''],
    ['500mg', '500 mg', ''],
    ['310–360 mg', '310–360 mg', ''],
    ['0.5 g', '500 mg', ' = 500 mg'],
    ['400 IU', '10 µg', ' = 10 µg'],
  ])('shows a dose written %s, read as %s, with %j', (written, amount, expected) => {
    expect(normalised(written, amount)).toBe(expected);
  });

  it.each([
    ['https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/', 'a'],
    ['https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium/', 'code'],
    ['https://example.org/a b', 'code'],
    ['javascript:alert(1)', 'text'],
  ])('shows %s as %s', (url, kind) => {
    const shown = urlElement(url);
    expect(typeof shown === 'string' ? 'text' : shown.type === 'element' ? shown.tagName : shown.type).toBe(kind);
  });

  it('fills "Taken from" for every kind of change', () => {
    const result = hostileResult();
    const base = result.changes[0]!;
    result.changes = [
      base,
      { ...base, kind: 'repaired', source: undefined, text: 'https://example.org/' },
      { ...base, kind: 'removed', source: undefined, text: 'Leave a Reply' },
    ];
    const tree = parse(renderHtml(result, { reportsDir: '/work/site/reports', cwd: '/work/site' }));
    const log = elements(tree, (e) => e.properties.id === 'change-log')[0]!;
    const rows = elements(log, (e) => e.tagName === 'tr').slice(1);
    const takenFrom = rows.map((r) => textOf(elements(r, (e) => e.tagName === 'td')[4]!));
    expect(takenFrom).toEqual(['input/a.txt:1', 'the rule’s proposed repair', 'nothing: the passage is left out']);
  });
});

describe('the full text of a draft', () => {
  it('numbers and anchors every line, and marks each finding’s span on its line', () => {
    const tree = parse(render());
    const section = elements(tree, (e) => e.tagName === 'section' && e.properties.dataFile === 'input/a.txt')[0]!;
    const anchor = String(section.properties.id);
    const canonical = elements(section, (e) => e.tagName === 'li');
    expect(canonical.map((l) => l.properties.id)).toEqual([1, 2, 3].map((n) => `${anchor}-line-${n}`));
    expect(canonical.map((l) => textOf(l))).toEqual(hostileResult().sources!['input/a.txt']!.split('\n').slice(0, -1));
    // artifact/html-tag on line 3, columns 12 to 12 + its length: the tag is marked.
    const marks = elements(canonical[2]!, (e) => e.tagName === 'mark');
    expect(marks.map((m) => [textOf(m), m.properties.title])).toEqual([[PAYLOADS[1], 'artifact/html-tag']]);
    // the finding's row links to that line
    const row = elements(tree, (e) => e.tagName === 'tr' && e.properties.dataRule === 'artifact/html-tag' && e.properties.dataFinding !== undefined)[0]!;
    expect(elements(row, (e) => e.tagName === 'a')[0]!.properties.href).toBe(`#${anchor}-line-3`);
  });

  it('finds an excerpt near its column in a block of thousands of equal tags', () => {
    const text = 'Sleep well.<br>'.repeat(10_000);
    const blocks: BlockEntry[] = [{ index: 0, kind: 'paragraph', line: 1, column: 1, lang: 'eng', text }];
    const f = (column: number): Finding => ({ ruleId: 'artifact/html-tag', severity: 'warning', path: 'a.txt', span: { start: { line: 1, column, offset: column - 1 }, end: { line: 1, column: column + 4, offset: column + 3 } }, message: 'm', excerpt: '<br>' });
    const at = 15 * 7_000 + 12;
    const parts = excerptParts(f(at), blocks);
    expect(parts.match).toBe('<br>');
    expect(parts.before.length + (parts.before.startsWith('…') ? 0 : 0)).toBeGreaterThan(0);
    expect(text.indexOf(parts.before.slice(1) + '<br>' + parts.after.slice(0, -1), at - 70)).toBe(at - 1 - (parts.before.length - 1));
  });
});

describe('an article with several editions', () => {
  it('shows each edition with its own canonical, cleaned article and versions', () => {
    const result = hostileResult();
    const cluster = result.clusters[0]!;
    const output = result.outputs[0]!;
    Object.assign(cluster, {
      editions: [
        { language: 'eng', canonical: 'input/a.txt', output: cluster.output, members: ['input/a.txt'] },
        { language: 'cmn', canonical: EVIL_FILE, output: 'output/magnesium.zh.md', members: [EVIL_FILE] },
      ],
    });
    result.outputs.push({ ...output, file: 'magnesium.zh.md', content: '# 镁与睡眠\n\n镁有助于放松肌肉。\n' });
    const tree = parse(renderHtml(result, { reportsDir: '/work/site/reports', cwd: '/work/site' }));
    const editions = elements(tree, (e) => (e.properties.className as string[] | undefined)?.includes('edition') ?? false);
    expect(editions.map((e) => textOf(elements(e, (x) => x.tagName === 'h4')[0]!))).toEqual(['English edition (eng)', 'Chinese edition (cmn)']);
    expect(editions.map((e) => e.properties.lang)).toEqual(['en', 'zh']);
    const published = editions.map((e) => textOf(elements(e, (x) => (x.properties.className as string[] | undefined)?.includes('published') ?? false)[0]!));
    expect(published[1]).toContain('镁有助于放松肌肉。');
    expect(published[0]).not.toContain('镁有助于放松肌肉。');
  });
});
