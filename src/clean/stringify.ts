/**
 * Markdown of a cleaned tree that never adds what the draft did not have: no link, emphasis
 * or escape that the text does not need.
 *
 * remark-stringify escapes every character that could start Markdown syntax somewhere
 * (`5 \* 3`, `\[1]`, `AT\&T`, `www\.example.com`), and writes a bare URL of a .txt draft
 * as `<https://…>`. Its escaping has to be cautious because it looks at one character and
 * its neighbours; whether `*` opens emphasis depends on the whole paragraph. So each
 * paragraph, heading and table is written twice: with text as it is (raw) and as
 * remark-stringify escapes it (cautious). When they differ, the raw Markdown is parsed again
 * and kept if it gives the same inline content; otherwise the cautious escapes are dropped
 * one by one where the parser says the content stays the same. What remains is the escapes
 * the text needs (`\*emphasis\*` written as text, `&amp;` as text), checked by the parser
 * itself rather than by a second set of rules.
 *
 * A bare URL (a link whose text is its address, as a .txt draft or a GFM literal gives it)
 * is written bare where the GFM parser ends it where it ends; where text follows it with no
 * space ("www.example.com了解更多", which GFM would read as one address), it is written as an
 * explicit link so the text after it stays text.
 */
import type { Heading, Link, Nodes, Paragraph, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { defaultHandlers, type Handle, type State } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { diffChars } from 'diff';
import { setBounded } from '../collections.js';
import { boundMarkdown } from '../parse/limits.js';
import { fill, isInert, placeholder, type InertBlock, type Skeleton } from './skeleton.js';

/** The Markdown parser of the drafts (src/parse), to check what was written. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Cautious escapes tried one at a time past which the cautious Markdown is kept as it is. */
const MAX_TRIED_ESCAPES = 24;

/** True while a paragraph, heading or table is written with its text as it is. */
let raw = false;
/** Definitions of the tree being written (`[1]: …`): raw `[1]` in text would link to them. */
let definitions = '';
/** While a skeleton is written (see skeleton.ts): the text of each inert block given a placeholder, in order. */
let placeholders: InertBlock[] | undefined;

const tableHandler = gfmTableToMarkdown().handlers!.table as Handle;

const text: Handle = (node, parent, state, info) => (raw ? node.value : defaultHandlers.text(node, parent, state, info));

const link: Handle = (node: Link, parent, state, info) => {
  // Cautious writing keeps the explicit form; a bare URL is checked by reading it back.
  const bare = raw ? bareUrl(node, parent as Parents | undefined, state, info.before) : undefined;
  return bare ?? defaultHandlers.link(node, parent, state, info);
};

/** The reading of one written block (the nodes its Markdown parses to), or undefined when it is not one such block. */
type ReadBlock = (nodes: readonly RootContent[]) => Reading | undefined;

const paragraph: Handle = (node: Paragraph, parent, state, info) =>
  leastEscaped(
    node,
    (m) => withMode(m, () => defaultHandlers.paragraph(node, parent, state, info)),
    (nodes) => (nodes.length === 1 && nodes[0]!.type === 'paragraph' ? [nodes[0]!.children] : undefined),
    [node.children],
  );

const heading: Handle = (node: Heading, parent, state, info) =>
  leastEscaped(
    node,
    (m) => withMode(m, () => defaultHandlers.heading(node, parent, state, info)),
    (nodes) => {
      const h = nodes[0];
      return nodes.length === 1 && h?.type === 'heading' && h.depth === node.depth ? [h.children] : undefined;
    },
    [node.children],
    node.depth + 1,
  );

const table: Handle = (node: Table, parent, state, info) =>
  leastEscaped(
    node,
    (m) => withMode(m, () => tableHandler(node, parent, state, info)),
    (nodes) => {
      const t = nodes[0];
      if (nodes.length !== 1 || t?.type !== 'table' || t.children.length !== node.children.length) return undefined;
      if (t.children.some((row, r) => row.children.length !== node.children[r]!.children.length)) return undefined;
      return t.children.flatMap((row) => row.children.map((cell) => cell.children));
    },
    node.children.flatMap((row) => row.children.map((cell) => cell.children)),
  );

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    handlers: { text, link, paragraph, heading, table },
  })
  .freeze();

