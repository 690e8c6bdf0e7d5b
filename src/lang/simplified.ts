/**
 * Traditional Chinese read as simplified, for the dictionary look-ups that only know
 * simplified words (jieba's dictionary lists 长长 and 症状, not 長長 and 症狀).
 *
 * OpenCC's tables (the `opencc-js` package, Apache-2.0) do the conversion; writing a
 * character table by hand would miss the many one-to-many cases OpenCC resolves by phrase.
 * They take about 0.15 s to load, so they are loaded on first use only, and only callers with
 * something to check again ask (a doubled character in a traditional text).
 */
import { createRequire } from 'node:module';
import { forgetRequired, onRelease } from '../lazy.js';
import { ScopedTextMemo } from '../text-memo.js';

const require = createRequire(import.meta.url);
let convert: ((text: string) => string) | undefined;
onRelease(() => {
  convert = undefined;
  forgetRequired(require, 'opencc-js/t2cn');
});

/**
 * The text with traditional characters replaced by simplified ones, character for character;
 * the text itself when the conversion would change its length (offsets must stay valid).
 */
export function toSimplified(text: string): string {
  if (!convert) {
    const opencc = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): (text: string) => string };
    // Taiwan's standard: it also takes the Hong Kong forms (綫, 裏) to the simplified ones.
    convert = opencc.Converter({ from: 'tw', to: 'cn' });
  }
  const out = convert(text);
  return out.length === text.length ? out : text;
}

/**
 * Characters only traditional writing uses, among those that health text and the labels of
 * a page's furniture cannot avoid (維生素, 鐵; 相關閱讀, 熱門推薦, 責任編輯, 版權所有, 掃碼關注).
 * A text is converted only when it holds one, so that simplified and English drafts never
 * load OpenCC's tables.
 */
const TRADITIONAL_CHARACTERS =
  '維鐵鈣鎂鋅鈉鉀劑攝單際衛與為們這個過時會說對於從後來體經醫藥療應該當還議質營養補學發現國長壓險腦關節膽腸臟腎腫狀飲膚髮歲嬰兒錠顆膠葉綠魚豬雞麥類種氣動運練覺閱讀薦聞歡熱門點視頻參評論轉發藏讚頁篇編輯審權聲載請聯繫註冊錄訂廣責掃碼眾號頂網開隱條員價貼無實讓總問簡';
const TRADITIONAL = new RegExp(`[${TRADITIONAL_CHARACTERS}]`, 'u');
/**
 * The block of code points those characters lie in: a text with none of it (English) is
 * passed over by one range test, three times faster than the test of the class above.
 */
const TRADITIONAL_SPAN = (() => {
  const points = [...TRADITIONAL_CHARACTERS].map((c) => c.codePointAt(0)!);
  const hex = (n: number): string => `\\u{${n.toString(16)}}`;
  return new RegExp(`[${hex(Math.min(...points))}-${hex(Math.max(...points))}]`, 'u');
})();

// (Scoped, so that the memories a stopped draft may have left half-made are forgotten with the others'.)
const memo = new ScopedTextMemo<string>(4096);

/**
 * `text` with traditional characters read as simplified, offsets unchanged: for the
 * lexicons written in simplified characters (the knowledge base's names, units and cues; the
 * debris labels), so that "成人每日服用維生素A 50000微克" reads as a dose and "相關視頻" as a
 * widget's label.
 */
export function readable(text: string): string {
  return TRADITIONAL_SPAN.test(text) && TRADITIONAL.test(text) ? memo.in('').get(text, toSimplified) : text;
}
