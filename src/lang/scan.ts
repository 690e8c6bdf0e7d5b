/**
 * One pass over a block's text that finds its tokens: words of alphabetic scripts, runs of
 * characters of scripts written without spaces (Han, kana, Hangul, Thai), and the pieces
 * that say nothing about language (acronyms, units after numbers, URLs, allowed terms).
 *
 * The visitor form allocates nothing per token; `tokenize` builds a list where a rule needs one.
 */
import {
  CYRILLIC,
  GREEK,
  HAN,
  HANGUL,
  KANA,
  LATIN,
  MARK,
  NONE,
  SCRIPTS,
  SCRIPT_COUNT,
  isDigit,
  isUpper,
  scriptOf,
} from './scripts.js';
import { UNITS, isClauseTally, tallyLowerWord } from './words.js';

/** A word or character run that belongs to a language. */
export const WORD = 0;
/** An all-capital Latin, Greek or Cyrillic word of two letters or more (GABA, REM, NMDA, ATP). */
export const ACRONYM = 1;
/** A unit or ordinal ending right after a number (mg, ml, h, nd). */
export const UNIT = 2;

/** Half-open range [start, end) of a block's text. */
export interface Range {
  start: number;
  end: number;
}

export interface Token extends Range {
  script: number;
  kind: number;
  /** Letters (code points that are letters) in the token. */
  letters: number;
  /** True when the token has no upper-case letter. */
  lower: boolean;
  /** Bracket or quote depth at the token (0 = in the running text). */
  depth: number;
}

export type TokenVisitor = (
  start: number,
  end: number,
  script: number,
  kind: number,
  letters: number,
  lower: boolean,
  depth: number,
) => void;

