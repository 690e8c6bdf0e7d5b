/**
 * Links of the mdast tree mapped onto block text. Block text holds only a link's visible
 * text; its target lives on the `link` node, whose position lies in the original file.
 * A link belongs to the block whose source range holds it, and covers the text indices
 * whose source offsets fall inside the link.
 */
import type { Root } from 'mdast';
import type { Block } from '../types.js';
import { type TreeFacts, treeFacts } from './tree.js';

export interface BlockLink {
  url: string;
  /** Range of the link's visible text in the block text (empty when it has none). */
  start: number;
  end: number;
  /** Source offsets of the whole link node. */
  offset: number;
  endOffset: number;
}

/** Links per block index. `facts` saves the tree walk when the caller has made it. */
export function linksByBlock(tree: Root, blocks: Block[], facts: TreeFacts = treeFacts(tree)): Map<number, BlockLink[]> {
  const out = new Map<number, BlockLink[]>();
  const nodes = facts.links;
  if (nodes.length === 0) return out;
  const ordered = inSourceOrder(blocks) ? blocks : [...blocks].sort((a, b) => a.position.start.offset - b.position.start.offset);
  for (const node of nodes) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    const block = blockAt(ordered, s);
    if (!block) continue;
    const range = textRange(block, s, e);
    const list = out.get(block.index) ?? [];
    list.push({ url: node.url, start: range[0], end: range[1], offset: s, endOffset: e });
    out.set(block.index, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.offset - b.offset);
  return out;
}

/** Whether the blocks already run by start offset (then sorting would keep them as they are). */
function inSourceOrder(blocks: Block[]): boolean {
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.position.start.offset < blocks[i - 1]!.position.start.offset) return false;
  }
  return true;
}

/** The block whose source range holds `offset` (blocks sorted by start offset). */
function blockAt(ordered: Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = ordered.length - 1;
  let found: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = ordered[mid]!;
    if (b.position.start.offset <= offset) {
      found = b;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset < found.position.end.offset ? found : undefined;
}

/** Text range of the block whose source offsets lie in [s, e). */
function textRange(block: Block, s: number, e: number): [number, number] {
  let start = -1;
  let end = -1;
  for (const seg of block.segments) {
    const lo = Math.max(s, seg.offset);
    const hi = Math.min(e, seg.offset + seg.length);
    if (lo >= hi) continue;
    const a = seg.at + (lo - seg.offset);
    const b = seg.at + (hi - seg.offset);
    if (start < 0 || a < start) start = a;
    if (b > end) end = b;
  }
  return start < 0 ? [0, 0] : [start, end];
}