/**
 * Blocks whose raw Markdown is to be read back, gathered while the tree is written a first
 * time; they are read back in one parse (the parser costs most in setting itself up), and
 * the tree is written again with the answers.
 */
interface Pending {
  node: Nodes;
  plain: string;
  read: ReadBlock;
  source: Reading;
}
let pending: Pending[] | undefined;
/** Blocks whose raw Markdown reads back right (true) or not (false), by node. */
let verdicts = new Map<Nodes, boolean>();

/** Stands between the blocks of the batch: an HTML block no text can reach into. */
const SEPARATOR = '<!-- draftaudit: block -->';

export function toMarkdown(tree: Root): string {
  return write(tree, false);
}

/**
 * The Markdown of a cleaned article (`toMarkdown`'s), and its skeleton for the report's
 * rendering (see `Skeleton`). The skeleton is what the writing gives; the Markdown is the
 * skeleton with each block's text put back. When the tree's text holds a placeholder's own
 * characters, there is no skeleton and the Markdown is written as `toMarkdown` writes it.
 */
export function writeArticle(tree: Root): { markdown: string; skeleton?: Skeleton } {
  const texts: InertBlock[] = [];
  const skeleton = write(tree, texts);
  const markdown = fill(skeleton, texts);
  return markdown === undefined ? { markdown: toMarkdown(tree) } : { markdown, skeleton: { markdown: skeleton, blocks: texts } };
}

/** The tree's Markdown; with `inert`, its skeleton, gathering there the text of each block it stands in for. */
function write(tree: Root, inert: InertBlock[] | false): string {
  definitions = definitionsOf(tree);
  const merged = forWriting(tree);
  const stringify = (): string => {
    if (inert) inert.length = 0;
    placeholders = inert || undefined;
    return stringifier.stringify(merged);
  };
  try {
    pending = [];
    const first = stringify();
    const gathered = pending;
    pending = undefined;
    if (gathered.length === 0) return first;
    verdicts = readBack(gathered);
    // The first writing holds every gathered block raw: it stands when they all read right.
    if ([...verdicts.values()].every(Boolean)) return first;
    return stringify();
  } finally {
    definitions = '';
    pending = undefined;
    placeholders = undefined;
    verdicts = new Map();
  }
}

/**
 * Answers of earlier batches by the raw Markdown and the content it must read as: versions
 * of one article repeat their blocks and reference lists, so most blocks are answered here.
 */
const remembered = new Map<string, boolean>();
const REMEMBERED = 8192;

/** Reads the gathered blocks back, those not answered before in one parse, each between separators. */
function readBack(gathered: Pending[]): Map<Nodes, boolean> {
  const out = new Map<Nodes, boolean>();
  const asked: Array<{ p: Pending; key: string }> = [];
  for (const p of gathered) {
    const key = `${definitions}\u0000${p.plain}\u0000${p.source.map((c) => signatureKey(c)).join('\u0001')}`;
    const known = remembered.get(key);
    if (known === undefined) asked.push({ p, key });
    else out.set(p.node, known);
  }
  if (asked.length === 0) return out;
  const children = reparse(asked.map(({ p }) => p.plain).join(`\n\n${SEPARATOR}\n\n`)).children;
  let at = 0;
  for (const { p, key } of asked) {
    let end = at;
    while (end < children.length && !(children[end]!.type === 'html' && (children[end] as { value: string }).value === SEPARATOR)) end++;
    const reading = p.read(children.slice(at, end));
    const right = reading !== undefined && sameReading(p.source, reading);
    out.set(p.node, right);
    setBounded(remembered, key, right, REMEMBERED);
    at = end + 1;
  }
  return out;
}

function signatureKey(content: readonly PhrasingContent[]): string {
  const { text, bare } = signature(content);
  return `${text}\u0002${bare.join(' ')}`;
}

