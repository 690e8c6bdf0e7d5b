/**
 * Site debris classifier: gives each block of a draft a debris score from several kinds of
 * evidence and reports the blocks (or the tail of a block) whose score reaches a threshold.
 * Written for draftaudit after the ideas of the boilerplate-removal field: jusText (length,
 * link density, stopword density, then a revision of unsure blocks by their neighbours),
 * boilerpipe (shallow text features of a block and its neighbours), Readability and
 * trafilatura (class names of site furniture score a region down).
 *
 * Weights (a block is debris at 2, sure debris at 3):
 *  - a debris pattern of the lexicon covering the line: its weight, 2–4 (a comment-form
 *    notice or a cookie banner 4, a "Share this:" or "打开APP阅读全文" 3, a credit line such
 *    as "Medically reviewed by …" 2, which alone is reported but never dropped);
 *  - a configured phrase (`cmsLeftovers`) covering the line: 3;
 *  - a call-to-action shape — a short line opened by an imperative of the web ("shop",
 *    "check", "click") naming a widget or shop noun ("price", "review", "newsletter"): 3
 *    without sentence punctuation, 1 with it;
 *  - code (script, style, template tag, shortcode) filling the block: 4;
 *  - a breadcrumb or menu shape ("Home › Health › Vitamins"): 3; a short block that is
 *    mostly links: 1, or 2 with two links or more;
 *  - HTML: inside a nav, footer, form or an element classed as furniture: 2; an aside: 1;
 *  - the same short line elsewhere in the draft (boilerplate repeated down the page): 1.5;
 *  - short, all capitals, no sentence: 1 (a shouted label);
 *  - among the first two or last four blocks, when already suspect (score ≥ 1): 0.5;
 *  - next to sure debris, when already suspect: 1 (jusText's context revision);
 *  - the paragraph right after an author-box heading ("About the author"): 3;
 *  - the page's head and foot (edges.ts): before the title 2, or 3 off the topic or holding
 *    the title's text; a short line of the head or foot sharing no content word with the
 *    prose 2 (+1 name-shaped); the page's edge counts as sure debris beside them, and two
 *    unsure lines side by side there confirm each other;
 *  - a teaser cut short beside its whole title: 2 each.
 * Against:
 *  - a label of an article's own structure ("Key Takeaways", "References", "参考文献"): never;
 *  - a reference entry or table cell: never (they are data of the article);
 *  - a long block (over 45 words) unless a long-form pattern or code fills it: never;
 *  - a sentence of eight words or more with the function words of prose: −2.
 */
import type { Block, Document } from '../types.js';
import { featuresOf, stopwordDensityOf, type Features } from './features.js';
import { callToActionLink, creditTail, ctaShape, debrisSentences, leadingPlaceholder, metaTail } from './inline.js';
import { CONTENT_LABELS, DATE, SHAPES, WHOLE_PATTERNS, normaliseLine, type DebrisKind } from './lexicon.js';
import { structureOf, type BlockStructure } from './structure.js';
import { offTopic, pageEdges } from './edges.js';
import { BAR, barItems, isBareNumber, shapeOf } from './shapes.js';
import { escapeRegExp } from '../regexp.js';
import { furnitureOf } from './frontmatter.js';
import type { FamilyEvidence } from './portal.js';
import { anyOf } from './gate.js';
import { ScopedTextMemo } from '../text-memo.js';
import { contentLines } from './content.js';
import { bylineName } from './person-name.js';

export const DEBRIS = 2;
export const SURE = 3;

export interface Verdict {
  block: number;
  score: number;
  /** What the debris is; `context` when its neighbours decided (a short line among debris). */
  kind: DebrisKind | 'seed' | 'repeated' | 'batch' | 'context';
  /** Text range of the debris in the block's text (the whole trimmed text, or a tail). */
  start: number;
  end: number;
  whole: boolean;
  confidence: 'high' | 'low';
  /** Evidence, in the order it was weighed ("pattern:share", "repeated", "context"). */
  reasons: string[];
  /** The configured phrase that matched, if any. */
  phrase?: string;
}

export interface ClassifyOptions {
  /** Configured phrases (the seed list, `cmsLeftovers`). */
  phrases: readonly string[];
  /** Drafts' blocks repeated across unrelated drafts of the batch, with their weight (see batch.ts). */
  batch?: (block: Block) => number;
}

interface Scored {
  score: number;
  kind: Verdict['kind'] | undefined;
  reasons: string[];
  never: boolean;
  /**
   * The article's title (a level-1 heading): weighed on its own words only, never on
   * repetition, position or neighbours — the page may repeat its title in its chrome.
   */
  title: boolean;
  phrase?: string;
  /** Debris in part of the block: a configured label after a dash, a pasted sentence, a placeholder. */
  partial?: { start: number; end: number; kind: Verdict['kind']; why: string; phrase?: string; confidence?: 'low' };
  f: Features;
  /** The strongest single piece of evidence weighed so far. */
  peak: number;
  /** See EdgeBlock. */
  mayTitle?: boolean;
}

