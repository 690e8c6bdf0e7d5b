/**
 * A draft that gives each passage twice, first in its language and then translated (a
 * bilingual study page, or a translation tool's side-by-side view copied whole): the Chinese
 * block right after an English one (or the other way round) is that block's translation.
 * Such a block is no passage a translation step left behind: the article says it already,
 * and its edition drops the copy.
 *
 * The shape alone decides nothing (a draft whose translation left every other paragraph in
 * Chinese alternates too): the bilingual dictionary does, as dictionary-based aligners such
 * as Hunalign pair sentences (corpus/bilingual.ts, CC-CEDICT). A draft is interleaved when
 * its foreign blocks mostly follow a block of the primary language of their kind, and the
 * dictionary confirms at least two of these pairs and most of those it can judge. Then every
 * such pair is a translation but those the dictionary judges apart.
 *
 * Loading the dictionary takes a quarter of a second, as long as a whole run on one draft
 * otherwise, and holds it in memory for the rest of the thread's drafts. It is loaded only
 * for a draft of that shape where most blocks of the primary language are followed by a
 * foreign one too, and where the pairs that both hold numbers mostly share one (a translation
 * keeps its numbers): a draft that kept a passage in Chinese here and there never pays it.
 */
import type { Block, Document } from '../types.js';
import { blockEvidence, profileBlocks, profilePassage, translated, type BlockProfile } from '../corpus/align.js';
import { glossary } from '../corpus/bilingual.js';
import { neutralLength, tokenize, type BlockTokens } from '../corpus/tokens.js';
import { inNoLanguage } from './neutral.js';

/** Share of the foreign blocks that must stand right after a block of the primary language, and of those blocks that must have one after them. */
const PAIRED_SHARE = 0.6;
/** Pairs the dictionary must confirm, and the share of the pairs it can judge. */
const MIN_CONFIRMED = 2;
const CONFIRMED_SHARE = 0.7;
/** The evidence score from which a pair is a translation (corpus/align.ts pairs blocks from 0.5). */
const TRANSLATION_SCORE = 0.5;

const BILINGUAL = new Set(['cmn', 'eng']);
/** Share of the numbered pairs that may share no number (a translation may spell one out: "fifty", 五十). */
const DISJOINT_SHARE = 0.3;

/** Whether two blocks may be a passage and its translation: of one kind, or a heading and a paragraph (a title line's translation may not read as a title). */
function sameKind(a: Block, b: Block): boolean {
  return a.kind === b.kind || ((a.kind === 'heading' || a.kind === 'paragraph') && (b.kind === 'heading' || b.kind === 'paragraph'));
}

/**
 * The foreign blocks of `doc` (by index) that translate a block of the primary language, with
 * that block's index: the block right before each, in a draft that is interleaved, else the
 * block or section they translate, in a draft that gives a section twice (`parallelTranslations`).
 */
export function translationsWithin(doc: Document, foreign: readonly Block[]): Map<number, number> {
  const interleaved = interleavedTranslations(doc, foreign);
  return interleaved.size > 0 ? interleaved : parallelTranslations(doc, foreign);
}

/**
 * The foreign blocks of `doc` (by index) that translate the block right before them, with
 * that block's index; empty when the draft is not interleaved.
 */
export function interleavedTranslations(doc: Document, foreign: readonly Block[]): Map<number, number> {
  const out = new Map<number, number>();
  const { primary, blocks: languages } = doc.language;
  const pairs = foreign.filter((b) => {
    const before = doc.blocks[b.index - 1];
    const lang = languages[b.index];
    return before !== undefined && sameKind(before, b) && languages[before.index] === primary && lang !== undefined && BILINGUAL.has(lang) && BILINGUAL.has(primary) && lang !== primary;
  });
  // (Both ways: most foreign blocks follow a block of the primary language, and most blocks of
  // the primary language are followed by one. A draft whose translation left a passage in
  // Chinese here and there has the first shape, not the second.)
  const own = doc.blocks.filter((b) => b.kind !== 'reference' && languages[b.index] === primary).length;
  if (pairs.length < MIN_CONFIRMED + 1 || pairs.length < PAIRED_SHARE * foreign.length || pairs.length < PAIRED_SHARE * own) return out;
  // A translation keeps its numbers: when pairs that both hold numbers mostly share none,
  // the blocks say different things, and the dictionary is not loaded to confirm it.
  // (The corpus stage's tokens: figures as one number whatever their separators, and citation
  // markers, which a translation keeps too; handed on to the profiles below.)
  const tokens: BlockTokens[] = [];
  const tokensOf = (i: number): BlockTokens => (tokens[i] ??= tokenize(doc.blocks[i]!.text));
  const numbersOf = (i: number): string[] => [...tokensOf(i).numbers, ...tokensOf(i).cites.map(String)];
  let numbered = 0;
  let disjoint = 0;
  for (const b of pairs) {
    const mine = numbersOf(b.index);
    const theirs = new Set(numbersOf(b.index - 1));
    if (mine.length === 0 || theirs.size === 0) continue;
    numbered++;
    if (!mine.some((n) => theirs.has(n))) disjoint++;
  }
  if (disjoint > DISJOINT_SHARE * numbered) return out;
  const profiles = profileBlocks(doc, tokens, undefined, glossary());
  let judged = 0;
  let confirmed = 0;
  const against = new Set<number>();
  for (const b of pairs) {
    const a = profiles[b.index]!;
    const before = profiles[b.index - 1]!;
    if (translated(a, before).n === 0) continue;
    judged++;
    if (blockEvidence(a, before).score >= TRANSLATION_SCORE) confirmed++;
    else against.add(b.index);
  }
  if (confirmed < MIN_CONFIRMED || confirmed < CONFIRMED_SHARE * judged) return out;
  for (const b of pairs) if (!against.has(b.index)) out.set(b.index, b.index - 1);
  return out;
}