function withMode(mode: boolean, write: () => string): string {
  const before = raw;
  raw = mode;
  try {
    return write();
  } finally {
    raw = before;
  }
}

function reparse(markdown: string): Root {
  return parser.parse(definitions ? `${markdown}\n\n${definitions}` : markdown);
}

/**
 * Text in which Markdown could see syntax: a character that starts an inline construct
 * (emphasis, code, link, HTML, entity, escape, strikethrough, table cell, an e-mail or web
 * address), or a line that starts with what starts a block (a space, `#`, `>`, a list
 * marker, an underline) or ends in a hard break. Text with none of these reads back as
 * itself, so it is written as it is without asking the parser. (A line that starts with `:`
 * or `-` after another can be a table's delimiter row: `:-` under a line makes it a header.)
 */
const INLINE_SYNTAX = /[\\`*_~[\]<>&|@\t]|:\/\/|[Ww]{3}\.|mailto:|xmpp:/;
const BLOCK_START = /^(?:[ #>+=-]|\d+[.)])/;
const LINE_SYNTAX = /\n(?:[ #>+=:\n-]|\d+[.)]|$)| {2}\n/;

/** A heading's text that ends in what closes an ATX heading (`C #`, `Step ##`): the parser would drop it. */
const HEADING_CLOSE = /(?:^|[ \t])#+[ \t]*$/;

function mayBeSyntax(text: string, heading: boolean): boolean {
  return (
    INLINE_SYNTAX.test(text) ||
    BLOCK_START.test(text) ||
    (text.includes('\n') && LINE_SYNTAX.test(text)) ||
    (heading && HEADING_CLOSE.test(text))
  );
}

/** The inline content of each paragraph, heading or cell that a piece of Markdown reads as. */
type Reading = ReadonlyArray<readonly PhrasingContent[]>;

function sameReading(a: Reading, b: Reading): boolean {
  return a.length === b.length && a.every((p, i) => samePhrasing(p, b[i]!));
}

/**
 * The Markdown with the fewest of the cautious escapes that still reads back as `source`:
 * raw when raw reads right, else the cautious Markdown less each escape the check finds
 * unneeded (tried in order, each on top of those already dropped). Where even the cautious
 * Markdown reads differently (remark-stringify has no escape for it: `Https://…` in text
 * still becomes a link), what it reads as is the mark to keep.
 */
function leastEscaped(node: Nodes, write: (raw: boolean) => string, readBlock: ReadBlock, source: Reading, lead = 0): string {
  plainUrls = [];
  const plain = write(true);
  let rest = lead > 0 ? plain.slice(lead) : plain;
  for (const url of plainUrls) rest = rest.replace(url, 'x');
  const bare = plainUrls.length > 0;
  plainUrls = [];
  if (!mayBeSyntax(rest, lead > 0)) return placeholders && !bare ? placeholderOf(node, plain, lead) : plain;
  // Markdown the parser would read only at a super-linear cost (see parse/limits.ts) is not
  // read back: it is written with every cautious escape.
  if (boundMarkdown(plain).passages.length > 0) return write(false);
  if (pending) {
    pending.push({ node, plain, read: readBlock, source });
    return plain;
  }
  if (verdicts.get(node) === true) return plain;
  const cautious = write(false);
  if (plain === cautious) return plain;
  const read = (md: string): Reading | undefined => readBlock(reparse(md).children);
  const plainReading = verdicts.has(node) ? undefined : read(plain);
  if (plainReading && sameReading(source, plainReading)) return plain;
  const cautiousReading = read(cautious);
  const target = cautiousReading && sameReading(source, cautiousReading) ? source : cautiousReading;
  if (!target) return cautious;
  const readsRight = (md: string): boolean => {
    const r = read(md);
    return r !== undefined && sameReading(target, r);
  };
  if (target !== source && readsRight(plain)) return plain;
  // The cautious Markdown is the raw one plus escapes: each run of changed characters is one.
  // Each escape adds at least one character and at most six (`&` → `&#x26;`): more than
  // MAX_TRIED_ESCAPES of them are known without the diff, whose cost grows with their number.
  if (cautious.length - plain.length > MAX_TRIED_ESCAPES * 6) return cautious;
  const parts = diffChars(plain, cautious);
  const edits = parts.filter((p) => p.added || p.removed).length;
  if (edits === 0 || edits > MAX_TRIED_ESCAPES) return cautious;
  const kept = parts.map(() => true);
  const build = (): string => parts.map((p, i) => (p.added ? (kept[i] ? p.value : '') : p.removed ? (kept[i] ? '' : p.value) : p.value)).join('');
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]!.added && !parts[i]!.removed) continue;
    // A replaced character (`&` → `&#x26;`) is a removal and an addition: dropped together.
    const pair = parts[i]!.removed && parts[i + 1]?.added ? i + 1 : i;
    kept[i] = kept[pair] = false;
    if (!readsRight(build())) kept[i] = kept[pair] = true;
    i = pair;
  }
  return build();
}