/** Classifies every block of a draft; returns the debris verdicts in block order. */
export function classifyDocument(doc: Pick<Document, 'blocks'> & { tree?: Document['tree'] }, options: ClassifyOptions): Verdict[] {
  const blocks = doc.blocks;
  const structure = structureOf(doc.tree, blocks);
  const seeds = seedMatchers(options.phrases);
  const families = furnitureOf(blocks);
  const scored = blocks.map((b, i) => scoreBlock(b, structure[i]!, seeds, families[i]));
  // The article's own lines by their grammar or data (content.ts: a table's cells, words a
  // hard wrap left alone, field lines): only their own sure evidence makes them debris, never
  // their place, their repetition or their neighbours.
  const kept = new Set<number>();
  for (const i of contentLines(blocks, scored)) {
    if (scored[i]!.never || scored[i]!.peak >= SURE) continue;
    Object.assign(scored[i]!, { score: 0, never: true });
    kept.add(i);
  }
  // The page's head and foot around the article's prose, and its title (see edges.ts).
  // (A block that is mostly a notice pasted in, reported in part, is no paragraph of the article.)
  const notice = (s: Scored): boolean => s.partial !== undefined && (s.partial.end - s.partial.start) * 2 >= s.f.text.length;
  // (A heading is never the article's first paragraph, however long.)
  // (Nor is a title with a portal's fields glued after it, however long.)
  const paragraph = (i: number): boolean => blocks[i]!.kind !== 'heading' && !notice(scored[i]!) && !scored[i]!.mayTitle && !headline(scored[i]!.f) && (prose(scored[i]!) || proseFragment(scored[i]!));
  const body = (i: number): boolean => {
    const s = scored[i]!;
    const kind = blocks[i]!.kind;
    // (The article's own lines by grammar or data end its body too: a cut-off last line, a table's values.)
    if (paragraph(i) || (s.never && (kind === 'reference' || kept.has(i)))) return true;
    return s.score < DEBRIS && (kind === 'listItem' || s.f.han >= 12 || (s.f.words >= 8 && stopwordDensityOf(s.f) >= 0.2));
  };
  const edges = pageEdges(blocks, scored, paragraph, body);
  if (edges.title >= 0) {
    for (let i = 0; i < edges.title; i++) scored[i]!.title = i >= edges.headline;
    scored[edges.title]!.title = true;
  }
  for (const e of edges.evidence) {
    const s = scored[e.block]!;
    // A line the lexicon knows keeps the weight of its pattern: a credit line alone
    // ("Medically reviewed by …") stays unsure however far off the topic it is.
    if (s.never || (e.reason.startsWith('off-topic') && s.reasons.some((r) => r.startsWith('pattern:')))) continue;
    // (Where the line sits weighs; what it is — an ad slot, a newsletter prompt — stays the lexicon's word.)
    add(s, e.weight, e.reason, s.kind === undefined ? e.kind : undefined);
    // (A line the edges take for the page's menu is not the article's title, whatever the parse made of it.)
    if (e.kind === 'nav') s.title = false;
  }

  // Boilerplate repeated down the page: the same line two or more times — a short line, or
  // a longer one with no sentence in it (a headline copied into the page's chrome).
  const repeatable = (s: Scored): boolean => !s.never && !s.f.long && s.f.normalised.length >= 3 && headlineLength(s.f);
  const seen = new Map<string, number>();
  for (const s of scored) if (repeatable(s)) seen.set(s.f.normalised, (seen.get(s.f.normalised) ?? 0) + 1);
  // The first copy of a line at the top of the page is the page's own (a headline later
  // repeated as an image caption), and so is the first heading of a text, even after a line
  // that lists it first (a table of contents): only the other copies repeat.
  const first = new Set<string>();
  const firstHeading = new Set<string>();
  scored.forEach((s, i) => {
    if (!repeatable(s) || (seen.get(s.f.normalised) ?? 0) < 2) return;
    const opening = !first.has(s.f.normalised);
    first.add(s.f.normalised);
    const heading = blocks[i]!.kind === 'heading' && !firstHeading.has(s.f.normalised);
    if (heading) firstHeading.add(s.f.normalised);
    // A line three times or more is the page's furniture more surely than a line twice.
    const often = (seen.get(s.f.normalised) ?? 0) >= 3;
    // (A first copy that shares no word with the article's prose is no headline of it: an app's
    // image placeholder printed on the first line and again down the page is weighed as its
    // copies are, title or not.)
    const foreign = often && edges.topic !== undefined && offTopic(s.f, edges.topic) === true;
    if ((s.title || heading || (opening && i < 3)) && !foreign) return;
    if (foreign) s.title = false;
    add(s, often ? 2 : 1.5, 'repeated');
  });
  neighbourShapes(blocks, scored);
  // A byline's name again on the lines under it (an author box prints the name as a link,
  // then as a caption): a short line the sure byline right above holds whole is the box's.
  scored.forEach((s, i) => {
    const before = scored[i - 1];
    if (s.never || s.f.sentence || !s.f.short || s.f.text.length < 4 || before?.kind !== 'author' || before.score < SURE || !before.f.text.includes(s.f.text)) return;
    add(s, 3, 'name of the byline', 'author');
  });
  if (options.batch) {
    blocks.forEach((b, i) => {
      const s = scored[i]!;
      const w = s.never ? 0 : options.batch!(b);
      // Weak batch evidence (a heading, list item or question shared by unrelated articles,
      // "How much do you need?", may be topic vocabulary) only adds to a suspect block.
      if (w > 1 || (w > 0 && s.score >= 1)) if (!s.title) add(s, w, 'batch');
    });
  }
  // A disclaimer that is one item of a list of the article's own is the author's word.
  const ownNotices = noticesInOwnLists(blocks, scored);
  // Position, then context: both only move a block that is suspect already.
  const n = scored.length;
  tail(scored);
  scored.forEach((s, i) => {
    if (!s.never && !s.title && s.score >= 1 && s.score < SURE && (i < 2 || i >= n - 4)) add(s, 0.5, 'position');
  });
  // Context (jusText's revision of unsure blocks): a suspect block next to debris is debris.
  // One pass down and one up, so a run of suspects next to debris is taken whole; linear.
  // A suspect (1) next to debris, or unsure debris (2) next to sure debris, gains 1; a
  // suspect between two debris blocks gains 2 (jusText's short block among bad ones).
  // The edges of the page count as sure debris next to the lines of its head and foot (jusText).
  // (A foot of one line may be the article's last line cut short: only a longer foot counts.)
  // Only a line the edges weighed (see edges.ts) takes the page's edge for debris.
  const weighed = new Set(edges.evidence.map((e) => e.block));
  const inEdges = (i: number): boolean => i < edges.headEnd || (i >= edges.footStart && n - edges.footStart >= 2);
  const edge = (i: number): boolean => weighed.has(i) && inEdges(i);
  // In the page's head and foot, two unsure lines side by side confirm each other.
  const region = (i: number): boolean => i >= 0 && i < n && inEdges(i);
  const weight = (i: number): number => {
    if (i < 0 || i >= n) return edge(i < 0 ? 0 : n - 1) ? SURE : 0;
    // (An author's own notice is no debris for its neighbours: the heading of the author's list is the author's.)
    return !scored[i]!.never && !ownNotices.includes(i) ? scored[i]!.score : 0;
  };
  const revise = (i: number, neighbour: number): void => {
    const s = scored[i]!;
    if (s.never || s.title || s.reasons.includes('context') || s.score < 1 || s.score >= SURE) return;
    const other = weight(neighbour);
    if (s.score < DEBRIS && other >= DEBRIS) add(s, weight(2 * i - neighbour) >= DEBRIS ? 2 : 1, 'context');
    else if (s.score >= DEBRIS && (other >= SURE || (other >= DEBRIS && region(i) && region(neighbour)))) add(s, 1, 'context');
  };
  for (let i = 0; i < n; i++) revise(i, i - 1);
  for (let i = n - 1; i >= 0; i--) revise(i, i + 1);
  between(scored);
  teasersToTheEnd(scored);
  let header: Scored | undefined;
  // (In plain text the posts' links are lost: under the header, a list of headlines — items
  // that end no sentence, up to the next heading — is the widget's list.)
  let headlines = false;
  scored.forEach((s, i) => {
    const block = blocks[i]!;
    if (block.kind === 'heading') {
      header = s.kind === 'related' && s.score >= SURE ? s : undefined;
      let j = i + 1;
      while (header && j < n && blocks[j]!.kind === 'listItem' && !scored[j]!.f.sentence && !scored[j]!.f.long) j++;
      headlines = header !== undefined && j > i + 2 && (j === n || blocks[j]!.kind === 'heading');
    }
    if (s.never || s.score >= SURE) return;
    // The paragraph after an author-box heading is the author's bio.
    const before = scored[i - 1];
    // (A biography is prose: the weight prose took away is given back.)
    if (before?.kind === 'author' && before.score >= SURE && block.kind !== 'heading' && !s.f.long && BIO.test(block.text)) add(s, s.reasons.includes('prose') ? 5 : 3, 'author bio', 'author');
    // Links under a related-posts header, up to the next heading, are the related posts.
    else if (header && block.kind !== 'heading' && (s.f.linkDensity >= 0.8 || headlines)) add(s, headlines ? 3 : 2, 'under a related header', 'related');
  });

  headsDebris(blocks, scored);
  // (Context may have made such a notice sure again: it stays unsure.)
  for (const i of ownNotices) scored[i]!.score = Math.min(scored[i]!.score, DEBRIS);

  const out: Verdict[] = [];
  scored.forEach((s, i) => {
    const block = blocks[i]!;
    if (!s.never && s.score >= DEBRIS) {
      const lead = block.text.length - block.text.trimStart().length;
      const whole = !s.f.code || (s.f.code.start <= lead && s.f.code.end >= block.text.trimEnd().length);
      const range = whole ? { start: lead, end: block.text.trimEnd().length } : s.f.code!;
      out.push(verdict(i, s, range.start, range.end, whole, s.score >= SURE && (whole || s.kind === 'code')));
    } else if (s.partial) {
      const p = s.partial;
      const lead = block.text.length - block.text.trimStart().length;
      const whole = p.start <= lead && p.end >= block.text.trimEnd().length;
      const v: Verdict = { block: i, score: SURE, kind: p.kind, start: p.start, end: p.end, whole, confidence: p.confidence ?? 'high', reasons: [p.why] };
      if (p.phrase !== undefined) v.phrase = p.phrase;
      out.push(v);
    }
  });
  return out;
}

