/**
 * The corpus stage: groups the versions of one article into clusters, chooses each
 * cluster's canonical version, aligns every other member's blocks to it and diffs them.
 *
 *   fingerprint (per document, linear) → LSH candidate pairs (no all-pairs loop)
 *   → verified similarity ≥ config.similarityThreshold and containment ≥ MIN_CONTAINMENT (shingle sets; for pairs whose
 *     anchors agree, also their block alignment) → connected components
 *   → editions (one per publication language; see editions.ts) → canonical of each
 *   → block alignment + diff per member (to the primary canonical, and to its edition's)
 *
 * Everything is deterministic and independent of input order: documents are processed in
 * path order, cluster ids come from the members' content hashes.
 */
import { createHash } from 'node:crypto';
import type { AlignedPair, Cluster, Document, Edition, MemberAlignment, ResolvedConfig } from '../types.js';
import { DEFAULT_SIMILARITY_THRESHOLD } from '../config.js';
import { CHANNEL_ANCHORS, CHANNEL_HAN, CHANNEL_WORDS, fingerprintOf, SIGNATURE_SIZE, WINDOW_SIGNATURE_SIZE, type Fingerprint } from './fingerprint.js';
import { bandCandidates, perDocument, perWindow, type LshStats } from './lsh.js';
import { compareFingerprints, FingerprintComparer, isVersionPair, round3, type PairSimilarity } from './similarity.js';
import { chooseCanonical, summarise } from './canonical.js';
import { frameOf, planEditions, publicationLanguages, wholeLanguage } from './editions.js';
import { glossary as loadGlossary, type Glossary } from './bilingual.js';
import { alignmentSimilarity, alignProfiles, keyPositions, profileBlocks, type BlockProfile, type TextProfile } from './align.js';
import { tokenize, type BlockTokens } from './tokens.js';
import { diffParts } from './diff.js';
import { cmp } from '../order.js';
import { pushTo } from '../collections.js';
import type { PieceCache } from '../engine/pieces.js';
import { clusterKey, keepCluster, keptCluster, keepVerdicts, keptVerdicts, noteClusterKey, pairKey } from './kept.js';

export { compareFingerprints } from './similarity.js';
export { fingerprint } from './fingerprint.js';
export { alignBlocks } from './align.js';

/**
 * Rows per LSH band of the document signatures (WORDS, HAN, ANCHORS: 128 values, so 42
 * bands of 3). Two drafts whose channel has Jaccard s become candidates with probability
 * 1 − (1 − s³)^42: 0.68 at s = 0.3, 0.93 at 0.4, 0.995 at 0.5; unrelated drafts (s ≈ 0.02)
 * meet in 0.03% of pairs. Two rows caught a few more translated versions but, on the
 * benchmark corpus, ten times more unrelated pairs.
 */
export const TEXT_BAND_ROWS = 3;
export const ANCHOR_BAND_ROWS = 3;
/**
 * Rows per band of the window signatures (32 values, so 8 bands of 4): a window whose
 * shingles mostly stand in a window of the other draft (s = 0.7) meets it with probability
 * 0.89, identical windows always. Windows are many per document, hence the longer bands.
 */
export const WINDOW_BAND_ROWS = 4;
/** Largest LSH bucket turned into pairs. */
export const MAX_BUCKET = 100;
/** Anchor features (on the side with fewer) from which a pair may be verified on its alignment. */
export const REALIGN_MIN_ANCHORS = 6;
/** Share of those anchors the other side must hold. */
export const REALIGN_ANCHOR_CONTAINMENT = 0.6;
/** Alignments tried per document, at most. */
export const REALIGN_PER_DOCUMENT = 4;

export interface CorpusStats extends LshStats {
  documents: number;
  /** Candidate pairs whose verified similarity reached the threshold (pairs already connected are not checked). */
  verified: number;
  /** Candidate pairs checked again on their block alignment (see `worthAligning`). */
  aligned: number;
  /** Of those, pairs of unchanged drafts whose verdict the last run kept (with `pieces`; see kept.ts). */
  alignedKept: number;
  /** Whether the batch holds Chinese and English, so that the bilingual dictionary may be read (see bilingual.ts). */
  bilingual: boolean;
  /** Milliseconds spent in each step. */
  ms: { fingerprints: number; candidates: number; verification: number; clusters: number };
}

export interface CorpusOptions {
  /** Called between the steps and after each cluster is made (the engine collects garbage there). */
  between?: () => void;
  /** Whether block alignment may read the bilingual dictionary (default: when the batch holds Chinese and English). */
  dictionary?: boolean;
  /** Where clusters of several versions are kept for the next run, and taken from when their drafts are unchanged (see kept.ts). */
  pieces?: PieceCache;
}

