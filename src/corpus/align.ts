/**
 * Block alignment of a member to its canonical version, a Chinese block to its English
 * source included.
 *
 * 1. Core: `diffArrays` from the `diff` package pairs the blocks whose normalised text is
 *    identical, in order (the longest common subsequence). These pairs are sure anchors.
 * 2. Between two anchors, pairs that are each other's best match with strong evidence
 *    become anchors too; then a monotone dynamic-programming alignment pairs the remaining
 *    blocks by a similarity score built from what survives translation: citation markers,
 *    numbers, URLs and acronyms, Latin words left in a Chinese block, the length ratio on a
 *    language-neutral scale, and the block kinds; same-language blocks also compare their
 *    words. A prior favours pairs that sit at the same distance from a sure anchor.
 * 3. Blocks left over on both sides (sections moved elsewhere) are paired greedily when
 *    their score is strong, so a version with shuffled sections still aligns.
 * 4. A block left alone whose words stand in its neighbour's counterpart joins that pair:
 *    versions that split or merge paragraphs pair several blocks with one.
 *
 * `diff` has no notion of "similar enough" between two array items, and no library aligns
 * blocks across languages, hence the hand-written scoring and dynamic programming.
 */
import { diffArrays } from 'diff';
import type { AlignedPair, BlockKind, Document } from '../types.js';
import { HAN_CHAR_WEIGHT, tokenize, type BlockTokens } from './tokens.js';
import { round3 } from './similarity.js';
import { dictionaryOverlap, englishStems, type Glossary, type Glosses } from './bilingual.js';

export interface BlockProfile {
  /** Normalised text: two blocks with the same key are the same block. */
  readonly key: string;
  readonly lang: string;
  readonly kind: BlockKind;
  /** Content words of space-separated scripts (four letters or more), lower-cased. */
  readonly words: Set<string>;
  /** Han character bigrams, as two UTF-16 code units in one number. */
  readonly bigrams: Set<number>;
  /** Citation numbers, numbers, URLs and acronyms, tagged by kind. */
  readonly anchors: Set<string>;
  /** Length on the language-neutral scale (Han characters weighted). */
  readonly length: number;
  /** Stems of the English content words (with a glossary only). */
  readonly stems?: Set<string>;
  /** What the dictionary says of the block's Chinese words (with a glossary only). */
  readonly glosses?: Glosses;
}

/** A translated pair scoring at least this may count as evidence for `alignmentSimilarity`. */
const ALIGNED_SCORE = 0.5;
/** Two blocks in one language count as evidence from this score. */
const SAME_LANGUAGE_EVIDENCE = 0.8;
/** Fewer evidenced pairs than this is no evidence of a common article. */
const MIN_ALIGNED_BLOCKS = 3;
/** Weight of a pair made on position alone between two evidenced pairs. */
const INFERRED_WEIGHT = 0.8;
/** Longest run of such pairs that still counts. */
const MAX_INFERRED_RUN = 3;
/** Block pairs scored at most per gap; longer gaps are cut along the diagonal (bounded time and memory). */
const MAX_GRID_CELLS = 250_000;
/** Mutual-best pairs scoring at least this are sure anchors, like identical blocks. */
const SURE_SCORE = 0.85;
/** Share of a lone block's words found in a neighbour's counterpart for it to join that pair. */
const SPLIT_CONTAINMENT = 0.8;
/** Scores at or above this pair blocks outside the monotone order (moved sections). */
export const STRONG_SCORE = 0.6;
/** What a pair must score, prior included, to be worth making in the dynamic programme. */
const MATCH_COST = 0.25;
/** Weight of the positional prior. */
const POSITION_WEIGHT = 0.15;
/** Spread of log(length ratio) between a block and its translation (samples: ±0.33). */
const LENGTH_SIGMA = 0.4;
/** Weight of one shared anchor against one shared word or bigram. */
const ANCHOR_WEIGHT = 3;
/** Words (or Han bigrams) in common script from which a pair in two languages is judged by its text. */
const TEXTUAL_WORDS = 3;
/** Dictionary overlap of two unrelated passages on one subject, and of a block and its translation (see `translated`). */
const DICTIONARY_FLOOR = 0.2;
const DICTIONARY_FULL = 0.6;
/** Scaled dictionary overlap from which a translated pair is evidence on its own; fewer words than DICTIONARY_MIN_WORDS on either side are no evidence either way. */
const DICTIONARY_EVIDENCE = 0.6;
const DICTIONARY_MIN_WORDS = 4;
/** Most weight dictionary evidence carries, in words (a long paragraph is not surer than a few anchors). */
const DICTIONARY_MAX_WEIGHT = 6;
/** Below this, two blocks judged by their text are not counterparts, whatever their position. */
const TEXTUAL_MIN_SCORE = 0.4;

