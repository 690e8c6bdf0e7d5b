/**
 * Shallow text features of a block, in the manner of the boilerplate-removal literature
 * (jusText's length, link density and stopword density; boilerpipe's word counts; the
 * punctuation and letter-case shape of a line): cheap, computed once per block, linear in
 * the block's text.
 */
import type { Block } from '../types.js';
import { normaliseLine, STOPWORDS } from './lexicon.js';

export interface Features {
  /** The block's text trimmed, and its normalised form (see `normaliseLine`). */
  text: string;
  normalised: string;
  /** Latin-script words, and Han characters (a Chinese line is measured by these). */
  words: number;
  han: number;
  /** Short enough to be a label, a button or a widget line rather than prose. */
  short: boolean;
  /** Longer than any label: a paragraph of prose, a list of facts. */
  long: boolean;
  /** Ends a sentence somewhere (". " after a word, "。", "！", "？"). */
  sentence: boolean;
  /**
   * Share of Latin words that are English function words (jusText's stopword density);
   * −1 until asked for on a block longer than a label (see `stopwordDensityOf`).
   */
  stopwordDensity: number;
  /** Share of Latin letters in upper case. */
  upperRatio: number;
  /** Share of the block's text inside links (0 when the parse has no links). */
  linkDensity: number;
  /** Links in the block. */
  links: number;
  /** Text range of code in the block (script, style, template or shortcode), if any. */
  code?: { start: number; end: number };
}

/** The stopword density of a block's features, counted now if it was left for later. */
export function stopwordDensityOf(f: Features): number {
  if (f.stopwordDensity < 0) {
    const { stop } = letterCounts(f.text);
    f.stopwordDensity = f.words === 0 ? 0 : Math.min(1, stop / f.words);
  }
  return f.stopwordDensity;
}

/** Function words, capitals and ASCII letters of a text, in one pass over its words. */
function letterCounts(text: string): { stop: number; upper: number; letters: number } {
  let stop = 0;
  let upper = 0;
  let letters = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const ascii = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (ascii || c === 39) {
      if (start < 0 && c !== 39) start = i;
      if (c >= 65 && c <= 90) upper++;
      if (ascii) letters++;
      continue;
    }
    if (start >= 0 && i - start <= 10 && STOPWORDS.has(text.slice(start, i).toLowerCase())) stop++;
    start = -1;
  }
  return { stop, upper, letters };
}

/**
 * Words of alphabetic scripts (Latin with its diacritics, Greek, Cyrillic; an apostrophe,
 * hyphen or combining mark continues a word) and Han characters, counted in one pass
 * without allocating: this runs on every block of every draft.
 */
function countWords(text: string): { words: number; han: number } {
  let words = 0;
  let han = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter =
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff) || (c >= 0x1e00 && c <= 0x1eff);
    if (letter) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && (c === 39 || c === 45 || c === 0x2019 || (c >= 0x300 && c <= 0x36f)))) {
      inWord = false;
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    }
  }
  return { words, han };
}

// A sentence ends after a lower-case word or a closing bracket/quote/digit: "Dr." and "SHOP NOW!" do not count.
const SENTENCE_END = /(?:[a-z]{2}|[)\]"”’0-9%])[.!?](?=\s|$)|[。！？]/u;

export function featuresOf(block: Block, links: { density: number; count: number }): Features {
  const raw = block.text;
  const { words: count, han } = countWords(raw);
  const size = count + Math.ceil(han / 2.5);
  if (size > 45) {
    // A long block is prose or a list of facts: only what may hide inside one is looked at
    // (code, a pasted notice); nothing is copied, split or lower-cased here.
    const f: Features = { text: raw, normalised: '', words: count, han, short: false, long: true, sentence: true, stopwordDensity: 0, upperRatio: 0, linkDensity: links.density, links: links.count };
    const code = codeIn(raw);
    if (code) f.code = code;
    return f;
  }
  const text = raw.trim();
  // Function words and capitals are counted for a short line (a label or a prose fragment?);
  // a longer block's are counted only if a rule asks (see `stopwordDensityOf`).
  const { stop, upper, letters } = size <= 12 ? letterCounts(text) : { stop: -1, upper: 0, letters: 0 };
  const f: Features = {
    text,
    normalised: normaliseLine(text),
    words: count,
    han,
    short: size <= 12,
    long: false,
    sentence: SENTENCE_END.test(text),
    stopwordDensity: stop < 0 ? -1 : count === 0 ? 0 : Math.min(1, stop / count),
    upperRatio: letters === 0 ? 0 : upper / letters,
    linkDensity: links.density,
    links: links.count,
  };
  const code = codeIn(block.text);
  if (code) f.code = code;
  return f;
}

