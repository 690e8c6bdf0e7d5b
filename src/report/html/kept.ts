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
import { findingsDigest } from '../../engine/findings-digest.js';
import { draftDigestIn } from '../kept-runs.js';
import type { Ctx, Edition } from './context.js';
import type { LazyPart } from './fragments.js';

/**
 * What the report's serialised parts never hold (text is escaped, the articles sanitised): an
 * element that runs or loads something, an event handler (after a space, or the `/` or the
 * closing quote a browser also takes to end the attribute before) or a script address in a
 * tag. A kept piece that holds one was not made by the report and is not used. `space` is
 * the class of characters taken for a space.
 */
const unsafe = (space: string): RegExp =>
  new RegExp(`<(?:script|style|iframe|frame|object|embed|img|link|meta|base|form|svg|math)\\b|<[^>]*(?:[${space}/"']on[a-z]+[${space}]*=|javascript:)`, 'i');
const UNSAFE = unsafe('\\s');
export const SAFE_HTML = z.string().refine((html) => !UNSAFE.test(html));

/**
 * UNSAFE for UTF-8 bytes read one byte a character (latin1), where a character past ASCII is
 * two to four bytes of 0x80–0xFF: any such byte may stand for the space of UNSAFE's `\s`, so
 * whatever UNSAFE finds in the decoded text this finds in the bytes. The rest of UNSAFE is
 * ASCII, which the bytes spell as the text does (without the `u` flag, `i` folds no character
 * past ASCII into one inside it).
 */
const UNSAFE_BYTES = unsafe('\\s\\x80-\\xff');

/**
 * Whether UTF-8 `bytes` are HTML SAFE_HTML accepts (or bytes that are not UTF-8, which it would
 * see as replacement characters, and the bytes check takes as they stand). A large batch's
 * kept detail is hundreds of megabytes: read as bytes, it is checked without being decoded into a
 * string of two bytes a character first.
 */
export function safeHtmlBytes(bytes: Buffer): boolean {
  return !UNSAFE_BYTES.test(bytes.toString('latin1'));
}

/**
 * Where a draft's finding rows count from in a folded detail (see `rowBase`'s use in
 * drafts.ts): the place in audit.json of its first finding when its findings stand together
 * there (sorted by path first, they do), else 0 (every row then holds its own place).
 */
export function rowBase(ctx: Ctx, findings: readonly Finding[]): number {
  if (findings.length === 0) return 0;
  const base = ctx.index.get(findings[0]!)!;
  return findings.every((f, k) => ctx.index.get(f) === base + k) ? base : 0;
}

/**
 * The HTML of a draft's folded detail: kept by an earlier run, or `make`'s (then kept). Its
 * key holds the draft's text, blocks and language shares, each finding as audit.json has it
 * with its place counted from `rowBase` (as the rows hold it: a change in an earlier draft,
 * which moves every later finding's place, changes neither this detail nor its group), its
 * state and the anchor of its rule, the draft's anchor, the colour classes of its languages
 * and the gate's label.
 */
export function keptDetail(ctx: Ctx, file: string, anchor: string, findings: readonly Finding[], base: number, blocks: readonly BlockEntry[], make: () => string): LazyPart {
  if (!ctx.pieces) return { html: make };
  const doc = ctx.docs.get(file);
  const key = new KeyBuilder().add(file, anchor, draftDigestIn(ctx.result, file, blocks), JSON.stringify(doc?.languages ?? null));
  const langs = new Set([...Object.keys(doc?.languages ?? {}), ...blocks.map((b) => b.lang)]);
  for (const lang of [...langs].sort()) key.add(lang, ctx.colours.classOf(lang));
  key.add(findingsDigest(findings));
  for (const f of findings) {
    const state = ctx.states.get(f)!;
    key.add(ctx.index.get(f)! - base, state, stateLabel(state, ctx.gate), ctx.ruleAnchor(f.ruleId));
  }
  return keptHtml(ctx, 'draft-detail', key, make);
}

/**
 * An article's folded detail, its HTML kept by an earlier run or `make`'s (then kept).
 * Its key holds the article's entry and corpus cluster (members, editions, alignments,
 * diffs), each edition's cleaned Markdown (by its hash), title, link and canonical's tables (by its content
 * hash), and each of its drafts' blocks, anchor and language classes.
 */
export function keptArticle(ctx: Ctx, c: ClusterEntry, cluster: Cluster | undefined, editions: readonly Edition[], files: readonly string[], make: () => string): LazyPart {
  if (!ctx.pieces) return { html: make };
  const key = new KeyBuilder().add(JSON.stringify(c), cluster ? clusterDigest(cluster) : '\u0000none');
  const langs = new Set<string>();
  for (const file of files) {
    const blocks = ctx.result.blocks[file];
    key.add(file, ctx.docAnchor.get(file) ?? '\u0000none', blocks ? draftDigestIn(ctx.result, file, blocks) : 'null');
    for (const b of blocks ?? []) langs.add(b.lang);
  }
  // Each cleaned article stands in the key by the key of its rendering (its Markdown's hash),
  // which the touch below uses as well: the Markdown is hashed once.
  const renderings: string[] = [];
  for (const e of editions) {
    const output = ctx.outputs.get(e.output);
    const rendering = output ? articleHtmlKey(output.content) : undefined;
    if (rendering !== undefined) renderings.push(rendering);
    key.add(JSON.stringify(e), rendering ?? '\u0000none', output?.title ?? '', ctx.link(e.output));
    // The canonical's dose and citation tables are its analysis's, made from its bytes alone
    // (and the configuration and code, which the cache folder is for): its content hash
    // stands for them where the run has one.
    const hash = ctx.result.hashes?.[e.canonical];
    if (hash !== undefined) key.add('tables of', hash);
    else key.add(JSON.stringify(ctx.doses.get(e.canonical) ?? null), JSON.stringify(ctx.citations.get(e.canonical) ?? null));
  }
  for (const lang of [...langs].sort()) key.add(lang, ctx.colours.classOf(lang));
  // The renderings of its cleaned articles stay in the cache while the detail is taken whole:
  // the next change to a version only (the cleaned article unchanged) takes them from there.
  // Left out of a rerun, they were all removed at its end (some 4,000 files at 10,000 drafts).
  const keepRenderings = (): void => {
    for (const rendering of renderings) ctx.pieces!.touch(ARTICLE_HTML, rendering);
  };
  return keptHtml(ctx, 'article-detail', key, make, keepRenderings);
}

/** The piece kind of an article's rendering (see `articleHtml` in markdown.ts), kept by its Markdown. */
export const ARTICLE_HTML = 'article-html';

/** The key of the rendering of this Markdown. */
export function articleHtmlKey(markdown: string): string {
  return new KeyBuilder().add(markdown).digest();
}

/** The part of a kept piece's HTML; `alsoKept` is called when the kept piece is used, whole or read. */
function keptHtml(ctx: Ctx, kind: string, key: KeyBuilder, make: () => string, alsoKept?: () => void): LazyPart {
  const digest = key.digest();
  const pieces = ctx.pieces!;
  return {
    digest,
    keep: () => {
      pieces.touch(kind, digest);
      alsoKept?.();
    },
    html: () => {
      const kept = pieces.get(kind, digest, SAFE_HTML);
      if (kept !== undefined) {
        alsoKept?.();
        return kept;
      }
      const html = make();
      pieces.set(kind, digest, html);
      return html;
    },
  };
}
