/**
 * Unicode scripts as the language stage sees them: which script a code point belongs to,
 * how much a letter of that script weighs, and which languages the script can stand for.
 *
 * The classifier is a range table searched by code point, with ASCII and the main Han
 * block answered before the search, so classifying a character allocates nothing.
 */

import { ALPHABET_LANGUAGES } from './alphabets.js';

/** Script ids; small integers so per-block counts fit in a typed array. */
export const NONE = 0;
export const LATIN = 1;
export const HAN = 2;
export const KANA = 3;
export const HANGUL = 4;
export const CYRILLIC = 5;
export const GREEK = 6;
export const ARABIC = 7;
export const HEBREW = 8;
export const DEVANAGARI = 9;
export const THAI = 10;
export const ARMENIAN = 11;
export const GEORGIAN = 12;
export const BENGALI = 13;
export const TAMIL = 14;
export const GUJARATI = 15;
export const GURMUKHI = 16;
export const ORIYA = 17;
export const TELUGU = 18;
export const KANNADA = 19;
export const MALAYALAM = 20;
export const SINHALA = 21;
export const LAO = 22;
export const MYANMAR = 23;
export const KHMER = 24;
export const ETHIOPIC = 25;
/** A letter of a script not listed above. */
export const OTHER = 26;
/** A combining mark: continues the word it stands in, counts as no letter. */
export const MARK = 27;
export const SCRIPT_COUNT = 28;

export interface ScriptInfo {
  name: string;
  /**
   * Weight of one letter when letters of different scripts are compared. A Han character
   * says about as much as 2.5–3 Latin letters (a Chinese translation of English text has
   * that many times fewer characters than the original has letters); it weighs 2, a little
   * less, so that a draft machine-translated halfway still counts as the language it was
   * written in. A kana or Hangul syllable (about two letters' worth of sound) weighs 2 too.
   */
  weight: number;
  /** The language a block of this script is given when nothing finer decides. */
  language: string;
  /** Languages franc may choose among on long text; empty when the script settles it. */
  candidates: readonly string[];
  /** True for scripts written without spaces between words (run length counts characters). */
  cjk: boolean;
}

/**
 * The Latin-script languages a block may be given: those whose alphabets ./alphabets.ts
 * knows, which are the Latin-script languages of eld's model (./identify.ts) and franc's
 * codes for them.
 */
export const LATIN_LANGUAGES: readonly string[] = ALPHABET_LANGUAGES;