/**
 * Evidence from a block's neighbours' shapes, before position and context: a run of bare
 * numbers is a widget (a rating or a pager: "1", "2", … "14"), and an image's alt text is a
 * lone lower-case fragment between lines of another kind (a run of them is a list).
 */
function neighbourShapes(blocks: readonly Block[], scored: Scored[]): void {
  let run = 0;
  for (let i = 0; i <= scored.length; i++) {
    if (i < scored.length && !scored[i]!.never && isBareNumber(scored[i]!.f)) {
      run++;
      continue;
    }
    if (run >= 3 && counting(scored, i - run, i)) for (let j = i - run; j < i; j++) add(scored[j]!, 2, 'number run');
    run = 0;
  }
  // A line of bars next to another with as many is a row of a plain-text table, not a menu.
  scored.forEach((s, i) => {
    if (!s.reasons.includes('section menu')) return;
    const items = barItems(s.f.text);
    if ([i - 1, i + 1].some((j) => scored[j] && barItems(blocks[j]!.text.trim()) === items)) add(s, -s.score, 'table row');
  });
  // A teaser cut short ("Ten ways to sleep bet…") beside its whole title is a link card:
  // both lines are the page's related content.
  scored.forEach((s, i) => {
    const t = s.f.text;
    if (s.never || s.f.long || !(t.endsWith('...') || t.endsWith('…'))) return;
    const stem = t.replace(/\s*(?:\.{3}|…)$/u, '');
    if (stem.length < 10) return;
    const twin = [i - 1, i + 1].find((j) => scored[j] && !scored[j]!.never && !scored[j]!.title && !scored[j]!.f.long && scored[j]!.f.text.length > stem.length && scored[j]!.f.text.startsWith(stem));
    if (twin === undefined) return;
    add(s, 2, 'teaser', 'related');
    add(scored[twin]!, 2, 'teaser', 'related');
  });
  // A line cut short right above its whole copy (a byline or a teaser the page printed twice,
  // the first time clipped): the clipped copy repeats what follows and loses nothing.
  scored.forEach((s, i) => {
    const next = scored[i + 1];
    const t = s.f.text;
    if (s.never || s.title || blocks[i]!.kind !== 'paragraph' || !next || next.never || t.length < 30 || /[.!?。！？…]$/u.test(t) || next.f.text.length <= t.length + 1 || !next.f.text.startsWith(t)) return;
    add(s, 3, 'cut copy', 'repeated');
  });
  // A post's card in a related-posts widget whose links plain text lost: its headline above its
  // "Read More" label, card after card ("Dual studies reveal …" / "Read More" / "Probiotics are
  // only …" / "Read More"). A headline (a plain-text heading, or a question) with such a label
  // below it and another card's label above it, or a second card right below, is the widget's.
  const readMore = (i: number): boolean => {
    const r = scored[i];
    return r !== undefined && r.kind === 'related' && r.score >= SURE && READ_MORE.test(r.f.normalised);
  };
  scored.forEach((s, i) => {
    if (s.never || s.title || s.f.long || readMore(i)) return;
    if (readMore(i + 1) && (readMore(i - 1) || readMore(i + 3))) add(s, SURE, 'card headline', 'related');
  });
  const fragment = (i: number): boolean => scored[i]?.reasons.includes('lower case') === true || blocks[i]?.kind === 'listItem';
  scored.forEach((s, i) => {
    if (fragment(i) && blocks[i]!.kind !== 'listItem' && !fragment(i - 1) && !fragment(i + 1)) add(s, 0.5, 'lone fragment');
  });
}

