/**
 * Bounds on what the parsers are given and what they give back, so that no draft costs more
 * than linear time or overflows the stack in a later stage:
 *
 * - Markdown passages (runs of non-blank lines) that would make micromark super-linear — a
 *   line longer than `LINE_LENGTH`, containers nested deeper than `NESTING` on one line or
 *   by indentation, more than `MARKS` unescaped inline marks (`[`, `]`, `*`, `_`, `` ` ``, `<`)
 *   — are given to the parser as spaces (offsets kept) and come back as one paragraph of
 *   their raw text: still read by every rule, and kept by the cleaner as plain text.
 * - Any tree, of any format, deeper than `TREE_DEPTH` (emphasis in emphasis, HTML elements
 *   in elements) has its too-deep subtrees made one text node each.
 *
 * Each bound that was hit is noted on the tree (`limitsOf`) and becomes an
 * `input/too-complex` finding. Real articles come nowhere near these bounds.
 *
 * Hand-written: micromark has no option to bound its work, and the check must run before it.
 */
import type { Paragraph, Root, RootContent, Text } from 'mdast';
import { pointAt } from '../position.js';

/** Longest Markdown line parsed as Markdown. */
export const LINE_LENGTH = 20_000;
/** Deepest container nesting (block quotes, list items) parsed as Markdown. */
export const NESTING = 32;
/** Most unescaped inline marks in one passage parsed as Markdown. */
export const MARKS = 4_000;
/** Deepest tree kept as it is; deeper subtrees become their text. */
export const TREE_DEPTH = 64;

export type LimitKind = 'line-length' | 'nesting' | 'marks' | 'tree-depth';

/** A passage where a bound was hit, and what was found there. */
export interface LimitNote {
  kind: LimitKind;
  start: number;
  end: number;
  /** What was measured (characters, levels or marks) and the bound it passed. */
  measured: number;
  limit: number;
}

const notes = new WeakMap<Root, LimitNote[]>();

/** The bounds hit when the tree was parsed (none for most drafts). */
export function limitsOf(tree: Root): readonly LimitNote[] {
  return notes.get(tree) ?? [];
}

function note(tree: Root, n: LimitNote): void {
  const list = notes.get(tree);
  if (list) list.push(n);
  else notes.set(tree, [n]);
}

/** Passages of a Markdown text too complex to parse as Markdown, with the text to parse instead. */
export function boundMarkdown(text: string): { text: string; passages: LimitNote[] } {
  const passages: LimitNote[] = [];
  let fence: string | undefined;
  let start = -1;
  let worst: LimitNote | undefined;
  let marks = 0;
  const close = (end: number): void => {
    if (start >= 0) {
      const found = worst ?? (marks > MARKS ? { kind: 'marks' as const, start, end, measured: marks, limit: MARKS } : undefined);
      if (found) passages.push({ ...found, start, end });
    }
    start = -1;
    worst = undefined;
    marks = 0;
  };
  let at = 0;
  while (at <= text.length) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const lineEnd = eol > at && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const blank = isBlank(text, at, lineEnd);
    const opener = fenceOf(text, at, lineEnd);
    if (fence !== undefined) {
      // Inside a fenced code block nothing is parsed inline; only its length matters.
      if (opener !== undefined && opener.startsWith(fence[0]!) && opener.length >= fence.length) fence = undefined;
    } else if (opener !== undefined) {
      close(at);
      fence = opener;
    } else if (blank) close(at);
    else {
      if (start < 0) start = at;
      const length = lineEnd - at;
      const depth = nestingOf(text, at, lineEnd);
      if (!worst && length > LINE_LENGTH) worst = { kind: 'line-length', start, end: 0, measured: length, limit: LINE_LENGTH };
      if (!worst && depth > NESTING) worst = { kind: 'nesting', start, end: 0, measured: depth, limit: NESTING };
      marks += marksOf(text, at, lineEnd);
    }
    if (eol >= text.length) {
      if (fence === undefined) close(lineEnd);
      break;
    }
    at = eol + 1;
  }
  if (passages.length === 0) return { text, passages };
  let out = '';
  let from = 0;
  for (const p of passages) {
    out += text.slice(from, p.start) + text.slice(p.start, p.end).replace(/[^\r\n]/g, ' ');
    from = p.end;
  }
  return { text: out + text.slice(from), passages };
}

/** Deepest element nesting given to the HTML parser (its conversion to a tree recurses). */
export const HTML_NESTING = 256;
const TAG = /<(\/?)([A-Za-z][\w:-]*)[^<>]*>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * An HTML text whose tags nested deeper than `HTML_NESTING` are made spaces (offsets kept;
 * their text stays), so that the parser's recursive conversion cannot overflow the stack.
 * The nesting is estimated from the tags alone (no parse): void elements and `/>` do not
 * nest, a closing tag closes one level. `[^<>]*` keeps the scan linear on unclosed tags.
 */
