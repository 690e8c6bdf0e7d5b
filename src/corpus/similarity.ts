/**
 * Verified similarity of two fingerprints, computed exactly on their shingle sets.
 *
 * Per channel, containment |A∩B| / min(|A|,|B|) tolerates truncation (a draft cut to a
 * third of its length is still wholly contained in the full one) and Jaccard
 * |A∩B| / |A∪B| does not. Channels are weighted by the evidence they can give for this
 * pair, min(|A|,|B|): an English draft and its half-Chinese version are compared on their
 * English words and on their anchors, not penalised for Chinese the other one lacks.
 *
 * A text channel that one side (almost) lacks — Chinese in an English draft — cannot be
 * checked by text. Its shingles are vouched for by the anchors instead (citations, numbers,
 * URLs survive translation): the anchor channel's weight grows to half that unverifiable
 * mass, at most ANCHOR_VOUCH shingles per anchor. So a Chinese article that quotes one
 * English paragraph of another draft does not join it, while a translated version, whose
 * anchors match, does.
 *
 * When both drafts mix English and Chinese in earnest, each language must agree: the text
 * is judged by the channel that agrees less, so two different English articles that carry
 * the same Chinese boilerplate stay apart.
 *
 * The two measures are blended by the amount of evidence n (shingles the smaller side
 * can share): similarity = J + (C − J) · n / (n + EVIDENCE_PRIOR). A long truncated draft
 * scores close to its containment; a three-line snippet that happens to be contained in a
 * long article stays close to its (low) Jaccard, so snippets do not glue clusters together.
 *
 * The default threshold, 0.5 (`DEFAULT_SIMILARITY_THRESHOLD`), sits in the gap measured
 * between the two kinds of pair. Versions: 0.95 for the samples 000 and 001 against 002,
 * 0.81–0.97 for 002 truncated to 10–50% of its lines, 0.61 for nothing but the Chinese
 * lines of 001. Different articles: at most 0.05 among the samples, 0.18 for two magnesium
 * articles by one writer sharing 44% of their vocabulary, at most 0.39 over 1.9 million
 * unrelated pairs sharing an LSH bucket in the benchmark corpus — and 0.47, the closest
 * call, for an article copied from another's template with its subject swapped.
 *
 * The blend alone let one pair through: two short, different articles (a vitamin D note and
 * a calcium note, 40 and 48 shingles) ending with the same long sentence of advice scored
 * 0.504, their Jaccard (0.375) high because both are short. A version pair must share a
 * substantial part of both drafts: of the larger one through the blend (its Jaccard term), and
 * of the smaller one through a floor on the containment, MIN_CONTAINMENT = 0.7 (see
 * `isVersionPair`). Measured containments: versions at least 0.867 (nothing but the Chinese
 * lines of 001, vouched for by anchors), 0.957–1.0 for the truncated, shuffled and half-Chinese
 * ones; different articles at most 0.667 (a Chinese article quoting one paragraph of 002),
 * 0.60 for the two short notes, 0.49 for the template copy. On the generated benchmark
 * corpus (`bench/corpus.ts --docs 1000`, 2,000 drafts) the floor changes no cluster: 822 of
 * 824 articles come out as exactly one cluster with and without it.
 */
import { CHANNEL_ANCHORS, CHANNEL_HAN, CHANNEL_WORDS, CHANNELS, type Fingerprint } from './fingerprint.js';

/** Shingles of evidence at which containment and Jaccard weigh the same. */
export const EVIDENCE_PRIOR = 30;
/** How many unverifiable text shingles one anchor may vouch for: a handful of anchors is weak evidence. */
export const ANCHOR_VOUCH = 10;
/** A text channel holding at most this share of the other side's shingles counts as absent. */
export const ABSENT_SHARE = 0.05;
/** Each of two text channels holding at least this share of the text evidence: the drafts mix languages. */
export const MIXED_SHARE = 0.25;
/** Share of the smaller draft that the other must hold for the pair to be versions of one article. */
export const MIN_CONTAINMENT = 0.7;

