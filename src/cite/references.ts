/**
 * The reference list of a document: its entries, the number markers use for each, the
 * URLs each holds with their problems, and which entries repeat an earlier one.
 *
 * Entries are the blocks the parser marked `reference` (a "References:" line or a
 * References heading followed by a list), plus list items that follow a paragraph reading
 * only "References:" (Markdown and HTML drafts write the title as a paragraph) when each
 * carries a link, a URL, a DOI or a year. A block
 * holding several lines that each carry a URL or a label is one entry per line.
 */
import type { Block, Document } from '../types.js';
import { blockSpan, pointAt, sourceOffset } from '../position.js';
import type { BlockLink } from './links.js';
import type { EntryUrl, ReferenceEntry } from './types.js';
import { type TreeFacts, treeFacts } from './tree.js';
import { URL_CANDIDATE, checkUrl, normaliseUrl, trimUrl } from './url.js';
import { linkTarget, literalLinks, literalProblem } from './link-targets.js';
import { REFERENCES_TITLE as LIST_TITLE } from '../parse/references-title.js';

/** An entry's label before its text: "[3] ", "3. ", "3) ", or a footnote's definition "[^3]: ". */
const LABEL = /^\s*(?:\[\^?(\d{1,3})\]:?|(\d{1,3})[.)])\s+/u;
const SOURCE_LABEL = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s*$/u;
/** A Markdown footnote's definition before its text: "[^3]: " (group 1: the number). */
const FOOTNOTE_LABEL = /^\s*\[\^(\d{1,3})\]:\s*$/u;
/** Characters a URL may hold; a one-URL line is a run of such tokens. */
const URLISH_TOKEN = /^[\w\-./?=&%#~+:@!$,;*'()[\]]+$/u;
/** A host and a path: "ods.od.nih.gov/factsheets/…" (a bare site name such as "Healthline.com" names the site, not a page). */
const BARE_ADDRESS = /^(?:[a-z0-9-]+\.)+(?:com|org|gov|edu|net|int|nih\.gov|co\.uk|ac\.uk|nhs\.uk|[a-z]{2})\/\S+$/iu;
/** A copy of URL_CANDIDATE to run exec loops and replacements with, leaving the exported regex's lastIndex alone. */
const URL_SCAN = new RegExp(URL_CANDIDATE.source, URL_CANDIDATE.flags);
/**
 * What ends an entry after a URL broken at a "/": spaces, then one path-like token
 * ("10.5664/jcsm.3170") or a long number (a PubMed id); a year ("2024.") is not one.
 */
const SPLIT_TAIL = /^(\s+(?:[\w\-?=&%#~+]*[./]\w[\w\-./?=&%#~+]*|\d{5,}))\s*$/u;
/** URL_CANDIDATE without the global flag, for `test` (no lastIndex to carry over). */
const HAS_URL = new RegExp(URL_CANDIDATE.source, 'iu');

export function isListTitle(text: string): boolean {
  return LIST_TITLE.test(text);
}

/** The blocks that form the reference list, and the block titling it. */
export function referenceBlocks(doc: Document, links: Map<number, BlockLink[]>): { blocks: Block[]; heading?: number } {
  const picked: Block[] = [];
  let heading: number | undefined;
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'reference') {
      picked.push(b);
      continue;
    }
    if ((b.kind === 'heading' || b.kind === 'paragraph') && isListTitle(b.text)) {
      if (b.kind === 'heading') heading ??= b.index;
      // A title paragraph followed by list items that read as references ("Sources:" over
      // a list of foods is not a reference list).
      if (b.kind === 'paragraph') {
        let j = i + 1;
        while (j < blocks.length && blocks[j]!.kind === 'listItem') j++;
        const items = blocks.slice(i + 1, j);
        if (items.length > 0 && items.every((item) => readsAsReference(item, links.get(item.index) ?? []))) {
          picked.push(...items);
          heading ??= b.index;
          i = j - 1;
        }
      }
    }
  }
  return heading === undefined ? { blocks: picked } : { blocks: picked, heading };
}

/**
 * Reference entries in list order, numbered, with URLs checked and repeats marked.
 * `facts` saves the tree walk when the caller has made it.
 */
export function extractEntries(
  doc: Document,
  links: Map<number, BlockLink[]>,
  facts: TreeFacts = treeFacts(doc.tree),
): { entries: ReferenceEntry[]; heading?: number } {
  const { blocks, heading } = referenceBlocks(doc, links);
  const listNumbers = facts.listNumbers;
  const raw: Array<Omit<ReferenceEntry, 'ordinal' | 'number' | 'key'> & { label?: number }> = [];

  // A label alone on its line ("[1]"), the entry it numbers on the line below.
  let alone: number | undefined;
  for (const block of blocks) {
    const pieces = splitLines(doc, block);
    for (const [start, end] of pieces) {
      const whole = block.text.slice(start, end);
      const bare = SOURCE_LABEL.exec(whole);
      if (bare) {
        alone = Number(bare[1] ?? bare[2]);
        continue;
      }
      const lead = whole.length - whole.trimStart().length;
      let s = start + lead;
      let label: number | undefined;
      const own = LABEL.exec(block.text.slice(s, end));
      if (own) {
        label = Number(own[1] ?? own[2]);
        s += own[0].length;
      } else if (alone !== undefined) {
        label = alone;
      } else if (pieces.length === 1) {
        label = listNumbers.get(block.position.start.offset) ?? sourceLabel(doc, block);
      }
      alone = undefined;
      const e = start + whole.trimEnd().length;
      if (e <= s) continue;
      // The entries run into this one's line after it, each under the next bracketed label
      // ("[1] Liu C … p. 1348. [2] Hemilä H …"): one entry each.
      const runIn = own?.[1] !== undefined && label !== undefined ? runInLabels(block.text, s, e, label) : [];
      let from = s;
      let fromLabel = label;
      for (const next of runIn) {
        const to = from + block.text.slice(from, next.at).trimEnd().length;
        if (to > from) raw.push(rawEntry(block, from, to, fromLabel));
        from = next.textAt;
        fromLabel = next.label;
      }
      raw.push(rawEntry(block, from, e, fromLabel));
    }
  }

  function rawEntry(block: Block, s: number, e: number, label: number | undefined): (typeof raw)[number] {
    const entry = {
      block: block.index,
      start: s,
      end: e,
      text: block.text.slice(s, e),
      span: blockSpan(doc.lineStarts, block, s, e),
      urls: entryUrls(doc, block, s, e, links.get(block.index) ?? []),
    };
    return label === undefined ? entry : { ...entry, label };
  }

  // Labels number the entries only when every entry has one and no two share it.
  const labels = raw.map((r) => r.label);
  const useLabels = labels.every((l) => l !== undefined) && new Set(labels).size === labels.length;
  const firstByKey = new Map<string, number>();
  const works: Array<{ words: string; ordinal: number; hasUrl: boolean }> = [];
  const entries = raw.map((r, k): ReferenceEntry => {
    // Spelled out rather than `{ label, ...rest }`: object rest/spread is slow on this path.
    const entry: ReferenceEntry = {
      block: r.block,
      start: r.start,
      end: r.end,
      text: r.text,
      span: r.span,
      urls: r.urls,
      ordinal: k + 1,
      number: useLabels ? r.label! : k + 1,
      key: entryKey(r),
    };
    const first = firstByKey.get(entry.key);
    if (first === undefined) firstByKey.set(entry.key, entry.ordinal);
    else if (entry.key !== '') entry.duplicateOf = first;
    // The same work listed twice, once with its URL and once without.
    const words = workKey(entry.text);
    if (words !== '') {
      const hasUrl = entry.urls.length > 0;
      // One description may run on where the other stops ("… 22:23-36" and "… 22:23-36. doi").
      const earlier = works.find((w) => (`${w.words} `.startsWith(`${words} `) || `${words} `.startsWith(`${w.words} `)) && (!hasUrl || !w.hasUrl));
      if (earlier && entry.duplicateOf === undefined) entry.duplicateOf = earlier.ordinal;
      if (!earlier) works.push({ words, ordinal: entry.ordinal, hasUrl });
    }
    return entry;
  });
  return heading === undefined ? { entries } : { entries, heading };
}

/** A list item that carries a link, a URL, a DOI or a publication year. */
function readsAsReference(item: Block, links: BlockLink[]): boolean {
  if (links.some((l) => /^(?:https?:|ftp:|www\.)/iu.test(l.url))) return true;
  return HAS_URL.test(item.text) || /\bdoi:|\b(?:19|20)\d{2}\b/iu.test(item.text);
}

/** A bracketed label inside an entry's text, a letter after it: where the next entry may start. */
const INNER_LABEL = /\s\[(\d{1,3})\]\s+(?=\p{L})/gu;

/**
 * The labels of the entries run into the entry labelled `label` at `text[s, e)`: each the
 * next number after the one before (2, then 3 …), with where it stands (`at`) and where its
 * entry's text starts (`textAt`).
 */
function runInLabels(text: string, s: number, e: number, label: number): Array<{ at: number; textAt: number; label: number }> {
  const out: Array<{ at: number; textAt: number; label: number }> = [];
  const piece = text.slice(s, e);
  if (!piece.includes('[')) return out;
  let want = label + 1;
  INNER_LABEL.lastIndex = 0;
  for (let m = INNER_LABEL.exec(piece); m !== null; m = INNER_LABEL.exec(piece)) {
    if (Number(m[1]) !== want) continue;
    out.push({ at: s + m.index, textAt: s + m.index + m[0].length, label: want });
    want++;
  }
  return out;
}

/**
 * Text ranges of a reference block, one per line when every line carries a URL or a
 * label (one URL per line); otherwise the whole block.
 */
function splitLines(doc: Document, block: Block): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const starts = doc.lineStarts;
  // The line of each text index, by a binary search only when its source offset leaves
  // [lineFrom, lineTo), the line of the index before.
  let lineFrom = 0;
  let lineTo = -1;
  let current = 0;
  let from = 0;
  let line = 0;
  for (let i = 0; i < block.text.length; i++) {
    const offset = sourceOffset(block, i);
    if (offset < lineFrom || offset >= lineTo) {
      current = pointAt(starts, offset).line;
      lineFrom = starts[current - 1]!;
      lineTo = current < starts.length ? starts[current]! : Infinity;
    }
    if (i === 0) line = current;
    else if (current !== line && block.text[i] !== ' ') {
      ranges.push([from, i]);
      from = i;
      line = current;
    }
  }
  ranges.push([from, block.text.length]);
  const pieces = ranges.filter(([s, e]) => block.text.slice(s, e).trim() !== '');
  if (pieces.length < 2) return [[0, block.text.length]];
  const each = pieces.every(([s, e]) => {
    const t = block.text.slice(s, e);
    return LABEL.test(t) || HAS_URL.test(t);
  });
  return each ? pieces : [[0, block.text.length]];
}

/** A label the parser left out of the block text: "3. " or "[3] " before it on its line, or a Markdown footnote's "[^3]: ". */
function sourceLabel(doc: Document, block: Block): number | undefined {
  const start = block.position.start;
  const lineStart = doc.lineStarts[start.line - 1] ?? start.offset;
  const before = doc.text.slice(lineStart, start.offset);
  const footnote = FOOTNOTE_LABEL.exec(before);
  if (footnote) return Number(footnote[1]);
  if (doc.format !== 'txt') return undefined;
  const m = SOURCE_LABEL.exec(before);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * URLs of an entry: those written in its text (a link syntax Markdown left as text is read
 * on its target), then the targets of its links (`link-targets.ts`): a target its text
 * does not show, or one that differs from the URL its text shows.
 */
function entryUrls(doc: Document, block: Block, s: number, e: number, links: BlockLink[]): EntryUrl[] {
  const text = block.text.slice(s, e);
  const urls: EntryUrl[] = [];
  const shown: Array<[number, number, string]> = [];
  const literal = text.includes('](') ? literalLinks(text) : [];
  for (const l of literal) {
    if (!HAS_URL.test(l.target)) continue;
    const problem = literalProblem(l);
    const url: EntryUrl = { raw: l.target, span: blockSpan(doc.lineStarts, block, s + l.start, s + l.end), fromLink: false };
    urls.push(problem ? { ...url, problem } : url);
    shown.push([s + l.start, s + l.end, l.target]);
  }
  const candidates: RegExpExecArray[] = [];
  URL_SCAN.lastIndex = 0;
  for (let m = URL_SCAN.exec(text); m !== null; m = URL_SCAN.exec(text)) {
    if (!literal.some((l) => m.index < l.end && m.index + m[0].length > l.start)) candidates.push(m);
  }
  // A line that is one URL and nothing else, spaces and all: the spaces are inside the URL.
  const tokens = text.trim().split(/\s+/u);
  const oneUrlLine =
    literal.length === 0 &&
    candidates.length === 1 &&
    candidates[0]!.index === text.length - text.trimStart().length &&
    tokens.length > 1 &&
    tokens.every((t) => URLISH_TOKEN.test(t)) &&
    tokens.slice(1).some((t) => /[/.?=&%#]|\d/u.test(t));
  if (oneUrlLine) {
    const at = candidates[0]!.index;
    const written = trimUrl(text.slice(at).trimEnd());
    urls.push(entryUrl(doc, block, s + at, s + at + written.length, written, false));
    shown.push([s + at, s + at + written.length, written]);
  } else {
    for (const m of candidates) {
      let written = trimUrl(m[0]);
      if (written.replace(/^(?:https?|ftp):\/*|^www\./iu, '') === '') continue;
      // "…/doi/ 10.5664/jcsm.3170" closing the entry: the path goes on after a space.
      if (written === m[0] && /[/=]$/u.test(written)) {
        const rest = SPLIT_TAIL.exec(text.slice(m.index + written.length));
        if (rest) written = trimUrl(written + rest[1]);
      }
      urls.push(entryUrl(doc, block, s + m.index, s + m.index + written.length, written, false));
      shown.push([s + m.index, s + m.index + written.length, written]);
    }
  }
  for (const link of links) {
    if (link.end <= s || link.start >= e) continue;
    const written = block.text.slice(link.start, link.end).trim();
    // A link text that is a bare address ("ods.od.nih.gov/factsheets") shows a URL too.
    const shownUrl = shown.find(([a, b]) => a < link.end && b > link.start)?.[2] ?? (BARE_ADDRESS.test(written) ? written : undefined);
    const target = linkTarget(doc, link, written, shownUrl);
    if (target) urls.push(target);
  }
  return urls;
}

function entryUrl(doc: Document, block: Block, s: number, e: number, raw: string, fromLink: boolean): EntryUrl {
  const url: EntryUrl = { raw, span: blockSpan(doc.lineStarts, block, s, e), fromLink };
  const problem = checkUrl(raw);
  return problem ? { ...url, problem } : url;
}

/**
 * The words of an entry without its URLs, when they describe a work fully enough to tell
 * two works apart (authors, title, journal: eight words or more); '' when they do not
 * ("NIH fact sheet" may head entries for different pages).
 */
function workKey(text: string): string {
  const words = text
    .replace(URL_SCAN, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words.split(' ').length >= 8 ? words : '';
}

/** URLs (repaired where the repair is known) when the entry has any, else its words. */
function entryKey(entry: { urls: EntryUrl[]; text: string }): string {
  if (entry.urls.length > 0) {
    return entry.urls.map((u) => normaliseUrl(u.problem?.expected ?? u.raw)).join(' ');
  }
  return entry.text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