/**
 * The part of a block's profile that depends on its text alone. Its sets are built on
 * first use: most blocks pair with an identical block by their key and are never scored.
 */
export class TextProfile {
  readonly key: string;
  readonly length: number;
  readonly #tokens: BlockTokens;
  #words: Set<string> | undefined;
  #bigrams: Set<number> | undefined;
  #anchors: Set<string> | undefined;
  readonly #glossary: Glossary | undefined;
  #stems: Set<string> | undefined;
  #glosses: Glosses | undefined;

  constructor(raw: string, tokens: BlockTokens, glossary?: Glossary) {
    this.key = normaliseKey(raw);
    this.length = tokens.latinChars + tokens.hanChars * HAN_CHAR_WEIGHT + tokens.numbers.length * 2;
    this.#tokens = tokens;
    this.#glossary = glossary;
  }

  get stems(): Set<string> | undefined {
    if (!this.#glossary) return undefined;
    this.#stems ??= englishStems(this.#tokens.words);
    return this.#stems;
  }

  get glosses(): Glosses | undefined {
    if (!this.#glossary) return undefined;
    this.#glosses ??= this.#tokens.hanChars === 0 ? { words: 0, stems: new Set() } : this.#glossary.glossesOf(this.#tokens.hanRuns.join('，'));
    return this.#glosses;
  }

  get words(): Set<string> {
    if (!this.#words) {
      this.#words = new Set<string>();
      for (const w of this.#tokens.words) if (w.length >= 4 && !isDigit(w.charCodeAt(0))) this.#words.add(w);
    }
    return this.#words;
  }

  get bigrams(): Set<number> {
    if (!this.#bigrams) {
      this.#bigrams = new Set<number>();
      for (const run of this.#tokens.hanRuns) {
        if (run.length === 1) this.#bigrams.add(run.charCodeAt(0));
        for (let i = 1; i < run.length; i++) this.#bigrams.add(run.charCodeAt(i - 1) * 0x10000 + run.charCodeAt(i));
      }
    }
    return this.#bigrams;
  }

  get anchors(): Set<string> {
    if (!this.#anchors) {
      const t = this.#tokens;
      this.#anchors = new Set<string>();
      for (const c of t.cites) this.#anchors.add(`c${c}`);
      for (const n of t.numbers) this.#anchors.add(`n${n}`);
      for (const u of t.urls) this.#anchors.add(`u${u}`);
      for (const a of t.acronyms) this.#anchors.add(`a${a}`);
    }
    return this.#anchors;
  }
}

/** A block's profile: its text's, with the block's language and kind. */
class Profile implements BlockProfile {
  constructor(
    readonly text: TextProfile,
    readonly lang: string,
    readonly kind: BlockKind,
  ) {}
  get key(): string {
    return this.text.key;
  }
  get length(): number {
    return this.text.length;
  }
  get words(): Set<string> {
    return this.text.words;
  }
  get bigrams(): Set<number> {
    return this.text.bigrams;
  }
  get anchors(): Set<string> {
    return this.text.anchors;
  }
  get stems(): Set<string> | undefined {
    return this.text.stems;
  }
  get glosses(): Glosses | undefined {
    return this.text.glosses;
  }
}

/**
 * `tokens[i]` may carry the tokens of block i when the caller has them already. `shared`
 * keeps text profiles by block text: versions of one article repeat most of their blocks,
 * so a cluster profiles each distinct text once.
 */
export function profileBlocks(doc: Document, tokens?: readonly BlockTokens[], shared?: Map<string, TextProfile>, glossary?: Glossary): BlockProfile[] {
  return doc.blocks.map((block) => {
    let text = shared?.get(block.text);
    if (!text) {
      text = new TextProfile(block.text, tokens?.[block.index] ?? tokenize(block.text), glossary);
      shared?.set(block.text, text);
    }
    return new Profile(text, doc.language.blocks[block.index] ?? doc.language.primary, block.kind);
  });
}

/** The profile of a passage that spans several blocks (a section), read as one block of `kind`. */
export function profilePassage(text: string, lang: string, kind: BlockKind, glossary?: Glossary): BlockProfile {
  return new Profile(new TextProfile(text, tokenize(text), glossary), lang, kind);
}

/** White space other than a single space: what `\s+` → ' ' would change. */
const ODD_SPACE = /[^\S ]|\s\s/;

/** NFKC, lower case, runs of white space as one space, trimmed. */
function normaliseKey(raw: string): string {
  // Most blocks hold single spaces only: the replacement is skipped for them.
  const text = raw.normalize('NFKC');
  return (ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim().toLowerCase();
}

/**
 * How likely block `a` is a version (copy, edit or translation) of block `b`, 0..1, and
 * whether the two share a script with enough words to judge them by their text.
 *
 * When they do (two blocks in one language, or a Chinese block with an English clause
 * left in), the words decide: a low score then means "not a counterpart". Otherwise (a Chinese
 * block and an English one) the anchors decide — citations, numbers, URLs, acronyms,
 * each worth three words — and an anchor present on one side only counts against the
 * pair. Without any evidence only the length ratio speaks, weakly, and order decides.
 * Both cases are damped by a poor length ratio and by different block kinds.
 */
export function blockEvidence(a: BlockProfile, b: BlockProfile): { score: number; textual: boolean } {
  if (a.key === b.key && a.key !== '') return { score: 1, textual: true };
  const words = overlap(a.words, b.words);
  const bigrams = overlap(a.bigrams, b.bigrams);
  const anchors = overlap(a.anchors, b.anchors);
  const textWeight = words.n + bigrams.n;
  const fitOfLength = lengthFit(a, b);
  const fit = (0.7 + 0.3 * fitOfLength) * kindAgreement(a.kind, b.kind);
  const oneSidedAnchors = (a.anchors.size === 0) !== (b.anchors.size === 0);

  if (textWeight >= TEXTUAL_WORDS || (textWeight > 0 && a.lang === b.lang)) {
    const text = (words.n * words.s + bigrams.n * bigrams.s) / textWeight;
    const anchor = anchors.n > 0 ? anchors.s : oneSidedAnchors ? 0 : text;
    return { score: Math.min(0.99, (0.8 * text + 0.2 * anchor) * fit), textual: true };
  }
  // Shared anchors settle most translated pairs, and a block is not the translation of one of another length: the dictionary speaks for the rest.
  const dictionary = anchors.s > 0 || fitOfLength < 0.5 ? NO_EVIDENCE : translated(a, b);
  let weight = words.n + bigrams.n + ANCHOR_WEIGHT * anchors.n + dictionary.n;
  const sum = words.n * words.s + bigrams.n * bigrams.s + ANCHOR_WEIGHT * anchors.n * anchors.s + dictionary.n * dictionary.s;
  if (oneSidedAnchors) weight += ANCHOR_WEIGHT * Math.min(2, a.anchors.size + b.anchors.size);
  if (weight === 0) return { score: 0.3 * fitOfLength * kindAgreement(a.kind, b.kind), textual: false };
  // 1 is kept for identical blocks.
  return { score: Math.min(0.99, (sum / weight) * fit), textual: false };
}

/**
 * Dictionary evidence between a Chinese block and an English one (see bilingual.ts), on the
 * 0..1 scale of the other evidence: over the 33 translated blocks of the samples, a block and
 * its translation meet on 0.44–0.92 of their words through CC-CEDICT's glosses (median
 * 0.65), a block and another block's translation on 0.25 or less in nine cases of ten.
 */
const NO_EVIDENCE = Object.freeze({ s: 0, n: 0 });

export function translated(a: BlockProfile, b: BlockProfile): { s: number; n: number } {
  // Without a glossary (a batch without both languages) the profiles carry no stems.
  if (a.lang === b.lang || a.stems === undefined || b.stems === undefined) return NO_EVIDENCE;
  const [zh, en] = a.bigrams.size > 0 && b.bigrams.size === 0 ? [a, b] : b.bigrams.size > 0 && a.bigrams.size === 0 ? [b, a] : [undefined, undefined];
  const stems = en?.stems;
  // The evidence counts the smaller side's words (see `dictionaryOverlap`): an English block
  // with fewer stems than DICTIONARY_MIN_WORDS is no evidence whatever the Chinese block's
  // glosses, which are then not looked up (segmenting is the costly part).
  if (!stems || stems.size < DICTIONARY_MIN_WORDS) return NO_EVIDENCE;
  const glosses = zh?.glosses;
  if (!glosses) return NO_EVIDENCE;
  const { s, n } = dictionaryOverlap(glosses, stems);
  // A heading of a few words finds its gloss too rarely for a miss to count against it.
  if (n < DICTIONARY_MIN_WORDS) return NO_EVIDENCE;
  return { s: Math.min(1, Math.max(0, (s - DICTIONARY_FLOOR) / (DICTIONARY_FULL - DICTIONARY_FLOOR))), n: Math.min(n, DICTIONARY_MAX_WEIGHT) };
}

export function blockScore(a: BlockProfile, b: BlockProfile): number {
  return blockEvidence(a, b).score;
}

/**
 * Similarity of two token sets and the evidence behind it (the smaller set's size): Dice,
 * moved towards containment as the evidence grows, so a clause kept from a longer block
 * still counts and one shared word between two short blocks does not.
 */
function overlap<T>(x: Set<T>, y: Set<T>): { s: number; n: number } {
  const n = Math.min(x.size, y.size);
  if (n === 0) return NO_EVIDENCE;
  const shared = intersectionSize(x, y);
  const dice = (2 * shared) / (x.size + y.size);
  const containment = shared / n;
  return { s: dice + ((containment - dice) * n) / (n + 4), n };
}

/**
 * Similarity of two drafts read off their block alignment: the share of the shorter
 * draft's text (language-neutral length) that stands in aligned blocks, each weighted by
 * its pair's score when the pair is evidence (see `evidenced`). A pair of two blocks in
 * one language that are not nearly the same text counts against: the drafts say
 * different things there. A pair made on position alone (a Chinese and an English passage
 * without anchors) counts only between two evidenced pairs, in a run of at most
 * MAX_INFERRED_RUN, at INFERRED_WEIGHT — so two unrelated drafts, whose passages pair on
 * position alone, stay low. Below MIN_ALIGNED_BLOCKS evidenced pairs the similarity is 0.
 *
 * It sees what shingle sets cannot: two versions machine-translated in complementary
 * halves share little text in either language, yet passage by passage each has its
 * counterpart.
 */
export function alignmentSimilarity(m: readonly BlockProfile[], c: readonly BlockProfile[], pairs: readonly AlignedPair[]): number {
  const both = pairs.filter((p) => p.member !== null && p.canonical !== null);
  const weight = both.map((p) => {
    const a = m[p.member!]!;
    const b = c[p.canonical!]!;
    if (evidenced(a, b, p.score)) return p.score;
    return a.lang === b.lang ? -1 : 0;
  });
  if (weight.filter((w) => w > 0).length < MIN_ALIGNED_BLOCKS) return 0;
  for (let k = 0; k < both.length; ) {
    if (weight[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < both.length && weight[end] === 0) end++;
    if (k > 0 && end < both.length && weight[k - 1]! > 0 && weight[end]! > 0 && end - k <= MAX_INFERRED_RUN) {
      for (let x = k; x < end; x++) weight[x] = INFERRED_WEIGHT;
    }
    k = end;
  }
  // Per block, its best pair; a block whose only pairs contradict counts as -1.
  const bestM = new Float64Array(m.length);
  const bestC = new Float64Array(c.length);
  const keep = (best: Float64Array, i: number, w: number): void => {
    const old = best[i]!;
    best[i] = old > 0 || w > 0 ? Math.max(old, w) : Math.min(old, w);
  };
  both.forEach((p, k) => {
    keep(bestM, p.member!, weight[k]!);
    keep(bestC, p.canonical!, weight[k]!);
  });
  const share = (blocks: readonly BlockProfile[], best: Float64Array): [number, number] => {
    let total = 0;
    let matched = 0;
    blocks.forEach((b, i) => {
      total += b.length;
      matched += b.length * best[i]!;
    });
    return [matched, total];
  };
  const [mm, mt] = share(m, bestM);
  const [cm, ct] = share(c, bestC);
  if (mt === 0 || ct === 0) return 0;
  return Math.max(0, mt <= ct ? mm / mt : cm / ct);
}

/**
 * Whether an aligned pair is evidence that two drafts are one article. Two blocks in one
 * language must be nearly the same text (a sibling article from the same template shares
 * half its words). A block and its translation must share more than one citation number
 * — numbered citations run 1, 2, 3 in most articles — or a number, URL or acronym, and
 * have the lengths of a translation — or, with a glossary, meet word by word through it.
 */
function evidenced(a: BlockProfile, b: BlockProfile, score: number): boolean {
  if (a.lang === b.lang) return score >= SAME_LANGUAGE_EVIDENCE;
  if (score < ALIGNED_SCORE || lengthFit(a, b) < 0.5) return false;
  let citations = 0;
  for (const x of a.anchors) {
    if (!b.anchors.has(x)) continue;
    if (x.charCodeAt(0) !== 99 /* c */) return true;
    citations++;
  }
  return citations >= 2 || translated(a, b).s >= DICTIONARY_EVIDENCE;
}

function lengthFit(a: BlockProfile, b: BlockProfile): number {
  const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length, 1);
  return Math.exp(-(Math.log(Math.max(ratio, 1e-3)) ** 2) / (2 * LENGTH_SIGMA * LENGTH_SIGMA));
}

export function alignBlocks(member: Document, canonical: Document): AlignedPair[] {
  return alignProfiles(profileBlocks(member), profileBlocks(canonical));
}

/** Where each key stands among the canonical's blocks; -1 for a key that stands more than once. */
export function keyPositions(c: readonly BlockProfile[]): Map<string, number> {
  const at = new Map<string, number>();
  c.forEach((p, j) => at.set(p.key, at.has(p.key) ? -1 : j));
  return at;
}

/** `positions` (see `keyPositions`) may be computed once for all the members of a canonical. */
export function alignProfiles(m: BlockProfile[], c: BlockProfile[], positions = keyPositions(c)): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  let i = 0;
  let j = 0;
  let gapM = 0;
  let gapC = 0;
  const flushGap = (sureBefore: boolean, sureAfter: boolean): void => {
    alignGap(m, c, gapM, i, gapC, j, sureBefore, sureAfter, pairs);
    gapM = i;
    gapC = j;
  };
  let sureBefore = false;
  // 1. identical blocks, in order
  for (const run of identicalRuns(m, c, positions)) {
    i = run.member;
    j = run.canonical;
    flushGap(sureBefore, true);
    for (let k = 0; k < run.count; k++) pairs.push({ member: i + k, canonical: j + k, score: 1 });
    i += run.count;
    j += run.count;
    gapM = i;
    gapC = j;
    sureBefore = true;
  }
  i = m.length;
  j = c.length;
  flushGap(sureBefore, false);
  recoverMoved(m, c, pairs);
  absorbSplits(m, c, pairs);
  return pairs;
}

interface Run {
  member: number;
  canonical: number;
  count: number;
}

/**
 * Runs of identical blocks (same key) in both drafts, in order: the longest common
 * subsequence of the keys, as `diffArrays` finds it.
 *
 * What follows depends only on which blocks pair, not on how the diff groups them. When
 * every key the drafts share stands once in each and in the same order (versions of one
 * article, most of the time), all of them form the only longest common subsequence, so
 * they are paired directly; the diff, whose cost grows with the number of differences,
 * runs only otherwise (repeated or moved blocks).
 */
function identicalRuns(m: readonly BlockProfile[], c: readonly BlockProfile[], positions: Map<string, number>): Run[] {
  const runs: Run[] = [];
  let last = -1;
  for (let i = 0; i < m.length; i++) {
    const j = positions.get(m[i]!.key);
    if (j === undefined) continue;
    // A key repeated on either side, or out of order: the diff decides.
    if (j <= last) return diffRuns(m, c);
    last = j;
    const run = runs[runs.length - 1];
    if (run && run.member + run.count === i && run.canonical + run.count === j) run.count++;
    else runs.push({ member: i, canonical: j, count: 1 });
  }
  return runs;
}

/** `diffArrays` on the keys as small integers, one per distinct key: comparing long strings at each step of the diff cost more. */
function diffRuns(m: readonly BlockProfile[], c: readonly BlockProfile[]): Run[] {
  const ids = new Map<string, number>();
  const idOf = (p: BlockProfile): number => {
    let id = ids.get(p.key);
    if (id === undefined) ids.set(p.key, (id = ids.size));
    return id;
  };
  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(m.map(idOf), c.map(idOf))) {
    const count = change.count ?? change.value.length;
    if (change.added) j += count;
    else if (change.removed) i += count;
    else {
      runs.push({ member: i, canonical: j, count });
      i += count;
      j += count;
    }
  }
  return runs;
}

/**
 * Aligns member blocks [m0, m1) to canonical blocks [c0, c1), appending pairs to `out` in
 * order. Pairs whose evidence is strong and unambiguous (each the other's best, score at
 * least SURE_SCORE — typically a translated block sharing its citation markers) become
 * sure anchors like identical blocks; the stretches between them go to `alignStretch`.
 */
function alignGap(
  m: BlockProfile[],
  c: BlockProfile[],
  m0: number,
  m1: number,
  c0: number,
  c1: number,
  sureBefore: boolean,
  sureAfter: boolean,
  out: AlignedPair[],
): void {
  const p = m1 - m0;
  const q = c1 - c0;
  if (p === 0 || q === 0) {
    for (let i = m0; i < m1; i++) out.push({ member: i, canonical: null, score: 0 });
    for (let j = c0; j < c1; j++) out.push({ member: null, canonical: j, score: 0 });
    return;
  }
  if (p * q > MAX_GRID_CELLS) {
    // Two long drafts with nothing identical: align k diagonal pieces, each within bounds.
    const k = Math.ceil(Math.sqrt((p * q) / MAX_GRID_CELLS));
    for (let piece = 0; piece < k; piece++) {
      alignGap(
        m,
        c,
        m0 + Math.floor((p * piece) / k),
        m0 + Math.floor((p * (piece + 1)) / k),
        c0 + Math.floor((q * piece) / k),
        c0 + Math.floor((q * (piece + 1)) / k),
        piece === 0 && sureBefore,
        piece === k - 1 && sureAfter,
        out,
      );
    }
    return;
  }
  const grid: Grid = { q, score: new Float64Array(p * q), textual: new Uint8Array(p * q) };
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < q; b++) {
      const e = blockEvidence(m[m0 + a]!, c[c0 + b]!);
      grid.score[a * q + b] = e.score;
      grid.textual[a * q + b] = e.textual ? 1 : 0;
    }
  }
  const sure = surePairs(grid, p);
  let a0 = 0;
  let b0 = 0;
  let before = sureBefore;
  for (const [a, b] of sure) {
    alignStretch(grid, m0, c0, a0, a, b0, b, before, true, out);
    out.push({ member: m0 + a, canonical: c0 + b, score: round3(grid.score[a * q + b]!) });
    a0 = a + 1;
    b0 = b + 1;
    before = true;
  }
  alignStretch(grid, m0, c0, a0, p, b0, q, before, sureAfter, out);
}