/**
 * Whether blocks [from, to) count 1, 2, 3 … (a pager, the empty steps of a rating or recipe
 * card): a column of measured values on lines of their own is data, never counted up.
 */
function counting(scored: readonly Scored[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const n = Number.parseInt(scored[j]!.f.text, 10);
    if (!/^\d{1,3}\.?$/.test(scored[j]!.f.text) || (j > from && n !== Number.parseInt(scored[j - 1]!.f.text, 10) + 1)) return false;
  }
  return true;
}

/** A block that reads as the article's prose (jusText's "good" block). */
function prose(s: Scored): boolean {
  return s.score < DEBRIS && (s.f.long || (s.f.sentence && (s.f.words >= 8 || s.f.han >= 20)));
}

/**
 * A line shaped as a headline though long enough for prose: no sentence ends it, and it is
 * short ("什麼是維他命 B6？一次搞懂 B6 功效、副作用，教你該如何補充", "What Is Vitamin B6?
 * Benefits, Side Effects and Dosage" in title case). A plain-text page's title is such a
 * line, above its first paragraph.
 */
function headline(f: Features): boolean {
  if (f.long || HEADLINE_END_PUNCT.test(f.text)) return false;
  if (f.han > 0) return f.han <= 40;
  const words = f.text.match(/\p{L}{4,}/gu) ?? [];
  return f.words <= 16 && words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * words.length;
}

