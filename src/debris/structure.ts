/**
 * What the parse tree says about each block beyond its text: how much of it is link text
 * (jusText's link density: menus, breadcrumbs and related-post lists are mostly links) and,
 * for HTML drafts, whether the page put it inside site furniture (see parse/boilerplate.ts).
 * Both are read by offsets into the original file, by binary search: linear in the blocks.
 */
import type { Nodes, Root } from 'mdast';
import type { Block } from '../types.js';
import type { BoilerplateRegion } from '../parse/boilerplate.js';

export interface BlockStructure {
  links: { density: number; count: number };
  /** Text ranges of the block's links, in its text's indices. */
  linkTexts: Array<{ start: number; end: number }>;
  /** Weight and mark of the furniture region holding the block (0 when none). */
  region: { weight: number; mark: string };
}

interface Range {
  start: number;
  end: number;
}

export function structureOf(tree: Root | undefined, blocks: readonly Block[]): BlockStructure[] {
  const links: Range[] = [];
  if (tree) collectLinks(tree, links);
  links.sort((a, b) => a.start - b.start);
  const regions = (tree?.data?.boilerplate ?? []).slice().sort((a, b) => a.start - b.start);
  return blocks.map((block) => ({ ...linkStats(block, links), region: regionOf(block, regions) }));
}

function collectLinks(node: Nodes, out: Range[]): void {
  if ((node.type === 'link' || node.type === 'linkReference') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
    out.push({ start: node.position.start.offset, end: node.position.end.offset });
    return;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) collectLinks(c, out);
}

/** Index of the last range starting at or before `offset` (−1 when none). */
function lastStartingBy(ranges: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function linkStats(block: Block, links: readonly Range[]): Pick<BlockStructure, 'links' | 'linkTexts'> {
  if (links.length === 0) return { links: { density: 0, count: 0 }, linkTexts: [] };
  let inLinks = 0;
  let total = 0;
  const linkTexts: BlockStructure['linkTexts'] = [];
  let lastLink = -1;
  for (const seg of block.segments) {
    total += seg.length;
    const at = lastStartingBy(links, seg.offset);
    // Links do not nest, so at most the one that starts last before the segment covers it.
    if (at >= 0 && links[at]!.end > seg.offset) {
      const n = Math.min(seg.length, links[at]!.end - seg.offset);
      inLinks += n;
      // The segments of one link make one text range.
      if (at === lastLink) linkTexts[linkTexts.length - 1]!.end = seg.at + n;
      else linkTexts.push({ start: seg.at, end: seg.at + n });
      lastLink = at;
    }
  }
  const from = lastStartingBy(links, block.position.start.offset - 1) + 1;
  const to = lastStartingBy(links, block.position.end.offset - 1);
  return { links: { density: total === 0 ? 0 : inLinks / total, count: Math.max(0, to - from + 1) }, linkTexts };
}

function regionOf(block: Block, regions: readonly BoilerplateRegion[]): { weight: number; mark: string } {
  // Regions do not nest (the outermost is kept), so the last one starting before the block decides.
  const at = lastStartingBy(regions, block.position.start.offset);
  const r = at >= 0 ? regions[at]! : undefined;
  return r && r.end >= block.position.end.offset ? { weight: r.weight, mark: r.mark } : { weight: 0, mark: '' };
}

/** Source ranges of images with neither a source nor a description (`![]()`): an empty slot. */
export function emptyImages(tree: Root | undefined): Range[] {
  const out: Range[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'image') {
      const p = node.position;
      if (node.url.trim() === '' && !node.alt?.trim() && p?.start.offset !== undefined && p.end.offset !== undefined) out.push({ start: p.start.offset, end: p.end.offset });
      return;
    }
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
  };
  if (tree) visit(tree);
  return out;
}