/** Scores of a gap's block pairs, row-major (member × canonical). */
interface Grid {
  q: number;
  score: Float64Array;
  textual: Uint8Array;
}

/** Mutual-best pairs scoring at least SURE_SCORE, reduced to their longest monotone chain. */
function surePairs(grid: Grid, p: number): Array<[number, number]> {
  const { q, score } = grid;
  const bestOfRow = new Int32Array(p).fill(-1);
  const bestOfColumn = new Int32Array(q).fill(-1);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < q; b++) {
      const s = score[a * q + b]!;
      if (bestOfRow[a] === -1 || s > score[a * q + bestOfRow[a]!]!) bestOfRow[a] = b;
      if (bestOfColumn[b] === -1 || s > score[bestOfColumn[b]! * q + b]!) bestOfColumn[b] = a;
    }
  }
  const strong: Array<[number, number]> = [];
  for (let a = 0; a < p; a++) {
    const b = bestOfRow[a]!;
    if (b >= 0 && bestOfColumn[b] === a && score[a * q + b]! >= SURE_SCORE) strong.push([a, b]);
  }
  return longestIncreasing(strong);
}

/** Longest chain of pairs increasing in both indices (input sorted by the first). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const length = pairs.map(() => 1);
  const previous = pairs.map(() => -1);
  let end = -1;
  for (let i = 0; i < pairs.length; i++) {
    for (let k = 0; k < i; k++) {
      if (pairs[k]![1] < pairs[i]![1] && length[k]! + 1 > length[i]!) {
        length[i] = length[k]! + 1;
        previous[i] = k;
      }
    }
    if (end === -1 || length[i]! > length[end]!) end = i;
  }
  const chain: Array<[number, number]> = [];
  for (let i = end; i >= 0; i = previous[i]!) chain.push(pairs[i]!);
  return chain.reverse();
}

/**
 * Monotone alignment of gap rows [a0, a1) to gap columns [b0, b1) by dynamic programming:
 * maximises Σ (score + prior − MATCH_COST) over the pairs it makes. Pairs judged by their
 * text that score below TEXTUAL_MIN_SCORE are never made.
 */