export function buildCorpus(docs: Document[], config: ResolvedConfig, options: CorpusOptions = {}): Cluster[] {
  return buildCorpusWithStats(docs, config, options).clusters;
}

/** `buildCorpus` plus counts of candidate and verified pairs (tests and the benchmark read them). */
export function buildCorpusWithStats(docs: Document[], config: ResolvedConfig, options: CorpusOptions = {}): { clusters: Cluster[]; stats: CorpusStats } {
  const threshold = config.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const ms = { fingerprints: 0, candidates: 0, verification: 0, clusters: 0 };
  let clock = performance.now();
  const lap = (step: keyof typeof ms): void => {
    options.between?.();
    const now = performance.now();
    ms[step] = now - clock;
    clock = now;
  };
  const sorted = [...docs].sort(byPathThenHash);
  const fps = sorted.map(fingerprintOf);
  const languages = publicationLanguages(sorted, config);
  // The bilingual dictionary is read only for a batch that holds Chinese and English text,
  // and only once a pair or a cluster is aligned (a rerun may take every cluster from the cache).
  const bilingual = options.dictionary ?? needsGlossary(sorted);
  let loaded: Glossary | undefined;
  const glossary = (): Glossary | undefined => (bilingual ? (loaded ??= loadGlossary()) : undefined);
  const stats: CorpusStats = { documents: sorted.length, candidates: 0, oversizedBuckets: 0, verified: 0, aligned: 0, alignedKept: 0, bilingual, ms };
  lap('fingerprints');

  const n = sorted.length;
  const pairs = new Set<number>();
  bandCandidates(perDocument(fps.map((f) => f.wordSignature), SIGNATURE_SIZE), n, TEXT_BAND_ROWS, MAX_BUCKET, pairs, stats);
  bandCandidates(perDocument(fps.map((f) => f.hanSignature), SIGNATURE_SIZE), n, TEXT_BAND_ROWS, MAX_BUCKET, pairs, stats);
  bandCandidates(perDocument(fps.map((f) => f.anchorSignature), SIGNATURE_SIZE), n, ANCHOR_BAND_ROWS, MAX_BUCKET, pairs, stats);
  bandCandidates(perWindow(fps.map((f) => f.windowSignatures), WINDOW_SIGNATURE_SIZE), n, WINDOW_BAND_ROWS, MAX_BUCKET, pairs, stats);

  lap('candidates');

  // Pairs are verified in a fixed order (by their packed index); a pair whose documents
  // are already connected needs no check, which keeps a large family cheap. Alignment, the
  // costlier check, comes second, for the pairs still apart.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const queue = Float64Array.from(pairs).sort();
  const realign: Array<{ pair: number; anchors: number }> = [];
  const comparer = new FingerprintComparer();
  for (const pair of queue) {
    const i = Math.floor(pair / n);
    const j = pair % n;
    if (find(parent, i) === find(parent, j)) continue;
    // A pair that cannot be worth aligning needs only the verdict; most candidates are
    // unrelated drafts far below the threshold, which the comparer's filter rules out alone.
    if (!mayBeWorthAligning(fps[i]!, fps[j]!) && !comparer.mayReach(fps[i]!, fps[j]!, threshold)) continue;
    const s = comparer.compare(fps[i]!, fps[j]!);
    if (isVersionPair(s, threshold)) {
      stats.verified++;
      union(parent, i, j);
    } else if (worthAligning(s, fps[i]!, fps[j]!)) realign.push({ pair, anchors: s.anchorContainment });
  }
  // Best-agreeing anchors first, and a few alignments per document at most: a corpus of
  // near-identical templates cannot make this step quadratic.
  realign.sort((x, y) => y.anchors - x.anchors || x.pair - y.pair);
  const attempts = new Uint8Array(n);
  // A verdict depends on the two drafts, the threshold and the dictionary alone: a rerun
  // takes those of unchanged pairs from the last run and aligns only the pairs a change touched
  // (and so need not load the dictionary at all when no such pair remains).
  const { pieces } = options;
  const kept = pieces ? keptVerdicts(pieces, threshold, bilingual) : undefined;
  const verdicts = new Map<string, boolean>();
  for (const { pair } of realign) {
    const i = Math.floor(pair / n);
    const j = pair % n;
    if (find(parent, i) === find(parent, j) || attempts[i]! >= REALIGN_PER_DOCUMENT || attempts[j]! >= REALIGN_PER_DOCUMENT) continue;
    attempts[i]!++;
    attempts[j]!++;
    stats.aligned++;
    const key = kept ? pairKey(sorted[i]!, sorted[j]!) : undefined;
    let same = key === undefined ? undefined : kept!.get(key);
    if (same === undefined) same = alignmentSimilarity(...alignDocuments(sorted[i]!, sorted[j]!, glossary())) >= threshold;
    else stats.alignedKept++;
    if (key !== undefined) verdicts.set(key, same);
    if (same) {
      stats.verified++;
      union(parent, i, j);
    }
  }
  if (kept) keepVerdicts(pieces!, threshold, bilingual, verdicts, kept);

  lap('verification');

  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) pushTo(groups, find(parent, i), i);

  const clusters = [...groups.values()].map((indices) => {
    const members = indices.map((i) => sorted[i]!);
    const key = pieces && members.length > 1 ? clusterKey(members, languages, bilingual) : undefined;
    const kept = key ? keptCluster(pieces!, key, clusterId(members), members) : undefined;
    const cluster = kept ?? makeCluster(members, indices.map((i) => fps[i]!), { languages, threshold, glossary });
    if (key && !kept) keepCluster(pieces!, key, cluster);
    if (key) noteClusterKey(cluster, key);
    options.between?.();
    return cluster;
  });
  clusters.sort((a, b) => cmp(a.canonical, b.canonical));
  lap('clusters');
  return { clusters, stats };
}

