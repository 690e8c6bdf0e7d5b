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
import { applyRepairs, repairsOf, textOf } from './fixes.js';
import { locateBlocks, removeBlock, topLevelOf, type Located } from './nodes.js';
import { headingText } from '../parse/blocks.js';

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
  const tree = structuredClone(canonical.tree);
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
    if (block !== undefined) foreign.set(block, [...(foreign.get(block) ?? []), f]);
  }
  const unusable = (doc: Document, block: number): boolean =>
    doc.language.blocks[block] !== primary ||
    (findingsByPath.get(doc.path) ?? []).some(
      (f) => (RESTORED_RULES.has(f.ruleId) || f.ruleId === 'artifact/cms-leftover') && blockAt(doc.blocks, f.span.start.offset) === block,
    );

  // Local repairs on the canonical first: they are addressed by the canonical's own offsets.
  for (const r of applyRepairs(tree, canonical.text, repairsOf(findings))) {
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
  for (const [index, reasons] of [...foreign].sort((a, b) => a[0] - b[0])) {
    const block = canonical.blocks[index]!;
    const target = located.get(block.position.start.offset);
    if (!target) continue;
    const source = bestCounterpart(cluster, docs, index, unusable);
    if (source) {
      const memberTree = source.doc.tree;
      const from = locateBlocks(memberTree).get(source.doc.blocks[source.block]!.position.start.offset);
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
  insertMissing(tree, cluster, docs, canonical, located, unusable, changes);

  // Blocks a repair emptied (a CMS leftover that was the whole block, a lone stray tag) go.
  for (const block of canonical.blocks) {
    const target = located.get(block.position.start.offset);
    if (target && target.node.type !== 'tableCell' && textOf(target.node).trim() === '') removeBlock(target);
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

/** The aligned sibling block with the best score that is usable (in the primary language, clean). */
function bestCounterpart(
  cluster: Cluster,
  docs: Map<string, Document>,
  canonicalBlock: number,
  unusable: (doc: Document, block: number) => boolean,
): { doc: Document; block: number } | undefined {
  let best: { doc: Document; block: number; score: number } | undefined;
  for (const alignment of cluster.alignments) {
    const doc = docs.get(alignment.path);
    if (!doc) continue;
    for (const pair of alignment.pairs) {
      if (pair.canonical !== canonicalBlock || pair.member === null) continue;
      if (unusable(doc, pair.member)) continue;
      if (!best || pair.score > best.score) best = { doc, block: pair.member, score: pair.score };
    }
  }
  return best;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

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
  changes: Change[],
): void {
  const present = canonical.blocks.map((b) => words(b.text));
  for (const alignment of cluster.alignments) {
    const doc = docs.get(alignment.path);
    if (!doc) continue;
    const memberNodes = locateBlocks(doc.tree);
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
      const w = words(block.text);
      if (block.kind !== 'heading' && w.size < MIN_INSERT_WORDS) continue;
      if (present.some((p) => overlap(w, p) >= 0.8)) continue;
      const from = memberNodes.get(block.position.start.offset);
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
