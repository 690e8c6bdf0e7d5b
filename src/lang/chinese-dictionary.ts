/**
 * The Chinese word list the doubled-character test asks: jieba's dictionary (about 349,000
 * words, reduplications such as 常常, 谢谢, 气喘吁吁 and 明明白白 among them), as the
 * `@node-rs/jieba` package ships it in `dict.txt` (MIT). Only the text file is read; the
 * package's native segmenter is not loaded.
 *
 * CC-CEDICT (the `cc-cedict` package) was the other candidate: its install script downloads
 * the dictionary from the web, which an install here must not do, and it loads as three large
 * JavaScript modules.
 *
 * Read on first use (a few tenths of a second), only when a text holds a doubled Han
 * character, and kept for the life of the process; a look-up is a binary search. The
 * frequency counts let a rare entry (糖糖, a pet name) give way to a common word beside it
 * (糖分).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { onRelease } from '../lazy.js';

const require = createRequire(import.meta.url);

/**
 * dict.txt itself, with the start of each entry's line, the end of its word and the end of
 * its line, in the order of the words: a look-up is a binary search in the text. Reading the
 * file and finding its lines takes a few hundredths of a second; a map of its 349,000 words
 * took ten times as long to build, in every worker thread, for the few look-ups a batch makes.
 */
interface Dictionary {
  text: string;
  starts: Int32Array;
  wordEnds: Int32Array;
  lineEnds: Int32Array;
  longest: number;
}

let dictionary: Dictionary | undefined;
onRelease(() => (dictionary = undefined));

/**
 * Each line of dict.txt is "word frequency part-of-speech". What it builds is kept only once
 * complete: a draft stopped at its time budget while this runs (engine/budget.ts) leaves no
 * half-built dictionary behind.
 */
function load(): Dictionary {
  if (dictionary) return dictionary;
  const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const starts: number[] = [];
  const wordEnds: number[] = [];
  const lineEnds: number[] = [];
  let longest = 0;
  let ordered = true;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let space = text.indexOf(' ', start);
    if (space < 0 || space > end) space = end;
    if (space > start) {
      const n = starts.length;
      if (n > 0 && compareRanges(text, starts[n - 1]!, wordEnds[n - 1]!, start, space) >= 0) ordered = false;
      starts.push(start);
      wordEnds.push(space);
      lineEnds.push(end);
      if (space - start > longest) longest = space - start;
    }
    start = end + 1;
  }
  if (ordered) {
    dictionary = { text, starts: Int32Array.from(starts), wordEnds: Int32Array.from(wordEnds), lineEnds: Int32Array.from(lineEnds), longest };
    return dictionary;
  }
  // The file lists its words in order and once each; should a later one not, the index is
  // sorted here, and of a word listed twice the last line counts (as a map would keep it).
  const word = (i: number): string => text.slice(starts[i]!, wordEnds[i]!);
  const sorted = starts.map((_, i) => i).sort((a, b) => (word(a) < word(b) ? -1 : word(a) > word(b) ? 1 : a - b));
  const order = sorted.filter((i, k) => k + 1 === sorted.length || word(sorted[k + 1]!) !== word(i));
  dictionary = {
    text,
    starts: Int32Array.from(order, (i) => starts[i]!),
    wordEnds: Int32Array.from(order, (i) => wordEnds[i]!),
    lineEnds: Int32Array.from(order, (i) => lineEnds[i]!),
    longest,
  };
  return dictionary;
}

/** How text[a, aEnd) compares with text[b, bEnd) in code-unit order. */
function compareRanges(text: string, a: number, aEnd: number, b: number, bEnd: number): number {
  const n = Math.min(aEnd - a, bEnd - b);
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(a + k) - text.charCodeAt(b + k);
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}

/** How text[from, to) compares with `word` in code-unit order (as `<` compares strings): negative, zero or positive. */
function compareAt(text: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(from + k) - word.charCodeAt(k);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}

/** The entry of `word` in the dictionary, or -1. */
function entryOf(d: Dictionary, word: string): number {
  let lo = 0;
  let hi = d.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareAt(d.text, d.starts[mid]!, d.wordEnds[mid]!, word);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The dictionary's frequency count of the word `text`, or 0 when it is no word. */
export function chineseWordFrequency(text: string): number {
  const d = load();
  const k = entryOf(d, text);
  if (k < 0) return 0;
  const space = d.wordEnds[k]!;
  return space < d.lineEnds[k]! ? parseInt(d.text.slice(space + 1, d.lineEnds[k]!), 10) || 1 : 1;
}

/** The dictionary's part-of-speech tag of a one-character word ('' when it has none). */
export function chineseCharacterTag(ch: string): string {
  const d = load();
  const k = ch.length === 1 ? entryOf(d, ch) : -1;
  if (k < 0) return '';
  const space = d.wordEnds[k]!;
  const end = d.lineEnds[k]!;
  if (space >= end) return '';
  const tag = d.text.indexOf(' ', space + 1);
  return tag >= 0 && tag < end ? d.text.slice(tag + 1, end).trim() : '';
}

/** The length (UTF-16 units) of the longest dictionary word, capped for look-ups around a point. */
export function longestChineseWord(): number {
  return Math.min(load().longest, 8);
}
