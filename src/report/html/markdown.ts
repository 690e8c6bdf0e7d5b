/**
 * A cleaned article's Markdown, rendered for the report: remark (with GFM, front matter left
 * out) → remark-rehype → rehype-sanitize. Raw HTML in the Markdown is shown as code (the
 * editor sees it is there, as text), and whatever else could run or load is removed by the
 * sanitiser: no script,
 * no event handler, no `javascript:` URL, and no image (the report loads nothing; an image
 * shows as its alt text). Also the article's blocks as text, for the diff against its
 * canonical draft.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { toHtml } from 'hast-util-to-html';
import { z } from 'zod';
import type { ArticleHtml, BlockKind, OutputBlock } from '../../types.js';
import type { PieceCache } from '../../engine/pieces.js';
import { ARTICLE_HTML, articleHtmlKey, SAFE_HTML } from './kept.js';
import type { Skeleton } from '../../clean/skeleton.js';
import { parseSkeleton } from './skeleton.js';

export type { ArticleHtml, OutputBlock };

const SCHEMA: Schema = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'img') };

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const toHast = unified().use(remarkRehype).use(rehypeSanitize, SCHEMA);

export interface RenderedArticle {
  /** The article as sanitised hast, ready to stand inside the report. */
  content: ElementContent[];
  blocks: OutputBlock[];
}

/**
 * The rendering of `markdown`; with its skeleton (see clean/skeleton.ts), from the parse of
 * the skeleton with each placeholder's block given its text back. That tree is the parse of
 * `markdown` but for the positions inside the blocks put back, which the rendering does not
 * read: their text stands in one text node, as the parser gives it. A skeleton whose parse
 * does not hold each placeholder, exactly once, as the whole text of a block of its kind is
 * not used.
 */
export function renderMarkdown(markdown: string, skeleton?: Skeleton): RenderedArticle {
  const tree = (skeleton && parseSkeleton(skeleton, (md) => parser.parse(md))) ?? parser.parse(markdown);
  const blocks = outputBlocks(tree);
  visit(tree, (node, index, parent) => {
    if (node.type === 'html' && parent && index !== undefined) {
      // Markup in the article is shown as what it is, code, never as markup.
      const flow = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
      parent.children.splice(index, 1, (flow ? { type: 'code', value: node.value } : { type: 'inlineCode', value: node.value }) as never);
      return SKIP;
    }
    if ((node.type === 'image' || node.type === 'imageReference') && parent && index !== undefined) {
      const alt = node.alt ?? '';
      parent.children.splice(index, 1, { type: 'text', value: alt === '' ? '[image]' : `[image: ${alt}]` } as never);
      return SKIP;
    }
    return undefined;
  });
  const hast = toHast.runSync(tree) as HastRoot;
  // A link out of the report tells the site nothing of where the reader came from.
  visit(hast, 'element', (e: Element) => {
    if (e.tagName === 'a' && /^https?:\/\//i.test(String(e.properties.href ?? ''))) e.properties.rel = ['noreferrer'];
  });
  return { content: hast.children.filter((n): n is ElementContent => n.type !== 'doctype'), blocks };
}

const articleSchema = z.object({
  html: SAFE_HTML,
  titled: z.boolean(),
  blocks: z.array(z.object({ kind: z.enum(['heading', 'paragraph', 'listItem', 'tableCell', 'reference']), text: z.string(), line: z.number(), column: z.number() }).strict()),
}).strict();

/**
 * `renderMarkdown`, serialised: the HTML of the article's content (hast-util-to-html's, as the
 * page writes any other part), whether it holds a title, and its blocks. The clean stage calls
 * this in the thread that wrote the Markdown when the run is to write the HTML report, so a
 * large batch renders its articles in the worker threads (see clean/markdown.ts).
 */
export function renderArticle(markdown: string, skeleton?: Skeleton): ArticleHtml {
  const rendered = renderMarkdown(markdown, skeleton);
  return {
    html: toHtml(rendered.content),
    titled: rendered.content.some((n) => n.type === 'element' && n.tagName === 'h1'),
    blocks: rendered.blocks,
  };
}

/**
 * `renderArticle` of this Markdown: from the cache when it holds this Markdown's rendering (a
 * rerun renders only the articles that changed: parsing the Markdown again is most of the
 * report's time), else the one the clean stage made (`made`), else rendered here.
 */
export function articleHtml(markdown: string, cache?: PieceCache, made?: ArticleHtml): ArticleHtml {
  const key = cache ? articleHtmlKey(markdown) : '';
  const hit = cache?.get(ARTICLE_HTML, key, articleSchema);
  if (hit) return hit as ArticleHtml;
  const out = made ?? renderArticle(markdown);
  cache?.set(ARTICLE_HTML, key, out);
  return out;
}

/** Headings, paragraphs, list items, table cells and code blocks, in order, as the drafts' blocks are cut. */
function outputBlocks(tree: Root): OutputBlock[] {
  const out: OutputBlock[] = [];
  const add = (kind: BlockKind, node: Nodes): void => {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text !== '') out.push({ kind, text, line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 });
  };
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading') add('heading', node);
      else if (node.type === 'paragraph' || node.type === 'code') add('paragraph', node);
      else if (node.type === 'listItem') add('listItem', node);
      else if (node.type === 'tableCell') add('tableCell', node);
      else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}
