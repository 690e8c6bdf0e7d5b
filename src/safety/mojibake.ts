/**
 * Mojibake: text that was UTF-8 once, read as another encoding by some tool on its way, and
 * saved again ("â€™" for ’, "Ã©" for é, "Â·" for ·, Thai "โ€”" for —). The file itself is valid
 * UTF-8, so decoding it never sees the damage; the characters do.
 *
 * A run of characters of the code page (Windows-1252, or Windows-874 for the Thai variant)
 * is turned back into the bytes that code page gives them, and those bytes are decoded as
 * UTF-8. The damage is real when they decode: UTF-8 multi-byte sequences are so strict
 * (a lead byte, then exactly the right number of continuation bytes) that ordinary words of
 * Latin-1 languages ("été", "Âge", "ação") never form one. Thai letters do sit in the
 * continuation range, so the Thai variant counts only runs holding "€" (byte 0x80, the lead
 * of every ’ “ ” – — … in UTF-8), which Thai text never has.
 *
 * The code pages' byte tables come from their decoders (iconv-lite's for Windows-1252, which
 * Node 20's TextDecoder reads as ISO-8859-1; see load/decode.ts); the scan is a single pass
 * written here, as no library looks for this damage inside text.
 */
import { legacyDecode } from '../load/decode.js';

export interface Mojibake {
  start: number;
  end: number;
  /** The damaged text. */
  actual: string;
  /** The text it stood for. */
  expected: string;
  /** The code page it was misread as. */
  encoding: 'windows-1252' | 'windows-874' | 'gbk';
  /**
   * `low` when a byte was lost on the way ("â€�": the last byte of a curly quote or dash
   * replaced by U+FFFD): "”" is the likeliest text, not a sure one.
   */
  confidence: 'high' | 'low';
}

/** Character → byte for the upper half of a single-byte code page. */
function byteTable(label: string): Map<string, number> {
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const c = legacyDecode(Uint8Array.of(b), label);
    // A byte the code page leaves undefined: browsers and most tools keep it as the C1
    // control of the same number (the WHATWG tables), so "”" (E2 80 9D) becomes "â€\u009D".
    if (c === '\uFFFD') table.set(String.fromCharCode(b), b);
    else if (!table.has(c)) table.set(c, b);
  }
  return table;
}

let tables: { cp1252: Map<string, number>; cp874: Map<string, number> } | undefined;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LOST = /[âโ]€\uFFFD/gu;

/**
 * What damaged text may have stood for: Latin letters and signs, Greek, Cyrillic, punctuation
 * and symbols, CJK, Hangul, full-width forms, emoji.
 */
const PLAUSIBLE = /^[\u00A0-\u024F\u0370-\u04FF\u2000-\u2BFF\u3000-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF\u{1F000}-\u{1FAFF}]+$/u;

/**
 * What mojibake of UTF-8 through Windows-1252 always holds: a lead byte C2–F4 read as Latin-1
 * (Â … ô) followed by a continuation byte 80–BF read as Windows-1252 (the signs, the
 * C1 controls of its undefined bytes, and the characters it puts at 80–9F). Checked before
 * the byte tables are built, so a text with ordinary accents ("café") never loads them.
 */
const LEAD_1252 = /[Â-ô][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/u;

/**
 * UTF-8 read as GBK, the Chinese code page, leaves two signs no Chinese text holds: an
 * ideographic space (E3 80 80) read as "銆€", and a byte-order mark (EF BB BF) read as "锘"
 * and a lost byte at the start of a line ("锘?"). (Other characters of a Chinese text misread
 * so run into the next one's bytes: no sure repair is read off them, and they are left alone.)
 */
const GBK_SIGNS = /(?:銆€)+|(?<=^|\n)锘[?\uFFFD]/gu;

/** The mojibake runs of `text`, in order. */
export function findMojibake(text: string): Mojibake[] {
  const hasLatin = LEAD_1252.test(text);
  const hasThai = text.includes('€') && /[\u0E00-\u0E7F]/u.test(text);
  const hasGbk = text.includes('銆€') || text.includes('锘');
  if (!hasLatin && !hasThai && !hasGbk) return [];
  const out: Mojibake[] = [];
  if (hasGbk) {
    for (const m of text.matchAll(GBK_SIGNS)) out.push({ start: m.index, end: m.index + m[0].length, actual: m[0], expected: m[0].startsWith('銆') ? '\u3000'.repeat(m[0].length / 2) : '', encoding: 'gbk', confidence: 'high' });
    if (!hasLatin && !hasThai) return out;
  }
  tables ??= { cp1252: byteTable('windows-1252'), cp874: byteTable('windows-874') };
  if (hasLatin) scan(text, tables.cp1252, 'windows-1252', out);
  if (hasThai) scan(text, tables.cp874, 'windows-874', out);
  // A punctuation mark whose last byte was lost: the two characters of E2 80 and U+FFFD.
  for (const m of text.matchAll(LOST)) {
    out.push({ start: m.index, end: m.index + m[0].length, actual: m[0], expected: '”', encoding: m[0][0] === 'â' ? 'windows-1252' : 'windows-874', confidence: 'low' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Each maximal run of the code page's upper-half characters, decoded where its bytes form UTF-8 sequences. */
function scan(text: string, table: Map<string, number>, encoding: Mojibake['encoding'], out: Mojibake[]): void {
  let i = 0;
  while (i < text.length) {
    if (!table.has(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && table.has(text[j]!)) j++;
    if (j - i >= 2) decodeRun(text, i, j, table, encoding, out);
    i = j;
  }
}

/** How many bytes a UTF-8 sequence opened by `lead` holds; 0 when `lead` opens none. */
function utf8Length(lead: number): number {
  return lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/** The UTF-8 sequences inside the run [from, to): each becomes one finding of the characters it decodes to. */
function decodeRun(text: string, from: number, to: number, table: Map<string, number>, encoding: Mojibake['encoding'], out: Mojibake[]): void {
  let k = from;
  while (k < to) {
    // Sequences that follow one another make one finding ("Ã©tÃ©" has two, split by "t").
    let end = k;
    const bytes: number[] = [];
    for (;;) {
      const n = end < to ? utf8Length(table.get(text[end]!)!) : 0;
      if (n === 0 || end + n > to) break;
      const seq = [...text.slice(end, end + n)].map((c) => table.get(c)!);
      if (!seq.slice(1).every((b) => b >= 0x80 && b <= 0xbf)) break;
      bytes.push(...seq);
      end += n;
    }
    if (end === k) {
      k++;
      continue;
    }
    let decoded: string;
    try {
      decoded = UTF8.decode(Uint8Array.from(bytes));
    } catch {
      k = end;
      continue;
    }
    // Two-byte sequences also spell letters of scripts no article writes ("É°" would be U+0270,
    // "Ü²" Syriac): the text it stood for must be of the scripts and signs articles use.
    if (!PLAUSIBLE.test(decoded)) {
      k = end;
      continue;
    }
    if (encoding === 'windows-874' && !text.slice(k, end).includes('€')) {
      k = end;
      continue;
    }
    out.push({ start: k, end, actual: text.slice(k, end), expected: decoded, encoding, confidence: 'high' });
    k = end;
  }
}
