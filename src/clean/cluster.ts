/**
 * Cleaning one cluster: start from the canonical version's tree and
 *  - restore each passage in another language (foreign block, mixed sentence) from the
 *    aligned block of a sibling that has it in the primary language;
 *  - insert blocks the canonical lacks (a truncated canonical) from aligned siblings;
 *  - apply the local repairs rules propose (glued words, stray tags, glued URLs);
 *  - drop CMS leftovers;
 *  - mark what no version has in the primary language as untranslated.
 * Every step is recorded as a change. Rules only read; this stage is where the tree changes.
 */
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, Change, Cluster, Document, Finding } from '../types.js';
import { applyRepairs, isBlank, repairsOf } from './fixes.js';
import { locateBlocks, removeBlock, topLevelOf, type Located } from './nodes.js';
import { headingText } from '../parse/blocks.js';
import { parseTree } from '../parse/index.js';
import { pushTo } from '../collections.js';

export interface ClusterCleaning {
  tree: Root;
  title: string;
  /** Changes with `output` left empty (the caller knows the file name). */
  changes: Change[];
  /** Findings on the canonical that the cleaning resolved. */
  resolved: Set<Finding>;
}

const RESTORED_RULES = new Set(['lang/foreign-block', 'lang/mixed-sentence']);
const MIN_INSERT_WORDS = 4;
const UNTRANSLATED = '<!-- draftaudit: untranslated';

export function cleanCluster(cluster: Cluster, docs: Map<string, Document>, findingsByPath: Map<string, Finding[]>): ClusterCleaning {
  const canonical = docs.get(cluster.canonical)!;
  const primary = canonical.language.primary;
  // The cleaner changes its own tree: a fresh parse of the canonical's text, which is the
  // tree the rules read (parsing is deterministic, see `lazyTree`) and costs less than a copy.
  const tree = parseTree(canonical.text, canonical.format, canonical.lineStarts);
  const located = locateBlocks(tree);
  const changes: Change[] = [];
  const resolved = new Set<Finding>();
  const findings = findingsByPath.get(canonical.path) ?? [];
  const lineOf = (doc: Document, block: number): number => doc.blocks[block]!.position.start.line;

  // Blocks of the canonical that hold a passage in another language, with the findings that say so.
  const foreign = new Map<number, Finding[]>();
  for (const f of findings) {
    if (!RESTORED_RULES.has(f.ruleId)) continue;
    const block = blockAt(canonical.blocks, f.span.start.offset);
    if (block !== undefined) pushTo(foreign, block, f);
  }
  // Blocks of each sibling that a finding marks as foreign or as a CMS leftover, read once per sibling.
  const flagged = new Map<Document, Set<number>>();
  const unusable = (doc: Document, block: number): boolean => {
    if (doc.language.blocks[block] !== primary) return true;
    let blocks = flagged.get(doc);
    if (!blocks) {
      blocks = new Set<number>();
      for (const f of findingsByPath.get(doc.path) ?? []) {
        if (!RESTORED_RULES.has(f.ruleId) && f.ruleId !== 'artifact/cms-leftover') continue;
        const at = blockAt(doc.blocks, f.span.start.offset);
        if (at !== undefined) blocks.add(at);
      }
      flagged.set(doc, blocks);
    }
    return blocks.has(block);
  };

  // Siblings' trees are parsed (and their blocks located) only when a block is taken from them.
  const siblingNodes = new Map<Document, Map<number, Located>>();
  const nodesOf = (doc: Document): Map<number, Located> => {
    let nodes = siblingNodes.get(doc);
    if (!nodes) siblingNodes.set(doc, (nodes = locateBlocks(doc.tree)));
    return nodes;
  };

  // Whole blocks of site debris go at the end, with the emptied blocks (removing them now
  // would move the anchors the insertion of missing blocks relies on).
  const debris = wholeDebris(findings, canonical);
  // Local repairs on the canonical first: they are addressed by the canonical's own offsets.
  for (const r of applyRepairs(tree, canonical.text, repairsOf(findings.filter((f) => !debris.has(f))))) {
    resolved.add(r.finding);
    changes.push({
      output: '',
      kind: r.expected === '' ? 'removed' : 'repaired',
      ruleId: r.finding.ruleId,
      from: { path: canonical.path, line: r.finding.span.start.line },
      text: r.expected === '' ? r.finding.excerpt : r.expected,
    });
  }

  // Restoration of foreign passages from the best aligned sibling.
  let aligned: Map<number, Counterpart[]> | undefined;
  for (const [index, reasons] of [...foreign].sort((a, b) => a[0] - b[0])) {
    const block = canonical.blocks[index]!;
    const target = located.get(block.position.start.offset);
    if (!target) continue;
    aligned ??= counterparts(cluster, docs);
    const source = bestCounterpart(aligned.get(index) ?? [], unusable);
    if (source) {
      const from = nodesOf(source.doc).get(source.doc.blocks[source.block]!.position.start.offset);
      if (from) {
        const copy = structuredClone(from.node) as Located['node'];
        applyRepairs(copy, source.doc.text, repairsOf(findingsByPath.get(source.doc.path) ?? []));
        target.node.children = copy.children as typeof target.node.children;
        for (const f of reasons) resolved.add(f);
        changes.push({
          output: '',
          kind: 'restored',
          ruleId: reasons.some((f) => f.ruleId === 'lang/foreign-block') ? 'lang/foreign-block' : 'lang/mixed-sentence',
          from: { path: canonical.path, line: block.position.start.line },
          source: { path: source.doc.path, line: lineOf(source.doc, source.block) },
        });
        continue;
      }
    }
    const lang = (reasons.find((f) => typeof f.data?.lang === 'string')?.data?.lang as string | undefined) ?? canonical.language.blocks[index] ?? 'und';
    changes.push({ output: '', kind: 'untranslated', ruleId: 'lang/foreign-block', from: { path: canonical.path, line: block.position.start.line } });
    const first = target.node.children[0];
    if (first?.type === 'html' && first.value.startsWith(UNTRANSLATED)) continue; // marked by an earlier cleaning
    target.node.children = [
      { type: 'html', value: `${UNTRANSLATED} (${lang}) -->` },
      ...target.node.children,
      { type: 'html', value: '<!-- /draftaudit: untranslated -->' },
    ] as typeof target.node.children;
  }

  // Insertion of blocks a truncated canonical lacks.
  insertMissing(tree, cluster, docs, canonical, located, unusable, nodesOf, changes);

  for (const [f, index] of debris) {
    const target = located.get(canonical.blocks[index]!.position.start.offset);
    if (!target) continue;
    removeBlock(target);
    resolved.add(f);
    changes.push({ output: '', kind: 'removed', ruleId: f.ruleId, from: { path: canonical.path, line: f.span.start.line }, text: f.excerpt });
  }
  // Empty image slots the debris rule found go, with a paragraph they leave empty.
  const slots = findings.filter((f) => f.ruleId === 'artifact/cms-leftover' && f.data?.image === true && f.data.confidence !== 'low');
  if (slots.length > 0) {
    for (const f of dropImages(tree, new Set(slots.map((s) => s.span.start.offset)))) {
      resolved.add(slots.find((s) => s.span.start.offset === f)!);
    }
    for (const f of slots) if (resolved.has(f)) changes.push({ output: '', kind: 'removed', ruleId: f.ruleId, from: { path: canonical.path, line: f.span.start.line }, text: f.excerpt });
  }
  // Blocks a repair emptied (a CMS leftover that was the whole block, a lone stray tag) go.
  for (const block of canonical.blocks) {
    const target = located.get(block.position.start.offset);
    if (target && target.node.type !== 'tableCell' && isBlank(target.node)) removeBlock(target);
  }

  return { tree, title: titleOf(tree, canonical.path), changes, resolved };
}