/**
 * The other shape: a draft that gives a section twice, one copy after the other (a journal
 * page with its abstract in Chinese and then in English, an English summary with its Chinese
 * translation under it). Its blocks of the two languages stand in few runs, MAX_RUNS at most,
 * blocks in no language (authors, DOI lines; lang/neutral.ts) aside. A run of the foreign
 * language translates a neighbouring run of the primary one when the dictionary pairs its
 * blocks with that run's, in order; or, when no block pairs (a translation may split into
 * sections a paragraph the original kept whole), when the two runs read as one passage each
 * are a translation pair.
 *
 * A draft whose translation step left its second half in Chinese has this shape too, but its
 * halves say different things: their numbers differ, or the dictionary judges them apart. The
 * dictionary is loaded only for neighbouring runs of like length that do not disagree on
 * their numbers, so a draft with a passage left in Chinese here and there (many runs) never pays it.
 */
export function parallelTranslations(doc: Document, foreign: readonly Block[]): Map<number, number> {
  const out = new Map<number, number>();
  const { primary, blocks: languages } = doc.language;
  if (!BILINGUAL.has(primary)) return out;
  const other = primary === 'eng' ? 'cmn' : 'eng';
  const candidates = new Set(foreign.filter((b) => languages[b.index] === other).map((b) => b.index));
  if (candidates.size === 0) return out;
  const runs = languageRuns(doc, primary, other);
  if (runs.length > MAX_RUNS) return out;
  const tokens: BlockTokens[] = [];
  const tokensOf = (b: Block): BlockTokens => (tokens[b.index] ??= tokenize(b.text));
  const neighbours: [Run, Run][] = [];
  runs.forEach((run, i) => {
    if (run.lang !== other || !run.blocks.some((b) => candidates.has(b.index))) return;
    for (const near of [runs[i - 1], runs[i + 1]]) if (near && likeRuns(run, near, tokensOf)) neighbours.push([run, near]);
  });
  if (neighbours.length === 0) return out;
  const dictionary = glossary();
  const profiles = profileBlocks(doc, tokens, undefined, dictionary);
  for (const [run, near] of neighbours) {
    let from = 0;
    let paired = false;
    for (const b of run.blocks) {
      if (!candidates.has(b.index) || out.has(b.index)) continue;
      let best = -1;
      let bestScore = 0;
      for (let j = from; j < near.blocks.length; j++) {
        const score = pairScore(profiles[b.index]!, profiles[near.blocks[j]!.index]!);
        if (score > bestScore) [best, bestScore] = [j, score];
      }
      if (best < 0) continue;
      out.set(b.index, near.blocks[best]!.index);
      from = best + 1;
      paired = true;
    }
    if (paired) continue;
    const whole = (r: Run): BlockProfile => profilePassage(r.blocks.map((b) => b.text).join('\n'), r.lang, 'paragraph', dictionary);
    if (pairScore(whole(run), whole(near)) === 0) continue;
    for (const b of run.blocks) if (candidates.has(b.index) && !out.has(b.index)) out.set(b.index, near.blocks[0]!.index);
  }
  return out;
}

/** Most runs of the two languages a draft that gives a section twice has (title, then the section in each language, then a note). */
const MAX_RUNS = 4;
/** Most two runs that may be a section and its translation differ in length, on the language-neutral scale. */
const RUN_LENGTH_RATIO = 3;
/** Scaled dictionary overlap (corpus/align.ts `translated`) from which a pair is a translation whatever its other evidence. */
const DICTIONARY_SURE = 0.6;

interface Run {
  lang: string;
  blocks: Block[];
}

/** The blocks of the two languages, in runs of one language (references and blocks in no language aside). */
function languageRuns(doc: Document, primary: string, other: string): Run[] {
  const runs: Run[] = [];
  for (const b of doc.blocks) {
    const lang = doc.language.blocks[b.index];
    if (b.kind === 'reference' || (lang !== primary && lang !== other) || inNoLanguage(b.text)) continue;
    const last = runs.at(-1);
    if (last?.lang === lang) last.blocks.push(b);
    else runs.push({ lang, blocks: [b] });
  }
  return runs;
}

/** Whether two runs may be one section in two languages: of like length, and sharing a number when both hold numbers. */
function likeRuns(a: Run, b: Run, tokensOf: (b: Block) => BlockTokens): boolean {
  const length = (r: Run): number => r.blocks.reduce((n, x) => n + neutralLength(tokensOf(x)), 0);
  const [la, lb] = [length(a), length(b)];
  if (Math.max(la, lb) > RUN_LENGTH_RATIO * Math.min(la, lb)) return false;
  const numbers = (r: Run): Set<string> => new Set(r.blocks.flatMap((x) => tokensOf(x).numbers));
  const [na, nb] = [numbers(a), numbers(b)];
  return na.size === 0 || nb.size === 0 || [...na].some((n) => nb.has(n));
}

/** A pair's translation score, or 0 below what makes it one: the evidence of corpus/align.ts, or the dictionary alone when it is sure. */
function pairScore(a: BlockProfile, b: BlockProfile): number {
  const evidence = blockEvidence(a, b).score;
  if (evidence >= TRANSLATION_SCORE) return evidence;
  const dictionary = translated(a, b);
  return dictionary.n > 0 && dictionary.s >= DICTIONARY_SURE ? dictionary.s : 0;
}