function alignStretch(
  grid: Grid,
  m0: number,
  c0: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  sureBefore: boolean,
  sureAfter: boolean,
  out: AlignedPair[],
): void {
  const p = a1 - a0;
  const q = b1 - b0;
  const { q: stride, score, textual } = grid;
  const gain = (a: number, b: number): number => {
    const k = (a0 + a) * stride + (b0 + b);
    const s = score[k]!;
    if (textual[k] && s < TEXTUAL_MIN_SCORE) return -1;
    return s + POSITION_WEIGHT * positionPrior(a, b, p, q, sureBefore, sureAfter) - MATCH_COST;
  };
  // best[a][b] = best total over the first a rows and b columns of the stretch.
  const W = q + 1;
  const best = new Float64Array((p + 1) * W);
  for (let a = 1; a <= p; a++) {
    for (let b = 1; b <= q; b++) {
      const g = gain(a - 1, b - 1);
      const diag = g > 0 ? best[(a - 1) * W + (b - 1)]! + g : -Infinity;
      best[a * W + b] = Math.max(best[(a - 1) * W + b]!, best[a * W + (b - 1)]!, diag);
    }
  }
  // Trace back; ties prefer skipping the member block, then the canonical one, then matching.
  const rev: AlignedPair[] = [];
  let a = p;
  let b = q;
  while (a > 0 || b > 0) {
    if (a > 0 && best[a * W + b] === best[(a - 1) * W + b]) {
      rev.push({ member: m0 + a0 + a - 1, canonical: null, score: 0 });
      a--;
    } else if (b > 0 && best[a * W + b] === best[a * W + (b - 1)]) {
      rev.push({ member: null, canonical: c0 + b0 + b - 1, score: 0 });
      b--;
    } else {
      rev.push({ member: m0 + a0 + a - 1, canonical: c0 + b0 + b - 1, score: round3(score[(a0 + a - 1) * stride + (b0 + b - 1)]!) });
      a--;
      b--;
    }
  }
  // Within a run of skips, list canonical blocks before member blocks (a stable, readable order).
  rev.reverse();
  out.push(...orderSkips(rev));
}

