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
  /** Share of Latin words that are English function words (jusText's stopword density). */
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

// Words of alphabetic scripts (Latin with its diacritics, Cyrillic, Greek); Han is counted apart.
const WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}][\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}'’-]*/gu;
const HAN = /\p{Script=Han}/gu;
// A sentence ends after a lower-case word or a closing bracket/quote/digit: "Dr." and "SHOP NOW!" do not count.
const SENTENCE_END = /(?:[a-z]{2}|[)\]"”’0-9%])[.!?](?=\s|$)|[。！？]/u;

export function featuresOf(block: Block, links: { density: number; count: number }): Features {
  const text = block.text.trim();
  const words = text.match(WORD) ?? [];
  const han = text.match(HAN)?.length ?? 0;
  let stop = 0;
  let upper = 0;
  let letters = 0;
  for (const w of words) {
    if (STOPWORDS.has(w.toLowerCase())) stop++;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 65 && c <= 90) upper++;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      // (Letters beyond ASCII count as neither: the capitals test is for English labels.)
    }
  }
  const f: Features = {
    text,
    normalised: normaliseLine(text),
    words: words.length,
    han,
    short: words.length + Math.ceil(han / 2.5) <= 12,
    long: words.length + Math.ceil(han / 2.5) > 45,
    sentence: SENTENCE_END.test(text),
    stopwordDensity: words.length === 0 ? 0 : stop / words.length,
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
];
const TEMPLATE = /\{\{[^{}\n]{1,80}\}\}|\{%[^%\n]{1,80}%\}|<%[^%\n]{1,80}%>/g;
const SHORTCODE = /\[\/?[a-z][\w-]*(?:\s+[\w-]+=(?:"[^"]*"|'[^']*'|[^\s\]]+))*\s*\/?\]/g;

function codeIn(text: string): { start: number; end: number } | undefined {
  const trimmedStart = text.length - text.trimStart().length;
  const trimmedEnd = text.trimEnd().length;
  // Symbols typical of code make up a good part of a code line; prose has few.
  const symbols = text.match(/[{}();=<>[\]|&$]/g)?.length ?? 0;
  if (symbols >= 4 && symbols / Math.max(1, trimmedEnd - trimmedStart) >= 0.06 && CODE_LINE.some((re) => re.test(text))) {
    return { start: trimmedStart, end: trimmedEnd };
  }
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
