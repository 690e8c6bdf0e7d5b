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
import { blockEvidence, profileBlocks, translated } from '../corpus/align.js';
import { glossary } from '../corpus/bilingual.js';
import { tokenize, type BlockTokens } from '../corpus/tokens.js';

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
