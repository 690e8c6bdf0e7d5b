/**
 * Telling apart the languages that share a script, on text long enough for it.
 *
 * For Latin script, function words decide first: when one language's function words clearly
 * outnumber every other's, that is the language (English prose has dozens per paragraph).
 * eld (./identify.ts) decides what they leave open, and its answer stands when it is English
 * or when the block's own words back it (./evidence.ts); otherwise the block is left to
 * inherit. franc, limited to the script's candidate languages, decides the scripts other than
 * Latin that several languages share (Cyrillic, Arabic, Devanagari) and Latin-script
 * candidates eld does not know (a configured language).
 */
import type { franc as Franc } from 'franc';
import { loadNow } from '../lazy.js';
import { foreignConfirmer } from './evidence.js';
import { identifyLatin } from './identify.js';
import { LATIN, SCRIPTS } from './scripts.js';
import { FUNCTION_WORD_MASK, FW_LANGS } from './words.js';

/** Letters of one script a block needs before its language is told apart from the script's other languages. */
export const MIN_DETECT_LETTERS = 60;

/** franc reads at most this many characters. */
const SAMPLE = 2048;

/** Characters of a block the function-word count reads (about a hundred words). */
const WORD_SAMPLE = 600;

/** Longest function word of any list (German "zwischen"). */
const MAX_FUNCTION_WORD = 8;

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff) // Latin Extended Additional: Vietnamese "được", "những"
  );
}

/**
 * Function-word hits per language of `FW_LANGS` in `text` (at most its first 600
 * characters). With `early`, stops as soon as `byFunctionWords` could not change its mind
 * about a clear leader (six hits, three times the next).
 */
export function functionWordHits(text: string, early = false): number[] {
  const hits = FW_LANGS.map(() => 0);
  const n = Math.min(text.length, WORD_SAMPLE);
  let i = 0;
  while (i < n) {
    if (!isLatinLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isLatinLetter(text.charCodeAt(i))) i++;
    if (i - start > MAX_FUNCTION_WORD) continue;
    const w = text.slice(start, i);
    const mask = FUNCTION_WORD_MASK.get(w) ?? FUNCTION_WORD_MASK.get(w.toLowerCase());
    if (mask === undefined) continue;
    for (let k = 0; k < hits.length; k++) if (mask & (1 << k)) hits[k]!++;
    if (early && clearLead(hits)) break;
  }
  return hits;
}

function clearLead(hits: readonly number[]): boolean {
  let top = 0;
  let second = 0;
  for (const h of hits) {
    if (h > top) {
      second = top;
      top = h;
    } else if (h > second) second = h;
  }
  return top >= 6 && top >= 3 * second;
}

/**
 * The language function words make clear, or undefined when they leave it open: the top
 * language needs `min` hits and twice the hits of the next one, or two hits where no other
 * language has any.
 */
export function byFunctionWords(hits: readonly number[], min: number, among?: readonly string[]): string | undefined {
  let top = -1;
  let second = 0;
  for (let i = 0; i < hits.length; i++) {
    if (among && !among.includes(FW_LANGS[i]!)) continue;
    if (top === -1 || hits[i]! > hits[top]!) {
      if (top !== -1) second = Math.max(second, hits[top]!);
      top = i;
    } else second = Math.max(second, hits[i]!);
  }
  if (top === -1) return undefined;
  const n = hits[top]!;
  if ((n >= min && n >= 2 * second) || (n >= 2 && second === 0)) return FW_LANGS[top];
  return undefined;
}

/**
 * The language of `text`, which is written mostly in `script`, among `candidates`
 * (default: the script's own). Call only on text with MIN_DETECT_LETTERS letters or more.
 * Undefined for Latin-script text whose words do not back the detector's foreign answer (a
 * list of drug or species names, a table row): such a block inherits the document's language.
 */
export function detectLanguage(
  text: string,
  script: number,
  candidates: readonly string[] = SCRIPTS[script]!.candidates,
): string | undefined {
  const fallback = SCRIPTS[script]!.language;
  if (candidates.length === 0) return fallback;
  if (candidates.length === 1) return candidates[0]!;
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const confirmsForeign = foreignConfirmer(sample);
  if (script === LATIN) {
    const quick = byFunctionWords(functionWordHits(text, true), 4, candidates);
    if (quick) return quick;
    // eld's best languages in turn: English stands as it is, another needs the block's words.
    const found = identifyLatin(sample);
    if (found && found.ranked.some((l) => candidates.includes(l))) {
      for (const lang of found.ranked) {
        if (!candidates.includes(lang)) continue;
        if (lang === 'eng') return lang;
        if (confirmsForeign(lang)) return lang;
      }
      return undefined;
    }
  }
  const found = loadNow<{ franc: typeof Franc }>('franc').franc(sample, { only: [...candidates], minLength: 1 });
  if (found === 'und') return fallback;
  return script !== LATIN || found === 'eng' || confirmsForeign(found) ? found : undefined;
}
