/**
 * The canonical version of a cluster: the one the cleaned output is published from.
 *
 * It is the most complete version in the cluster's primary language, scored on
 * - the share of its text that stands in primary-language blocks (a half-translated draft
 *   scores about 0.5),
 * - its coverage of the cluster: its length on a language-neutral scale against the
 *   longest member, and the share of the cluster's anchors (citations, numbers, URLs) it
 *   holds — a truncated draft scores low on both,
 * - whether it has a reference list.
 * The score is 0.45 × share + 0.35 × coverage + 0.2 × references: language and
 * completeness weigh most, and a reference list settles between otherwise equal versions.
 * Ties go to the smaller path, so the choice never depends on input order.
 */
import type { Document } from '../types.js';
import { neutralLength, tokenize, type BlockTokens } from './tokens.js';
import { cmp } from '../order.js';

export const CANONICAL_WEIGHTS = Object.freeze({ primaryShare: 0.45, coverage: 0.35, references: 0.2 });

export interface CanonicalScore {
  path: string;
  score: number;
  primaryShare: number;
  coverage: number;
  hasReferences: boolean;
}

/** What the canonical choice needs to know of one document, read in one pass over its blocks. */
export interface DocumentSummary {
  path: string;
  /** Length (language-neutral scale) of the prose in each block language; references left out. */
  lengthByLanguage: Map<string, number>;
  /** Length of all prose. */
  length: number;
  /** Citation numbers, numbers, URLs and acronyms: what survives translation. */
  anchors: Set<string>;
  hasReferences: boolean;
}

/** `tokens[i]` may carry the tokens of block i when the caller has them already. */
export function summarise(doc: Document, tokens?: readonly BlockTokens[]): DocumentSummary {
  const lengthByLanguage = new Map<string, number>();
  const anchors = new Set<string>();
  let length = 0;
  let hasReferences = false;
  for (const block of doc.blocks) {
    const t = tokens?.[block.index] ?? tokenize(block.text);
    for (const c of t.cites) anchors.add(`c${c}`);
    for (const n of t.numbers) anchors.add(`n${n}`);
    for (const u of t.urls) anchors.add(`u${u}`);
    for (const a of t.acronyms) anchors.add(`a${a}`);
    if (block.kind === 'reference') {
      hasReferences = true;
      continue;
    }
    const len = neutralLength(t);
    const lang = doc.language.blocks[block.index] ?? doc.language.primary;
    lengthByLanguage.set(lang, (lengthByLanguage.get(lang) ?? 0) + len);
    length += len;
  }
  return { path: doc.path, lengthByLanguage, length, anchors, hasReferences };
}

/**
 * The cluster's primary language: the forced one, else the language most of the cluster's
 * text is written in (block lengths on the language-neutral scale, summed over members).
 */
export function clusterLanguage(members: readonly (Document | DocumentSummary)[], forced?: string): string {
  if (forced) return forced;
  const tally = new Map<string, number>();
  for (const m of members) {
    for (const [lang, length] of summaryOf(m).lengthByLanguage) {
      if (lang !== 'und') tally.set(lang, (tally.get(lang) ?? 0) + length);
    }
  }
  let best = 'und';
  let bestLength = 0;
  for (const [lang, length] of [...tally].sort((a, b) => cmp(a[0], b[0]))) {
    if (length > bestLength) [best, bestLength] = [lang, length];
  }
  return best;
}

export function scoreCandidates(members: readonly (Document | DocumentSummary)[], language: string): CanonicalScore[] {
  const summaries = members.map(summaryOf);
  const maxLength = Math.max(1, ...summaries.map((s) => s.length));
  const all = new Set<string>();
  for (const s of summaries) for (const a of s.anchors) all.add(a);
  return summaries.map((s) => {
    const anchorShare = all.size === 0 ? 1 : s.anchors.size / all.size;
    const coverage = 0.5 * (s.length / maxLength) + 0.5 * anchorShare;
    const primaryShare = s.length === 0 ? 0 : (s.lengthByLanguage.get(language) ?? 0) / s.length;
    const w = CANONICAL_WEIGHTS;
    return {
      path: s.path,
      score: w.primaryShare * primaryShare + w.coverage * coverage + (s.hasReferences ? w.references : 0),
      primaryShare,
      coverage,
      hasReferences: s.hasReferences,
    };
  });
}

/** Index of the canonical member: best score, then smaller path. */
export function chooseCanonical(members: readonly (Document | DocumentSummary)[], language: string): number {
  const scores = scoreCandidates(members, language);
  let best = 0;
  for (let i = 1; i < scores.length; i++) {
    const a = scores[i]!;
    const b = scores[best]!;
    // Scores within 1e-9 are equal: floating-point noise must not decide.
    if (a.score > b.score + 1e-9 || (Math.abs(a.score - b.score) <= 1e-9 && a.path < b.path)) best = i;
  }
  return best;
}

function summaryOf(m: Document | DocumentSummary): DocumentSummary {
  return 'lengthByLanguage' in m ? m : summarise(m);
}
