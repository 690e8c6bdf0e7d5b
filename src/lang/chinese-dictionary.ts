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
 * character, and kept for the life of the process; a look-up is one hash-map probe. The
 * frequency counts let a rare entry (糖糖, a pet name) give way to a common word beside it
 * (糖分).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let words: Map<string, number> | undefined;
/** Part-of-speech tags of the one-character words (说 v, 长 a, 个 q, 镁 n, 的 uj). */
const characterTags = new Map<string, string>();
let longest = 0;

/**
 * Each line of dict.txt is "word frequency part-of-speech". What it builds is kept only once
 * complete: a draft stopped at its time budget while this runs (engine/budget.ts) leaves no
 * half-filled dictionary behind.
 */
function load(): Map<string, number> {
  if (words) return words;
  const built = new Map<string, number>();
  const tags = new Map<string, string>();
  let longestWord = 0;
  const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    const word = text.slice(start, space >= 0 && space < end ? space : end);
    if (word) {
      built.set(word, space >= 0 && space < end ? parseInt(text.slice(space + 1, end), 10) || 1 : 1);
      if (word.length === 1 && space >= 0 && space < end) {
        const tag = text.indexOf(' ', space + 1);
        if (tag >= 0 && tag < end) tags.set(word, text.slice(tag + 1, end).trim());
      }
      if (word.length > longestWord) longestWord = word.length;
    }
    start = end + 1;
  }
  for (const [ch, tag] of tags) characterTags.set(ch, tag);
  longest = longestWord;
  words = built;
  return words;
}

/** The dictionary's frequency count of the word `text`, or 0 when it is no word. */
export function chineseWordFrequency(text: string): number {
  return load().get(text) ?? 0;
}

/** The dictionary's part-of-speech tag of a one-character word ('' when it has none). */
export function chineseCharacterTag(ch: string): string {
  load();
  return characterTags.get(ch) ?? '';
}

/** The length (UTF-16 units) of the longest dictionary word, capped for look-ups around a point. */
export function longestChineseWord(): number {
  load();
  return Math.min(longest, 8);
}