/**
 * What a skeleton holds for a block written as it is (`plain`): a placeholder when its text is
 * inert, else `plain`. A heading's text is what follows its `#`s and space.
 */
function placeholderOf(node: Nodes, plain: string, lead: number): string {
  const kind = node.type === 'paragraph' ? 'paragraph' : node.type === 'heading' ? 'heading' : undefined;
  if (!kind || !placeholders || (kind === 'heading' && plain.slice(0, lead) !== `${'#'.repeat(lead - 1)} `)) return plain;
  const text = plain.slice(lead);
  if (!isInert(kind, text)) return plain;
  placeholders.push({ kind, text });
  return plain.slice(0, lead) + placeholder(placeholders.length - 1, text);
}

/** `[label]: url` lines of the tree's definitions and footnote definitions. */
function definitionsOf(tree: Root): string {
  const lines: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'definition') lines.push(`[${node.label ?? node.identifier}]: x`);
    else if (node.type === 'footnoteDefinition') lines.push(`[^${node.label ?? node.identifier}]: x`);
    else if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  walk(tree);
  return lines.join('\n');
}

/** Parents whose children are blocks: phrasing found directly in one is put in a paragraph. */
const FLOW_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * A copy of the tree as the writer is to see it:
 *  - neighbouring text nodes joined: the writer escapes each text node by its neighbours'
 *    first and last characters, so one text split in two could be written differently from
 *    the same text in one piece (and a cleaned article cleaned again would change);
 *  - phrasing standing directly in a list item or quote (an HTML page's `<li>` text) put in
 *    a paragraph, so it is written and read back as every paragraph is.
 */
function forWriting(tree: Root): Root {
  const copy = <T extends Nodes>(node: T): T => {
    if (!('children' in node)) return node;
    const children: Nodes[] = [];
    let run: Paragraph | undefined;
    for (const c of node.children as Nodes[]) {
      const target = FLOW_PARENTS.has(node.type) && isPhrasing(c) ? (run ??= { type: 'paragraph', children: [] }).children : children;
      if (target === children && run) {
        children.push(copy(run));
        run = undefined;
      }
      const last = target[target.length - 1];
      if (c.type === 'text' && last?.type === 'text') target[target.length - 1] = { type: 'text', value: last.value + c.value };
      else target.push((target === children ? copy(c) : c) as PhrasingContent);
    }
    if (run) children.push(copy(run));
    return { ...node, children } as T;
  };
  return copy(tree);
}

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference']);

/** Inline content (an HTML node counts as a block where it stands among blocks). */
function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}

