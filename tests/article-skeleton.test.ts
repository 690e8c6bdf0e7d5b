/**
 * The skeleton of a cleaned article (clean/skeleton.ts) and the report's parse of it
 * (report/html/skeleton.ts): the Markdown it gives back is the writer's, byte for byte, and
 * the tree and rendering it gives are the parse of that Markdown.
 */
import fc from 'fast-check';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fill, isInert, placeholder, type InertBlock } from '../src/clean/skeleton.js';
import { toMarkdown, writeArticle } from '../src/clean/stringify.js';
import { renderArticle } from '../src/report/html/markdown.js';
import { parseSkeleton } from '../src/report/html/skeleton.js';
import { parse } from '../src/parse/index.js';
import { sampleDoc } from './helpers.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const remark = (markdown: string): Root => parser.parse(markdown);

/** A tree without positions, but for the line and column each block (not text) starts at: what the rendering reads. */
function shape(node: Nodes): unknown {
  const { position, data: _data, ...rest } = node as Nodes & { data?: unknown };
  const out: Record<string, unknown> = { ...rest };
  if (position && node.type !== 'text') out.start = [position.start.line, position.start.column];
  if ('children' in node) out.children = node.children.map((c) => shape(c as Nodes));
  return out;
}

/** What the parser makes of `markdown` when it stands alone: the one block's text, or undefined. */
function soleText(markdown: string, type: 'paragraph' | 'heading'): string | undefined {
  const tree = remark(markdown);
  let node: Nodes | undefined = tree.children[0];
  // Down through the list item or quote it was put in.
  while (node && (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') && node.children.length === 1) node = node.children[0];
  if (tree.children.length !== 1 || node?.type !== type || node.children.length !== 1 || node.children[0]!.type !== 'text') return undefined;
  return node.children[0]!.value;
}

describe('inert text: read by the parser as itself', () => {
  it.each([
    // [text, inert as a paragraph, inert as a heading]
    ['Magnesium helps muscles relax.', true, true],
    ['镁有助于肌肉放松。（见第 3 节）', true, true],
    ['Adults need 310–420 mg a day,\nwomen less than men.', true, false],
    ['C# is a language; 50% of 2 is 1 (roughly) "quoted" ok!', true, false],
    ['A line with a non\u00a0breaking space and an ideographic\u3000space', true, true],
    ['5 * 3 = 15', false, false],
    ['snake_case name', false, false],
    ['see [1]', false, false],
    ['AT&T', false, false],
    ['a <b>tag</b>', false, false],
    ['mail me@example.com', false, false],
    ['visit www.example.com today', false, false],
    ['https://example.com', false, false],
    ['a | b', false, false],
    ['~strike~', false, false],
    ['`code`', false, false],
    ['back\\slash', false, false],
    ['tab\there', false, false],
    ['# heading', false, false],
    ['- item', false, false],
    ['+ item', false, false],
    ['1. first', false, false],
    ['2) second', false, false],
    ['first line\n:-- a delimiter row', false, false],
    ['first line\n=== an underline', false, false],
    ['first line\n- a list', false, false],
    ['first line\n 3 spaces in', false, false],
    [' leading space', false, false],
    ['trailing space ', false, false],
    ['hard  \nbreak', false, false],
    ['two\n\nparagraphs', false, false],
    ['', false, false],
    ['a\u0000b', false, false],
    ['a\rb', false, false],
    ['ends with a hash #', true, false],
    ['a placeholder\'s own \uE000 mark', false, false],
  ])('%j: paragraph %s, heading %s', (text, paragraph, heading) => {
    expect(isInert('paragraph', text)).toBe(paragraph);
    expect(isInert('heading', text)).toBe(heading);
    if (paragraph) expect(soleText(text, 'paragraph')).toBe(text);
    if (heading) expect(soleText(`## ${text}`, 'heading')).toBe(text);
  });

  // Characters that start or end constructs, spaces and line ends, next to plain ones.
  const piece = fc.constantFrom(
    ...'abcXYZ019 .,;:!?()"\'%$^{}/=+-#*_~`[]<>&|@\\\t\r\n'.split(''),
    '中文',
    '\u00a0',
    '\u3000',
    '\u0000',
    '1.',
    '2)',
    'www.',
    'http://',
    '-->',
    '&amp;',
    '  \n',
  );
  const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

  it('whatever the text, inert text is one text node of exactly itself, alone or in a list item or a quote', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (isInert('paragraph', t)) {
          expect(soleText(t, 'paragraph')).toBe(t);
          expect(soleText(`- ${t.replaceAll('\n', '\n  ')}`, 'paragraph')).toBe(t);
          expect(soleText(`> ${t.replaceAll('\n', '\n> ')}`, 'paragraph')).toBe(t);
        }
        if (isInert('heading', t)) expect(soleText(`### ${t}`, 'heading')).toBe(t);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fill', () => {
  const blocks: InertBlock[] = [
    { kind: 'heading', text: 'Zinc' },
    { kind: 'paragraph', text: 'Two lines\nof text.' },
  ];
  const skeleton = `# ${placeholder(0, 'Zinc')}\n\n- ${placeholder(1, 'Two lines\nof text.').replace('\n', '\n  ')}\n`;

  it.each([
    ['the placeholders in order, each line in place', skeleton, '# Zinc\n\n- Two lines\n  of text.\n'],
    ['a mark the text had', `${skeleton}\n\uE001\n`, undefined],
    ['a placeholder out of order', `- ${placeholder(1, 'Two lines\nof text.')}\n\n# ${placeholder(0, 'Zinc')}\n`, undefined],
    ['a placeholder line missing', `# ${placeholder(0, 'Zinc')}\n\n${placeholder(1, 'one line')}\n`, undefined],
    ['text after a placeholder on its line', `# ${placeholder(0, 'Zinc')} more\n\n${placeholder(1, 'Two lines\nof text.')}`, undefined],
  ])('%s', (_name, written, expected) => {
    expect(fill(written, blocks)).toBe(expected);
  });
});

const words = fc.constantFrom('Zinc', 'helps', 'the body', '镁', '补充剂', '(3)', '42 mg', 'one, two', 'Note: this', 'C#', '5 * 3', 'a_b', '[1]', 'AT&T', '<b>', 'www.example.com', 'https://example.com/a', '-->', '|', '\n', ' ', '- ', '1. ', '#');
const plain = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { weight: 6, arbitrary: plain.map((value): PhrasingContent => ({ type: 'text', value })) },
  plain.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
  plain.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
  fc.constantFrom('https://example.com/a', 'www.example.org').map((url): PhrasingContent => ({ type: 'link', url: url.startsWith('www') ? `http://${url}` : url, children: [{ type: 'text', value: url }] })),
  fc.constant<PhrasingContent>({ type: 'break' }),
);
const inline = fc.array(phrasing, { minLength: 1, maxLength: 4 });
const paragraph = inline.map((children): RootContent => ({ type: 'paragraph', children }));
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1, children }));
const html = fc.constantFrom('<!-- draftaudit: untranslated (eng) -->', '<!-- /draftaudit: untranslated -->', '<div>', '<!-- left open', '<!-- a --> <script>alert(1)</script>').map((value): RootContent => ({ type: 'html', value }));
const code = fc.tuple(plain, fc.constantFrom(null, 'js')).map(([value, lang]): RootContent => ({ type: 'code', lang, value }));
const item = fc.array(fc.oneof({ weight: 4, arbitrary: paragraph }, code), { minLength: 1, maxLength: 2 }).map((children) => ({ type: 'listItem' as const, spread: false, children: children as never }));
const list = fc.tuple(fc.boolean(), fc.boolean(), fc.array(item, { minLength: 1, maxLength: 3 })).map(([ordered, spread, children]): RootContent => ({ type: 'list', ordered, spread, children }));
const quote = fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((children): RootContent => ({ type: 'blockquote', children: children as never }));
const table = fc.array(fc.array(inline, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }).map(
  (rows): RootContent => ({ type: 'table', align: [null, null], children: rows.map((cells) => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })) }),
);
const flow = fc.oneof({ weight: 6, arbitrary: paragraph }, { weight: 3, arbitrary: heading }, { weight: 2, arbitrary: html }, code, list, quote, table, fc.constant<RootContent>({ type: 'thematicBreak' }));
const article = fc.tuple(fc.boolean(), fc.array(flow, { minLength: 1, maxLength: 10 })).map(
  ([front, children]): Root => ({ type: 'root', children: [...(front ? [{ type: 'yaml', value: 'title: "Zinc"\nsources:\n  - "a.txt"' } as RootContent] : []), ...children] }),
);

