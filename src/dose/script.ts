/**
 * Traditional Chinese read as simplified for the dose rules: the knowledge base's names,
 * units and cues are written in simplified characters (维生素, 铁, 国际单位, 每日), so
 * "成人每日服用維生素A 50000微克" would read as no dose at all. The conversion keeps every
 * offset (see lang/simplified.ts), so figures found in the converted text point at the
 * draft's own characters.
 *
 * OpenCC's tables load on first use (about 0.15 s); a block is converted only when it holds
 * a character that only traditional writing uses — a short list of the ones health text
 * cannot avoid, checked first so that simplified and English drafts never load them.
 */
import { toSimplified } from '../lang/simplified.js';
import { ScopedTextMemo } from '../text-memo.js';

const TRADITIONAL =
  /[維鐵鈣鎂鋅鈉鉀劑攝單際衛與為們這個過時會說對於從後來體經醫藥療應該當還議質營養補學發現國長壓險腦關節膽腸臟腎腫狀飲膚髮歲嬰兒錠顆膠葉綠魚豬雞麥類種氣動運練覺]/u;

// (Scoped, so that the memories a stopped draft may have left half-made are forgotten with the others'.)
const memo = new ScopedTextMemo<string>(4096);

/** `text` with traditional characters read as simplified, offsets unchanged. */
export function readable(text: string): string {
  return TRADITIONAL.test(text) ? memo.in('').get(text, toSimplified) : text;
}