/** What ends a sentence at the end of a line (a closing quote or bracket may follow it). */
const HEADLINE_END_PUNCT = /[.。!！?？…;；:：,，、][\s"”’'」』）)\]]*$/u;

/**
 * A paragraph of prose without its end (an excerpt cut mid-sentence, a clause before a
 * list): Chinese clauses joined by commas, or English words with the function words of prose.
 */
function proseFragment(s: Scored): boolean {
  if (s.score >= DEBRIS || s.f.long) return false;
  if (s.f.han >= 15) return /[，,；]/u.test(s.f.text);
  return s.f.words >= 10 && stopwordDensityOf(s.f) >= 0.3;
}

/**
 * The end of the page (jusText's context at the document's edge): after the last paragraph
 * of prose, the short lines that follow the last sure debris down to the end are the page's
 * footer too ("Healthy Yogurt", the teaser title of a related post). They are weighed 2, as
 * context (so no neighbour revises them again): alone they are reported as unsure, and a line
 * suspect on its own is taken for sure. A long tail (more than eight lines after that
 * debris) is left alone: it may be a section of the article.
 */
function tail(scored: Scored[]): void {
  let last = scored.length - 1;
  while (last >= 0 && !prose(scored[last]!)) last--;
  let start = -1;
  for (let i = last + 1; i < scored.length; i++) if (!scored[i]!.never && scored[i]!.score >= SURE) start = i;
  if (start < 0 || scored.length - start > 9) return;
  for (let i = start + 1; i < scored.length; i++) {
    const s = scored[i]!;
    // (A bare number may be a value of the article's data: its neighbours decide it, not the tail.)
    if (!s.never && !s.title && s.score < SURE && !s.f.long && s.f.words + s.f.han > 0) add(s, 2, 'context');
  }
}

/**
 * The page's foot after the article's last paragraph of prose: a run of up to four short
 * labels ending no sentence and not yet sure debris, with sure debris right above it and
 * debris right under it, is sure debris too ("Related articles", then two more link headers of the widget, then the footer
 * menu): jusText's short block among bad ones, taken for sure.
 */
function between(scored: Scored[]): void {
  let last = scored.length - 1;
  while (last >= 0 && !prose(scored[last]!)) last--;
  for (let i = last + 1; i < scored.length; i++) {
    if (scored[i - 1] === undefined || scored[i - 1]!.never || scored[i - 1]!.score < SURE) continue;
    let j = i;
    const label = (s: Scored): boolean => !s.never && !s.title && s.score < SURE && s.f.han <= 6 && s.f.words <= 3 && !s.f.sentence && s.f.words + s.f.han > 0;
    while (j < scored.length && j - i < 4 && label(scored[j]!)) j++;
    if (j === i || j >= scored.length || scored[j]!.never || scored[j]!.score < DEBRIS) continue;
    for (let k = i; k < j; k++) add(scored[k]!, 3, 'context');
  }
}

/**
 * Disclaimers that are items of a list whose other items (two or more) are the article's:
 * "- 以上資訊僅供參考，服用前請諮詢醫師" among the author's own reminders is the author's
 * caution, not a notice the site pasted under every page (whose neighbours are its links and
 * credits). Each is made unsure (a note for the editor, never removed: taking one item out
 * of the author's list would leave the rest hanging); returns them.
 */
function noticesInOwnLists(blocks: readonly Block[], scored: Scored[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const s = scored[i]!;
    if (blocks[i]!.kind !== 'listItem' || s.never || s.kind !== 'disclaimer' || s.score < SURE) continue;
    let first = i;
    while (first > 0 && blocks[first - 1]!.kind === 'listItem') first--;
    let end = i + 1;
    while (end < blocks.length && blocks[end]!.kind === 'listItem') end++;
    let own = 0;
    let other = false;
    for (let k = first; k < end; k++) {
      if (k === i) continue;
      if (scored[k]!.never || scored[k]!.score < DEBRIS) own++;
      else other = true;
    }
    if (own >= 2 && !other) {
      s.score = DEBRIS;
      s.reasons.push('in an own list');
      out.push(i);
    }
  }
  return out;
}

/** A headline's length at most: 25 words, a Han character counting for 1/2.5 of one. */
function headlineLength(f: Scored['f']): boolean {
  return f.words + f.han / 2.5 <= 25;
}

/**
 * A related-posts label the page's last lines follow, each a headline (a headline's length,
 * no sentence), heads the related posts, whatever the parse made of its lines
 * ("【其他文章推薦】" over six teasers, some taken for headings): they are the widget's.
 */
function teasersToTheEnd(scored: Scored[]): void {
  const n = scored.length;
  // The page's last lines that read as a widget's: headlines (a headline's length, no
  // sentence but the questions a title may be), teasers cut short in a word ("…the second
  // leading cause of cancer death among men, so it's understandable that gu..."), and sure
  // debris (the card's "Read more", the site's notice below it), back from its end.
  const cardLine = (s: Scored): boolean =>
    !s.f.long && !s.never && ((headlineLength(s.f) && (!s.f.sentence || questionTitles(s.f.text) > 0)) || CUT_IN_A_WORD.test(s.f.text));
  let from = n;
  while (from > 0 && (cardLine(scored[from - 1]!) || scored[from - 1]!.kind === 'related' || (!scored[from - 1]!.never && scored[from - 1]!.score >= SURE))) from--;
  // Two lines at least under the label; one will do when it holds two titles or more, their
  // links' texts run together ("Is it safe?How much is too much?").
  const last = n - (questionTitles(scored[n - 1]?.f.text ?? '') >= 2 ? 1 : 2);
  let label = -1;
  for (let i = from; i < last && label < 0; i++) if (scored[i]!.kind === 'related' && scored[i]!.score >= SURE && !scored[i]!.f.sentence) label = i;
  if (label < 0) return;
  // Sure, whatever spoke for a line on its own: a card's question on the article's topic
  // ("What dosage of vitamin E is used for adults?") is the widget's all the same.
  for (let i = label + 1; i < n; i++) if (scored[i]!.score < SURE) add(scored[i]!, Math.max(3, SURE - scored[i]!.score), 'under a related header', 'related');
}

/** A teaser's text cut short inside a word by the card that shows it: a letter, then an ellipsis. */
const CUT_IN_A_WORD = /\p{L}(?:\.{3}|…)$/u;

/**
 * How many questions a line is made of, each of a title's length (up to sixteen words or forty
 * Han characters), with or without a space between them; 0 when anything else stands in it.
 */
function questionTitles(text: string): number {
  const t = text.trimEnd();
  if (!t.endsWith('?') && !t.endsWith('？')) return 0;
  const parts = t.trimStart().split(/(?<=[?？])\s*/u).filter((p) => p !== '');
  if (parts.length === 0) return 0;
  for (const p of parts) {
    if (!/[?？]$/u.test(p) || /[.!。！;；]\s*\S/u.test(p)) return 0;
    const words = p.split(/\s+/).length;
    const han = p.match(/\p{Script=Han}/gu)?.length ?? 0;
    if ((han === 0 && (words < 2 || words > 16)) || han > 40) return 0;
  }
  return parts.length;
}

/**
 * A heading of a widget's label length (three words, six Han characters at most) over nothing
 * but sure debris, to the next heading or the page's end ("Related videos" above a spam line of
 * keywords), heads a widget, not a section of the article; a teaser's headline is longer. A
 * site's disclaimer alone under it does not make it one (the banner under a page's title).
 */
function headsDebris(blocks: readonly Block[], scored: Scored[]): void {
  // (A notice that fills most of its block counts as the block.)
  // (Debris by its own sure evidence: lines sure only by repeating may be a table's pieces.)
  const debris = (s: Scored): boolean => (!s.never && s.score >= SURE && s.peak >= SURE) || (s.partial !== undefined && s.partial.confidence === undefined && (s.partial.end - s.partial.start) * 2 >= s.f.text.length);
  for (let i = 0; i < blocks.length; i++) {
    const s = scored[i]!;
    // (A label with its value, "Reviewed by: …", is a credit of the article, not a widget's header.)
    if (blocks[i]!.kind !== 'heading' || s.never || s.title || s.score >= SURE || s.f.han > 6 || s.f.words > 3 || s.f.sentence || /[:：|｜]/u.test(s.f.text)) continue;
    let j = i + 1;
    // (A site's notice under a heading is no widget: the disclaimer a page prints under its title.)
    let widget = false;
    for (; j < blocks.length && blocks[j]!.kind !== 'heading' && debris(scored[j]!); j++) widget ||= scored[j]!.kind !== 'disclaimer';
    if (widget && (j === blocks.length || blocks[j]!.kind === 'heading')) add(s, 3, 'heads only debris');
  }
}

function verdict(block: number, s: Scored, start: number, end: number, whole: boolean, high: boolean): Verdict {
  const v: Verdict = { block, score: s.score, kind: s.kind ?? 'context', start, end, whole, confidence: high ? 'high' : 'low', reasons: s.reasons };
  if (s.phrase !== undefined) v.phrase = s.phrase;
  return v;
}

function add(s: Scored, weight: number, reason: string, kind?: Verdict['kind']): void {
  s.score += weight;
  s.peak = Math.max(s.peak, weight);
  s.reasons.push(reason);
  if (kind && (s.kind === undefined || weight >= 3)) s.kind = kind;
  else if (!s.kind && (reason === 'repeated' || reason === 'batch')) s.kind = reason;
}

/**
 * A block's score: its own evidence, then that of its family of furniture (read with the
 * page around it). A block with no links and outside any furniture region is weighed on its
 * text, kind and the configured phrases alone: versions of an article repeat most of their
 * blocks word for word, so that evidence is remembered by the text (see text-memo.ts), and
 * each draft gets its own copy to add to.
 */
function scoreBlock(block: Block, st: BlockStructure, seeds: Seeds, family?: FamilyEvidence): Scored {
  let s: Scored;
  if (st.links.count === 0 && st.linkTexts.length === 0 && st.region.weight === 0) {
    const own = ownEvidence.in(`${seeds.id}:${block.kind}:${block.kind === 'heading' && block.depth === 1}`).get(block.text, () => blockEvidence(block, st, seeds));
    s = { ...own, reasons: [...own.reasons] };
  } else s = blockEvidence(block, st, seeds);
  // (A block its own evidence has decided — data of the article, prose, a notice pasted
  // into prose — is left as it is.)
  if (s.never) return s;
  // Families of furniture read with the page around them (portal.ts, frontmatter.ts): their
  // shape is as specific as a pattern, so the weight prose took away is given back.
  if (family?.keep) Object.assign(s, { score: 0, never: true, partial: undefined });
  else if (family) add(s, family.weight + (s.reasons.includes('prose') ? 2 : 0), family.why, family.kind);
  return s;
}

// What `blockEvidence` gave for a block's text, by its kind and the configured phrases.
const ownEvidence = new ScopedTextMemo<Scored>(4096);

/** A block's evidence from its text, kind and structure (`scoreBlock` adds its family's); `never` set when it is decided. */
function blockEvidence(block: Block, st: BlockStructure, seeds: Seeds): Scored {
  const f = featuresOf(block, st.links);
  const s: Scored = { score: 0, kind: undefined, reasons: [], never: false, title: block.kind === 'heading' && block.depth === 1, f, peak: 0 };
  // The borders of a table the scraper flattened, alone on their lines ("|", "| |"), a close
  // button's mark, a footnote's mark left above its note ("*") and a breadcrumb's separator
  // between its steps ("/"): no text of the article stands in them.
  if (block.kind === 'paragraph' && TABLE_BORDER.test(block.text)) {
    add(s, 4, 'bars or a mark alone', 'layout');
    return s;
  }
  // A reference list runs to the next heading, so the debris under the last one is parsed
  // as entries: an entry that reads as a citation (a year, a URL, a DOI, "et al") is data.
  if ((block.kind === 'reference' && CITATION.test(block.text)) || block.kind === 'tableCell' || (!f.long && (CONTENT_LABELS.has(f.normalised) || f.normalised === ''))) {
    s.never = true;
    return s;
  }
  const seed = f.long ? undefined : seeds.list.find((m) => m.normalised === f.normalised);
  if (seed) {
    add(s, 3, `phrase:${seed.phrase}`, 'seed');
    s.phrase = seed.phrase;
  } else {
    // A configured label tacked on after a dash: only the end of the block is looked at (a
    // block no longer than that end is normalised already).
    const reach = seeds.longest + 12;
    const end = !f.long && block.text.length <= reach ? f.normalised : normaliseLine(block.text.slice(-reach));
    for (const m of seeds.list) {
      const at = end.endsWith(m.normalised) ? m.tail.exec(block.text)?.index : undefined;
      if (at === undefined) continue;
      if (at > 0) s.partial = { start: at, end: block.text.trimEnd().length, kind: 'seed', why: 'phrase at the end', phrase: m.phrase };
      break;
    }
  }
  s.partial ??= leadingPlaceholder(block.text) ?? callToActionLink(block.text, st.linkTexts);
  // A portal's date and view count glued after the title: the fields are debris, the title is not.
  const tail = f.long ? undefined : metaTail(block.text);
  if (tail) {
    s.partial ??= tail;
    s.score = 0;
    s.never = true;
    s.mayTitle = true;
    return s;
  }
  // A picture's credit: alone, the block is debris; after its caption, only the credit is.
  const credit = f.code ? undefined : creditTail(block.text);
  if (credit && credit.start > block.text.length - block.text.trimStart().length) {
    s.partial ??= credit;
    s.score = 0;
    s.never = true;
    return s;
  }
  if (credit) add(s, credit.weight, credit.why, credit.kind);
  if (f.long && !f.code) {
    // A long block is prose or a list of facts; a notice pasted into it is reported alone.
    if (LONG_FORM_ANYWHERE.test(block.text)) s.partial ??= debrisSentences(block.text);
    s.never = true;
    return s;
  }
  if (f.code && (f.code.end - f.code.start) >= f.text.length * 0.6) add(s, 4, 'code', 'code');
  else if (f.code) add(s, 2, 'code in text', 'code');
  const best = bestPattern(f);
  if (best) add(s, best.weight, `pattern:${best.kind}`, best.kind);
  if (best?.long && !f.code) {
    // A long-form notice may be one sentence pasted among the article's: then the notice's
    // sentences are reported, not the block.
    const pasted = debrisSentences(block.text);
    const lead = block.text.length - block.text.trimStart().length;
    if (pasted && (pasted.start > lead || pasted.end < block.text.trimEnd().length)) {
      s.partial ??= pasted;
      s.score = 0;
      s.never = true;
      return s;
    }
  }
  if (!best) {
    const shape = SHAPES.find((sh) => (sh.hint === undefined || f.text.includes(sh.hint) || (sh.hint === '|' && f.text.includes('｜'))) && sh.re.test(f.text)) ?? shapeOf(block, f);
    if (shape) add(s, shape.weight, shape.why, shape.kind);
  }
  if (!best && f.short) {
    const cta = ctaShape(f.normalised);
    if (cta) add(s, f.sentence ? 1 : 3, 'call to action', 'shop');
    else if (!f.sentence && SHOP_NAME.test(f.normalised)) {
      // A product card's field glued to the shop's button ("Amazon Dosage: 2 capsules with
      // dinner") holds the article's directions: only the button's word is the shop's.
      if (!PRODUCT_FIELD.test(f.normalised)) add(s, 3, 'shop name', 'shop');
      else {
        const glued = SHOP_BEFORE_FIELD.exec(block.text);
        if (glued) s.partial ??= { start: glued[1]!.length, end: glued[0].length, kind: 'shop', why: 'shop name glued to a product field' };
      }
    }
    // (A list item, or a line that opens with a bullet, may be a list flattened onto one line:
    // not sure by itself, so that a list the line above announces stays the article's, see content.ts.)
    if (menuShape(f.text)) add(s, block.kind === 'listItem' || FLATTENED_LIST.test(f.text) ? 2 : 3, 'menu', 'nav');
    // A byline with a date after bars ("By LAURAN NEERGAARD | May 26, 2011 | 11:14 AM EDT") is a
    // news page's meta line. (Without one, "By Anisa Arsenault, Associate Editor" is the article's
    // credit, which the publisher's own article carries too: debris only among debris.)
    if (BYLINE_DATE.test(f.text) && bylineName(f.text) !== undefined) add(s, 3, 'byline', 'author');
    if (f.words >= 2 && f.upperRatio > 0.8 && !f.sentence) add(s, 1, 'capitals');
  }
  // jusText's "short" block: a paragraph of a few words with no sentence and no function
  // word ("Arial Georgia Verdana") is decided by its neighbours.
  // A label that ends in a colon introduces what follows ("Final take:"): not a short block.
  const lower = /^[a-z]/.test(f.text);
  if (!best && block.kind === 'paragraph' && !f.sentence && f.han === 0 && f.words >= 1 && f.words <= 6 && f.stopwordDensity === 0 && !/[:：]$/u.test(f.text)) add(s, 1, lower ? 'lower case' : 'short');
  // A fragment that opens in lower case and ends no sentence: an image's alt text left as a line.
  else if (!best && block.kind === 'paragraph' && !f.sentence && f.words <= 20 && lower) add(s, 1, 'lower case');
  if (f.short && f.linkDensity >= 0.8) add(s, st.links.count >= 2 ? 2 : 1, 'links', st.links.count >= 2 ? 'nav' : undefined);
  if (st.region.weight > 0) add(s, f.long ? Math.min(1, st.region.weight) : st.region.weight, `region:${st.region.mark}`);
  // Prose weighs against a shape, never against a pattern of the lexicon (anchored and
  // specific) nor against a region the page itself classed as furniture.
  if ((s.score > 0 || f.short) && f.sentence && f.words >= 8 && !(best && best.weight >= SURE) && st.region.weight < SURE && stopwordDensityOf(f) >= 0.25) add(s, -2, 'prose');
  return s;
}

// Every pattern of the lexicon in one test (see gate.ts): most blocks match none, and one
// test spares the other eighty.
const ANY_SHORT = anyOf(WHOLE_PATTERNS.map((p) => p.re.source));
const ANY_LONG = anyOf(WHOLE_PATTERNS.filter((p) => p.long).map((p) => p.re.source));

function bestPattern(f: Features): (typeof WHOLE_PATTERNS)[number] | undefined {
  if (f.short ? !ANY_SHORT.test(f.normalised) : !ANY_LONG.test(f.normalised)) return undefined;
  // Labels are short; a long-form pattern may stand in a longer notice.
  let best: (typeof WHOLE_PATTERNS)[number] | undefined;
  for (const p of WHOLE_PATTERNS) {
    if (!p.long && !f.short) continue;
    if ((!best || p.weight > best.weight) && p.re.test(f.normalised)) best = p;
  }
  return best;
}

/**
 * A line of nothing but the vertical bars of a table's borders, or the lone mark of a close
 * button ("×"), of a footnote ("*") or of a breadcrumb's step ("/"). (A lone dash or dot is a
 * list item's bullet the page left on its own line: see content.ts.)
 */
const TABLE_BORDER = /^\s*(?:[|｜│┃¦][\s|｜│┃¦]*|[×✕✖]|[*†‡]{1,2}|[/／›»])\s*$/u;

/** A card's link to the post it shows, alone on its line ("Read More", "Continue reading →", 阅读全文). */
const READ_MORE = /^(?:read more|continue reading|read (?:the )?full (?:article|story|post)|learn more|阅读全文|閱讀全文|阅读更多|閱讀更多|查看详情|查看詳情)\s*(?:»|›|→|>|\.\.\.|…)?$/u;

/** A date among a byline's fields, after a bar ("By JO PARK | May 26, 2011"): a site's date as the lexicon reads it. */
const BYLINE_DATE = new RegExp(`[|·•]\\s*${DATE}`, 'i');

// A shop named on a short line without a sentence: "Available at Walmart and iHerb".
const CITATION = /https?:\/\/|www\.|\bdoi\b|\bet al\b|\b(?:19|20)\d{2}\b|\bpp?\.\s*\d|\d+\s*\(\d+\)|\bpmid\b|\bvol\.|\bjournal\b|\bretrieved\b|\baccessed\b/i;

// How a biography speaks of its subject ("… is a registered dietitian", "She writes about …").
const BIO = /\b(?:is|was) an?\b|\bwrites\b|\bspeciali[sz]es\b|\bholds an?\b|\bhas (?:written|worked|been|spent)\b|是一名|毕业于|从事/;

// Any long-form pattern of the lexicon, tried once on a long block's raw text (case aside)
// before its sentences are split and normalised.
const LONG_FORM_ANYWHERE = anyOf(WHOLE_PATTERNS.filter((p) => p.long).map((p) => p.re.source), 'iu');

// ("Target" is left out: "target heart rate" is health text.)
const SHOPS = 'amazon|walmart|iherb|ebay|costco|vitacost';
const SHOP_NAME = new RegExp(`\\b(?:${SHOPS})\\b`);
/** A field of a product's directions: "dosage: 2 capsules", "serving size: 1 tablet". */
const FIELDS = '(?:dosage|dose|serving size|suggested use|directions|how to (?:take|use))\\s*:';
const PRODUCT_FIELD = new RegExp(`\\b${FIELDS}`);
/** A shop's name opening a line, glued to a product's field: the name and the space after it (group 1: what is before the name). */
const SHOP_BEFORE_FIELD = new RegExp(`^(\\s*)(?:${SHOPS})\\s+(?=${FIELDS})`, 'iu');

/** A line that opens with a list bullet: "• Oysters • Lentils • Cashews". */
const FLATTENED_LIST = /^[•·▪●]\s/u;

/**
 * Items of at most four words joined by a menu or breadcrumb separator, twice or more. A
 * pipe joins menu items only after "Home" (else it is a table row of a plain-text draft).
 */
function menuShape(text: string): boolean {
  // A separator's white space is matched from the start of its run only (the lookbehind):
  // tried at every space of a long run, `\s+` would make the split quadratic.
  let parts = text.split(/(?<!\s)\s+[›»>·•→/]\s+/);
  if (parts.length < 3) {
    parts = text.split(BAR);
    if (parts.length < 3 || !/^(?:home|首页)$/i.test(parts[0]!.trim())) return false;
  }
  return parts.every((p) => p.trim() !== '' && p.trim().split(/\s+/).length <= 4 && !/[.!?。]$/.test(p.trim()));
}

interface Seed {
  phrase: string;
  normalised: string;
  /** The phrase after a dash at the end of a block: "… functions properly. – CONTENT BOX." */
  tail: RegExp;
}

interface Seeds {
  /** Names the list in the scope of what is remembered of a block (see `ownEvidence`). */
  id: number;
  list: Seed[];
  /** Length of the longest phrase. */
  longest: number;
}

const seedCache = new WeakMap<readonly string[], Seeds>();
let seedCount = 0;

/** Matchers of the configured phrases, compiled once per (frozen) list. */
function seedMatchers(phrases: readonly string[]): Seeds {
  let seeds = seedCache.get(phrases);
  if (!seeds) {
    const list = phrases
      .map((phrase) => ({
        phrase,
        normalised: normaliseLine(phrase),
        tail: new RegExp(`\\s*[-–—]\\s*${escapeRegExp(phrase.trim())}\\s*[.!]?\\s*$`, 'iu'),
      }))
      .filter((m) => m.normalised !== '');
    seeds = { id: seedCount++, list, longest: Math.max(0, ...list.map((m) => m.phrase.length)) };
    seedCache.set(phrases, seeds);
  }
  return seeds;
}
