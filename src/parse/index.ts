/**
 * One entry point for the three formats; each gives an mdast tree whose positions point
 * into the original file, and the same block extraction runs on all of them.
 */
import type { Root, Text, Yaml } from 'mdast';
import type { toText as ToText } from 'hast-util-to-text';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type RehypeParse from 'rehype-parse';
import type RehypeRemark from 'rehype-remark';
import { loadNow } from '../lazy.js';
import type { Block, Format } from '../types.js';
import { lineStartsOf } from '../position.js';
import { parseText } from './txt.js';
import { extractBlocks } from './blocks.js';
import { boilerplateRegions, type BoilerplateRegion } from './boilerplate.js';
import { resolveLazyImages } from './lazy-images.js';
import { fillImplicitPositions } from './implicit-positions.js';
import { boundHtml, boundMarkdown, capDepth, capTreeDepth, noteLimits, restorePassages, type LimitNote } from './limits.js';

export interface Parsed {
  tree: Root;
  blocks: Block[];
  lineStarts: number[];
}

// GFM, but a strikethrough takes two tildes: a single one is a range in health text ("0~6个月",
// "2~3 times"), and two of them in a paragraph would strike out the text between.
export const GFM = { singleTilde: false } as const;

// Front matter (as in cleaned articles) is metadata, not a heading and a rule.
const markdown = unified().use(remarkParse).use(remarkGfm, GFM).use(remarkFrontmatter, ['yaml']).freeze();
/** Digits, dashes and commas as superscript characters, one for one (same length, same offsets). */
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '–': '⁻',
};

/**
 * `<sup>1,2</sup>` would otherwise melt into the word before it ("matters1,2"); as
 * superscript characters it stays a citation marker the cite rules can read.
 */
let htmlProcessor: ReturnType<typeof makeHtml> | undefined;

/** The HTML parser, made on the first HTML draft (see lazy.ts): parse5 and its kin are large, and most batches hold none. */
function html(): ReturnType<typeof makeHtml> {
  htmlProcessor ??= makeHtml();
  return htmlProcessor;
}

function makeHtml() {
  const rehypeParse = loadNow<{ default: typeof RehypeParse }>('rehype-parse').default;
  const rehypeRemark = loadNow<{ default: typeof RehypeRemark }>('rehype-remark').default;
  const { toText } = loadNow<{ toText: typeof ToText }>('hast-util-to-text');
  return unified()
    .use(rehypeParse)
    // Site-furniture regions are read from the HTML tree before the conversion drops or flattens them.
    .use(() => (tree, file) => {
      file.data['boilerplate'] = boilerplateRegions(tree as import('hast').Root);
    })
    // A lazily loaded image is read at its real address, once (see lazy-images.ts).
    .use(() => (tree) => {
      resolveLazyImages(tree as import('hast').Root);
    })
    // Elements nested past the bound become their text before rehype-remark, which recurses.
    .use(() => (tree, file) => {
      file.data['limits'] = capTreeDepth(tree as Parameters<typeof capTreeDepth>[0]);
    })
    .use(rehypeRemark, {
      handlers: {
        // The page's <title> names the article as front matter does in Markdown (no block reads it).
        title(state, node) {
          const value = toText(node).replace(/\s+/g, ' ').trim();
          if (value === '') return undefined;
          const yaml: Yaml = { type: 'yaml', value: `title: ${JSON.stringify(value)}` };
          state.patch(node, yaml);
          return yaml;
        },
        sup(state, node) {
          const child = node.children.length === 1 ? node.children[0] : undefined;
          if (child?.type !== 'text' || !/^[\d\s,–-]+$/.test(child.value)) return state.all(node);
          const value = child.value.replace(/[\d–-]/g, (c) => SUPERSCRIPT[c]!);
          const text: Text = { type: 'text', value };
          state.patch(child, text);
          return text;
        },
      },
    })
    .use(() => (tree, file) => {
      const regions = file.data['boilerplate'] as BoilerplateRegion[] | undefined;
      if (regions && regions.length > 0) (tree as Root).data = { ...(tree as Root).data, boilerplate: regions };
      noteLimits(tree as Root, (file.data['limits'] as LimitNote[] | undefined) ?? []);
      fillImplicitPositions(tree as Root);
    })
    .freeze();
}

export function parse(text: string, format: Format): Parsed {
  const lineStarts = lineStartsOf(text);
  const tree = parseTree(text, format, lineStarts);
  return { tree, blocks: extractBlocks(tree, text, lineStarts), lineStarts };
}

/** The tree alone, as `parse` gives it (for a stage that has the blocks and line starts already). */
export function parseTree(text: string, format: Format, lineStarts: number[]): Root {
  // What the parsers are given and give back is bounded (see limits.ts): no draft costs
  // more than linear time or a deep stack in a later stage.
  switch (format) {
    case 'md': {
      const bounded = boundMarkdown(text);
      return capDepth(restorePassages(markdown.parse(bounded.text), text, lineStarts, bounded.passages));
    }
    case 'html':
      // rehype-remark drops script, style and iframe and keeps hast positions on mdast nodes.
      return capDepth(htmlTree(boundHtml(text)));
    case 'txt':
      return capDepth(parseText(text, lineStarts));
  }
}

function htmlTree(text: string): Root {
  const processor = html();
  return processor.runSync(processor.parse(text)) as Root;
}

export function formatOf(path: string): Format | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'txt') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}
