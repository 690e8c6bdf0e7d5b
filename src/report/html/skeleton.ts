/**
 * The parse of a cleaned article from its skeleton (clean/skeleton.ts), for the report's
 * rendering: the tree remark gives for the article's Markdown, at a fraction of the cost.
 *
 * Parsing costs in proportion to the blocks more than to the text, so the parser is given
 * only what it must read. The skeleton's top-level pieces (what stands between two blank
 * lines) that are whole blocks of a known parse are taken out: a placeholder of an inert
 * paragraph or heading at the start of a line (only a top-level block stands there), an
 * HTML comment of one line, and the front matter. Each run of them is replaced by one line
 * of its own; the rest is parsed, and each run's line is replaced by the run's blocks, built
 * here. That is the tree of the whole, because each taken piece stands between blank lines
 * and the parser, after a blank line, starts a block there whatever came before (a piece
 * swallowed by an open code block or comment would leave its run's line inside that block,
 * and so would a line taken for a top-level block that is not one: then the skeleton is
 * parsed whole). Blocks that are not top-level keep their placeholders, given their text back.
 *
 * Positions are the skeleton's: lines, and the column each block starts at, are the
 * Markdown's; offsets, and the columns where a block's text ends, are not. The rendering
 * reads nothing else.
 */
import type { Heading, Html, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import type { Position } from 'unist';
import { CONTINUE, EXIT, SKIP, visit } from 'unist-util-visit';
import { MARK, MORE, lineEnds, placeholderIndex, type InertBlock, type Skeleton } from '../../clean/skeleton.js';

/** Stands for a run of top-level blocks taken out of the skeleton: its index (base 36) follows. */
const RUN = '\uE002';

type Parse = (markdown: string) => Root;

/** The tree of the article whose skeleton this is, or undefined when the skeleton does not give it. */
export function parseSkeleton(skeleton: Skeleton, parse: Parse): Root | undefined {
  const { blocks } = skeleton;
  const seen = new Uint8Array(blocks.length);
  const reduced = skeleton.markdown.includes(RUN) ? undefined : takeKnown(skeleton.markdown, blocks, seen);
  const built = new Set<Nodes>(reduced?.runs.flatMap((r) => r.nodes));
  const tree = parse(reduced ? reduced.markdown : skeleton.markdown);
  const runs = reduced?.runs ?? [];
  let right = true;
  // The runs, each where its line is among the top-level blocks, and what follows them moved down.
  const children: RootContent[] = [];
  let lines = 0;
  let chars = 0;
  let nextRun = 0;
  for (const child of tree.children) {
    const run = child.type === 'paragraph' ? runOf(child) : undefined;
    if (run !== undefined) {
      if (run !== nextRun++ || run >= runs.length) return undefined;
      for (const node of runs[run]!.nodes) children.push(node);
      lines += runs[run]!.lines;
      chars += runs[run]!.chars;
      continue;
    }
    if (lines !== 0 || chars !== 0) shift(child, lines, chars);
    children.push(child);
  }
  if (nextRun !== runs.length) return undefined;
  tree.children = children;
  // The placeholders left, given their text back; no mark may stand anywhere else.
  visit(tree, (node) => {
    if (built.has(node)) return SKIP;
    if (node.type === 'paragraph' || node.type === 'heading') {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const at = only?.type === 'text' ? placeholderIndex(only.value, blocks) : undefined;
      if (at !== undefined) {
        if (seen[at] === 1 || blocks[at]!.kind !== node.type) right = false;
        seen[at] = 1;
        node.children = [{ type: 'text', value: blocks[at]!.text }];
        return right ? SKIP : EXIT;
      }
    }
    if (holdsMark(node)) right = false;
    return right ? CONTINUE : EXIT;
  });
  if (!right || !seen.every((s) => s === 1)) return undefined;
  return tree;
}

/** Blocks of a run, and how many lines and characters more it takes than its line. */
interface Run {
  nodes: RootContent[];
  lines: number;
  chars: number;
}

/**
 * The skeleton with each run of top-level pieces of a known parse replaced by one line, and
 * the runs' blocks (their placeholders marked `seen`).
 */
function takeKnown(markdown: string, blocks: readonly InertBlock[], seen: Uint8Array): { markdown: string; runs: Run[] } {
  const pieces = markdown.split('\n\n');
  const out: string[] = [];
  const runs: Run[] = [];
  let run: (Run & { start: number; from: number; mark: number }) | undefined;
  let line = 1;
  let offset = 0;
  pieces.forEach((piece, i) => {
    const use = (at: number): void => {
      seen[at] = 1;
    };
    // The last piece ends with the line end that ends the Markdown, which is no part of its block.
    const block = i === pieces.length - 1 && piece.endsWith('\n') ? piece.slice(0, -1) : piece;
    const node = known(block, i === 0, blocks, line, offset, use) ?? knownList(block, pieces[i - 1], pieces[i + 1], blocks, line, offset, use);
    if (node) {
      if (!run) {
        const mark = RUN + runs.length.toString(36);
        run = { nodes: [], lines: 0, chars: 0, start: line, from: offset, mark: mark.length };
        runs.push(run);
        out.push(mark);
      }
      run.nodes.push(node);
      const end = node.position!.end;
      run.lines = end.line - run.start;
      run.chars = end.offset! - run.from - run.mark;
    } else {
      run = undefined;
      out.push(piece);
    }
    line += lineEnds(piece) + 2;
    offset += piece.length + 2;
  });
  return { markdown: out.join('\n\n'), runs: runs.map(({ nodes, lines, chars }) => ({ nodes, lines, chars })) };
}

const HEADING = /^(#{1,6}) (\uE000[0-9a-z]+)$/;
const FRONT_MATTER = /^---\n([^]*)\n---$/;
const FENCE = /^---[ \t]*$/m;

/**
 * The block a top-level piece of the skeleton is, when it is one of a known parse: an inert
 * paragraph's or heading's placeholder, an HTML comment of one line (a comment block ends
 * on the line that holds `-->`), or the front matter (which ends at its first `---` line).
 */
function known(piece: string, first: boolean, blocks: readonly InertBlock[], line: number, offset: number, use: (placeholder: number) => void): RootContent | undefined {
  const code = piece.charCodeAt(0);
  if (code === 0xe000) {
    const at = placeholderIndex(piece, blocks);
    if (at === undefined || blocks[at]!.kind !== 'paragraph') return undefined;
    use(at);
    return placed<Paragraph>({ type: 'paragraph', children: [{ type: 'text', value: blocks[at]!.text }] }, piece, line, offset);
  }
  if (code === 35 /* # */) {
    const m = HEADING.exec(piece);
    const at = m ? placeholderIndex(m[2]!, blocks) : undefined;
    if (at === undefined || blocks[at]!.kind !== 'heading') return undefined;
    const depth = m![1]!.length as Heading['depth'];
    use(at);
    return placed<Heading>({ type: 'heading', depth, children: [{ type: 'text', value: blocks[at]!.text }] }, piece, line, offset);
  }
  if (code === 60 /* < */) {
    if (!piece.startsWith('<!--') || piece.indexOf('-->', 4) === -1 || piece.includes('\n') || piece.includes('\r')) return undefined;
    return placed<Html>({ type: 'html', value: piece }, piece, line, offset);
  }
  if (first && code === 45 /* - */) {
    const m = FRONT_MATTER.exec(piece);
    if (!m || FENCE.test(m[1]!) || piece.includes('\r')) return undefined;
    return placed<Yaml>({ type: 'yaml', value: m[1]! }, piece, line, offset);
  }
  return undefined;
}

/** An address GFM links by itself in full wherever an item's text starts with it, ending in a letter, digit or slash. */
const ITEM_URL = /^(?:https?:\/\/|www\.)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?:\/[A-Za-z0-9/.%=?#+-]*)?$/;
const URL_END = /[A-Za-z0-9/]$/;

/**
 * A tight bullet list, when the piece is one whose every item is one line: an inert
 * paragraph's placeholder or an address. A list goes on past a blank line into an item of
 * its bullet or an indented line, so a piece next to one that starts so is not taken.
 */
function knownList(
  piece: string,
  before: string | undefined,
  after: string | undefined,
  blocks: readonly InertBlock[],
  line: number,
  offset: number,
  use: (placeholder: number) => void,
): List | undefined {
  const bullet = piece[0];
  if ((bullet !== '-' && bullet !== '*') || piece[1] !== ' ') return undefined;
  for (const neighbour of [before, after]) {
    if (neighbour === undefined) continue;
    // More than one blank line leaves the line ends past the first pair at the neighbour's start.
    const next = neighbour.replace(/^\n+/, '');
    if (next === '' || next[0] === bullet || next[0] === ' ' || next[0] === '\t') return undefined;
  }
  const items: ListItem[] = [];
  const used: number[] = [];
  let at = offset;
  let n = line;
  for (const row of piece.split('\n')) {
    if (row[0] !== bullet || row[1] !== ' ') return undefined;
    const content = row.slice(2);
    const start = { line: n, column: 3, offset: at + 2 };
    const end = { line: n, column: row.length + 1, offset: at + row.length };
    let phrasing: PhrasingContent;
    const index = content.charCodeAt(0) === 0xe000 ? placeholderIndex(content, blocks) : undefined;
    if (index !== undefined) {
      const block = blocks[index]!;
      if (block.kind !== 'paragraph' || block.text.includes('\n')) return undefined;
      phrasing = { type: 'text', value: block.text, position: { start: { ...start }, end: { ...end } } };
      used.push(index);
    } else if (ITEM_URL.test(content) && URL_END.test(content)) {
      const url = content.startsWith('www.') ? `http://${content}` : content;
      phrasing = { type: 'link', title: null, url, children: [{ type: 'text', value: content, position: { start: { ...start }, end: { ...end } } }], position: { start: { ...start }, end: { ...end } } };
    } else {
      return undefined;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: [phrasing], position: { start, end } };
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: { line: n, column: 1, offset: at }, end: { ...end } } });
    at += row.length + 1;
    n++;
  }
  for (const index of used) use(index);
  const last = items[items.length - 1]!.position!.end;
  return { type: 'list', ordered: false, start: null, spread: false, children: items, position: { start: { line, column: 1, offset }, end: { ...last } } };
}

