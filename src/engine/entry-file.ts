/**
 * The bytes of a draft's cache entry (see cache.ts). A rerun of a large batch reads the entry
 * of every unchanged draft, and three of an entry's values are long and read as they stand:
 * the draft's text, its citation extraction (JSON parsed only if a stage asks for it) and its
 * corpus fingerprint (arrays of 32-bit numbers). Inside JSON each would be a string to unescape
 * (and the fingerprint base64 to decode), which made up about half of reading an entry. So an
 * entry is a header line naming the byte length of each part, then the parts end to end:
 *
 *   draftaudit-entry LE <json> <text> <citations> <fingerprint>\n<json><text><citations><fingerprint>
 *
 * `json` is the rest of the entry, `text` and `citations` are UTF-8, a part that is not there
 * has the length -1, and the fingerprint is its arrays' lengths then their numbers, in the
 * byte order the header names (the machine's; an entry of the other order is not read).
 * Written by hand: a format made for this one layout is a few lines, and the serialisation
 * libraries on npm would either parse the long values again or add a dependency for it.
 */
import { endianness } from 'node:os';
import type { Fingerprint } from '../corpus/fingerprint.js';

/** An entry's parts: the JSON of the rest, and the three kept beside it when the entry has them. */
export interface EntryParts {
  json: string;
  text?: string;
  citations?: string;
  /** The fingerprint as `fingerprintBytes` writes it. */
  fingerprint?: Uint8Array;
}

const ORDER = endianness();
const MAGIC = 'draftaudit-entry';
/** The longest header line a writer makes (four lengths of up to 10 digits and the words). */
const MAX_HEADER = 100;

/** The bytes of an entry of `parts`. */
export function joinEntry(parts: EntryParts): Buffer {
  const json = Buffer.from(parts.json, 'utf8');
  const text = parts.text === undefined ? undefined : Buffer.from(parts.text, 'utf8');
  const citations = parts.citations === undefined ? undefined : Buffer.from(parts.citations, 'utf8');
  const { fingerprint } = parts;
  const lengths = [json, text, citations, fingerprint].map((b) => (b === undefined ? -1 : b.byteLength));
  const header = Buffer.from(`${MAGIC} ${ORDER} ${lengths.join(' ')}\n`, 'latin1');
  return Buffer.concat([header, json, ...[text, citations, fingerprint].filter((b): b is Uint8Array => b !== undefined)]);
}

/**
 * The parts of entry `bytes`, or undefined when they are not an entry's: no header line of
 * this byte order, or lengths that do not add up to the bytes. The citations are decoded
 * from a copy when first asked for (`citations()`), so that the entry's bytes are not held
 * once the fingerprint (a view of them) is read.
 */
export function splitEntry(bytes: Uint8Array): { json: string; text?: string; citations?: () => string; fingerprint?: Uint8Array } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.indexOf(10);
  if (end < 0 || end > MAX_HEADER) return undefined;
  const words = buffer.toString('latin1', 0, end).split(' ');
  if (words.length !== 6 || words[0] !== MAGIC || words[1] !== ORDER) return undefined;
  const lengths = words.slice(2).map((w) => (/^(?:-1|0|[1-9]\d{0,9})$/.test(w) ? Number(w) : NaN));
  if (lengths.some(Number.isNaN) || lengths[0]! < 0) return undefined;
  let at = end + 1;
  if (at + lengths.reduce((sum, n) => sum + Math.max(n, 0), 0) !== buffer.length) return undefined;
  const part = (n: number): [number, number] | undefined => {
    if (n < 0) return undefined;
    const span: [number, number] = [at, at + n];
    at += n;
    return span;
  };
  const [json, text, citations, fingerprint] = lengths.map(part);
  const out: ReturnType<typeof splitEntry> = { json: buffer.toString('utf8', ...json!) };
  if (text) out.text = buffer.toString('utf8', ...text);
  if (citations) {
    const copy = Buffer.from(buffer.subarray(...citations));
    out.citations = () => copy.toString('utf8');
  }
  if (fingerprint) out.fingerprint = buffer.subarray(...fingerprint);
  return out;
}

const FIELDS = ['features', 'counts', 'wordSignature', 'hanSignature', 'anchorSignature', 'windowSignatures'] as const;
/** The length written for an array that is null. */
const NONE = 0xffffffff;

/** The fingerprint's arrays as bytes: their six lengths (NONE for null), then their numbers. */
export function fingerprintBytes(fp: Fingerprint): Uint8Array {
  const arrays = FIELDS.map((f) => fp[f]);
  const out = new Uint32Array(FIELDS.length + arrays.reduce((sum, a) => sum + (a?.length ?? 0), 0));
  let at = FIELDS.length;
  arrays.forEach((a, i) => {
    out[i] = a === null ? NONE : a.length;
    if (a) out.set(a, at);
    at += a?.length ?? 0;
  });
  return new Uint8Array(out.buffer);
}

/** The fingerprint `fingerprintBytes` wrote, or undefined when the bytes are not one. */
export function fingerprintOf(bytes: Uint8Array): Fingerprint | undefined {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < 4 * FIELDS.length) return undefined;
  // (A copy: the fingerprint's bytes in an entry need not start at a multiple of four.)
  const numbers = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(numbers.buffer).set(bytes);
  let at = FIELDS.length;
  const arrays: Array<Uint32Array | null> = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const n = numbers[i]!;
    if (n === NONE) {
      arrays.push(null);
      continue;
    }
    if (at + n > numbers.length) return undefined;
    arrays.push(numbers.subarray(at, at + n));
    at += n;
  }
  const [features, counts, wordSignature, hanSignature, anchorSignature, windowSignatures] = arrays;
  if (at !== numbers.length || !features || !counts || !windowSignatures) return undefined;
  return { features, counts, wordSignature: wordSignature!, hanSignature: hanSignature!, anchorSignature: anchorSignature!, windowSignatures };
}
