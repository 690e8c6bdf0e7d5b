/**
 * Editions: an article (a cluster) has one edition per publication language it is written
 * in. A draft essentially in one publication language (WHOLE_SHARE of its letters) is a
 * version of that language's edition: a complete translation is an edition of its own, not
 * a corrupted copy. A draft that mixes languages is a corrupted version of the edition its
 * frame belongs to — the language of its title, of its reference list and of its sibling
 * versions — not of whichever language has more letters, which flips on small changes.
 *
 * The primary edition is the source language, the one the others were translated from:
 * the language the cluster's reference lists are written in (a translation keeps the cited
 * sources as they are), else the frame most mixed drafts share (versions caught half-way
 * through translation), else the edition with more versions, else the one the other quotes
 * (a translator keeps source terms as glosses: 醋酸锌（zinc acetate）), else the order of
 * the publication languages.
 */
import type { Document, ResolvedConfig } from '../types.js';
import { cmp } from '../order.js';
import { HAN, languagesOfScript } from '../lang/scripts.js';

/** Share of a draft's letters in one language from which the draft is written in it. */
export const WHOLE_SHARE = 0.9;

/** The language a draft is wholly written in, if any. */
export function wholeLanguage(doc: Pick<Document, 'language'>): string | undefined {
  for (const [lang, share] of Object.entries(doc.language.shares)) if (lang !== 'und' && share >= WHOLE_SHARE) return lang;
  return undefined;
}

/**
 * The batch's publication languages, in order of preference: the config's (`languages`, or
 * `language` alone), else those some draft is wholly written in, the most drafts first.
 */
export function publicationLanguages(docs: readonly Pick<Document, 'language'>[], config: Pick<ResolvedConfig, 'language' | 'languages'>): string[] {
  if (config.languages && config.languages.length > 0) return [...config.languages];
  if (config.language) return [config.language];
  const drafts = new Map<string, number>();
  for (const d of docs) {
    const lang = wholeLanguage(d);
    if (lang) drafts.set(lang, (drafts.get(lang) ?? 0) + 1);
  }
  return [...drafts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([lang]) => lang);
}

/** What a draft's frame says: the language of its title and the one most of its reference entries are in. */
export interface Frame {
  title?: string;
  references?: string;
}

export function frameOf(doc: Pick<Document, 'blocks' | 'language'>): Frame {
  const langOf = (i: number): string => doc.language.blocks[i] ?? doc.language.primary;
  const frame: Frame = {};
  const title = doc.blocks.find((b) => b.kind === 'heading') ?? doc.blocks.find((b) => b.kind !== 'reference');
  if (title && langOf(title.index) !== 'und') frame.title = langOf(title.index);
  const references = new Map<string, number>();
  for (const b of doc.blocks) {
    const lang = langOf(b.index);
    if (b.kind === 'reference' && lang !== 'und') references.set(lang, (references.get(lang) ?? 0) + 1);
  }
  const top = topOf(references);
  if (top) frame.references = top;
  return frame;
}

export interface EditionPlan {
  /** Edition language of each draft, in the order given. */
  languages: string[];
  /** Edition languages, the primary (source) one first. */
  order: string[];
}

/**
 * Assigns each draft of one cluster to an edition and orders the editions. `preference` is
 * the batch's publication languages (see `publicationLanguages`); with none, any language
 * a draft's frame names may make an edition.
 */
