/**
 * Data shapes of citation extraction: the markers in the prose, the entries of the
 * reference list, and the citation table the report shows. Plain data, built once per
 * Document by `src/cite/index.ts`.
 */
import type { Span } from '../types.js';

/**
 * How a citation is written:
 * - `paren`: "( 1 , 2 , 3 )", "(1, 2)", "( 4 )"
 * - `bracket`: "[1]", "[1–3]", "[1,2]"
 * - `superscript`: "¹²", "¹⁻³", or `<sup>1</sup>` left as text
 * - `link`: a Markdown/HTML link (its text is what the block holds)
 * - `flattened`: digits glued to the full stop ("… function.4", "… calm.5, 6"), or standing
 *   alone between two sentences ("… mcg/dL. 1 However"), read only in a draft with a
 *   reference list or whose digits run in order
 * - `placeholder`: "(source)", "[citation needed]", "[?]", "[ref]", "(link)", or a link with no target
 * - `endnote`: an endnote numbered in lower-case roman numerals ("[iii]", <sup>ii</sup>), whose
 *   notes stand apart from any numbered reference list: it cites its claim, and gives no
 *   number to check against a list
 */
export type MarkerStyle = 'paren' | 'bracket' | 'superscript' | 'link' | 'placeholder' | 'flattened' | 'author-year' | 'endnote';

/**
 * What a marker does:
 * - `numeric`: points at reference-list entries by number
 * - `link`: carries its own URL (a link in the prose that is not a number)
 * - `placeholder`: stands where a source should be and names none
 * - `author-year`: names its source by author and year ("(Smith et al., 2019)")
 */
export type MarkerKind = 'numeric' | 'link' | 'placeholder' | 'author-year';

/** One number or range inside a numeric marker, with its range in the block text. */
export interface MarkerItem {
  from: number;
  /** Equal to `from` for a single number. */
  to: number;
  start: number;
  end: number;
}

/** A citation marker in the prose. */
export interface Marker {
  kind: MarkerKind;
  style: MarkerStyle;
  /** Index of the block in `doc.blocks`. */
  block: number;
  /** Range in the block text. */
  start: number;
  end: number;
  /** The marker as the block text holds it. */
  text: string;
  /** Numbers cited, ranges expanded, sorted and unique (numeric markers only). */
  numbers: number[];
  items: MarkerItem[];
  /** Target of a link marker, or of a numeric marker written as a link to a page (not to a `#fragment`). */
  url?: string;
  span: Span;
}

/** Why a reference URL is malformed. */
export type UrlProblemReason =
  | 'second-scheme'
  | 'space'
  | 'unparseable'
  | 'host-without-dot'
  | 'missing-slashes'
  | 'missing-colon'
  | 'scheme-typo'
  | 'unbalanced-parenthesis'
  | 'link-mismatch';

export interface UrlProblem {
  reason: UrlProblemReason;
  /** The repaired URL, when there is a sensible repair. */
  expected?: string;
  /**
   * How sure the repair is (shared fix contract): `high` when it is certain ("httpss://" →
   * "https://"), `low` when it is a guess the cleaner must not apply. Set with `expected`.
   */
  confidence?: 'high' | 'low';
  /** For `link-mismatch`: the URL the link shows as its text (the problem's URL is the target). */
  shown?: string;
  /** For glued URLs, the pieces the text splits into. */
  parts?: string[];
}

/** A URL written in (or linked from) a reference entry. */
export interface EntryUrl {
  /** The URL as written in the file (for a Markdown/HTML link, its target). */
  raw: string;
  span: Span;
  /** True when the URL comes from a link node's target rather than the visible text. */
  fromLink: boolean;
  problem?: UrlProblem;
}

/** One entry of the reference list. */
export interface ReferenceEntry {
  /** 1-based position in the list. */
  ordinal: number;
  /** The number markers use for it: the label it carries ("[3] …", "3. …") or its ordinal. */
  number: number;
  /** Index of the block in `doc.blocks`. */
  block: number;
  /** Range of the entry in the block text (a block may hold several one-URL lines). */
  start: number;
  end: number;
  /** Entry text without its label. */
  text: string;
  span: Span;
  urls: EntryUrl[];
  /** Comparison key: normalised URLs, or normalised text when the entry has no URL. */
  key: string;
  /** Ordinal of the earlier entry this one repeats. */
  duplicateOf?: number;
}

export interface CiteExtraction {
  markers: Marker[];
  entries: ReferenceEntry[];
  /** Index of the block that titles the reference list ("References:", "参考文献"), if any. */
  listHeading?: number;
  /**
   * Sum of the scores of the numbered markers (`src/cite/evidence.ts`): how much the prose
   * speaks for citing by number. Markers scoring below zero are not in `markers`.
   */
  numberedEvidence: number;
}

/** Where a reference entry is, as the citation table shows it. */
export interface CitationReference {
  ordinal: number;
  line: number;
  text: string;
  /** First URL of the entry as written, or null when it has none. */
  url: string | null;
  /** The repaired URL when the written one is malformed and the repair is unambiguous. */
  expected?: string;
  malformed: boolean;
  /** Line of the earlier entry this one repeats. */
  duplicateOfLine?: number;
}

/** One row per number: cited in the prose, listed in the references, or both. */
export interface CitationRow {
  marker: number;
  /** Null when the number has no entry (no list, or past its end). */
  reference: CitationReference | null;
  /** Every place the number is cited, in document order; empty for an entry nobody cites. */
  usedAt: Array<{ line: number; column: number }>;
}

/** Per-document citation table for the report: marker → reference entry → where used. */
export interface CitationTable {
  path: string;
  /** Number of reference-list entries (0 when the document has no list). */
  entries: number;
  rows: CitationRow[];
  /** Links used as citations in the prose. */
  links: Array<{ text: string; url: string; line: number; column: number }>;
  placeholders: Array<{ text: string; line: number; column: number }>;
}
