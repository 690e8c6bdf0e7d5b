/**
 * Tokens the corpus stage reads in a block's text, for fingerprints and for block alignment.
 *
 * Two kinds matter. Text tokens (words of space-separated scripts, Han characters) tell
 * whether two passages say the same thing in the same language. Anchors — citation
 * markers, numbers, URLs, acronyms — survive machine translation unchanged, so they are
 * what ties a Chinese passage to its English source.
 */

export interface BlockTokens {
  /** Words of space-separated scripts (Latin, Cyrillic, Greek…) and numbers, lower-cased, in order. */
  words: string[];
  /** Runs of Han (and kana) characters, in order. */
  hanRuns: string[];
  /** Citation numbers in order of appearance: "( 15 , 16 )" and "[15, 16]" give 15, 16. */
  cites: number[];
  /** Numbers outside citation markers, normalised ("1,000" → "1000", "11.25" stays). */
  numbers: string[];
  /** URLs without scheme, "www." or trailing slash, lower-cased. */
  urls: string[];
  /** Upper-case Latin acronyms and words with digits ("GABA", "B12"), lower-cased. */
  acronyms: string[];
  /** Latin-script letters (plus the spaces between Latin words) — the English-like length. */
  latinChars: number;
  /** Han and kana characters. */
  hanChars: number;
}

/**
 * A Chinese sentence has about a quarter as many Han characters as its English source has
 * letters and spaces (0.18–0.30 over the 30 translated blocks of the samples; about
 * 0.3–0.5× counting punctuation and markers). Weighting a Han character as this many Latin
 * characters puts both languages on one length scale.
 */
export const HAN_CHAR_WEIGHT = 4;

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()\u3000-\u303f\uff08\uff09]+/gi;
const CITATION = /[([]\s*(\d{1,3}(?:\s*[,，、;；]\s*\d{1,3})*)\s*[)\]]/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const HAN_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const HAN_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const ACRONYM = /^(?:\p{Lu}{2,}\d*|\p{L}+\d+\p{L}*)$/u;
// Most blocks are plain English: ASCII letters with typographic punctuation. For them the
// same tokens come from ASCII patterns, several times faster than Unicode property escapes.
const NOT_SIMPLE = /[\u00c0-\u1fff\u2070-\uffff]/;
const DIGIT = /[0-9]/;
const SIMPLE_WORD = /[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*/g;
const SIMPLE_ACRONYM = /^(?:[A-Z]{2,}[0-9]*|[A-Za-z]+[0-9]+[A-Za-z]*)$/;

export function tokenize(raw: string): BlockTokens {
  const simple = !NOT_SIMPLE.test(raw);
  // NFKC folds full-width digits, letters and brackets ("（１５）") to their ASCII forms;
  // plain English text has none of them.
  let text = simple ? raw : raw.normalize('NFKC');
  const urls: string[] = [];
  if (text.includes('http') || text.includes('www.')) {
    text = text.replace(URL, (m) => {
      urls.push(normaliseUrl(m));
      return ' ';
    });
  }
  const cites: number[] = [];
  const numbers: string[] = [];
  if (DIGIT.test(text)) {
    text = text.replace(CITATION, (_m, list: string) => {
      for (const n of list.split(/[^\d]+/)) if (n) cites.push(Number(n));
      return ' ';
    });
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) numbers.push(normaliseNumber(m[0]));
  }

  const words: string[] = [];
  const acronyms: string[] = [];
  const hanRuns: string[] = [];
  let latinChars = 0;
  let hanChars = 0;
  if (!simple) {
    HAN_RUN.lastIndex = 0;
    for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
      hanRuns.push(m[0]);
      hanChars += m[0].length;
    }
  }
  const rest = hanChars === 0 ? text : text.replace(HAN_RUN, ' ');
  const word = simple ? SIMPLE_WORD : WORD;
  word.lastIndex = 0;
  for (let m = word.exec(rest); m; m = word.exec(rest)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      words.push(normaliseNumber(w));
      continue;
    }
    words.push(w.toLowerCase());
    if (simple || LATIN_LETTER.test(w)) {
      latinChars += w.length + 1;
      if ((simple ? SIMPLE_ACRONYM : ACRONYM).test(w)) acronyms.push(w.toLowerCase());
    }
  }
  return { words, hanRuns, cites, numbers, urls, acronyms, latinChars, hanChars };
}

/** Length on one scale for every language (see HAN_CHAR_WEIGHT). */
export function neutralLength(t: BlockTokens): number {
  return t.latinChars + t.hanChars * HAN_CHAR_WEIGHT;
}

export function isHan(ch: string): boolean {
  return HAN_CHAR.test(ch);
}

function normaliseUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/+$/, '');
}

function normaliseNumber(n: string): string {
  // A comma between digit groups of three is a thousands separator; otherwise a decimal comma.
  if (/^\d{1,3}(,\d{3})+$/.test(n)) return n.replace(/,/g, '');
  return n.replace(/,/g, '.');
}
