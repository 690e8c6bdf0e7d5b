/**
 * Folded detail of the HTML report kept in the cache (`--cache`; see engine/pieces.ts): a
 * rerun serialises again only the drafts and articles whose detail changed. Each key holds
 * everything the detail shows or links to.
 */
import { z } from 'zod';
import type { BlockEntry, ClusterEntry } from '../../audit.js';
import { KeyBuilder } from '../../engine/pieces.js';
import { clusterDigest } from '../../corpus/kept.js';
import type { Cluster, Finding } from '../../types.js';
import { stateLabel } from '../gate.js';
import type { Ctx, Edition } from './context.js';
import type { LazyPart } from './fragments.js';

/**
 * What the report's serialised parts never hold (text is escaped, the articles sanitised): an
 * element that runs or loads something, an event handler or a script address in a tag. A
 * kept piece that holds one was not made by the report and is not used.
 */
const UNSAFE = /<(?:script|style|iframe|frame|object|embed|img|link|meta|base|form|svg|math)\b|<[^>]*(?:\son[a-z]+\s*=|javascript:)/i;
export const SAFE_HTML = z.string().refine((html) => !UNSAFE.test(html));

/**
 * The HTML of a draft's folded detail: kept by an earlier run, or `make`'s (then kept). Its
 * key holds the draft's text, blocks and language shares, each finding as audit.json has it
 * with its place in audit.json, its state and the anchor of its rule, the draft's anchor, the
 * colour classes of its languages and the gate's label.
 */
export function keptDetail(ctx: Ctx, file: string, anchor: string, findings: readonly Finding[], blocks: readonly BlockEntry[], source: string | undefined, make: () => string): LazyPart {
  if (!ctx.pieces) return { html: make };
  const doc = ctx.docs.get(file);
  const key = new KeyBuilder().add(file, anchor, source === undefined ? '\u0000none' : source, blocksDigest(blocks), JSON.stringify(doc?.languages ?? null));
  const langs = new Set([...Object.keys(doc?.languages ?? {}), ...blocks.map((b) => b.lang)]);
  for (const lang of [...langs].sort()) key.add(lang, ctx.colours.classOf(lang));
  // A draft's findings stand together in audit.json (sorted by path first): the piece is kept
  // with their places counted from the first, so that a change in an earlier draft, which
  // moves every later finding's place, does not make this draft's detail again.
  const base = findings.length > 0 ? ctx.index.get(findings[0]!)! : 0;
  const together = findings.every((f, k) => ctx.index.get(f) === base + k);
  for (const f of findings) {
    const state = ctx.states.get(f)!;
    key.add(JSON.stringify(f), together ? ctx.index.get(f)! - base : ctx.index.get(f)!, state, stateLabel(state, ctx.gate), ctx.ruleAnchor(f.ruleId));
  }
  if (!together || base === 0) return keptHtml(ctx, 'draft-detail', key, make);
  return keptShifted(ctx, key, base, findings.length, make);
}

/**
 * The row of a finding opens with this start tag (drafts.ts's findingRow; hast-util-to-html
 * writes the class before data-finding). `<` is escaped in text and `"` in attribute values,
 * so nothing else in the HTML can match.
 */
const FINDING_ROW = /(<tr class="finding(?: not-counted)?" data-finding=")(\d+)"/g;

/** `html` with each finding row's place moved by `by`, and how many rows it moved. */
function shiftRows(html: string, by: number): { html: string; rows: number } {
  let rows = 0;
  const shifted = html.replace(FINDING_ROW, (_, start: string, at: string) => {
    rows++;
    return `${start}${Number(at) + by}"`;
  });
  return { html: shifted, rows };
}

/**
 * A draft's detail kept with its findings' places counted from `base` (see keptDetail): a
 * kept piece is moved back to `base`; a made one is kept moved to 0 when exactly its
 * `rows` finding rows were found in it, else not kept.
 */
function keptShifted(ctx: Ctx, key: KeyBuilder, base: number, rows: number, make: () => string): LazyPart {
  const digest = key.digest();
  const pieces = ctx.pieces!;
  return {
    // The group holding the part holds its places too (see Deferred.groupDeflated).
    digest: new KeyBuilder().add(digest, base).digest(),
    html: () => {
      const kept = pieces.get('draft-detail-rows', digest, SAFE_HTML);
      if (kept !== undefined) {
        const moved = shiftRows(kept, base);
        if (moved.rows === rows) return moved.html;
      }
      const html = make();
      const relative = shiftRows(html, -base);
      if (relative.rows === rows) pieces.set('draft-detail-rows', digest, relative.html);
      return html;
    },
  };
}

/**
 * An article's folded detail, its HTML kept by an earlier run or `make`'s (then kept).
 * Its key holds the article's entry and corpus cluster (members, editions, alignments,
 * diffs), each edition's cleaned Markdown, title, link and canonical's tables, and each of
 * its drafts' blocks, anchor and language classes.
 */
export function keptArticle(ctx: Ctx, c: ClusterEntry, cluster: Cluster | undefined, editions: readonly Edition[], files: readonly string[], make: () => string): LazyPart {
  if (!ctx.pieces) return { html: make };
  const key = new KeyBuilder().add(JSON.stringify(c), cluster ? clusterDigest(cluster) : '\u0000none');
  const langs = new Set<string>();
  for (const file of files) {
    const blocks = ctx.result.blocks[file];
    key.add(file, ctx.docAnchor.get(file) ?? '\u0000none', blocks ? blocksDigest(blocks) : 'null');
    for (const b of blocks ?? []) langs.add(b.lang);
  }
  for (const e of editions) {
    const output = ctx.outputs.get(e.output);
    key.add(JSON.stringify(e), output ? output.content : '\u0000none', output?.title ?? '', ctx.link(e.output));
    key.add(JSON.stringify(ctx.doses.get(e.canonical) ?? null), JSON.stringify(ctx.citations.get(e.canonical) ?? null));
  }
  for (const lang of [...langs].sort()) key.add(lang, ctx.colours.classOf(lang));
  return keptHtml(ctx, 'article-detail', key, make);
}

/** A hash of a draft's blocks as the report shows them, made once (a draft's detail and its article's both hold them). */
function blocksDigest(blocks: readonly BlockEntry[]): string {
  let digest = blockDigests.get(blocks);
  if (digest === undefined) blockDigests.set(blocks, (digest = new KeyBuilder().add(JSON.stringify(blocks)).digest()));
  return digest;
}

const blockDigests = new WeakMap<readonly BlockEntry[], string>();

function keptHtml(ctx: Ctx, kind: string, key: KeyBuilder, make: () => string): LazyPart {
  const digest = key.digest();
  const pieces = ctx.pieces!;
  return {
    digest,
    html: () => {
      const kept = pieces.get(kind, digest, SAFE_HTML);
      if (kept !== undefined) return kept;
      const html = make();
      pieces.set(kind, digest, html);
      return html;
    },
  };
}
