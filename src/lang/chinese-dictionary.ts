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
 * Read on first use (about a tenth of a second), only when a text holds a doubled Han
 * character, and kept for the life of the process; a look-up is one hash-set probe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let words: Set<string> | undefined;
let longest = 0;

function load(): Set<string> {
  if (words) return words;
  words = new Set();
  const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    const word = text.slice(start, space >= 0 && space < end ? space : end);
    if (word) {
      words.add(word);
      if (word.length > longest) longest = word.length;
    }
    start = end + 1;
  }
  return words;
}

/** True when `text` is a word of the dictionary. */
export function isChineseWord(text: string): boolean {
  return load().has(text);
}

/** The length (UTF-16 units) of the longest dictionary word, capped for look-ups around a point. */
export function longestChineseWord(): number {
  load();
  return Math.min(longest, 8);
}