// (An address ends where CJK text or full-width punctuation starts: a Chinese sentence has no
// space to stop it, "检索下列网站:www.example.edu.cn/lib、检索词…" would run to the paragraph's end.)
const URL_CHAR = String.raw`[^\s<>"'()（）\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef“”‘’]`;
const URL = new RegExp(
  String.raw`\b(?:https?:\/\/|ftp:\/\/|www\.)${URL_CHAR}+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|de|fr|es|it|nl|ru|cn|jp|kr|au|ca|us)\b(?:\/${URL_CHAR}*)?`,
  'giu',
);

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** A quick test before the URL pattern: "://", "www.", "@", or a dot between a letter or digit and a letter. */
function mayHaveUrl(text: string): boolean {
  if (text.includes('://') || text.includes('www.') || text.includes('@')) return true;
  for (let i = text.indexOf('.'); i > 0; i = text.indexOf('.', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (isAsciiAlnum(text.charCodeAt(i - 1)) && ((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a))) return true;
  }
  return false;
}

/** Ranges of URLs, e-mail addresses and bare domain names in `text`. */
export function urlRanges(text: string): Range[] {
  if (!mayHaveUrl(text)) return [];
  const out: Range[] = [];
  for (const m of text.matchAll(URL)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Ranges where an allowed term stands in `text` as a whole word (case-insensitive for
 * Latin terms). `lowerText` is `text.toLowerCase()`, passed in when the caller has it.
 */
export function termRanges(text: string, terms: readonly string[], lowerText = text.toLowerCase()): Range[] {
  const out: Range[] = [];
  for (const term of terms) {
    const t = term.toLowerCase();
    if (t.length === 0) continue;
    for (let i = lowerText.indexOf(t); i !== -1; i = lowerText.indexOf(t, i + t.length)) {
      const before = i > 0 ? scriptOf(text.codePointAt(i - 1)!) : NONE;
      const after = i + t.length < text.length ? scriptOf(text.codePointAt(i + t.length)!) : NONE;
      const first = scriptOf(t.codePointAt(0)!);
      // A Latin term must not be the middle of a longer word; CJK terms have no word edges.
      if (first === LATIN && (before === LATIN || after === LATIN)) continue;
      out.push({ start: i, end: i + t.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const OPEN = new Set([0x28, 0x5b, 0xff08, 0x3010, 0x300a, 0x300c, 0x300e, 0xab, 0x201c, 0x3008, 0x2039, 0xff3b]);
const CLOSE = new Set([0x29, 0x5d, 0xff09, 0x3011, 0x300b, 0x300d, 0x300f, 0xbb, 0x201d, 0x3009, 0x203a, 0xff3d]);

export function isOpening(cp: number): boolean {
  return OPEN.has(cp);
}

export function isClosing(cp: number): boolean {
  return CLOSE.has(cp);
}

/**
 * Visits every token of `text`, skipping the `masked` ranges (sorted by start). Latin,
 * Greek and Cyrillic words in capitals are reported as ACRONYM, units after numbers as UNIT.
 */
export function scanTokens(text: string, masked: readonly Range[], visit: TokenVisitor): void {
  const n = text.length;
  let m = 0;
  let depth = 0;
  let quoted = false;
  let i = 0;
  while (i < n) {
    while (m < masked.length && masked[m]!.end <= i) m++;
    if (m < masked.length && masked[m]!.start <= i) {
      i = masked[m]!.end;
      continue;
    }
    const c0 = text.charCodeAt(i);
    const cp = c0 >= 0xd800 && c0 <= 0xdbff ? text.codePointAt(i)! : c0;
    const script = cp < 0x80 ? asciiScript(cp) : scriptOf(cp);
    if (script === NONE || script === MARK) {
      if (cp === 0x22) quoted = !quoted;
      else if (OPEN.has(cp)) depth++;
      else if (CLOSE.has(cp) && depth > 0) depth--;
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let letters = 0;
    let upper = 0;
    let j = i;
    const limit = m < masked.length ? masked[m]!.start : n;
    while (j < limit) {
      const c = text.charCodeAt(j);
      if (c < 0x80) {
        // ASCII: the common case, answered without a table search.
        if (script !== LATIN || asciiScript(c) !== LATIN) break;
        letters++;
        if (c <= 0x5a) upper++;
        j++;
        continue;
      }
      const code = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(j)! : c;
      const s = scriptOf(code);
      if (s === MARK) {
        j++;
        continue;
      }
      if (s !== script) break;
      letters++;
      if (isUpper(code)) upper++;
      j += code > 0xffff ? 2 : 1;
    }
    let kind = WORD;
    if (script === LATIN || script === GREEK || script === CYRILLIC) {
      if (letters >= 2 && upper === letters) kind = ACRONYM;
      else if (letters <= 4 && afterNumber(text, start) && UNITS.has(text.slice(start, j).toLowerCase())) kind = UNIT;
    }
    visit(start, j, script, kind, letters, upper === 0, depth > 0 || quoted ? 1 : 0);
    i = j;
  }
}

function asciiScript(c: number): number {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? LATIN : NONE;
}

/** True when a digit stands right before `i`, or before one space before it. */
function afterNumber(text: string, i: number): boolean {
  const a = text.charCodeAt(i - 1);
  if (isDigit(a)) return true;
  return (a === 0x20 || a === 0xa0) && isDigit(text.charCodeAt(i - 2));
}

/** All tokens of `text` as a list. */
export function tokenize(text: string, masked: readonly Range[] = []): Token[] {
  const out: Token[] = [];
  scanTokens(text, masked, (start, end, script, kind, letters, lower, depth) => {
    out.push({ start, end, script, kind, letters, lower, depth });
  });
  return out;
}

/** Letters of a block per script, weighted by script, split by bracket/quote depth. */
export interface LetterCounts {
  /** Weighted letters of words in the running text, by script id. */
  outside: Float64Array;
  /** Weighted letters of words inside brackets or quotes, by script id. */
  inside: Float64Array;
  /** True when letters of kana stand in the block (then its Han is Japanese). */
  kana: boolean;
}

/**
 * The script with the most weighted letters in the running text (in brackets and quotes when
 * the running text has none), NONE for no letters; a tie goes to the script of lower id.
 */
export function mainScript(counts: LetterCounts): number {
  const from = counts.outside.reduce((a, b) => a + b, 0) > 0 ? counts.outside : counts.inside;
  let best = NONE;
  for (let s = NONE + 1; s < SCRIPT_COUNT; s++) if (from[s]! > (best === NONE ? 0 : from[best]!)) best = s;
  return best;
}

/**
 * Counts the letters of `text` that tell its language (acronyms, units, masked ranges
 * excluded). In a block that also has Han, kana or Hangul, Latin words that make no clause
 * (names, terms and lists of them: "Journal of Clinical Nutrition", "magnesium citrate and
 * magnesium oxide") weigh a quarter: a Chinese paragraph citing English names stays Chinese.
 */
export function countLetters(text: string, masked: readonly Range[]): LetterCounts {
  const outside = new Float64Array(SCRIPT_COUNT);
  const inside = new Float64Array(SCRIPT_COUNT);
  scanTokens(text, masked, (_s, _e, script, kind, letters, _lower, depth) => {
    if (kind !== WORD) return;
    (depth > 0 ? inside : outside)[script]! += letters * SCRIPTS[script]!.weight;
  });
  const cjk = outside[HAN]! + inside[HAN]! + outside[KANA]! + inside[KANA]! + outside[HANGUL]! + inside[HANGUL]!;
  if (cjk > 0 && outside[LATIN]! + inside[LATIN]! > 0) discountBorrowedLatin(text, masked, outside, inside);
  return { outside, inside, kana: outside[KANA]! + inside[KANA]! > 0 };
}

/** Share of its weight a Latin word keeps when it is a name or a term among CJK text. */
const BORROWED_WEIGHT = 0.25;

/** Takes 3/4 of the letters of Latin runs that make no clause off the counts. */
function discountBorrowedLatin(text: string, masked: readonly Range[], outside: Float64Array, inside: Float64Array): void {
  let run = { start: -1, end: -1, out: 0, in: 0, lower: 0, clause: 0, list: false };
  const flush = (): void => {
    if (run.start === -1) return;
    if (!isClauseTally(run, text.slice(run.start, run.end))) {
      outside[LATIN]! -= run.out * (1 - BORROWED_WEIGHT);
      inside[LATIN]! -= run.in * (1 - BORROWED_WEIGHT);
    }
    run = { start: -1, end: -1, out: 0, in: 0, lower: 0, clause: 0, list: false };
  };
  scanTokens(text, masked, (start, end, script, kind, letters, lower, depth) => {
    if (kind !== WORD) return;
    if (script !== LATIN) {
      flush();
      return;
    }
    if (run.start === -1) run.start = start;
    run.end = end;
    if (depth > 0) run.in += letters;
    else run.out += letters;
    if (lower) tallyLowerWord(run, text, start, end, letters);
  });
  flush();
}

/** An HTML tag typed or leaked into text (`<div class="x">`, `</p>`, `<img src=…>`). */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** Ranges of HTML tags in `text`: markup, not language (artifact/html-tag judges them). */
function tagRanges(text: string): Range[] {
  if (!text.includes('<')) return [];
  const out: Range[] = [];
  for (const m of text.matchAll(TAG)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * A reference written out after its marker inside Chinese prose ("…叶酸。[46]Centers for Disease
 * Control. Recommendations for the use of folic acid … MMWR Recomm Rep. 1992;41:1-7.美国…"): the
 * Latin run after the marker, up to the next Chinese character, when it holds a year and a
 * journal's numbers or a DOI. A source's own language, not the article's.
 */
const INLINE_REFERENCE = /\[\d{1,3}(?:[,，–-]\d{1,3})*\]\s*([^\p{Script=Han}]{30,800})/gu;
const REFERENCE_DATA = /(?:19|20)\d{2}\s*[;,:]\s*\d|\bdoi\b|\bet al\b/iu;

/** Ranges of references written out after their markers in a block with Chinese prose. */
function inlineReferenceRanges(text: string): Range[] {
  if (!text.includes('[') || !HAN_CHAR.test(text)) return [];
  const out: Range[] = [];
  for (const m of text.matchAll(INLINE_REFERENCE)) {
    if (!REFERENCE_DATA.test(m[1]!)) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end });
  }
  return out;
}
const HAN_CHAR = /\p{Script=Han}/u;

/** The masked ranges of a block: URLs, HTML tags, references written out in Chinese prose and allowed terms, sorted and merged. */
export function maskedRanges(text: string, allowedTerms: readonly string[] = []): Range[] {
  const urls = urlRanges(text);
  const tags = tagRanges(text);
  const references = inlineReferenceRanges(text);
  if (allowedTerms.length === 0 && tags.length === 0 && references.length === 0) return urls;
  const all = [...urls, ...tags, ...references, ...termRanges(text, allowedTerms)].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