/** `node`, placed where `piece` stands (its text nodes too). */
function placed<T extends Paragraph | Heading | Html | Yaml>(node: T, piece: string, line: number, offset: number): T {
  const lastLine = piece.lastIndexOf('\n');
  const position: Position = {
    start: { line, column: 1, offset },
    end: { line: line + lineEnds(piece), column: piece.length - lastLine, offset: offset + piece.length },
  };
  node.position = position;
  if ('children' in node) for (const c of node.children) c.position = { start: { ...position.start }, end: { ...position.end } };
  return node;
}

/** The run whose line `paragraph` is, when it is one. */
function runOf(paragraph: Paragraph): number | undefined {
  const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
  if (only?.type !== 'text' || only.value.charCodeAt(0) !== 0xe002) return undefined;
  const digits = only.value.slice(1);
  return /^[0-9a-z]+$/.test(digits) ? Number.parseInt(digits, 36) : undefined;
}

/** Moves every position in `node` down by `lines` lines and on by `chars` characters. */
function shift(node: Nodes, lines: number, chars: number): void {
  visit(node, (n) => {
    const p = n.position;
    if (!p) return;
    p.start.line += lines;
    p.end.line += lines;
    if (p.start.offset !== undefined) p.start.offset += chars;
    if (p.end.offset !== undefined) p.end.offset += chars;
  });
}

/** Whether a string of `node` (its text, address, title, label…) holds a placeholder's or a run's character. */
function holdsMark(node: Nodes): boolean {
  for (const value of Object.values(node)) {
    if (typeof value === 'string' && (value.includes(MARK) || value.includes(MORE) || value.includes(RUN))) return true;
  }
  return false;
}
