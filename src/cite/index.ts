/**
 * Citation extraction over a Document: markers in the prose, the reference list, and the
 * citation table. Pure functions of the Document, computed once per Document (the rules
 * and the report share one extraction).
 */
import type { Document, Span } from '../types.js';
import { blockSpan } from '../position.js';
import { type BlockLink, linksByBlock } from './links.js';
import { type TextMarker, scanMarkers, splitSuperscriptRun } from './markers.js';
import { extractEntries } from './references.js';
import { scanFlattened } from './flattened.js';
import { scanAuthorYear } from './author-year.js';
import { scoreMarkers } from './score.js';
import { treeFacts } from './tree.js';
import type { CitationReference, CitationRow, CitationTable, CiteExtraction, Marker, ReferenceEntry } from './types.js';
import { perDocument } from '../document.js';

export type * from './types.js';
export { checkUrl, normaliseUrl } from './url.js';
export { parseMarkerList, scanMarkers } from './markers.js';

const extractions = perDocument(extract);

/** Markers and reference entries of `doc`, computed on first use. */
export function citations(doc: Document): CiteExtraction {
  return extractions.get(doc);
}

/** Records the extraction a worker made of `doc`, so this thread need not parse it again. */
export function primeCitations(doc: Document, extraction: CiteExtraction): void {
  extractions.prime(doc, extraction);
}

/** Records where the extraction of `doc` is kept (the cache), to be read only if a stage asks for it; undefined from `read` extracts again. */
export function primeCitationsLazily(doc: Document, read: () => CiteExtraction | undefined): void {
  extractions.primeLazily(doc, read);
}

function extract(doc: Document): CiteExtraction {
  const facts = treeFacts(doc.tree);
  const links = linksByBlock(doc.tree, doc.blocks, facts);
  const { entries, heading } = extractEntries(doc, links, facts);
  const inList = new Set(entries.map((e) => e.block));
  const prose = doc.blocks.filter((b) => b.kind !== 'reference' && !inList.has(b.index));
  const flat = prose.map((b) => (b.kind === 'tableCell' || b.kind === 'heading' ? NO_MARKERS : scanFlattened(b.text)));
  // Digits glued to a full stop are citations where a numbered list gives them a meaning, or
  // where they number the draft's sentences in order (4, 5, 6 …) as citations do (its list
  // was lost, or lies outside an excerpt). Digits standing alone between two sentences
  // (". 1 However") are read only in the second case.
  const listed = entries.length > 0;
  const spaced = prose.map((b, p) => (flat[p] === NO_MARKERS ? NO_MARKERS : scanFlattened(b.text, true)));
  const both = flat.map((f, p) => withExtra(f, spaced[p]!));
  const inOrder = citesInSequence(both);
  const useFlat = listed || inOrder;
  const markers: Marker[] = [];
  let numberedEvidence = 0;
  prose.forEach((block, p) => {
    const blockLinks = links.size === 0 ? NO_LINKS : (links.get(block.index) ?? NO_LINKS);
    let found = scanMarkers(block.text, blockLinks, block.kind === 'tableCell' ? IN_TABLE : IN_PROSE);
    if (useFlat) found = withExtra(found, inOrder ? both[p]! : flat[p]!);
    if (block.kind !== 'heading') found = withExtra(found, scanAuthorYear(block.text));
    const scored = scoreMarkers(block.text, found);
    for (let k = 0; k < found.length; k++) {
      if (scored[k]! < 0) continue;
      // Flattened digits are evidence of a missing list only where they run in order.
      if (listed || inOrder || found[k]!.style !== 'flattened') numberedEvidence += scored[k]!;
      const m = splitSuperscriptRun(found[k]!, entries.length);
      markers.push(placed(m, block.index, blockSpan(doc.lineStarts, block, m.start, m.end)));
    }
  });
  const result: CiteExtraction = { markers, entries, numberedEvidence };
  if (heading !== undefined) result.listHeading = heading;
  return result;
}

/**
 * Whether flattened digits, in the order they first appear, count up one by one from the
 * first (1, 2, 3 … or, in an excerpt, 9, 10 …) over two markers or more: a draft's
 * citations in order, which decimals and names with numbers never make. A lone number
 * never does. Over four numbers or more, a step may skip one (3, 5, 6, 7, 8: the fourth
 * source was cited where no stop stood before its superscript).
 */