export function planEditions(docs: readonly Pick<Document, 'blocks' | 'language'>[], preference: readonly string[]): EditionPlan {
  const allowed = (lang: string | undefined): lang is string => lang !== undefined && lang !== 'und' && (preference.length === 0 || preference.includes(lang));
  const whole = docs.map((d) => wholeLanguage(d));
  const frames = docs.map((d) => frameOf(d));
  const siblings = new Map<string, number>();
  for (const lang of whole) if (allowed(lang)) siblings.set(lang, (siblings.get(lang) ?? 0) + 1);
  const siblingLanguage = topOf(siblings);

  const languages = docs.map((d, i) => {
    const own = whole[i];
    if (allowed(own)) return own;
    // A mixed draft (or one in a language that is not published): its frame decides.
    const votes = new Map<string, number>();
    const vote = (lang: string | undefined): void => {
      if (allowed(lang)) votes.set(lang, (votes.get(lang) ?? 0) + 1);
    };
    vote(frames[i]!.title);
    vote(frames[i]!.references);
    vote(siblingLanguage);
    const best = topOf(votes, (a, b) => tieBreak(a, b, siblingLanguage, d, preference));
    if (best) return best;
    if (allowed(d.language.primary)) return d.language.primary;
    return preference[0] ?? d.language.primary;
  });

  const present = [...new Set(languages)];
  const references = new Map<string, number>();
  const mixedFrames = new Map<string, number>();
  const members = new Map<string, number>();
  const glosses = new Map<string, number>();
  docs.forEach((d, i) => {
    const lang = languages[i]!;
    members.set(lang, (members.get(lang) ?? 0) + 1);
    glosses.set(lang, (glosses.get(lang) ?? 0) + glossCount(d, lang));
    if (whole[i] !== lang) mixedFrames.set(lang, (mixedFrames.get(lang) ?? 0) + 1);
    for (const b of d.blocks) {
      const at = d.language.blocks[b.index] ?? d.language.primary;
      if (b.kind === 'reference' && present.includes(at)) references.set(at, (references.get(at) ?? 0) + 1);
    }
  });
  const rank = (lang: string): number => {
    const at = preference.indexOf(lang);
    return at < 0 ? preference.length : at;
  };
  const order = present.sort(
    (a, b) =>
      (references.get(b) ?? 0) - (references.get(a) ?? 0) ||
      (mixedFrames.get(b) ?? 0) - (mixedFrames.get(a) ?? 0) ||
      (members.get(b) ?? 0) - (members.get(a) ?? 0) ||
      (glosses.get(a) ?? 0) - (glosses.get(b) ?? 0) ||
      rank(a) - rank(b) ||
      cmp(a, b),
  );
  return { languages, order };
}

/** Brackets holding words of the other script: Latin words in a Chinese draft, Han in another. */
const LATIN_GLOSS = /[（(]\s*[A-Za-z][A-Za-z' -]{2,40}[)）]/gu;
const HAN_GLOSS = /[（(][^()（）]{0,20}\p{Script=Han}[^()（）]{0,20}[)）]/gu;

/** How many glosses in the other script a draft of edition `lang` carries (a sign it was translated). */
function glossCount(doc: Pick<Document, 'blocks'>, lang: string): number {
  const gloss = languagesOfScript(HAN).includes(lang) ? LATIN_GLOSS : HAN_GLOSS;
  let n = 0;
  for (const b of doc.blocks) if (b.kind !== 'reference') for (const _ of b.text.matchAll(gloss)) n++;
  return n;
}

/** Between two frame languages with as many votes: the siblings', then the draft's larger share, then the preference order. */
function tieBreak(a: string, b: string, siblings: string | undefined, doc: Pick<Document, 'language'>, preference: readonly string[]): number {
  if (a === siblings || b === siblings) return a === siblings ? -1 : 1;
  const share = (doc.language.shares[b] ?? 0) - (doc.language.shares[a] ?? 0);
  if (share !== 0) return share;
  return preference.indexOf(a) - preference.indexOf(b) || cmp(a, b);
}

/** The key with the highest count; ties broken by `tie` (default: the smaller key). */
function topOf(counts: Map<string, number>, tie: (a: string, b: string) => number = cmp): string | undefined {
  let best: string | undefined;
  for (const [key, n] of counts) {
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && tie(key, best) < 0)) best = key;
  }
  return best;
}