/** The article written with its skeleton checked against the Markdown it gives: same bytes, tree and rendering. */
function checkArticle(tree: Root): void {
  const markdown = toMarkdown(tree);
  const written = writeArticle(tree);
  expect(written.markdown).toBe(markdown);
  if (!written.skeleton) return;
  const fromSkeleton = parseSkeleton(written.skeleton, remark);
  if (fromSkeleton) expect(shape(fromSkeleton)).toEqual(shape(remark(markdown)));
  expect(renderArticle(markdown, written.skeleton)).toEqual(renderArticle(markdown));
}

const para = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });
/** A bullet list whose items are paragraphs of text, or of one address (shown as it is). */
const bullets = (items: string[]): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((t) => ({
    type: 'listItem',
    spread: false,
    children: [/^(https?:|www\.)/.test(t) ? { type: 'paragraph', children: [{ type: 'link', url: t.startsWith('www') ? `http://${t}` : t, children: [{ type: 'text', value: t }] }] } : para(t)] as never,
  })),
});

describe('an article rendered from its skeleton', () => {
  it('is rendered as from its Markdown, whatever the article', () => {
    fc.assert(fc.property(article, checkArticle), { numRuns: 150 });
  }, 180_000);

  it('builds a list of addresses as GFM reads them, whatever the address', () => {
    const address = fc.stringMatching(/^(?:https?:\/\/|www\.)[a-zA-Z0-9-]{1,5}(?:\.[a-zA-Z0-9-]{1,4}){1,3}(?:\/[a-zA-Z0-9\/.%=?#+:&_~-]{0,10})?$/);
    fc.assert(
      fc.property(fc.array(address, { minLength: 1, maxLength: 3 }), (urls) => {
        checkArticle({ type: 'root', children: [para('References:'), bullets(urls)] });
      }),
      { numRuns: 1000 },
    );
  }, 180_000);

  it('is rendered as from its Markdown for the samples, block by block', () => {
    for (const s of ['000', '001', '002', '003', '004']) {
      const doc = sampleDoc(s);
      const tree = parse(doc.text, 'txt').tree;
      checkArticle(tree);
      // The samples' prose is taken out of the parse: most blocks are placeholders.
      expect(writeArticle(tree).skeleton!.blocks.length).toBeGreaterThan(5);
    }
  });

  it.each([
    ['a comment left open swallows what follows', [{ type: 'html', value: '<!-- left open' }, { type: 'paragraph', children: [{ type: 'text', value: 'Plain prose.' }] }], false],
    ['an HTML block without a blank line ends where the next begins', [{ type: 'html', value: '<div>\n<!-- x -->' }, { type: 'paragraph', children: [{ type: 'text', value: 'Plain prose.' }] }], true],
    ['a code block holding blank lines and a comment line', [{ type: 'code', lang: null, value: 'a\n\n<!-- x -->\n\nb' }, { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Dose' }] }], false],
    ['two lists of one bullet with a paragraph between', [bullets(['Zinc.', 'https://ods.od.nih.gov/factsheets/Zinc']), para('Between them.'), bullets(['Iron.', 'www.nih.gov'])], true],
    ['a list of references, addresses GFM links and one it does not end where it ends', [bullets(['https://www.ncbi.nlm.nih.gov/pubmed/23853635/', 'https://example.com/a_b', 'www.who.int/news'])], true],
    ['two lists one after the other', [bullets(['First.']), bullets(['Second.'])], true],
    ['a spread list', [{ ...(bullets(['One.', 'Two.']) as object), spread: true } as RootContent], true],
    // The writer leaves two blank lines after a paragraph of one hard break: the item goes on past them.
    [
      'an item whose paragraph is one hard break, then an item of one address',
      [{ type: 'list', ordered: false, spread: true, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'break' }] }, para('Zinc')] }, ...(bullets(['https://example.com/a']) as { children: RootContent[] }).children] }],
      true,
    ],
    ['a list and an indented paragraph after it', [bullets(['One.']), { type: 'code', lang: null, value: 'indented?' }, para('  spaced')], true],
  ] as Array<[string, RootContent[], boolean]>)('%s: the parse is the Markdown\'s', (_name, children, used) => {
    checkArticle({ type: 'root', children });
    const { skeleton } = writeArticle({ type: 'root', children });
    // Where a taken piece was not a block of its own, the check finds it and the Markdown is parsed.
    expect(parseSkeleton(skeleton!, remark) !== undefined).toBe(used);
  });

  it('is not used when a placeholder ends up inside another block', () => {
    const tree: Root = { type: 'root', children: [{ type: 'html', value: '<!-- left open' }, { type: 'paragraph', children: [{ type: 'text', value: 'Plain prose.' }] }] };
    const { skeleton } = writeArticle(tree);
    expect(skeleton!.blocks).toEqual([{ kind: 'paragraph', text: 'Plain prose.' }]);
    expect(parseSkeleton(skeleton!, remark)).toBeUndefined();
  });

  it('keeps hostile text of the draft escaped', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'html', value: '<!-- note --><script>alert(1)</script>' },
        { type: 'paragraph', children: [{ type: 'text', value: 'Plain prose, then <img src=x onerror=alert(1)> and ' }, { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'a link' }] }] },
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'A title' }] },
      ],
    };
    const { markdown, skeleton } = writeArticle(tree);
    const { html } = renderArticle(markdown, skeleton);
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript/i);
    expect(html).toContain('&#x3C;script>');
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
    expect(html).toContain('<h1>A title</h1>');
  });
});