export function boundHtml(text: string): string {
  let depth = 0;
  let cut: Array<[number, number]> | undefined;
  for (const m of text.matchAll(TAG)) {
    const closing = m[1] === '/';
    if (closing) {
      if (depth > HTML_NESTING) (cut ??= []).push([m.index, m.index + m[0].length]);
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (VOID.has(m[2]!.toLowerCase()) || m[0].endsWith('/>')) continue;
    depth++;
    if (depth > HTML_NESTING) (cut ??= []).push([m.index, m.index + m[0].length]);
  }
  if (!cut) return text;
  let out = '';
  let from = 0;
  for (const [a, b] of cut) {
    out += text.slice(from, a) + ' '.repeat(b - a);
    from = b;
  }
  return out + text.slice(from);
}

/** Puts the passages given to the parser as spaces back into its tree as paragraphs of their raw text. */
export function restorePassages(tree: Root, text: string, lineStarts: number[], passages: readonly LimitNote[]): Root {
  if (passages.length === 0) return tree;
  const paragraphs: RootContent[] = passages.map((p) => {
    const position = { start: pointAt(lineStarts, p.start), end: pointAt(lineStarts, trimmedEnd(text, p.start, p.end)) };
    const value: Text = { type: 'text', value: text.slice(p.start, position.end.offset), position };
    const paragraph: Paragraph = { type: 'paragraph', children: [value], position: { start: { ...position.start }, end: { ...position.end } } };
    return paragraph;
  });
  const merged: RootContent[] = [];
  let i = 0;
  for (const child of tree.children) {
    const offset = child.position?.start.offset ?? 0;
    while (i < paragraphs.length && paragraphs[i]!.position!.start.offset! <= offset) merged.push(paragraphs[i++]!);
    merged.push(child);
  }
  while (i < paragraphs.length) merged.push(paragraphs[i++]!);
  tree.children = merged;
  for (const p of passages) note(tree, p);
  return tree;
}

/**
 * Replaces every subtree deeper than `TREE_DEPTH` by one text node of its text, walking the
 * tree without recursion (a tree 50,000 deep must not overflow the stack here either).
 */
export function capDepth(tree: Root): Root {
  for (const n of capTreeDepth(tree)) note(tree, n);
  return tree;
}

/** A unist tree of any kind (mdast, hast). */
interface AnyNode {
  type: string;
  value?: unknown;
  children?: AnyNode[];
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
}

/**
 * `capDepth` for a tree of any unist kind (the HTML tree is cut before rehype-remark walks
 * it, recursively); returns what it noted.
 */
export function capTreeDepth(tree: AnyNode): LimitNote[] {
  const found: LimitNote[] = [];
  const stack: Array<{ node: AnyNode; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const children = node.children!;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!child.children) continue;
      if (depth + 1 < TREE_DEPTH) {
        stack.push({ node: child, depth: depth + 1 });
        continue;
      }
      const flat: AnyNode = { type: 'text', value: textOf(child) };
      if (child.position) flat.position = child.position;
      children[i] = flat;
      const start = child.position?.start.offset ?? 0;
      found.push({ kind: 'tree-depth', start, end: child.position?.end.offset ?? start, measured: depthOf(child) + depth + 1, limit: TREE_DEPTH });
    }
  }
  return found;
}

/** Notes the bounds hit on the HTML tree on the Markdown tree made from it. */
export function noteLimits(tree: Root, found: readonly LimitNote[]): void {
  for (const n of found) note(tree, n);
}

/** The text values under a node, in order, without recursion. */
function textOf(node: AnyNode): string {
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ((n.type === 'text' || n.type === 'inlineCode' || n.type === 'code') && typeof n.value === 'string') out += n.value;
    else if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** Depth of a subtree, without recursion. */
function depthOf(node: AnyNode): number {
  let max = 0;
  const stack: Array<[AnyNode, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (n.children) for (const c of n.children) stack.push([c, d + 1]);
  }
  return max;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The fence (``` or ~~~, three or more) a line opens or closes with, up to three spaces in. */
function fenceOf(text: string, from: number, to: number): string | undefined {
  let i = from;
  while (i < to && i - from < 3 && text.charCodeAt(i) === 32) i++;
  const c = text[i];
  if (c !== '`' && c !== '~') return undefined;
  let j = i;
  while (j < to && text[j] === c) j++;
  return j - i >= 3 ? text.slice(i, j) : undefined;
}

/**
 * How deep a line's containers go: its block-quote and list markers, and its indentation
 * counted as one level every two columns (list content indents by two or more).
 */
function nestingOf(text: string, from: number, to: number): number {
  let depth = 0;
  let columns = 0;
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else if (c === '>') depth++;
    else if ((c === '-' || c === '*' || c === '+') && (i + 1 === to || text[i + 1] === ' ' || text[i + 1] === '\t')) depth++;
    else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < to && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if ((text[j] !== '.' && text[j] !== ')') || (j + 1 < to && text[j + 1] !== ' ' && text[j + 1] !== '\t')) break;
      depth++;
      i = j;
    } else break;
    i++;
  }
  return depth + Math.floor(columns / 2);
}

const MARK_CODES = new Set(['['.charCodeAt(0), ']'.charCodeAt(0), '*'.charCodeAt(0), '_'.charCodeAt(0), '`'.charCodeAt(0), '<'.charCodeAt(0)]);

/** Inline marks of a line that are not escaped with a backslash. */
function marksOf(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (MARK_CODES.has(c)) n++;
  }
  return n;
}

/** The end of a passage without the white space at its end. */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