/**
 * The article's title: its level-1 heading, else a heading that opens it, else the first
 * sentence of its first paragraph (cut at a word under 80 characters).
 */
export function titleOf(tree: Root, fallback: string): string {
  const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  if (h1?.type === 'heading') return headingText(h1);
  const first = tree.children.find((n) => n.type === 'heading' || n.type === 'paragraph');
  if (!first) return fallback;
  if (first.type === 'heading') return headingText(first);
  const sentence = /^.+?[.!?。！？](?=\s|$)/u.exec(toString(first, { includeHtml: false }))?.[0] ?? toString(first, { includeHtml: false });
  if (sentence.length <= 80) return sentence.replace(/[.。]$/u, '');
  return `${sentence.slice(0, 80).replace(/\s+\S*$/u, '')}…`;
}

/** Removes the image nodes starting at `offsets` (and a paragraph left empty); returns the offsets removed. */
function dropImages(tree: Root, offsets: Set<number>): number[] {
  const removed: number[] = [];
  const visit = (parent: Extract<Nodes, { children: unknown }>): void => {
    const kids = parent.children as Nodes[];
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]!;
      const at = k.position?.start.offset;
      if (k.type === 'image' && at !== undefined && offsets.has(at)) {
        kids.splice(i, 1);
        removed.push(at);
      } else if ('children' in k) {
        visit(k);
        if (k.type === 'paragraph' && k.children.length === 0) kids.splice(i, 1);
      }
    }
  };
  visit(tree);
  return removed;
}

/**
 * Sure site-debris findings that cover a whole block (`data.whole`), with the block: the
 * cleaner removes the block's node, markup and all, rather than its text.
 */