/**
 * Whether a verified pair is a version pair: its blended similarity reaches the threshold and
 * most of the smaller draft is held by the other (not one shared passage of two short articles).
 */
export function isVersionPair(s: PairSimilarity, threshold: number): boolean {
  return s.similarity >= threshold && s.containment >= MIN_CONTAINMENT;
}

export interface PairSimilarity {
  /** The blended score compared with the threshold, 0..1. */
  similarity: number;
  containment: number;
  jaccard: number;
  /** Σ min(|A|,|B|) over the channels compared: how many shingles the comparison rests on. */
  evidence: number;
  /** Shared anchor features over the smaller side's (0 when a side has none). */
  anchorContainment: number;
  /** Anchor features of the side with fewer. */
  anchors: number;
}

const NONE: PairSimilarity = Object.freeze({ similarity: 0, containment: 0, jaccard: 0, evidence: 0, anchorContainment: 0, anchors: 0 });

export function compareFingerprints(a: Fingerprint, b: Fingerprint): PairSimilarity {
  return similarityOf(a, b, intersectByChannel(a.features, b.features));
}

/** Bits of the comparer's filter (8 KB): about one feature in a hundred of an unrelated draft passes it by chance. */
const FILTER_BITS = 1 << 16;

/**
 * `compareFingerprints` for the candidate pairs of a corpus, which come in runs sharing
 * their first draft `a`. Most candidates are unrelated drafts with a few dozen features in
 * common: instead of merging both feature lists, each feature of `b` is looked up in a bit
 * filter of `a`'s features (their high 16 bits), and only those that pass are searched for
 * in `a`. A pair with many features passing (versions of one article) is merged as usual.
 * The counts, hence the results, are those of `intersectByChannel`, in about a third less
 * time on the benchmark corpus.
 */
export class FingerprintComparer {
  #current: Fingerprint | undefined;
  readonly #filter = new Int32Array(FILTER_BITS / 32);