/** Content-derived id: the same members give the same id, whatever their paths or order. */
export function clusterId(docs: readonly Pick<Document, 'hash'>[]): string {
  const hashes = docs.map((d) => d.hash).sort();
  return `c-${createHash('sha256').update(hashes.join('\n')).digest('hex').slice(0, 12)}`;
}

interface ClusterOptions {
  /** The batch's publication languages (see `publicationLanguages`). */
  languages: readonly string[];
  threshold: number;
  /** The bilingual dictionary, when the batch uses it (loaded on first call). */
  glossary: () => Glossary | undefined;
}

function makeCluster(docs: Document[], fps: Fingerprint[], options: ClusterOptions): Cluster {
  const id = clusterId(docs);
  const { threshold } = options;
  if (docs.length === 1) {
    const reassigned = singletonLanguage(docs[0]!, options.languages);
    return { id, canonical: docs[0]!.path, members: [], alignments: [], diffs: [], ...(reassigned ? { reassigned: { [docs[0]!.path]: reassigned } } : {}) };
  }

  // Tokens are read once per distinct block text here (versions repeat most of their
  // blocks) and shared by the canonical choice and the alignment; so are text profiles.
  const byText = new Map<string, BlockTokens>();
  const tokensOf = (text: string): BlockTokens => {
    let t = byText.get(text);
    if (!t) byText.set(text, (t = tokenize(text)));
    return t;
  };
  const tokens = docs.map((d) => d.blocks.map((b) => tokensOf(b.text)));
  const summaries = docs.map((d, i) => summarise(d, tokens[i]));
  const plan = planEditions(docs, options.languages);
  const editionCanonicals = plan.order.map((language) => {
    const indices = docs.flatMap((_, i) => (plan.languages[i] === language ? [i] : []));
    return { language, indices, canonical: indices[chooseCanonical(indices.map((i) => summaries[i]!), language)]! };
  });
  const c = editionCanonicals[0]!.canonical;
  const glossary = options.glossary();
  const canonical = docs[c]!;
  const shared = new Map<string, TextProfile>();
  const profiles = new Map<number, BlockProfile[]>();
  const profileOf = (i: number): BlockProfile[] => {
    let p = profiles.get(i);
    if (!p) profiles.set(i, (p = profileBlocks(docs[i]!, tokens[i], shared, glossary)));
    return p;
  };
  // Where each block key stands in a canonical, computed once for all its members.
  const keys = new Map<number, Map<string, number>>();
  const align = (i: number, to: number): MemberAlignment => {
    const profile = profileOf(i);
    const target = profileOf(to);
    let positions = keys.get(to);
    if (!positions) keys.set(to, (positions = keyPositions(target)));
    const pairs = alignProfiles(profile, target, positions);
    const sets = compareFingerprints(fps[i]!, fps[to]!);
    const similarity = round3(
      sets.similarity < threshold && worthAligning(sets, fps[i]!, fps[to]!)
        ? Math.max(sets.similarity, alignmentSimilarity(profile, target, pairs))
        : sets.similarity,
    );
    return { path: docs[i]!.path, similarity, pairs };
  };
  const members: Cluster['members'] = [];
  const alignments: MemberAlignment[] = [];
  const diffs: Cluster['diffs'] = [];
  for (let i = 0; i < docs.length; i++) {
    if (i === c) continue;
    const alignment = align(i, c);
    members.push({ path: alignment.path, similarity: alignment.similarity });
    alignments.push(alignment);
    diffs.push({ path: alignment.path, parts: diffParts(docs[i]!, canonical, alignment.pairs) });
  }
  const cluster: Cluster = { id, canonical: canonical.path, members, alignments, diffs };
  const reassigned: Record<string, string> = {};
  docs.forEach((d, i) => {
    if (plan.languages[i] !== d.language.primary) reassigned[d.path] = plan.languages[i]!;
  });
  if (Object.keys(reassigned).length > 0) cluster.reassigned = reassigned;
  if (editionCanonicals.length > 1 || Object.keys(reassigned).length > 0) {
    cluster.editions = editionCanonicals.map(({ language, indices, canonical: e }): Edition => ({
      language,
      canonical: docs[e]!.path,
      members: indices.map((i) => docs[i]!.path).sort(),
      alignments: indices.filter((i) => i !== e).map((i) => (e === c ? alignments.find((a) => a.path === docs[i]!.path)! : align(i, e))),
    }));
  }
  return cluster;
}

