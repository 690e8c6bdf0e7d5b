/**
 * Small, fast, deterministic 32-bit hashes for shingles and LSH bucket keys.
 *
 * Cryptographic hashes (node:crypto) cost a native call per shingle, far too slow for the
 * millions of shingles of a 10,000-document corpus; FNV-1a over UTF-16 code units followed
 * by the MurmurHash3 finaliser mixes well enough for MinHash and needs no dependency.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over bytes[from, to) (no finaliser: a hash table's bucket index). */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, FNV_PRIME);
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole word. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Unsigned 32-bit hash of a string, with an optional seed to make independent families. */
export function hashString(s: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return mix32(h);
}

/** Combines two 32-bit values into one (order matters). */
export function combine(a: number, b: number): number {
  return mix32((Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + b) >>> 0);
}