/** Characters a bare URL may hold and still be read back, written as it is, as the same address. */
const BARE_URL = /^(?:https?:\/\/|www\.)[A-Za-z0-9:/?#@!$&'()*+,;=%._~-]+$/i;
/** A bare URL that needs no reading back (see `bareUrl`). */
const PLAIN_URL = /^(?:https?:\/\/|www\.)[A-Za-z0-9/?#=%.:&+-]*[A-Za-z0-9/]$/;
/** Bare URLs of the plainest kind written in the block being written. */
let plainUrls: string[] | undefined;
/** What may follow a bare URL: GFM drops these trailing marks from the address, then needs a space or the end. */
const CLEAN_AFTER = /^[.,:;!?'")]*(?:\s|$)/;

/**
 * The URL as it stands in the text, when the link is a bare URL that reads back as itself;
 * undefined when it must be written as an explicit link.
 */
function bareUrl(node: Link, parent: Parents | undefined, state: State, before: string): string | undefined {
  const shown = bareText(node);
  if (shown === undefined || !BARE_URL.test(shown)) return undefined;
  if (!parent || !['paragraph', 'heading', 'tableCell'].includes(parent.type)) return undefined;
  // Where GFM starts no link (`www.` right after a letter, a scheme right after an ASCII
  // letter), the URL reads back as the plain text it is in the draft.
  const linkable = shown.startsWith('www.') ? before === '' || /[\s*_~(]/.test(before) : !/[A-Za-z]/.test(before);
  if (!linkable) return shown;
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  const next = (parent.children as Nodes[])[index + 1];
  const clean = next === undefined || next.type === 'break' || (next.type === 'text' && CLEAN_AFTER.test(next.value));
  if (!clean) return undefined;
  // An address of the plainest characters, ending in a letter, digit or slash, then a space
  // or the end: GFM reads it as itself wherever it starts a link at all.
  if (PLAIN_URL.test(shown) && (next === undefined || next.type === 'break' || /^\s/.test((next as { value: string }).value))) plainUrls?.push(shown);
  return shown;
}

/** Readable text of a link that is a bare URL (address shown as its own text), else undefined. */
function bareText(node: Link): string | undefined {
  const child = node.children.length === 1 ? node.children[0] : undefined;
  if (child?.type !== 'text' || node.title) return undefined;
  const t = child.value;
  return node.url === t || node.url === `http://${t}` || node.url === `https://${t}` || node.url === `mailto:${t}` ? t : undefined;
}

/**
 * Inline content as one string with markers for its structure, and the bare URLs in it by
 * their place in the text. Line ends and the spaces beside them are one line end, as they
 * render.
 */
function signature(nodes: readonly PhrasingContent[]): { text: string; bare: string[] } {
  let text = '';
  const bare: string[] = [];
  const walk = (list: readonly Nodes[]): void => {
    for (const n of list) {
      switch (n.type) {
        case 'text':
          text += n.value;
          break;
        case 'link': {
          const shown = bareText(n);
          if (shown !== undefined) {
            bare.push(`${text.length}:${shown}`);
            text += shown;
          } else {
            text += `\u0002link ${n.url} ${n.title ?? ''}\u0001`;
            walk(n.children);
            text += '\u0003';
          }
          break;
        }
        case 'inlineCode':
        case 'html':
          text += `\u0002${n.type} ${n.value}\u0003`;
          break;
        case 'image':
          text += `\u0002image ${n.url} ${n.title ?? ''} ${n.alt ?? ''}\u0003`;
          break;
        case 'break':
          text += '\u0002break\u0003';
          break;
        default:
          text += `\u0002${n.type} ${'identifier' in n ? n.identifier : ''}\u0001`;
          if ('children' in n) walk(n.children as Nodes[]);
          text += '\u0003';
      }
    }
  };
  walk(nodes);
  return { text: text.replace(/[ \t]*(\r\n|\r|\n)[ \t]*/g, '\n').trim(), bare };
}

/**
 * True when `written` (read back) has the inline content of `source`: the same text and
 * structure, and no bare URL that `source` did not have there (a bare URL of `source` may
 * read back as plain text: the parser links `www.` only after a space).
 */
function samePhrasing(source: readonly PhrasingContent[], written: readonly PhrasingContent[]): boolean {
  const a = signature(source);
  const b = signature(written);
  if (a.text !== b.text) return false;
  return b.bare.every((u) => a.bare.includes(u));
}