function citesInSequence(flat: TextMarker[][]): boolean {
  const seen: number[] = [];
  let markers = 0;
  for (const list of flat) {
    for (const m of list) {
      markers++;
      for (const n of m.numbers) if (!seen.includes(n)) seen.push(n);
    }
  }
  if (markers < 2 || seen.length < 2) return false;
  const step = seen.length >= 4 ? 2 : 1;
  return seen.every((n, k) => k === 0 || (n > seen[k - 1]! && n - seen[k - 1]! <= step));
}

/** Markers of another scan added to the others, in text order, dropping any that overlaps one found already. */
function withExtra(found: TextMarker[], extra: TextMarker[]): TextMarker[] {
  if (extra.length === 0) return found;
  const kept = extra.filter((f) => !found.some((m) => f.start < m.end && f.end > m.start));
  return [...found, ...kept].sort((a, b) => a.start - b.start);
}

const NO_LINKS: BlockLink[] = [];
const NO_MARKERS: TextMarker[] = [];
const IN_TABLE = { tableCell: true };
const IN_PROSE = { tableCell: false };

/**
 * `{ ...m, block, span }` spelled out (object spread is slow on this path), with the keys
 * in the same order.
 */
function placed(m: TextMarker, block: number, span: Span): Marker {
  const { kind, style, start, end, text, numbers, items } = m;
  return 'url' in m
    ? { kind, style, start, end, text, numbers, items, url: m.url!, block, span }
    : { kind, style, start, end, text, numbers, items, block, span };
}

/** Numeric markers that point into the reference list (a numeric link to a page cites that page). */
export function listMarkers(doc: Document): Marker[] {
  return citations(doc).markers.filter((m) => m.kind === 'numeric' && m.url === undefined);
}

/** The entry a number points at, or undefined when the list has none by that number. */
export function entryFor(extraction: CiteExtraction, n: number): ReferenceEntry | undefined {
  return extraction.entries.find((e) => e.number === n);
}

/** Marker → reference entry → where used, for the report. */
export function citationTable(doc: Document): CitationTable {
  const found = citations(doc);
  const byNumber = new Map<number, ReferenceEntry>();
  for (const e of found.entries) if (!byNumber.has(e.number)) byNumber.set(e.number, e);
  const uses = new Map<number, Array<{ line: number; column: number }>>();
  for (const m of found.markers) {
    if (m.kind !== 'numeric' || m.url !== undefined) continue;
    for (const n of m.numbers) {
      const list = uses.get(n) ?? [];
      list.push({ line: m.span.start.line, column: m.span.start.column });
      uses.set(n, list);
    }
  }
  const numbers = [...new Set([...byNumber.keys(), ...uses.keys()])].sort((a, b) => a - b);
  const lineOfOrdinal = new Map(found.entries.map((e) => [e.ordinal, e.span.start.line]));
  const rows = numbers.map((n): CitationRow => {
    const entry = byNumber.get(n);
    return { marker: n, reference: entry ? describe(entry, lineOfOrdinal) : null, usedAt: uses.get(n) ?? [] };
  });
  const at = (m: Marker) => ({ line: m.span.start.line, column: m.span.start.column });
  return {
    path: doc.path,
    entries: found.entries.length,
    rows,
    links: found.markers.filter((m) => m.kind === 'link').map((m) => ({ text: m.text, url: m.url ?? '', ...at(m) })),
    placeholders: found.markers.filter((m) => m.kind === 'placeholder').map((m) => ({ text: m.text, ...at(m) })),
  };
}

function describe(entry: ReferenceEntry, lineOfOrdinal: Map<number, number>): CitationReference {
  const first = entry.urls[0];
  const ref: CitationReference = {
    ordinal: entry.ordinal,
    line: entry.span.start.line,
    text: entry.text,
    url: first ? first.raw : null,
    malformed: entry.urls.some((u) => u.problem !== undefined),
  };
  const expected = first?.problem?.expected;
  if (expected !== undefined) ref.expected = expected;
  if (entry.duplicateOf !== undefined) ref.duplicateOfLine = lineOfOrdinal.get(entry.duplicateOf)!;
  return ref;
}