/**
 * Blocks at the same distance from a sure anchor (an identical block just before or after
 * the gap) are likely counterparts; without such anchors, relative position in the gap.
 */
function positionPrior(a: number, b: number, p: number, q: number, sureBefore: boolean, sureAfter: boolean): number {
  let prior = 0;
  if (sureBefore) prior = Math.max(prior, Math.exp(-Math.abs(a - b) / 1.5));
  if (sureAfter) prior = Math.max(prior, Math.exp(-Math.abs(p - 1 - a - (q - 1 - b)) / 1.5));
  if (!sureBefore && !sureAfter) prior = 1 - Math.abs((a + 0.5) / p - (b + 0.5) / q);
  return prior;
}

/** Pairs left unmatched on both sides, matched greedily by descending score when strong. */
function recoverMoved(m: BlockProfile[], c: BlockProfile[], pairs: AlignedPair[]): void {
  const loneM: number[] = [];
  const loneC: number[] = [];
  for (const pair of pairs) {
    if (pair.canonical === null && pair.member !== null) loneM.push(pair.member);
    if (pair.member === null && pair.canonical !== null) loneC.push(pair.canonical);
  }
  if (loneM.length === 0 || loneC.length === 0 || loneM.length * loneC.length > MAX_GRID_CELLS) return;
  const found: Array<{ i: number; j: number; s: number }> = [];
  for (const i of loneM) {
    for (const j of loneC) {
      const s = blockScore(m[i]!, c[j]!);
      if (s >= STRONG_SCORE) found.push({ i, j, s });
    }
  }
  found.sort((x, y) => y.s - x.s || x.j - y.j || x.i - y.i);
  const usedM = new Set<number>();
  const usedC = new Map<number, { i: number; s: number }>();
  for (const f of found) {
    if (usedM.has(f.i) || usedC.has(f.j)) continue;
    usedM.add(f.i);
    usedC.set(f.j, f);
  }
  if (usedM.size === 0) return;
  // The pair takes the canonical block's place; the member block's own entry goes.
  for (let k = pairs.length - 1; k >= 0; k--) {
    const pair = pairs[k]!;
    if (pair.member === null && pair.canonical !== null && usedC.has(pair.canonical)) {
      const f = usedC.get(pair.canonical)!;
      pairs[k] = { member: f.i, canonical: pair.canonical, score: round3(f.s) };
    } else if (pair.canonical === null && pair.member !== null && usedM.has(pair.member)) {
      pairs.splice(k, 1);
    }
  }
}

