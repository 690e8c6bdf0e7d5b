/**
 * Per-document fingerprints: a sorted set of hashed shingles in three channels, and
 * MinHash signatures for LSH. Only typed arrays are kept — no text, no tree.
 *
 * Channels:
 * - WORDS: 3-word shingles inside each block (words of space-separated scripts, numbers);
 * - HAN: character 3-grams of Han runs;
 * - ANCHORS: language-independent tokens — URLs, acronyms, long numbers — and pairs of
 *   consecutive anchors (citation markers and numbers) in document order. These survive
 *   machine translation, so a Chinese version of an English draft still shares them.
 *
 * The MinHash signatures use one-permutation hashing with densification (Li, Owen & Zhang
 * 2012; Shrivastava 2017): one hash per shingle instead of one per shingle and
 * permutation, which keeps fingerprinting linear and cheap at 10,000 documents. No npm
 * package offers this over typed arrays (the `minhash` package hashes every shingle
 * 128 times into plain arrays), hence the hand-written version. Shingles are collected in
 * buffers reused from one document to the next, so fingerprinting a large corpus leaves
 * little garbage behind; what a block adds is remembered by its text (a few small arrays).
 */
import type { Document } from '../types.js';
import { combine, hashString, mix32 } from './hash.js';
import { tokenize, type BlockTokens } from './tokens.js';
import { perDocument } from '../document.js';
import { ScopedTextMemo } from '../text-memo.js';

export const CHANNEL_WORDS = 0;
export const CHANNEL_HAN = 1;
export const CHANNEL_ANCHORS = 2;
export const CHANNELS = 3;

/** Number of MinHash values per document signature. */
export const SIGNATURE_SIZE = 128;
/** Text shingles per window: a window is a run of consecutive blocks holding about this many. */
export const WINDOW_SHINGLES = 50;
/** MinHash values per window signature. */
export const WINDOW_SIGNATURE_SIZE = 32;

/** Words shorter than this are function words for shingling ("the", "and", "of", "is"). */
const CONTENT_WORD_LENGTH = 4;
const SIGNATURE_SEED = 0x5bd1e995;
const EMPTY = 0xffffffff;

export interface Fingerprint {
  /** Sorted, unique shingle hashes; the two low bits hold the channel. */
  features: Uint32Array;
  /** Number of features per channel. */
  counts: Uint32Array;
  /**
   * MinHash signatures of the WORDS and HAN channels, or null when a channel is empty. They
   * are kept apart so that a half-translated draft still meets its source on its English.
   */
  wordSignature: Uint32Array | null;
  hanSignature: Uint32Array | null;
  /** MinHash signature of the ANCHORS channel, or null when it is empty. */
  anchorSignature: Uint32Array | null;
  /**
   * Signatures of windows of consecutive blocks, WINDOW_SIGNATURE_SIZE values each, end to
   * end (a short document is one window). A draft truncated to a fifth of its source has a
   * low Jaccard with the whole source but a high one with the source's first windows, so
   * these let LSH find it.
   */
  windowSignatures: Uint32Array;
}

