/**
 * A finding's excerpt in its context: the text of the block the finding starts in, with the
 * excerpt marked. Linear in the size of a draft and its findings: the blocks are indexed by
 * position once per draft (a finding finds its block by binary search), and the excerpt is
 * looked for outward from where the finding's column puts it, never through every
 * occurrence in the block (a block of 40,000 `<br>` tags with a finding on each).
 */
import type { BlockEntry } from '../../audit.js';
import type { Finding } from '../../types.js';

/** How much block text to show on each side of the highlighted span. */
const CONTEXT = 60;

export interface ExcerptParts {
  before: string;
  match: string;
  after: string;
}

/** The blocks of one draft by position, with their text white-space-collapsed once. */
export class BlockIndex {
  private readonly sorted: BlockEntry[];
  private readonly flat = new Map<BlockEntry, string>();

  constructor(blocks: readonly BlockEntry[]) {
    this.sorted = [...blocks].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** The last block that starts at or before `line:column`. */
  at(line: number, column: number): BlockEntry | undefined {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = this.sorted[mid]!;
      if (b.line < line || (b.line === line && b.column <= column)) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.sorted[lo - 1] : undefined;
  }

  /** A block's text with every run of white space made one space. */
  text(b: BlockEntry): string {
    let text = this.flat.get(b);
    if (text === undefined) this.flat.set(b, (text = collapse(b.text)));
    return text;
  }
}

export function collapse(text: string): string {
  return ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** White space other than single spaces (most text has none). */
const ODD_SPACE = /[^\S ]| {2}/;

/**
 * The excerpt in its context. Where the block text does not hold the excerpt (markup between
 * them, a rule's own excerpt), the excerpt alone is marked.
 */
export function excerptParts(f: Finding, blocks: BlockIndex | readonly BlockEntry[]): ExcerptParts {
  const index = blocks instanceof BlockIndex ? blocks : new BlockIndex(blocks);
  const excerpt = collapse(f.excerpt).trim();
  if (excerpt === '') return { before: '', match: '', after: '' };
  const truncated = excerpt.endsWith('…');
  const needle = truncated ? excerpt.slice(0, -1) : excerpt;
  const { line, column } = f.span.start;
  const block = index.at(line, column);
  const text = block ? index.text(block) : '';
  const guess = block && block.line === line ? Math.max(0, Math.min(text.length, column - block.column)) : 0;
  const at = needle === '' ? -1 : nearest(text, needle, guess);
  if (at < 0) return { before: '', match: excerpt, after: '' };
  const end = at + needle.length;
  const from = Math.max(0, at - CONTEXT);
  const to = truncated ? end : Math.min(text.length, end + CONTEXT);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, at),
    match: text.slice(at, end) + (truncated ? '…' : ''),
    after: text.slice(end, to) + (to < text.length && !truncated ? '…' : ''),
  };
}

/** The occurrence of `needle` in `text` nearest to `guess` (the earlier one on a tie), or -1. */
function nearest(text: string, needle: string, guess: number): number {
  const after = text.indexOf(needle, guess);
  const before = text.lastIndexOf(needle, guess);
  if (before < 0) return after;
  if (after < 0) return before;
  return guess - before <= after - guess ? before : after;
}