/**
 * Versions paragraph differently: one canonical paragraph may be two or three blocks of
 * the member, or the other way round. A block left alone whose words (three or more) are
 * contained in the counterpart of its neighbour's pair joins that pair's block, so one
 * canonical block can pair with several member blocks (and one member block with several
 * canonical ones). Only text in one language is compared here.
 */
function absorbSplits(m: BlockProfile[], c: BlockProfile[], pairs: AlignedPair[]): void {
  // Forward, then backward: a run of lone blocks joins from whichever side has the pair.
  const order = [...pairs.keys()];
  for (const k of [...order, ...order.reverse()]) {
    const pair = pairs[k]!;
    if (pair.member !== null && pair.canonical === null) {
      const i = pair.member;
      for (const host of neighbourPairs(pairs, k, (p) => Math.abs(p.member! - i) === 1)) {
        if (!contained(m[i]!, c[host.canonical!]!)) continue;
        pairs[k] = { member: i, canonical: host.canonical, score: round3(containment(m[i]!, c[host.canonical!]!)) };
        break;
      }
    } else if (pair.member === null && pair.canonical !== null) {
      const j = pair.canonical;
      for (const host of neighbourPairs(pairs, k, (p) => Math.abs(p.canonical! - j) === 1)) {
        if (!contained(c[j]!, m[host.member!]!)) continue;
        pairs[k] = { member: host.member, canonical: j, score: round3(containment(c[j]!, m[host.member!]!)) };
        break;
      }
    }
  }
}

