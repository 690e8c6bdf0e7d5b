/**
 * Site boilerplate seen across the batch: the same short line in drafts of unrelated articles
 * (different clusters) is the site's furniture, not the article's text — a credit line, a
 * feedback prompt, a footer. One pass over every draft's short blocks, a count of distinct
 * clusters per normalised line: linear in the batch and deterministic.
 */
import type { Block, Document } from '../types.js';
import { CONTENT_LABELS, normaliseLine } from './lexicon.js';

/** Unrelated drafts a line must appear in to count as site boilerplate. */
export const MIN_CLUSTERS = 3;
const MAX_WORDS = 15;
const MAX_HAN = 40;

export interface BatchLines {
  /** Lines seen in at least MIN_CLUSTERS clusters, by normalised text. */
  lines: ReadonlySet<string>;
  /** Evidence the batch adds to a block (0 when its line is not site boilerplate). */
  weight(block: Block): number;
  /** `weight` of each of a draft's blocks, in order (a draft of the batch has its lines worked out already). */
  weights(blocks: readonly Block[]): number[];
}

function candidate(block: Block): string | undefined {
  if (block.kind === 'reference' || block.kind === 'tableCell') return undefined;
  const text = block.text;
  if (text.length > 200 || overLineLimits(text)) return undefined;
  const n = normaliseLine(text);
  return n.length >= 3 && !CONTENT_LABELS.has(n) ? n : undefined;
}

const HAN = /\p{Script=Han}/u;
/** Below this code point no character is Han. */
const FIRST_HAN = 0x2e80;

/**
 * Whether `text` has more than MAX_WORDS runs of ASCII letters or more than MAX_HAN Han
 * characters. Counted in one pass that stops once either is past (every short block of every
 * draft is asked, and two `match` calls built an array of each), a Han character told by its
 * code point's script.
 */
export function overLineLimits(text: string): boolean {
  let words = 0;
  let han = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) {
      if (!inWord && ++words > MAX_WORDS) return true;
      inWord = true;
      continue;
    }
    inWord = false;
    if (c < FIRST_HAN) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (HAN.test(String.fromCodePoint(cp)) && ++han > MAX_HAN) return true;
  }
  return false;
}

/** The line each block of a draft counts as (`candidate`'s, null for a block that counts as none), in block order. */
export function candidateLines(doc: Pick<Document, 'blocks'>): Array<string | null> {
  return doc.blocks.map((b) => candidate(b) ?? null);
}

/**
 * Lines kept with a draft's cache entry (engine/analyze.ts), so the batch look of a rerun
 * reads its unchanged drafts' lines instead of working them out; the batch look takes them
 * (a fresh draft's are worked out there, as nothing else reads them).
 */
const recorded = new WeakMap<Document, ReadonlyArray<string | null>>();

/** Records `lines` as the draft's (see `candidateLines`) when they are one per block, each a string or null. */
export function primeCandidateLines(doc: Document, lines: unknown): void {
  if (Array.isArray(lines) && lines.length === doc.blocks.length && lines.every((n) => n === null || typeof n === 'string')) recorded.set(doc, lines as Array<string | null>);
}

export function batchLines(docs: readonly Document[], clusterOf: (path: string) => string): BatchLines {
  // Each block's line is worked out once (or read as recorded) and kept by its draft's list
  // of blocks: the rule asks for the weights of every draft's blocks again, and a map by
  // block held every block of a large batch (at 10,000 drafts it cost more than the lines).
  const byBlocks = new Map<readonly Block[], ReadonlyArray<string | null>>();
  const clustersOf = new Map<string, Set<string>>();
  for (const doc of docs) {
    const cluster = clusterOf(doc.path);
    const found = recorded.get(doc) ?? candidateLines(doc);
    recorded.delete(doc);
    byBlocks.set(doc.blocks, found);
    for (const n of found) {
      if (n === null) continue;
      let set = clustersOf.get(n);
      if (!set) clustersOf.set(n, (set = new Set()));
      set.add(cluster);
    }
  }
  const lines = new Set<string>();
  for (const [line, set] of clustersOf) if (set.size >= MIN_CLUSTERS) lines.add(line);
  const weightOf = (block: Block, n: string | null | undefined): number => {
    if (n === null || n === undefined || !lines.has(n)) return 0;
    // A paragraph-shaped line across unrelated articles is furniture; a heading or list item
    // ("Vitamin D", "How much do you need?") may be shared topic vocabulary: weaker evidence.
    // A question on a line of its own is a section heading of a plain-text draft as often.
    return block.kind === 'paragraph' && !/[?？]\s*$/u.test(block.text) ? 2 : 1;
  };
  return {
    lines,
    weight: (block) => (lines.size === 0 ? 0 : weightOf(block, candidate(block))),
    weights(blocks) {
      if (lines.size === 0) return blocks.map(() => 0);
      const known = byBlocks.get(blocks);
      return blocks.map((b, i) => weightOf(b, known ? known[i] : candidate(b)));
    },
  };
}
