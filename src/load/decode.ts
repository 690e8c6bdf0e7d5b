/**
 * Bytes to text: BOM first, then strict UTF-8, then the chardet detector for legacy
 * encodings (decoded with TextDecoder, which knows gb18030, big5, shift_jis, windows-125x …,
 * except Windows-1252: see `legacyDecode`).
 */
import type * as Chardet from 'chardet';
import type iconvLite from 'iconv-lite';
import { loadNow } from '../lazy.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** Why the encoding was not plain UTF-8, for an `input/encoding` note; undefined for UTF-8. */
  note?: string;
  detected: boolean;
}

/** The labels chardet gives that TextDecoder knows under another name. */
const LABELS: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  ASCII: 'utf-8',
};

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', detected: false, note: 'UTF-8 with byte-order mark' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', detected: false, note: 'UTF-16 LE (byte-order mark)' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', detected: false, note: 'UTF-16 BE (byte-order mark)' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', detected: false };
  } catch {
    // Not valid UTF-8: a legacy encoding, or UTF-8 with a few broken bytes.
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  // Broken UTF-8 has a few bad sequences among many good multi-byte ones; a legacy
  // encoding read as UTF-8 has almost no good ones.
  const replaced = lenient.match(/\uFFFD/g)?.length ?? 0;
  const valid = lenient.match(/[^\x00-\x7f\uFFFD]/g)?.length ?? 0;
  if (valid > 0 && valid >= 2 * replaced && replaced <= Math.max(8, valid / 50)) {
    return {
      text: lenient,
      encoding: 'utf-8',
      detected: false,
      note: `invalid UTF-8: ${replaced} byte sequence${replaced === 1 ? '' : 's'} replaced with U+FFFD`,
    };
  }
  // The detector is loaded on the first draft that is not UTF-8 (see lazy.ts).
  for (const match of loadNow<typeof Chardet>('chardet').analyse(bytes)) {
    const label = LABELS[match.name] ?? match.name.toLowerCase();
    if (label === 'utf-8' || label.startsWith('utf-32') || label.startsWith('iso-2022')) continue;
    try {
      const text = legacyDecode(bytes, label);
      return { text, encoding: label, detected: true, note: `detected ${label} (confidence ${match.confidence}%)` };
    } catch {
      // TextDecoder does not know this label; try the next candidate.
    }
  }
  return { text: legacyDecode(bytes, 'windows-1252'), encoding: 'windows-1252', detected: true, note: 'no encoding detected; read as windows-1252' };
}

/**
 * Bytes of a legacy encoding to text. Node 20's TextDecoder reads Windows-1252 as ISO-8859-1,
 * so the curly quotes, dashes and euro sign of bytes 0x80–0x9F came out as control
 * characters; iconv-lite has the right table (loaded on first use: most runs read UTF-8
 * only). Every other label goes to TextDecoder.
 */
export function legacyDecode(bytes: Uint8Array, label: string): string {
  if (label === 'windows-1252') return loadNow<typeof iconvLite>('iconv-lite').decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  return new TextDecoder(label, { fatal: false }).decode(bytes);
}

/** True when the bytes or text look like a binary file rather than a draft. */
export function looksBinary(bytes: Uint8Array, text: string, encoding: string): boolean {
  // A NUL byte is never in a text draft (UTF-16 has them in every ASCII character).
  if (!encoding.startsWith('utf-16') && bytes.includes(0)) return true;
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
