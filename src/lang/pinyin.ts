/**
 * Pinyin left inside Chinese text by a broken conversion: a tone-marked syllable in brackets
 * glued after a character, often in the middle of a word ("醫(yī)生", "導(dǎo)致"). A pronunciation
 * guide an author writes on purpose spells a whole word ("褪黑素（tuì hēi sù）"), so only a
 * single syllable after a single character is read as the artifact.
 *
 * Hand-written: no library tells a conversion leftover from a gloss; the syllable shape is
 * a vowel with a tone mark among at most six Latin letters.
 */
import type { Artifact } from './artifacts.js';

const ANNOTATED = /(\p{Script=Han})[(（]([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5})[)）]/gu;
/** A quick test before the scan: most text holds no tone mark at all. */
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;
const HAN = /\p{Script=Han}/u;

/**
 * The pinyin annotations of a block's text, with the character alone as repair. High
 * confidence when the block holds two or more (a conversion touched the whole text) or the
 * syllable cuts a word in two (a character on both sides); low for a lone one between words.
 */
export function pinyinAnnotations(text: string): Artifact[] {
  if (!TONE_MARK.test(text)) return [];
  const found: Artifact[] = [];
  for (const m of text.matchAll(ANNOTATED)) {
    const start = m.index;
    const end = start + m[0].length;
    found.push({ kind: 'pinyin', start, end, actual: m[0], expected: m[1]!, fragment: m[2]!, confidence: HAN.test(text[end] ?? '') ? 'high' : 'low' });
  }
  if (found.length >= 2) for (const a of found) a.confidence = 'high';
  for (const a of found) a.reason = a.confidence === 'high' ? 'tone-marked syllables glued after characters across the text' : 'one tone-marked syllable after a character';
  return found;
}