/** A growable uint32 buffer, reused across documents (fingerprinting is synchronous). */
class Buffer32 {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  append(xs: Uint32Array): void {
    if (this.length + xs.length > this.data.length) {
      const bigger = new Uint32Array(Math.max(this.data.length * 2, this.length + xs.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(xs, this.length);
    this.length += xs.length;
  }
}

const text = new Buffer32();
const anchors = new Buffer32();
const stream = new Buffer32();
const bins = new Uint32Array(SIGNATURE_SIZE);

const fingerprints = perDocument((doc) => fingerprint(doc));

/** The fingerprint of `doc`, computed on first use or recorded by `primeFingerprint`. */
export function fingerprintOf(doc: Document): Fingerprint {
  return fingerprints.get(doc);
}

/** Records a fingerprint computed elsewhere (in a worker, for a copy of the same Document). */
export function primeFingerprint(doc: Document, fp: Fingerprint): void {
  fingerprints.prime(doc, fp);
}

export function fingerprint(doc: Document): Fingerprint {
  text.length = 0;
  anchors.length = 0;
  stream.length = 0;
  // Windows as [start, end) ranges of `text`.
  const windows: number[] = [];
  let windowStart = 0;
  for (const block of doc.blocks) {
    const own = blockShingles.in('').get(block.text, shinglesOf);
    text.append(own.text);
    anchors.append(own.anchors);
    stream.append(own.stream);
    if (text.length - windowStart >= WINDOW_SHINGLES) {
      windows.push(windowStart, text.length);
      windowStart = text.length;
    }
  }
  // A short tail joins the last window rather than standing alone.
  if (text.length > windowStart) {
    if (windows.length > 0 && text.length - windowStart < WINDOW_SHINGLES / 2) windows[windows.length - 1] = text.length;
    else windows.push(windowStart, text.length);
  }
  // Pairs of consecutive anchors in document order: "( 12 )" then "( 13 )", "500" then "( 12 )".
  for (let i = 1; i < stream.length; i++) anchors.push(tag(combine(stream.data[i - 1]!, stream.data[i]!), CHANNEL_ANCHORS));

  const windowSignatures = new Uint32Array((windows.length / 2) * WINDOW_SIGNATURE_SIZE);
  for (let w = 0; w < windows.length; w += 2) {
    signature(text.data, windows[w]!, windows[w + 1]!, -1, WINDOW_SIGNATURE_SIZE, windowSignatures, (w / 2) * WINDOW_SIGNATURE_SIZE);
  }
  const all = new Uint32Array(text.length + anchors.length);
  all.set(text.data.subarray(0, text.length));
  all.set(anchors.data.subarray(0, anchors.length), text.length);
  const features = uniqueSorted(all);
  const counts = new Uint32Array(CHANNELS);
  for (let i = 0; i < features.length; i++) counts[features[i]! & 3]!++;
  const channelSignature = (channel: number): Uint32Array | null => {
    if (counts[channel] === 0) return null;
    const sig = new Uint32Array(SIGNATURE_SIZE);
    signature(features, 0, features.length, channel, SIGNATURE_SIZE, sig, 0);
    return sig;
  };
  return {
    features,
    counts,
    wordSignature: channelSignature(CHANNEL_WORDS),
    hanSignature: channelSignature(CHANNEL_HAN),
    anchorSignature: channelSignature(CHANNEL_ANCHORS),
    windowSignatures,
  };
}

/** What one block adds to its draft's fingerprint: its text shingles, anchors and anchor stream, in order. */
interface BlockShingles {
  text: Uint32Array;
  anchors: Uint32Array;
  stream: Uint32Array;
}

// They depend on the block's text alone, and versions of an article repeat most of their
// blocks word for word (see text-memo.ts).
const blockShingles = new ScopedTextMemo<BlockShingles>(4096);

/** A block's shingles, worked out at the end of the buffers, copied out, and the buffers left as they were. */
function shinglesOf(raw: string): BlockShingles {
  const [t0, a0, s0] = [text.length, anchors.length, stream.length];
  const t = tokenize(raw);
  wordShingles(t);
  hanShingles(t);
  anchorFeatures(t);
  const out = { text: text.data.slice(t0, text.length), anchors: anchors.data.slice(a0, anchors.length), stream: stream.data.slice(s0, stream.length) };
  [text.length, anchors.length, stream.length] = [t0, a0, s0];
  return out;
}

/** Bytes held by a fingerprint's arrays (for the benchmark's report). */
export function fingerprintBytes(fp: Fingerprint): number {
  return (
    fp.features.byteLength +
    fp.counts.byteLength +
    (fp.wordSignature?.byteLength ?? 0) +
    (fp.hanSignature?.byteLength ?? 0) +
    (fp.anchorSignature?.byteLength ?? 0) +
    fp.windowSignatures.byteLength
  );
}

function tag(h: number, channel: number): number {
  return ((h & ~3) | channel) >>> 0;
}

/**
 * 3-word shingles (2-word for a two-word block). A shingle made only of short words
 * ("one of the", "and it is") is left out: such phrases are common to every article of a
 * language, and would make unrelated drafts LSH candidates of each other.
 */
function wordShingles(t: BlockTokens): void {
  const w = t.words;
  if (w.length < 2) return;
  let h1 = hashString(w[0]!);
  let h2 = hashString(w[1]!);
  let long1 = w[0]!.length >= CONTENT_WORD_LENGTH;
  let long2 = w[1]!.length >= CONTENT_WORD_LENGTH;
  if (w.length === 2) {
    if (long1 || long2) text.push(tag(combine(h1, h2), CHANNEL_WORDS));
    return;
  }
  for (let i = 2; i < w.length; i++) {
    const h3 = hashString(w[i]!);
    const long3 = w[i]!.length >= CONTENT_WORD_LENGTH;
    if (long1 || long2 || long3) text.push(tag(combine(combine(h1, h2), h3), CHANNEL_WORDS));
    h1 = h2;
    h2 = h3;
    long1 = long2;
    long2 = long3;
  }
}

function hanShingles(t: BlockTokens): void {
  for (const run of t.hanRuns) {
    if (run.length < 3) {
      if (run.length === 2) text.push(tag(combine(run.charCodeAt(0), run.charCodeAt(1)), CHANNEL_HAN));
      continue;
    }
    for (let i = 2; i < run.length; i++) {
      text.push(tag(combine(combine(run.charCodeAt(i - 2), run.charCodeAt(i - 1)), run.charCodeAt(i)), CHANNEL_HAN));
    }
  }
}

/**
 * URLs, acronyms and numbers of three or more characters count on their own; every
 * citation and number also joins the document's anchor stream. A block's anchors are
 * sorted so that a translation that reorders a sentence keeps the same stream.
 */
function anchorFeatures(t: BlockTokens): void {
  for (const u of t.urls) anchors.push(tag(hashString(u, 1), CHANNEL_ANCHORS));
  for (const a of t.acronyms) anchors.push(tag(hashString(a, 2), CHANNEL_ANCHORS));
  if (t.numbers.length + t.cites.length === 0) return;
  const local: number[] = [];
  for (const n of t.numbers) {
    const h = hashString(n, 3);
    if (n.length >= 3) anchors.push(tag(h, CHANNEL_ANCHORS));
    local.push(h);
  }
  for (const c of t.cites) local.push(mix32(c + 0x1000));
  local.sort((a, b) => a - b);
  for (const h of local) stream.push(h);
}

function uniqueSorted(a: Uint32Array): Uint32Array {
  a.sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[n - 1]) a[n++] = a[i]!;
  return a.slice(0, n);
}

/**
 * One-permutation MinHash of values[from, to) (only `channel`'s, or all when channel is
 * -1) into target[at, at + size): each feature is re-hashed once; the top bits choose one
 * of `size` bins (a power of two), and each bin keeps its smallest value. Empty bins
 * borrow the value of a non-empty bin chosen by a fixed probe sequence (optimal
 * densification), so two documents agree on a bin with probability equal to their Jaccard
 * similarity.
 */
function signature(values: Uint32Array, from: number, to: number, channel: number, size: number, target: Uint32Array, at: number): void {
  const sig = bins.subarray(0, size).fill(EMPTY);
  // Values keep 31 bits so that none can equal the EMPTY marker.
  const shift = 31 - Math.log2(size);
  let kept = 0;
  for (let i = from; i < to; i++) {
    const f = values[i]!;
    if (channel >= 0 && (f & 3) !== channel) continue;
    const v = mix32(f ^ SIGNATURE_SEED) >>> 1;
    const bin = v >>> shift;
    if (v < sig[bin]!) sig[bin] = v;
    kept++;
  }
  if (kept === 0) throw new RangeError('a MinHash signature needs at least one feature');
  for (let bin = 0; bin < size; bin++) {
    let from = bin;
    for (let attempt = 1; attempt <= 4 * size && sig[from] === EMPTY; attempt++) {
      from = mix32(combine(bin, attempt)) % size;
    }
    // The probe sequence almost always lands within a few steps; a scan settles the rest.
    while (sig[from] === EMPTY) from = (from + 1) % size;
    target[at + bin] = sig[from]!;
  }
}