/**
 * A draft alone in its cluster keeps the language of its letters unless it mixes two and
 * its frame (title and reference list together) names another publication language.
 */
function singletonLanguage(doc: Document, languages: readonly string[]): string | undefined {
  if (wholeLanguage(doc) !== undefined) return undefined;
  const frame = frameOf(doc);
  if (!frame.title || frame.title !== frame.references || frame.title === doc.language.primary) return undefined;
  return languages.length === 0 || languages.includes(frame.title) ? frame.title : undefined;
}

/** Whether the batch holds Chinese text and English text (a twentieth of some draft's letters each). */
function needsGlossary(docs: readonly Document[]): boolean {
  const has = (lang: string): boolean => docs.some((d) => (d.language.shares[lang] ?? 0) >= 0.05);
  return has('cmn') && has('eng');
}

/**
 * Shingle sets cannot see that two drafts translated in complementary halves are one
 * article: each half is English in one draft and Chinese in the other. Nor that a draft is
 * another's complete translation. Their anchors can. A pair below the threshold whose
 * drafts both mix two scripts, or one of which is mostly Chinese and the other mostly
 * English, and whose anchors mostly agree, is verified again on its block alignment (see
 * `alignmentSimilarity`); few pairs qualify, so this stays cheap.
 */
function worthAligning(s: PairSimilarity, a: Fingerprint, b: Fingerprint): boolean {
  return mayBeWorthAligning(a, b) && s.anchorContainment >= REALIGN_ANCHOR_CONTAINMENT;
}

/** What `worthAligning` asks that the shingle counts answer alone (`s.anchors` is the smaller anchor count). */
function mayBeWorthAligning(a: Fingerprint, b: Fingerprint): boolean {
  if (Math.min(a.counts[CHANNEL_ANCHORS]!, b.counts[CHANNEL_ANCHORS]!) < REALIGN_MIN_ANCHORS) return false;
  const ha = hanShare(a);
  const hb = hanShare(b);
  return (mixesScripts(ha) && mixesScripts(hb)) || Math.abs(ha - hb) >= CROSS_SCRIPT_GAP;
}

/** Two drafts whose shares of Han shingles differ by this much are in two languages (a translation and its source). */
const CROSS_SCRIPT_GAP = 0.6;

/** Share of the text shingles (WORDS and HAN) that are Han. */
function hanShare(fp: Fingerprint): number {
  const words = fp.counts[CHANNEL_WORDS]!;
  const han = fp.counts[CHANNEL_HAN]!;
  return words + han === 0 ? 0 : han / (words + han);
}

/** At least a tenth of the text shingles in each of WORDS and HAN. */
function mixesScripts(han: number): boolean {
  return han >= 0.1 && han <= 0.9;
}

function alignDocuments(a: Document, b: Document, glossary?: Glossary): [BlockProfile[], BlockProfile[], AlignedPair[]] {
  const pa = profileBlocks(a, undefined, undefined, glossary);
  const pb = profileBlocks(b, undefined, undefined, glossary);
  return [pa, pb, alignProfiles(pa, pb)];
}

function byPathThenHash(a: Document, b: Document): number {
  return cmp(a.path, b.path) || cmp(a.hash, b.hash);
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function union(parent: Int32Array, i: number, j: number): void {
  const a = find(parent, i);
  const b = find(parent, j);
  // The smaller index becomes the root, so roots do not depend on the order of pairs.
  if (a < b) parent[b] = a;
  else if (b < a) parent[a] = b;
}