function wholeDebris(findings: readonly Finding[], doc: Document): Map<Finding, number> {
  const out = new Map<Finding, number>();
  for (const f of findings) {
    if (f.ruleId !== 'artifact/cms-leftover' || f.data?.whole !== true || f.data.confidence === 'low' || f.data.image === true) continue;
    const index = blockAt(doc.blocks, f.span.start.offset);
    if (index !== undefined) out.set(f, index);
  }
  return out;
}

/** Index of the block whose range holds `offset`. */
export function blockAt(blocks: Block[], offset: number): number | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.position.start.offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === undefined || offset > blocks[found]!.position.end.offset) return undefined;
  return found;
}

interface Counterpart {
  doc: Document;
  block: number;
  score: number;
}

/** The sibling blocks aligned to each canonical block, in the order of the alignments. */
function counterparts(cluster: Cluster, docs: Map<string, Document>): Map<number, Counterpart[]> {
  const out = new Map<number, Counterpart[]>();
  for (const alignment of cluster.alignments) {
    const doc = docs.get(alignment.path);
    if (!doc) continue;
    for (const pair of alignment.pairs) {
      if (pair.canonical === null || pair.member === null) continue;
      pushTo(out, pair.canonical, { doc, block: pair.member, score: pair.score });
    }
  }
  return out;
}

/** The counterpart with the best score (the first of equals) that is usable (in the primary language, clean). */
function bestCounterpart(candidates: readonly Counterpart[], unusable: (doc: Document, block: number) => boolean): Counterpart | undefined {
  let best: Counterpart | undefined;
  for (const c of candidates) {
    if (unusable(c.doc, c.block)) continue;
    if (!best || c.score > best.score) best = c;
  }
  return best;
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

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * Inserts, after the canonical block it follows in the alignment, every sibling block that
 * has no counterpart in the canonical, is in the primary language, carries content (a
 * heading, or at least four words: not a "Summary:" label) and is not already in the output.
 */
function insertMissing(
  tree: Root,
  cluster: Cluster,
  docs: Map<string, Document>,
  canonical: Document,
  located: Map<number, Located>,
  unusable: (doc: Document, block: number) => boolean,
  nodesOf: (doc: Document) => Map<number, Located>,
  changes: Change[],
): void {
  // Word sets are made only when a block gets that far: most clusters insert nothing.
  const wordCache = new Map<string, Set<string>>();
  let present: Set<string>[] | undefined;
  // Texts found present already; `present` only grows, so they stay present.
  const covered = new Set<string>();
  for (const alignment of cluster.alignments) {
    const doc = docs.get(alignment.path);
    if (!doc) continue;
    let anchor: number | undefined;
    let lastInserted: RootContent | undefined;
    for (const pair of alignment.pairs) {
      if (pair.canonical !== null) {
        anchor = pair.canonical;
        lastInserted = undefined;
        continue;
      }
      if (pair.member === null) continue;
      const block = doc.blocks[pair.member]!;
      if (block.kind === 'tableCell' || block.kind === 'reference' || unusable(doc, pair.member)) continue;
      const w = wordsOf(wordCache, block.text);
      if (block.kind !== 'heading' && w.size < MIN_INSERT_WORDS) continue;
      if (covered.has(block.text)) continue;
      present ??= canonical.blocks.map((b) => wordsOf(wordCache, b.text));
      if (present.some((p) => overlap(w, p) >= 0.8)) {
        covered.add(block.text);
        continue;
      }
      const from = nodesOf(doc).get(block.position.start.offset);
      if (!from) continue;
      const copy = structuredClone(from.node) as Nodes;
      const node: RootContent =
        block.kind === 'listItem'
          ? { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [copy as Paragraph] }] }
          : (copy as RootContent);
      const after: Nodes | undefined = lastInserted ?? (anchor === undefined ? undefined : anchorNode(canonical, located, anchor));
      const at = after ? tree.children.indexOf(after as RootContent) : -1;
      // Consecutive list items inserted at one place join one list.
      if (node.type === 'list' && lastInserted?.type === 'list') lastInserted.children.push(...node.children);
      else {
        tree.children.splice(at + 1, 0, node);
        lastInserted = node;
      }
      present.push(w);
      if (w.size > 0) covered.add(block.text); // overlap(w, w) is 1, unless w is empty
      changes.push({
        output: '',
        kind: 'inserted',
        ruleId: 'dup/near-duplicate',
        from: { path: canonical.path, line: anchor === undefined ? 1 : canonical.blocks[anchor]!.position.start.line },
        source: { path: doc.path, line: block.position.start.line },
      });
    }
  }
}

function anchorNode(canonical: Document, located: Map<number, Located>, index: number): Nodes | undefined {
  const loc = located.get(canonical.blocks[index]!.position.start.offset);
  return loc ? topLevelOf(loc) : undefined;
}
