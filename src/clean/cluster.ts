/**
 * Cleaning one cluster. Text that no finding objects to passes through unchanged, word for
 * word; starting from a fresh parse of the canonical version, the cleaner
 *  - applies the repairs rules propose (glued words, stray tags, glued URLs, CMS
 *    leftovers), only those that say they are sure (see fixes.ts);
 *  - restores each passage in another language (foreign block, mixed sentence) from the
 *    aligned block of a sibling that has it in the primary language and keeps every other
 *    sentence of the block;
 *  - inserts whole blocks a truncated canonical lacks from aligned siblings (insert.ts);
 *  - marks what no version has in the primary language as untranslated.
 * Every step is recorded as a change naming the findings it fixes. Rules only read; this
 * stage is where the tree changes.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Block, Change, Cluster, Document, Finding } from '../types.js';
import { applyRepairs, isBlank, repairsOf } from './fixes.js';
import { keepItemNumbers, locateBlocks, numberItems, removeBlock, type Located } from './nodes.js';
import { insertMissing, repairChange } from './insert.js';
import { findingRef } from './refs.js';
import { titleOf, UNTRANSLATED } from './title.js';
import { sentences } from '../sentences.js';
import { sourceOffset } from '../position.js';
import { parseTree } from '../parse/index.js';
import { lastAtOrBefore, pushTo } from '../collections.js';

export interface ClusterCleaning {
  tree: Root;
  title: string;
  /** Changes with `output` left empty (the caller knows the file name). */
  changes: Change[];
  /**
   * Findings the cleaning fixed: repairs applied (on the canonical, or on a sibling's block
   * it took) and passages restored from a sibling. Nothing else: a finding not listed here
   * is still open.
   */
  resolved: Set<Finding>;
  /** Blocks of siblings (by path, block index) whose content the cleaned article took. */
  carried: Map<string, Set<number>>;
}

const RESTORED_RULES = new Set(['lang/foreign-block', 'lang/mixed-sentence']);

