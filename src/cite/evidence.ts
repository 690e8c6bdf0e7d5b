/**
 * How much a numbered marker found in the prose speaks for the draft citing sources by
 * number. Brackets in prose hold many numbers that are not citations: enumerations
 * ("(1) take it with food, (2) split the dose"), counts ("two (2) brands", "regular
 * prescriptions (9)"), years, ages and pages. Each candidate gets a score from the way
 * it is written and where it stands; a negative score means it is not a citation at all
 * (it is dropped from the markers), and the sum over a draft says whether the draft cites
 * by number (cite/no-reference-list reports a missing list only then).
 *
 * | evidence                                              | weight |
 * |-------------------------------------------------------|-------:|
 * | bracketed "[3]", superscript "³" or `<sup>3</sup>`      |     +3 |
 * | padded the way the drafts write markers "( 4 )"       |     +3 |
 * | a link whose text is a number                          |     +3 |
 * | flattened digits after the stop ("function.4")        |     +2 |
 * | several numbers or a range in one marker "(1, 2)"      |     +3 |
 * | a lone "(3)" closing a sentence                        |     +1 |
 * | a lone "(3)" closing a clause ("(3),")                 |   +0.5 |
 * | a number word before it: "two (2) brands"              |    −10 |
 * | one of a run (1), (2), (3) inside one sentence         |    −10 |
 * | opening a list item or block: "(1) Take it with food"  |    −10 |
 * | glued to a number: a volume and issue "13(1), 204"     |    −10 |
 *
 * A draft whose markers sum to CITING_THRESHOLD or more cites by number: one bracketed or
 * padded marker or one list "(1, 2)" does, three lone "(n)." at sentence ends do, one "(9)" does not.
 */
import type { MarkerStyle } from './types.js';

const CITING_THRESHOLD = 3;

/** What the score of one candidate marker is computed from. */
export interface MarkerEvidence {
  style: MarkerStyle;
  /** The group is padded inside its brackets: "( 4 )". */
  padded: boolean;
  /** Numbers or ranges listed in the marker ("(1, 2)" has two, "[3–5]" one range). */
  items: number;
  /** The marker is a range ("[3–5]"). */
  range: boolean;
  /** What closes after the marker: a sentence ("." "!" "?" or the end), a clause ("," ";" ":"), or neither. */
  closes: 'sentence' | 'clause' | 'none';
  /** A number word ("two", "three", "两") stands right before the bracket. */
  numberWordBefore: boolean;
  /** The marker is one of two or more lone parenthesised numbers 1, 2, 3 … in one sentence. */
  inEnumeration: boolean;
  /** The marker opens its block (a list item or a paragraph). */
  opensBlock: boolean;
  /** A digit stands right before the bracket: a journal's volume and issue, "13(1)". */
  gluedToNumber: boolean;
}

/** The score of one candidate marker (see the table above); below zero: not a citation. */
export function markerScore(e: MarkerEvidence): number {
  if (e.numberWordBefore || e.inEnumeration || e.opensBlock || e.gluedToNumber) return -10;
  // (An endnote cites its claim but numbers no entry of a reference list: no evidence of one missing.)
  if (e.style === 'endnote') return 0;
  let score = 0;
  if (e.style === 'bracket' || e.style === 'superscript' || e.style === 'link') score += 3;
  else if (e.style === 'flattened') score += 2;
  else if (e.padded) score += 3;
  if (e.items > 1 || e.range) score += 3;
  if (score === 0) score += e.closes === 'sentence' ? 1 : e.closes === 'clause' ? 0.5 : 0;
  return score;
}

/** Whether markers scoring `total` in all make a draft that cites by number. */
export function citesByNumber(total: number): boolean {
  return total >= CITING_THRESHOLD;
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozen|一|二|两|兩|三|四|五|六|七|八|九|十';
/** A number word ending right before the bracket (spaces allowed): "two (2)", "三（3）". */
export const NUMBER_WORD_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${NUMBER_WORDS})\\s*$`, 'iu');