/**
 * Evidence of code: each pattern is specific to script, style sheet, template or shortcode
 * syntax and never to prose ("a = b" in a sentence matches none of them).
 */
const CODE_LINE: readonly RegExp[] = [
  /\(\s*adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*\[\]\s*\)\.push\(\s*\{\s*\}\s*\)\s*;?/,
  /\b(?:window|document)\.[A-Za-z_$][\w$]*(?:\.[\w$]+)*\s*[=(]/,
  /\bfunction\s*[\w$]*\s*\([^)]*\)\s*\{/,
  /^\s*(?:var|let|const)\s+[\w$]+\s*=\s*\S/,
  /\b(?:googletag|gtag|dataLayer|fbq|__tcfapi|ezstandalone)\s*(?:\.|\()/,
  // A CSS rule: a few selectors, each separated by a combinator or a space (one way only,
  // so a long line of words cannot make the pattern backtrack), then "{ property: value".
  /^\s*[.#@]?[\w-]+(?:(?:\s*[,>+~]\s*|\s+)[.#]?[\w-]+){0,6}\s*\{\s*[\w-]+\s*:\s*[^;{}]+;?/,
  /^\s*@media\b|!important\s*;/,
  /<\/?(?:script|style|iframe|ins|noscript)\b/i,
  // Script of a page's widgets: arrow functions, members of `this` and the browser's objects.
  /\)\s*=>\s*[{(]/,
  /\b(?:this|navigator|console|localStorage|sessionStorage)\.[A-Za-z_$][\w$]*(?:\.[\w$]+)*\s*[=(]/,
];
const TEMPLATE = /\{\{[^{}\n]{1,80}\}\}|\{%[^%\n]{1,80}%\}|<%[^%\n]{1,80}%>/g;
const SHORTCODE = /\[\/?[a-z][\w-]*(?:\s+[\w-]+=(?:"[^"]*"|'[^']*'|[^\s\]]+))*\s*\/?\]/g;

const MAY_BE_CODE = /[{=]|<\/?(?:script|style|iframe|ins|noscript)\b|\b(?:window|document|googletag|gtag|dataLayer|fbq|__tcfapi|ezstandalone)\b/i;
const CODE_SYMBOLS = new Uint8Array(128);
for (const c of '{}();=<>[]|&$') CODE_SYMBOLS[c.charCodeAt(0)] = 1;

/**
 * Whether code (a script, a style sheet, template tags) fills most of a text: such a line is
 * the page's machinery, in no human language.
 */
export function isCodeLine(text: string): boolean {
  const code = codeIn(text);
  return code !== undefined && code.end - code.start >= text.trim().length * 0.6;
}

function codeIn(text: string): { start: number; end: number } | undefined {
  const trimmedStart = text.length - text.trimStart().length;
  const trimmedEnd = text.trimEnd().length;
  // Symbols typical of code make up a good part of a code line; prose has few. Counted only
  // where a code pattern could match at all (most prose has none of these marks).
  let symbols = 0;
  if (MAY_BE_CODE.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) symbols += CODE_SYMBOLS[c]!;
    }
  }
  if (symbols >= 4 && symbols / Math.max(1, trimmedEnd - trimmedStart) >= 0.06 && CODE_LINE.some((re) => re.test(text))) {
    return { start: trimmedStart, end: trimmedEnd };
  }
  if (!text.includes('{') && !text.includes('[') && !text.includes('<%')) return undefined;
  // Template tags and shortcodes: the whole block when they fill it, else the first run of them.
  let first: { start: number; end: number } | undefined;
  let covered = 0;
  for (const re of [TEMPLATE, SHORTCODE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "[1]" and "[citation needed]" are citations, not shortcodes: a shortcode has a name
      // and either attributes, a closing slash or a name of code shape.
      if (re === SHORTCODE && !/^\[\/|=|\/\]$|^\[[a-z]+[_-][a-z]/.test(m[0])) continue;
      covered += m[0].length;
      if (!first || m.index < first.start) first = { start: m.index, end: m.index + m[0].length };
    }
  }
  if (!first) return undefined;
  const rest = text.replace(TEMPLATE, '').replace(SHORTCODE, '').trim();
  if (rest === '' || covered >= (trimmedEnd - trimmedStart) * 0.6) return { start: trimmedStart, end: trimmedEnd };
  return first;
}
