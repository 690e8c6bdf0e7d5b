/**
 * LSH banding: candidate pairs without comparing every pair of documents.
 *
 * A signature is cut into bands of `rows` values; two documents become candidates when
 * they agree on every value of at least one band. With Jaccard s the chance of that is
 * 1 − (1 − s^rows)^bands, a steep curve: near 1 for versions of one article, near 0 for
 * unrelated drafts (the rows chosen per signature are in `index.ts`). Candidates are then
 * verified exactly, so LSH only has to be generous enough not to miss true pairs.
 *
 * Each band sorts (bucket key, signature) pairs packed into one float64, so bucketing costs
 * O(n log n) per band and no per-signature objects.
 */
import { combine } from './hash.js';

/** Signatures per band packed below the bucket key (2^21 ≈ 2 million). */
const ENTRY_BITS = 2 ** 21;

export interface LshStats {
  /** Distinct candidate pairs produced. */
  candidates: number;
  /** Buckets of more than `maxBucket` signatures, chained instead of paired all with all. */
  oversizedBuckets: number;
}

/** Signatures to band, end to end in one array, each owned by a document (a document may own several). */
export interface SignatureSet {
  values: Uint32Array;
  /** Values per signature. */
  size: number;
  /** Document index of each signature. */
  owners: Int32Array;
}

/** One signature per document, skipping documents without one (all of `size` values). */
export function perDocument(signatures: ReadonlyArray<Uint32Array | null>, size: number): SignatureSet {
  const present = signatures.flatMap((sig, doc) => (sig ? [doc] : []));
  const values = new Uint32Array(present.length * size);
  present.forEach((doc, k) => values.set(signatures[doc]!, k * size));
  return { values, size, owners: Int32Array.from(present) };
}

/** Each document's window signatures (`size` values each, end to end) as one set. */
export function perWindow(windows: ReadonlyArray<Uint32Array>, size: number): SignatureSet {
  let total = 0;
  for (const w of windows) total += w.length;
  const values = new Uint32Array(total);
  const owners = new Int32Array(total / size);
  let at = 0;
  windows.forEach((w, doc) => {
    values.set(w, at);
    owners.fill(doc, at / size, (at + w.length) / size);
    at += w.length;
  });
  return { values, size, owners };
}

/**
 * Adds to `pairs` every pair of documents (i < j, packed as i * documents + j) owning two
 * signatures that agree on a band. A bucket of more than `maxBucket` signatures is either
 * a shingle common to a whole genre (boilerplate) or a very large family of copies; its
 * members are chained (each paired with the next) rather than paired all with all, so it
 * cannot make the stage quadratic: boilerplate chains fail verification, and a family of
 * copies is still connected.
 */
export function bandCandidates(
  set: SignatureSet,
  documents: number,
  rows: number,
  maxBucket: number,
  pairs: Set<number>,
  stats: LshStats,
): void {
  const { values, size, owners } = set;
  const count = owners.length;
  if (count >= ENTRY_BITS) throw new RangeError(`the corpus stage handles at most ${ENTRY_BITS - 1} signatures`);
  if (count < 2) return;
  const bands = Math.floor(size / rows);
  const keys = new Float64Array(count);
  // Owner of each entry of the bucket at hand, read once per entry rather than once per pair.
  const owner = new Int32Array(count);
  const before = pairs.size;
  const add = (i: number, j: number): void => {
    if (i !== j) pairs.add(i < j ? i * documents + j : j * documents + i);
  };
  for (let band = 0; band < bands; band++) {
    for (let e = 0; e < count; e++) {
      let h = band;
      const from = e * size + band * rows;
      for (let r = 0; r < rows; r++) h = combine(h, values[from + r]!);
      keys[e] = h * ENTRY_BITS + e;
    }
    keys.sort();
    let start = 0;
    while (start < count) {
      const key = Math.floor(keys[start]! / ENTRY_BITS);
      let end = start + 1;
      while (end < count && Math.floor(keys[end]! / ENTRY_BITS) === key) end++;
      if (end - start > 1) for (let x = start; x < end; x++) owner[x] = owners[keys[x]! - key * ENTRY_BITS]!;
      if (end - start > maxBucket) {
        // Too many to pair: chain them instead, each with the next, in linear time.
        stats.oversizedBuckets++;
        for (let x = start + 1; x < end; x++) add(owner[x - 1]!, owner[x]!);
      } else {
        for (let x = start; x < end; x++) for (let y = x + 1; y < end; y++) add(owner[x]!, owner[y]!);
      }
      start = end;
    }
  }
  stats.candidates += pairs.size - before;
}