export const SCRIPTS: readonly ScriptInfo[] = [
  { name: 'none', weight: 0, language: 'und', candidates: [], cjk: false },
  { name: 'Latin', weight: 1, language: 'eng', candidates: LATIN_LANGUAGES, cjk: false },
  { name: 'Han', weight: 2, language: 'cmn', candidates: [], cjk: true },
  { name: 'Kana', weight: 2, language: 'jpn', candidates: [], cjk: true },
  { name: 'Hangul', weight: 2, language: 'kor', candidates: [], cjk: true },
  { name: 'Cyrillic', weight: 1, language: 'rus', candidates: ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd'], cjk: false },
  { name: 'Greek', weight: 1, language: 'ell', candidates: [], cjk: false },
  { name: 'Arabic', weight: 1, language: 'arb', candidates: ['arb', 'pes', 'urd'], cjk: false },
  { name: 'Hebrew', weight: 1, language: 'heb', candidates: [], cjk: false },
  { name: 'Devanagari', weight: 1, language: 'hin', candidates: ['hin', 'mar', 'npi'], cjk: false },
  { name: 'Thai', weight: 1, language: 'tha', candidates: [], cjk: true },
  { name: 'Armenian', weight: 1, language: 'hye', candidates: [], cjk: false },
  { name: 'Georgian', weight: 1, language: 'kat', candidates: [], cjk: false },
  { name: 'Bengali', weight: 1, language: 'ben', candidates: [], cjk: false },
  { name: 'Tamil', weight: 1, language: 'tam', candidates: [], cjk: false },
  { name: 'Gujarati', weight: 1, language: 'guj', candidates: [], cjk: false },
  { name: 'Gurmukhi', weight: 1, language: 'pan', candidates: [], cjk: false },
  { name: 'Oriya', weight: 1, language: 'ori', candidates: [], cjk: false },
  { name: 'Telugu', weight: 1, language: 'tel', candidates: [], cjk: false },
  { name: 'Kannada', weight: 1, language: 'kan', candidates: [], cjk: false },
  { name: 'Malayalam', weight: 1, language: 'mal', candidates: [], cjk: false },
  { name: 'Sinhala', weight: 1, language: 'sin', candidates: [], cjk: false },
  { name: 'Lao', weight: 1, language: 'lao', candidates: [], cjk: true },
  { name: 'Myanmar', weight: 1, language: 'mya', candidates: [], cjk: true },
  { name: 'Khmer', weight: 1, language: 'khm', candidates: [], cjk: true },
  { name: 'Ethiopic', weight: 1, language: 'amh', candidates: [], cjk: false },
  { name: 'other', weight: 1, language: 'und', candidates: [], cjk: false },
  { name: 'mark', weight: 0, language: 'und', candidates: [], cjk: false },
];

/** Languages a script can stand for (its default and its franc candidates). */
export function languagesOfScript(script: number): readonly string[] {
  const info = SCRIPTS[script]!;
  if (script === HAN) return ['cmn', 'jpn'];
  return info.candidates.length > 0 ? info.candidates : [info.language];
}

/** The script whose languages include `lang`, or NONE. */
export function scriptOfLanguage(lang: string): number {
  for (let s = 1; s < OTHER; s++) if (languagesOfScript(s).includes(lang)) return s;
  return NONE;
}

// [first, last, script], sorted by first code point; letters only where that is cheap to say.
const RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0x00c0, 0x00d6, LATIN],
  [0x00d8, 0x00f6, LATIN],
  [0x00f8, 0x02af, LATIN],
  [0x0300, 0x036f, MARK],
  [0x0370, 0x0373, GREEK],
  [0x0376, 0x0377, GREEK],
  [0x037b, 0x037d, GREEK],
  [0x0386, 0x0386, GREEK],
  [0x0388, 0x03ff, GREEK],
  [0x0400, 0x0481, CYRILLIC],
  [0x0483, 0x0489, MARK],
  [0x048a, 0x052f, CYRILLIC],
  [0x0531, 0x0556, ARMENIAN],
  [0x0561, 0x0587, ARMENIAN],
  [0x0591, 0x05c7, MARK],
  [0x05d0, 0x05ea, HEBREW],
  [0x05ef, 0x05f2, HEBREW],
  [0x0620, 0x064a, ARABIC],
  [0x064b, 0x065f, MARK],
  [0x066e, 0x06d3, ARABIC],
  [0x06d5, 0x06d5, ARABIC],
  [0x06fa, 0x06ff, ARABIC],
  [0x0750, 0x077f, ARABIC],
  [0x0900, 0x0963, DEVANAGARI],
  [0x0971, 0x097f, DEVANAGARI],
  [0x0980, 0x09e3, BENGALI],
  [0x09f0, 0x09f1, BENGALI],
  [0x0a01, 0x0a65, GURMUKHI],
  [0x0a70, 0x0a76, GURMUKHI],
  [0x0a81, 0x0ae3, GUJARATI],
  [0x0af9, 0x0aff, GUJARATI],
  [0x0b01, 0x0b65, ORIYA],
  [0x0b70, 0x0b77, ORIYA],
  [0x0b80, 0x0bef, TAMIL],
  [0x0c00, 0x0c65, TELUGU],
  [0x0c80, 0x0ce5, KANNADA],
  [0x0d00, 0x0d65, MALAYALAM],
  [0x0d7a, 0x0d7f, MALAYALAM],
  [0x0d81, 0x0de5, SINHALA],
  [0x0df2, 0x0df3, SINHALA],
  [0x0e01, 0x0e3a, THAI],
  [0x0e40, 0x0e4e, THAI],
  [0x0e81, 0x0ecf, LAO],
  [0x0edc, 0x0edf, LAO],
  [0x1000, 0x103f, MYANMAR],
  [0x1050, 0x108f, MYANMAR],
  [0x10a0, 0x10ff, GEORGIAN],
  [0x1100, 0x11ff, HANGUL],
  [0x1200, 0x137c, ETHIOPIC],
  [0x1780, 0x17d3, KHMER],
  [0x1ab0, 0x1aff, MARK],
  [0x1dc0, 0x1dff, MARK],
  [0x1e00, 0x1eff, LATIN],
  [0x1f00, 0x1ffe, GREEK],
  [0x2c60, 0x2c7f, LATIN],
  [0x2de0, 0x2dff, MARK],
  [0x3005, 0x3005, HAN],
  [0x3007, 0x3007, HAN],
  [0x3021, 0x3029, HAN],
  [0x3038, 0x303b, HAN],
  [0x3041, 0x3096, KANA],
  [0x3099, 0x309a, MARK],
  [0x309d, 0x309f, KANA],
  [0x30a1, 0x30fa, KANA],
  [0x30fd, 0x30ff, KANA],
  [0x3131, 0x318e, HANGUL],
  [0x31f0, 0x31ff, KANA],
  [0x3400, 0x4dbf, HAN],
  [0x4e00, 0x9fff, HAN],
  [0xa640, 0xa66e, CYRILLIC],
  [0xa680, 0xa69d, CYRILLIC],
  [0xa720, 0xa7ff, LATIN],
  [0xa960, 0xa97f, HANGUL],
  [0xac00, 0xd7a3, HANGUL],
  [0xd7b0, 0xd7ff, HANGUL],
  [0xf900, 0xfaff, HAN],
  [0xfb1d, 0xfb4f, HEBREW],
  [0xfb50, 0xfdff, ARABIC],
  [0xfe20, 0xfe2f, MARK],
  [0xfe70, 0xfefc, ARABIC],
  [0xff21, 0xff3a, LATIN],
  [0xff41, 0xff5a, LATIN],
  [0xff66, 0xff9d, KANA],
  [0xffa0, 0xffdc, HANGUL],
  [0x20000, 0x323af, HAN],
];

const LETTER = /^\p{L}$/u;
/** Letters of scripts the table does not list, found once by regex and remembered. */
const unlisted = new Map<number, number>();

/** The script of a code point (NONE for digits, punctuation, spaces and symbols). */
export function scriptOf(cp: number): number {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? LATIN : NONE;
  if (cp >= 0x4e00 && cp <= 0x9fff) return HAN;
  // General punctuation, letterlike symbols, arrows, maths, CJK punctuation, fullwidth punctuation.
  if ((cp >= 0x2000 && cp < 0x2c00) || (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020)) return NONE;
  if (cp >= 0xff00 && cp <= 0xff20) return NONE;
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = RANGES[mid]!;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return r[2];
  }
  if (cp < 0xc0) return NONE;
  let s = unlisted.get(cp);
  if (s === undefined) {
    s = LETTER.test(String.fromCodePoint(cp)) ? OTHER : NONE;
    unlisted.set(cp, s);
  }
  return s;
}

/** True for an ASCII or Latin-1 upper-case letter, or any code point whose lower case differs. */
export function isUpper(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  return (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7) || (cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x400 && cp <= 0x42f);
}

export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}
