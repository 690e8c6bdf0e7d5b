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
  const links = tree ? rangesOf(tree).links : [];
  const regions = (tree?.data?.boilerplate ?? []).slice().sort((a, b) => a.start - b.start);
  return blocks.map((block) => ({ ...linkStats(block, links), region: regionOf(block, regions) }));
}

interface TreeRanges {
  /** Source ranges of the links, in order (a link's own links are not looked into). */
  links: Range[];
  /** Source ranges of images with neither a source nor a description. */
  emptyImages: Range[];
}

// The rule reads a draft's links (to classify its blocks) and its empty images: one walk of
// the tree serves both, and a batch look classifying the draft again walks it no more.
const walked = new WeakMap<Root, TreeRanges>();

function rangesOf(tree: Root): TreeRanges {
  let ranges = walked.get(tree);
  if (!ranges) {
    ranges = { links: [], emptyImages: [] };
    walk(tree, ranges, false);
    ranges.links.sort((a, b) => a.start - b.start);
    walked.set(tree, ranges);
  }
  return ranges;
}

function walk(node: Nodes, out: TreeRanges, inLink: boolean): void {
  const p = node.position;
  const start = p?.start.offset;
  const end = p?.end.offset;
  if (node.type === 'image') {
    if (node.url.trim() === '' && !node.alt?.trim() && start !== undefined && end !== undefined) out.emptyImages.push({ start, end });
    return;
  }
  if (!inLink && (node.type === 'link' || node.type === 'linkReference') && start !== undefined && end !== undefined) {
    out.links.push({ start, end });
    inLink = true;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) walk(c, out, inLink);
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
export function emptyImages(tree: Root | undefined): readonly Range[] {
  return tree ? rangesOf(tree).emptyImages : [];
}
