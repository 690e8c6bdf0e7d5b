/**
 * Blocks a truncated canonical lacks, taken from its siblings. Only whole blocks that the
 * alignment left without a counterpart in the canonical are candidates, and each is put
 * after the canonical block it follows in its sibling, in the sibling's order. A candidate is
 * passed over when it
 *  - is in another language, flagged (foreign, CMS leftover), a table cell or a reference;
 *  - carries too little to be content: under four words (a "Summary:" label, "SHOP NOW"),
 *    or a paragraph that stops without ending a sentence ("Magnesium also helps the");
 *  - is the start of a longer block of any version (the text a truncated version stops in);
 *  - is already in the article (most of its words are in one block there);
 *  - is a heading with none of its section's content taken after it: a heading is brought
 *    in only with what it heads, never alone (a truncated last line reads as a heading).
 */
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { Block, Change, Cluster, Document, Finding } from '../types.js';
import { applyRepairs, repairsOf } from './fixes.js';
import { topLevelOf, type Located } from './nodes.js';
import { findingRef } from './refs.js';

const MIN_INSERT_WORDS = 4;
/** A sentence's end: its stop, then closing quotes or brackets, then perhaps a citation marker. */
const SENTENCE_END = /[.!?。！？…]["'”’)）\]」』]*\s*(?:[(（[]\s*\d[\d\s,，–-]*[)）\]]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*$/u;

export interface InsertContext {
  tree: Root;
  cluster: Cluster;
  docs: Map<string, Document>;
  canonical: Document;
  located: Map<number, Located>;
  unusable: (doc: Document, block: number) => boolean;
  nodesOf: (doc: Document) => Map<number, Located>;
  findingsOf: (doc: Document) => Finding[];
  /** Texts of the blocks restored from siblings: they are in the article now. */
  restored: string[];
  changes: Change[];
  resolved: Set<Finding>;
  /** Top-level nodes brought in (the title is never taken from one). */
  brought: Set<Nodes>;
  /** Called with each sibling block whose content the article takes. */
  carry?: (doc: Document, block: number) => void;
}

/** Lower-cased letter and digit runs of a text, kept per text: siblings repeat their blocks. */
function wordsOf(cache: Map<string, Set<string>>, text: string): Set<string> {
  let words = cache.get(text);
  if (!words) {
    // ASCII text (most blocks) gets an ASCII pattern, several times faster than property escapes.
    const lower = text.toLowerCase();
    words = new Set((NON_ASCII.test(lower) ? lower.match(/[\p{L}\p{N}]+/gu) : lower.match(/[a-z0-9]+/g)) ?? []);
    cache.set(text, words);
  }
  return words;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Words of a text for the minimum: Latin words and numbers, and Han characters two to a word. */
function wordCount(text: string): number {
  const latin = text.match(/[\p{Script=Latin}\p{N}]+/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin + Math.floor(han / 2);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Text compared for "is the start of": lower case, one space between words, no closing punctuation. */
function normal(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s\p{P}]+$/u, '').trim();
}

interface Candidate {
  doc: Document;
  block: Block;
  anchor: number | undefined;
}

export function insertMissing(ctx: InsertContext): void {
  const { cluster, docs } = ctx;
  // Word sets are made only when a block gets that far: most clusters insert nothing.
  const wordCache = new Map<string, Set<string>>();
  let present: Set<string>[] | undefined;
  let starts: string[] | undefined;
  // Texts found present already; `present` only grows, so they stay present.
  const covered = new Set<string>();
  const isContent = (c: Candidate): boolean => {
    const { doc, block } = c;
    if (block.kind === 'tableCell' || block.kind === 'reference' || ctx.unusable(doc, block.index)) return false;
    if (block.kind !== 'heading') {
      if (wordCount(block.text) < MIN_INSERT_WORDS) return false;
      if (block.kind === 'paragraph' && !SENTENCE_END.test(block.text)) return false;
    }
    if (covered.has(block.text)) return false;
    const w = wordsOf(wordCache, block.text);
    present ??= [...ctx.canonical.blocks.map((b) => wordsOf(wordCache, b.text)), ...ctx.restored.map((t) => wordsOf(wordCache, t))];
    if (present.some((p) => overlap(w, p) >= 0.8)) {
      covered.add(block.text);
      return false;
    }
    starts ??= [ctx.canonical, ...cluster.members.map((m) => docs.get(m.path)).filter((d): d is Document => d !== undefined)].flatMap((d) =>
      d.blocks.map((b) => normal(b.text)),
    );
    const mine = normal(block.text);
    return !starts.some((s) => s.length > mine.length && s.startsWith(mine));
  };

  for (const alignment of cluster.alignments) {
    const doc = docs.get(alignment.path);
    if (!doc) continue;
    // Runs of sibling blocks with no counterpart, each after the canonical block it follows.
    let anchor: number | undefined;
    let run: Candidate[] = [];
    const flush = (): void => {
      if (run.length > 0) insertRun(ctx, keepWhole(run.filter(isContent)), (c) => present?.push(wordsOf(wordCache, c.block.text)));
      for (const c of run) covered.add(c.block.text);
      run = [];
    };
    for (const pair of alignment.pairs) {
      if (pair.canonical !== null) {
        flush();
        anchor = pair.canonical;
        continue;
      }
      if (pair.member !== null) run.push({ doc, block: doc.blocks[pair.member]!, anchor });
    }
    flush();
  }
}

/** The candidates less each heading that heads nothing taken (the next taken block is a heading, or none). */
function keepWhole(run: Candidate[]): Candidate[] {
  return run.filter((c, i) => c.block.kind !== 'heading' || (run[i + 1] !== undefined && run[i + 1]!.block.kind !== 'heading'));
}

function insertRun(ctx: InsertContext, run: Candidate[], taken: (c: Candidate) => void): void {
  let lastInserted: RootContent | undefined;
  for (const c of run) {
    const { doc, block } = c;
    const from = ctx.nodesOf(doc).get(block.position.start.offset);
    if (!from) continue;
    const copy = structuredClone(from.node) as Nodes;
    const repaired = applyRepairs(copy, doc.text, repairsOf(ctx.findingsOf(doc)));
    const node: RootContent =
      block.kind === 'listItem'
        ? { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [copy as Paragraph] }] }
        : (copy as RootContent);
    const after: Nodes | undefined = lastInserted ?? (c.anchor === undefined ? undefined : anchorNode(ctx, c.anchor));
    const at = after ? ctx.tree.children.indexOf(after as RootContent) : -1;
    // Consecutive list items inserted at one place join one list.
    if (node.type === 'list' && lastInserted?.type === 'list') lastInserted.children.push(...node.children);
    else {
      ctx.tree.children.splice(at + 1, 0, node);
      ctx.brought.add(node);
      lastInserted = node;
    }
    taken(c);
    ctx.carry?.(doc, block.index);
    ctx.changes.push({
      output: '',
      kind: 'inserted',
      ruleId: 'dup/near-duplicate',
      from: { path: ctx.canonical.path, line: c.anchor === undefined ? 1 : ctx.canonical.blocks[c.anchor]!.position.start.line },
      source: { path: doc.path, line: block.position.start.line },
    });
    for (const r of repaired) {
      ctx.resolved.add(r.finding);
      ctx.changes.push(repairChange(r.finding, r.expected));
    }
  }
}

/** The change a repair makes, on the file of its finding. */
export function repairChange(f: Finding, expected: string): Change {
  return {
    output: '',
    kind: expected === '' ? 'removed' : 'repaired',
    ruleId: f.ruleId,
    from: { path: f.path, line: f.span.start.line },
    text: expected === '' ? f.excerpt : expected,
    findings: [findingRef(f)],
  };
}

function anchorNode(ctx: InsertContext, index: number): Nodes | undefined {
  const loc = ctx.located.get(ctx.canonical.blocks[index]!.position.start.offset);
  return loc ? topLevelOf(loc) : undefined;
}
