/**
 * The article's vocabulary, and how much of it a short line shares: the title, a subtitle and
 * the section headings of an article speak of its topic, while a page's chrome (a site name,
 * a menu, a badge, an author's name, a category kicker) shares no content word with the
 * article's prose. A line's topicality is evidence that does not depend on any phrase.
 *
 * Tokens: Latin words of three letters or more that are not function words (lower-cased, a
 * plural "s" dropped), and pairs of adjacent Han characters (Chinese has no spaces; a pair
 * holding a function character such as 的 or 是 says nothing of the topic and is skipped); a
 * character that pairs with neither neighbour is a token alone.
 * One pass over the prose builds the set; a line is then looked up token by token: linear.
 */
import { STOPWORDS } from './lexicon.js';
import { ScopedTextMemo } from '../text-memo.js';

const FUNCTION_HAN = new Set([...'的了是在和与與及或也就都而这這那它你我他她们們个個之其为為有不把被从從对對以于於']);

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isLatin(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether the character at `j` may stand in a pair: a Han character that is no function word. */
function pairs(text: string, j: number): boolean {
  return j >= 0 && j < text.length && isHan(text.charCodeAt(j)) && !FUNCTION_HAN.has(text[j]!);
}

/** Calls `emit` with every token of a text, in one pass. */
export function eachToken(text: string, emit: (token: string) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isLatin(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 3 && i - start <= 30) {
      let w = text.slice(start, i).toLowerCase();
      if (!STOPWORDS.has(w)) {
        if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
        emit(w);
      }
    }
    start = -1;
    if (!pairs(text, i)) continue;
    if (pairs(text, i + 1)) emit(text.slice(i, i + 2));
    // A character that pairs with neither neighbour is a word of one character, as the names
    // of most minerals are ("什麼是鈣", "的铁"): a token of its own.
    else if (!pairs(text, i - 1)) emit(text[i]!);
  }
}

/**
 * The tokens of a text (`eachToken`'s, in order), remembered by the text: the prose of
 * versions of an article is read again and again (see text-memo.ts). Read only.
 */
function tokensOf(text: string): readonly string[] {
  return tokenMemo.in('').get(text, (t) => {
    const out: string[] = [];
    eachToken(t, (token) => out.push(token));
    return out;
  });
}

const tokenMemo = new ScopedTextMemo<readonly string[]>(4096);

export interface Topic {
  /** Tokens of the article's prose. */
  words: ReadonlySet<string>;
  /**
   * Tokens of a text, and how many of them the prose holds. Only tokens of a script the
   * prose is written in count: an English line in a Chinese article (its original title,
   * a gloss) cannot be told on or off topic by the Chinese vocabulary.
   */
  share(text: string): { tokens: number; shared: number; foreign: number };
}

const isHanToken = (t: string): boolean => t.charCodeAt(0) >= 0x3400;

/** The vocabulary of the given prose texts. */
export function topicOf(prose: Iterable<string>): Topic {
  const words = new Set<string>();
  let han = 0;
  let latin = 0;
  for (const text of prose) {
    for (const t of tokensOf(text)) {
      if (isHanToken(t)) han++;
      else latin++;
      words.add(t);
    }
  }
  // A script counts when it makes a fifth of the prose's tokens or more.
  const hanCounts = han * 5 >= han + latin;
  const latinCounts = latin * 5 >= han + latin;
  return {
    words,
    share(text) {
      let tokens = 0;
      let shared = 0;
      let foreign = 0;
      for (const t of tokensOf(text)) {
        if (!(isHanToken(t) ? hanCounts : latinCounts)) {
          foreign++;
          continue;
        }
        tokens++;
        if (words.has(t)) shared++;
      }
      return { tokens, shared, foreign };
    },
  };
}