/** The closest pair before and after index k (skipping lone blocks) that satisfy `ok`. */
function neighbourPairs(pairs: AlignedPair[], k: number, ok: (p: AlignedPair) => boolean): AlignedPair[] {
  const found: AlignedPair[] = [];
  for (const step of [-1, 1]) {
    for (let x = k + step; x >= 0 && x < pairs.length; x += step) {
      const p = pairs[x]!;
      if (p.member !== null && p.canonical !== null) {
        if (ok(p)) found.push(p);
        break;
      }
    }
  }
  return found;
}

/** Share of `part`'s words (or Han bigrams) found in `whole`. */
function containment(part: BlockProfile, whole: BlockProfile): number {
  if (part.words.size >= part.bigrams.size) return part.words.size === 0 ? 0 : intersectionSize(part.words, whole.words) / part.words.size;
  return intersectionSize(part.bigrams, whole.bigrams) / part.bigrams.size;
}

function contained(part: BlockProfile, whole: BlockProfile): boolean {
  const size = Math.max(part.words.size, part.bigrams.size);
  return part.lang === whole.lang && size >= 3 && part.length < whole.length && containment(part, whole) >= SPLIT_CONTAINMENT;
}

function orderSkips(pairs: AlignedPair[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  let run: AlignedPair[] = [];
  const flush = (): void => {
    out.push(...run.filter((x) => x.member === null), ...run.filter((x) => x.canonical === null));
    run = [];
  };
  for (const pair of pairs) {
    if (pair.member === null || pair.canonical === null) run.push(pair);
    else {
      flush();
      out.push(pair);
    }
  }
  flush();
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function kindAgreement(a: BlockKind, b: BlockKind): number {
  if (a === b) return 1;
  if (a === 'heading' || b === 'heading') return 0.6;
  if (a === 'reference' || b === 'reference') return 0.5;
  return 1;
}

function intersectionSize<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}