  compare(a: Fingerprint, b: Fingerprint): PairSimilarity {
    if (a !== this.#current) this.#load(a);
    return similarityOf(a, b, this.#intersect(a.features, b.features));
  }

  /**
   * False when `compare(a, b).similarity` cannot reach `threshold`, read off the filter
   * alone: the features of `b` that pass it are at least those `a` shares, the similarity
   * never exceeds the containment, and the containment grows with what is shared. True
   * otherwise (then only `compare` tells).
   */
  mayReach(a: Fingerprint, b: Fingerprint, threshold: number): boolean {
    if (a !== this.#current) this.#load(a);
    const filter = this.#filter;
    const fb = b.features;
    const passed = new Uint32Array(CHANNELS);
    for (let k = 0; k < fb.length; k++) {
      const y = fb[k]!;
      if ((filter[y >>> 21]! & (1 << ((y >>> 16) & 31))) !== 0) passed[y & 3]!++;
    }
    // The margin covers rounding: the bound and the similarity are computed apart.
    return similarityOf(a, b, passed).containment >= threshold - 1e-9;
  }

  #load(a: Fingerprint): void {
    const filter = this.#filter;
    if (this.#current) for (const x of this.#current.features) filter[x >>> 21] = 0;
    for (const x of a.features) filter[x >>> 21]! |= 1 << ((x >>> 16) & 31);
    this.#current = a;
  }

  #intersect(fa: Uint32Array, fb: Uint32Array): Uint32Array {
    const filter = this.#filter;
    const out = new Uint32Array(CHANNELS);
    // Past an eighth of `b` passing, one merge costs less than the searches.
    const most = fb.length >>> 3;
    let passed = 0;
    let lo = 0;
    for (let k = 0; k < fb.length; k++) {
      const y = fb[k]!;
      if ((filter[y >>> 21]! & (1 << ((y >>> 16) & 31))) === 0) continue;
      if (++passed > most) return intersectByChannel(fa, fb);
      // Binary search from the last position: both lists are sorted.
      let hi = fa.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (fa[mid]! < y) lo = mid + 1;
        else hi = mid;
      }
      if (lo < fa.length && fa[lo] === y) out[y & 3]!++;
    }
    return out;
  }
}

/** The similarity of two fingerprints from the sizes of their intersections per channel. */
function similarityOf(a: Fingerprint, b: Fingerprint, inter: Uint32Array): PairSimilarity {
  // Plain locals rather than closures and per-channel objects: this runs for every
  // candidate pair (tens of thousands in a large batch).
  let weight = 0;
  let evidence = 0;
  let containmentSum = 0;
  let jaccardSum = 0;
  let unverifiable = 0;
  // Text channels kept for comparison (at most two): evidence n, containment c, Jaccard j.
  let texts = 0;
  let n0 = 0;
  let c0 = 0;
  let j0 = 0;
  let n1 = 0;
  let c1 = 0;
  let j1 = 0;
  for (const k of TEXT_CHANNELS) {
    const na = a.counts[k]!;
    const nb = b.counts[k]!;
    if (Math.max(na, nb) === 0) continue;
    if (Math.min(na, nb) <= ABSENT_SHARE * Math.max(na, nb)) {
      unverifiable += Math.max(na, nb);
      continue;
    }
    const n = Math.min(na, nb);
    const i = inter[k]!;
    if (texts++ === 0) {
      n0 = n;
      c0 = i / n;
      j0 = i / (na + nb - i);
    } else {
      n1 = n;
      c1 = i / n;
      j1 = i / (na + nb - i);
    }
  }
  const textWeight = texts === 0 ? 0 : texts === 1 ? n0 : n0 + n1;
  if (texts === 2 && Math.min(n0, n1) >= MIXED_SHARE * textWeight) {
    // Both drafts mix two languages in earnest: each must agree, so the weaker one speaks
    // for both. Shared Chinese boilerplate does not make two English articles one.
    const weakerIsFirst = c0 <= c1;
    weight += textWeight;
    evidence += textWeight;
    containmentSum += textWeight * (weakerIsFirst ? c0 : c1);
    jaccardSum += textWeight * (weakerIsFirst ? j0 : j1);
  } else {
    if (texts >= 1) {
      weight += n0;
      evidence += n0;
      containmentSum += n0 * c0;
      jaccardSum += n0 * j0;
    }
    if (texts === 2) {
      weight += n1;
      evidence += n1;
      containmentSum += n1 * c1;
      jaccardSum += n1 * j1;
    }
  }
  const aa = a.counts[CHANNEL_ANCHORS]!;
  const ab = b.counts[CHANNEL_ANCHORS]!;
  const anchors = Math.min(aa, ab);
  const ai = inter[CHANNEL_ANCHORS]!;
  const anchorC = anchors === 0 ? 0 : ai / anchors;
  const anchorJ = anchors === 0 ? 0 : ai / (aa + ab - ai);
  const anchorWeight = Math.max(anchors, Math.min(unverifiable / 2, anchors * ANCHOR_VOUCH));
  if (anchorWeight > 0) {
    weight += anchorWeight;
    evidence += anchors;
    containmentSum += anchorWeight * anchorC;
    jaccardSum += anchorWeight * anchorJ;
  }
  if (weight === 0 || evidence === 0) return { ...NONE, anchorContainment: anchorC, anchors };
  const containment = containmentSum / weight;
  const jaccard = jaccardSum / weight;
  const similarity = jaccard + ((containment - jaccard) * evidence) / (evidence + EVIDENCE_PRIOR);
  return { similarity, containment, jaccard, evidence, anchorContainment: anchorC, anchors };
}

const TEXT_CHANNELS = [CHANNEL_WORDS, CHANNEL_HAN] as const;

/** Size of the intersection of two sorted feature arrays, per channel (low two bits). */
export function intersectByChannel(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(CHANNELS);
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  // Steps without branches: on hashed features `x < y` is a coin toss the CPU cannot
  // predict, and this loop is most of the pair verification (about twice as fast).
  while (i < la && j < lb) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) out[x & 3]!++;
    i += Number(x <= y);
    j += Number(y <= x);
  }
  return out;
}

/** Round for reports: three decimals, as the JSON report shows similarities. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
