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