export function cleanCluster(cluster: Cluster, docs: Map<string, Document>, findingsByPath: Map<string, Finding[]>): ClusterCleaning {
  const canonical = docs.get(cluster.canonical)!;
  const primary = canonical.language.primary;
  // The cleaner changes its own tree: a fresh parse of the canonical's text, which is the
  // tree the rules read (parsing is deterministic, see `lazyTree`) and costs less than a copy.
  const tree = parseTree(canonical.text, canonical.format, canonical.lineStarts);
  const located = locateBlocks(tree);
  const itemNumbers = numberItems(tree);
  const changes: Change[] = [];
  const untranslated: Array<[Located, string]> = [];
  const resolved = new Set<Finding>();
  // Sibling blocks the article takes (see fixed.ts: a finding on a block the article took as
  // it is stays open).
  const carried = new Map<string, Set<number>>();
  const carry = (doc: Document, block: number): void => {
    const blocks = carried.get(doc.path) ?? new Set<number>();
    blocks.add(block);
    carried.set(doc.path, blocks);
  };
  const findingsOf = (doc: Document): Finding[] => findingsByPath.get(doc.path) ?? [];
  const findings = findingsOf(canonical);
  const lineOf = (doc: Document, block: number): number => doc.blocks[block]!.position.start.line;

  // Blocks of the canonical that hold a passage in another language, with the findings that say so.
  const foreign = new Map<number, Finding[]>();
  // Translations of the block above them, in a draft that gives its passages in both
  // languages (see lang/interleaved.ts): the article says them already, so they go.
  const translations = new Map<Finding, number>();
  for (const f of findings) {
    if (!RESTORED_RULES.has(f.ruleId)) continue;
    const block = blockAt(canonical.blocks, f.span.start.offset);
    if (block === undefined) continue;
    if (f.ruleId === 'lang/foreign-block' && typeof f.data?.translates === 'number') translations.set(f, block);
    else pushTo(foreign, block, f);
  }
  for (const index of translations.values()) foreign.delete(index);
  // Blocks of each sibling that a finding marks as foreign or as a CMS leftover, read once per sibling.
  const flagged = new Map<Document, Set<number>>();
  const unusable = (doc: Document, block: number): boolean => {
    if (doc.language.blocks[block] !== primary) return true;
    let blocks = flagged.get(doc);
    if (!blocks) {
      blocks = new Set<number>();
      for (const f of findingsOf(doc)) {
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
    changes.push(repairChange(r.finding, r.expected));
  }

  // Restoration of foreign passages from the best aligned sibling that keeps every sentence
  // of the block no finding objects to.
  const restored: string[] = [];
  let aligned: Map<number, Counterpart[]> | undefined;
  for (const [index, reasons] of [...foreign].sort((a, b) => a[0] - b[0])) {
    const block = canonical.blocks[index]!;
    const target = located.get(block.position.start.offset);
    if (!target) continue;
    aligned ??= counterparts(cluster, docs);
    const ruleId = reasons.some((f) => f.ruleId === 'lang/foreign-block') ? 'lang/foreign-block' : 'lang/mixed-sentence';
    const kept = untouchedSentences(block, reasons);
    const source = bestCounterpart(aligned.get(index) ?? [], (doc, at) => unusable(doc, at) || !keepsAll(doc.blocks[at]!.text, kept));
    if (source) {
      const from = nodesOf(source.doc).get(source.doc.blocks[source.block]!.position.start.offset);
      if (from) {
        const copy = structuredClone(from.node) as Located['node'];
        const repaired = applyRepairs(copy, source.doc.text, repairsOf(findingsOf(source.doc)));
        target.node.children = copy.children as typeof target.node.children;
        restored.push(source.doc.blocks[source.block]!.text);
        carry(source.doc, source.block);
        for (const f of reasons) resolved.add(f);
        // The block's text is the sibling's now: what the language rules found in it is gone.
        for (const f of findings) if (f.ruleId.startsWith('lang/') && blockAt(canonical.blocks, f.span.start.offset) === index) resolved.add(f);
        changes.push({
          output: '',
          kind: 'restored',
          ruleId,
          from: { path: canonical.path, line: block.position.start.line },
          source: { path: source.doc.path, line: lineOf(source.doc, source.block) },
          findings: reasons.map(findingRef),
        });
        for (const r of repaired) {
          resolved.add(r.finding);
          changes.push(repairChange(r.finding, r.expected));
        }
        continue;
      }
    }
    const lang = (reasons.find((f) => typeof f.data?.lang === 'string')?.data?.lang as string | undefined) ?? canonical.language.blocks[index] ?? 'und';
    changes.push({ output: '', kind: 'untranslated', ruleId, from: { path: canonical.path, line: block.position.start.line } });
    untranslated.push([target, lang]);
  }

  // Insertion of blocks a truncated canonical lacks.
  const brought = new Set<Nodes>();
  insertMissing({ tree, cluster, docs, canonical, located, unusable, nodesOf, findingsOf, restored, changes, resolved, brought, carry });
  // Marked once every block is in place: the markers stand beside their passage, and a block
  // inserted after it goes after its closing marker.
  for (const [target, lang] of untranslated) markUntranslated(target, lang);

  for (const [f, index] of [...debris, ...translations]) {
    const target = located.get(canonical.blocks[index]!.position.start.offset);
    if (!target) continue;
    removeBlock(target);
    resolved.add(f);
    changes.push(repairChange(f, ''));
  }
  // Empty image slots the debris rule found go, with a paragraph they leave empty.
  const slots = findings.filter((f) => f.ruleId === 'artifact/cms-leftover' && f.data?.image === true && f.data.confidence !== 'low');
  if (slots.length > 0) {
    for (const f of dropImages(tree, new Set(slots.map((s) => s.span.start.offset)))) {
      resolved.add(slots.find((s) => s.span.start.offset === f)!);
    }
    for (const f of slots) if (resolved.has(f)) changes.push(repairChange(f, ''));
  }
  // Blocks a repair emptied (a CMS leftover that was the whole block, a lone stray tag) go.
  for (const block of canonical.blocks) {
    const target = located.get(block.position.start.offset);
    if (target && target.node.type !== 'tableCell' && isBlank(target.node)) removeBlock(target);
  }

  // The items left in a numbered list keep the numbers the draft gave them.
  keepItemNumbers(tree, itemNumbers);

  // Headings an artifact finding covers whole (debris left in place: its repair was not sure) name nothing.
  const untitled = new Set<Nodes>(brought);
  // (The draft's own title line was debris: the line after it may be the real title.)
  let debrisTitle = false;
  for (const f of findings) {
    if (!f.ruleId.startsWith('artifact/')) continue;
    const at = blockAt(canonical.blocks, f.span.start.offset);
    const block = at === undefined ? undefined : canonical.blocks[at]!;
    if (block?.kind !== 'heading' || f.span.start.offset > block.position.start.offset || f.span.end.offset < block.position.end.offset) continue;
    const node = located.get(block.position.start.offset)?.node;
    if (node) untitled.add(node);
    if (block.depth === 1) debrisTitle = true;
  }
  const opening = canonical.blocks.slice(0, 3).map((b) => b.text);
  return { tree, title: titleOf(tree, canonical.path, untitled, debrisTitle, opening), changes, resolved, carried };
}

/** Whitespace made single spaces, for comparing sentences. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The sentences of a block that none of `reasons` touches (a mixed sentence's foreign run
 * touches its sentence only): a sibling's block replaces this one only if it has them all.
 */
function untouchedSentences(block: Block, reasons: readonly Finding[]): string[] {
  const touched = (i: number): boolean => {
    const offset = sourceOffset(block, i);
    return reasons.some((f) => offset >= f.span.start.offset && offset < f.span.end.offset);
  };
  const out: string[] = [];
  for (const r of sentences(block.text)) {
    let hit = false;
    for (let i = r.start; i < r.end && !hit; i++) hit = touched(i);
    if (!hit) out.push(squeeze(block.text.slice(r.start, r.end)));
  }
  return out;
}

function keepsAll(text: string, sentences: readonly string[]): boolean {
  if (sentences.length === 0) return true;
  const squeezed = squeeze(text);
  return sentences.every((s) => squeezed.includes(s));
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
  const found = lastAtOrBefore(blocks, (b) => b.position.start.offset, offset);
  return found < 0 || offset > blocks[found]!.position.end.offset ? undefined : found;
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

/**
 * Marks a passage no version has in the primary language. A paragraph or heading of the
 * article's top level gets the markers as comment lines of their own before and after it:
 * a comment opening a line would make the whole paragraph an HTML block in Markdown, whose
 * links and emphasis no longer render and which a later audit cannot read. A list item's
 * paragraph or a table cell gets one marker at its end, inline. A passage an earlier
 * cleaning marked is left as it is.
 */
function markUntranslated(target: Located, lang: string): void {
  const open = `${UNTRANSLATED} (${lang}) -->`;
  const parent = target.parents[target.parents.length - 1];
  if (parent?.type === 'root') {
    const siblings = parent.children as RootContent[];
    const at = siblings.indexOf(target.node as RootContent);
    const before = siblings[at - 1];
    if (before?.type === 'html' && before.value.startsWith(UNTRANSLATED)) return;
    siblings.splice(at, 1, { type: 'html', value: open }, target.node as RootContent, { type: 'html', value: '<!-- /draftaudit: untranslated -->' });
    return;
  }
  const last = target.node.children[target.node.children.length - 1];
  if (last?.type === 'html' && last.value.startsWith(UNTRANSLATED)) return;
  target.node.children = [...target.node.children, { type: 'text', value: ' ' }, { type: 'html', value: open }] as typeof target.node.children;
}
