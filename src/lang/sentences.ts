/**
 * Sentence ranges of a block's text, for Chinese/Japanese (。！？) and Western (. ! ?)
 * punctuation alike. A full stop ends a sentence only before a space, the end of the text
 * or a CJK character, and not after a known abbreviation or a single capital (an initial).
 */
import type { Range } from './scan.js';
import { isClosing } from './scan.js';
import { HAN, HANGUL, KANA, scriptOf } from './scripts.js';

const ABBREVIATIONS = new Set(
  'e.g i.e etc vs dr mr mrs ms prof st fig figs al approx ca cf jr sr inc ltd vol pp ed eds resp incl'.split(' '),
);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000;
}

function isCjk(c: number): boolean {
  const s = scriptOf(c);
  return s === HAN || s === KANA || s === HANGUL;
}

export function sentenceRanges(text: string): Range[] {
  const out: Range[] = [];
  const n = text.length;
  let start = 0;
  const close = (end: number): void => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let ends = false;
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e) ends = true;
    else if (c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x2e) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      let after = i + 1;
      while (after < n && (isClosing(text.charCodeAt(after)) || text.charCodeAt(after) === 0x22 || text.charCodeAt(after) === 0x2019)) after++;
      const following = after < n ? text.charCodeAt(after) : -1;
      ends = following === -1 || isSpace(following) || isCjk(following);
      if (ends && c === 0x2e) {
        if (next === 0x2e) ends = false;
        else ends = !isAbbreviation(text, i);
      }
    }
    if (!ends) continue;
    let end = i + 1;
    while (end < n && (isClosing(text.charCodeAt(end)) || text.charCodeAt(end) === 0x22 || text.charCodeAt(end) === 0x2019)) end++;
    close(end);
    i = end - 1;
  }
  close(n);
  return out;
}

/** True when the full stop at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
    if (!letter && c !== 0x2e) break;
    s--;
  }
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && word >= 'A' && word <= 'Z') return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
