/**
 * Doubled Han characters: a character written twice where Chinese does not reduplicate it
 * ("镁镁", "的的"), a trace of a translation engine repeating a token.
 *
 * Chinese reduplicates freely (常常, 看看, 谢谢, 气喘吁吁, 明明白白), and a doubled character
 * is also often the last of one word and the first of the next (大学学生: 大学 + 学生). A rule
 * of thumb cannot tell these apart; jieba's dictionary can (src/lang/chinese-dictionary.ts):
 *
 * - a dictionary word that holds both copies (常常, 气喘吁吁, 的的确确) → normal Chinese;
 * - the first copy ends a word and the second starts one (大学 + 学生) → normal Chinese;
 * - neither copy belongs to a longer word (补充镁镁) → an artifact, high confidence;
 * - one copy belongs to a longer word → an artifact, low confidence (the other reading may
 *   be a word the dictionary lacks).
 */
import type { Artifact } from './artifacts.js';
import { isChineseWord, longestChineseWord } from './chinese-dictionary.js';

const DOUBLED = /(\p{Script=Han})\1/gu;
const HAN = /\p{Script=Han}/u;

/** The character (code point) that ends right before `i`, or '' at the start. */
function charBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}

/** The run of Han characters around [from, to): its start and end. */
function hanRun(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && HAN.test(charBefore(text, start))) start -= charBefore(text, start).length;
  let end = to;
  while (end < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(end)!);
    if (!HAN.test(ch)) break;
    end += ch.length;
  }
  return [start, end];
}

/** True when a dictionary word of two or more characters lies in text[s, e) for some s ≤ from, e ≥ to within [lo, hi). */
function wordAround(text: string, from: number, to: number, lo: number, hi: number): boolean {
  const max = longestChineseWord();
  for (let s = from; s >= Math.max(lo, to - max); s--) {
    for (let e = to; e <= Math.min(hi, s + max); e++) {
      if (e - s >= 2 && isChineseWord(text.slice(s, e))) return true;
    }
  }
  return false;
}

/** Doubled Han characters that are not Chinese reduplication, with the single character as repair. */
export function doubledCharacters(text: string): Artifact[] {
  const out: Artifact[] = [];
  for (const m of text.matchAll(DOUBLED)) {
    const i = m.index;
    const ch = m[1]!;
    const mid = i + ch.length;
    const end = i + m[0].length;
    const nextChar = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
    // Three or more in a row (哈哈哈, 嗯嗯嗯) is an interjection or emphasis, not a doubled token.
    if (charBefore(text, i) === ch || nextChar === ch) continue;
    const [lo, hi] = hanRun(text, i, end);
    if (wordAround(text, i, end, lo, hi)) continue;
    const firstInWord = wordAround(text, i, mid, lo, hi);
    const secondInWord = wordAround(text, mid, end, lo, hi);
    if (firstInWord && secondInWord) continue;
    const high = !firstInWord && !secondInWord;
    out.push({
      start: i,
      end,
      kind: 'doubled-character',
      actual: m[0],
      expected: ch,
      confidence: high ? 'high' : 'low',
      reason: high ? 'neither copy belongs to a dictionary word' : firstInWord ? 'the first copy ends a dictionary word' : 'the second copy starts a dictionary word',
    });
  }
  return out;
}
