/**
 * Word-by-word evidence that Latin-script text is in another language than the one it would
 * otherwise be given, for lines too short for a detector alone ("Bạn đang xem: …", "Anda
 * sedang melihat: …") and as a check on the detector's answer for longer ones.
 *
 * Only words that can say something count (*eligible* words): words in lower case, and the
 * first word of the text or of a part after a colon, full stop or bullet. A capitalised word
 * inside a line is a name, a brand or a title (Nguyễn Văn Anh, Müller, Lactobacillus) and
 * counts for nothing; so do acronyms and one-letter words.
 *
 * - *own* words belong to the inherited language: for English, its function words and the
 *   words of the English word list that are not another language's function word (the list
 *   holds "de", "la", "el", "dan"); for another language, its function words;
 * - *markers* (distinct) are the other eligible words that carry a letter beyond ASCII
 *   ("đang", "más", "für") or are another language's function word ("sedang", "del").
 */
import { extraLetters, writersOf, writesAll } from './alphabets.js';
import { identifyLatin } from './identify.js';
import { FW_LANGS, englishWords, isEnglishFunctionWord, isFunctionWord, isFunctionWordOf } from './words.js';

export interface LatinEvidence {
  eligible: number;
  own: number;
  markers: number;
  /** Letters beyond ASCII of the marker words. */
  letters: string[];
  /** Languages whose function words are among the markers, with how many. */
  functionWords: Map<string, number>;
}

const WORD = /[\p{Script=Latin}\p{M}]+/gu;
/** Characters after which a capitalised word starts a part of its own. */
const PART_START = new Set([...':.!?•·|-–—(“"«¿¡/：']);

export function latinEvidence(text: string, inherited: string): LatinEvidence {
  const dict = inherited === 'eng' ? englishWords() : undefined;
  const seen = new Set<string>();
  const out: LatinEvidence = { eligible: 0, own: 0, markers: 0, letters: [], functionWords: new Map() };
  const words = [...text.matchAll(WORD)];
  words.forEach((m, k) => {
    const word = m[0];
    const lower = word.toLowerCase();
    if ([...word].length < 2 || word.toUpperCase() === word) return;
    if (word !== lower && !startsPart(text, m.index)) return;
    if (lower === 'et' && words[k + 1]?.[0].toLowerCase() === 'al') return; // "et al."
    if (lower === 'al' && words[k - 1]?.[0].toLowerCase() === 'et') return;
    out.eligible++;
    const own = dict
      ? isEnglishFunctionWord(lower) || (dict.has(lower) && !isFunctionWord(lower))
      : isFunctionWordOf(lower, inherited);
    if (own) {
      out.own++;
      return;
    }
    const letters = extraLetters(word);
    // In a language that writes these letters ("été" in French), they are no evidence against it.
    const ownLetters = !dict && letters.length > 0 && writesAll(inherited, letters);
    if ((letters.length === 0 || ownLetters) && !isFunctionWord(lower)) return;
    if (seen.has(lower)) return;
    seen.add(lower);
    out.markers++;
    out.letters.push(...letters);
    for (const lang of FW_LANGS) if (isFunctionWordOf(lower, lang)) out.functionWords.set(lang, (out.functionWords.get(lang) ?? 0) + 1);
  });
  // Spanish alone opens a question or an exclamation with ¿ or ¡.
  if (inherited !== 'spa' && (text.includes('¿') || text.includes('¡'))) {
    out.markers++;
    out.functionWords.set('spa', (out.functionWords.get('spa') ?? 0) + 1);
  }
  return out;
}

/** Abbreviations after whose full stop a capitalised word is still inside the line (a name). */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'vs', 'no', 'fig', 'vol']);

function startsPart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] === '.') {
    // "Dr. Nguyễn", "J. Smith": a title or an initial, not the end of a sentence.
    let j = i;
    while (j > 0 && /\p{L}/u.test(text[j - 1]!)) j--;
    const before = text.slice(j, i);
    if (before.length === 1 || TITLES.has(before.toLowerCase())) return false;
  }
  return i < 0 || PART_START.has(text[i]!) || text[i] === '\n';
}

/**
 * The one language the evidence points to without a detector: among the languages that write
 * its letters, the one whose function words are most among the markers (when one leads).
 */
function byOwnWords(ev: LatinEvidence, not: string): string | undefined {
  const writers = writersOf(ev.letters).filter((l) => l !== not);
  if (ev.letters.length > 0 && writers.length === 1) return writers[0];
  const ranked = [...ev.functionWords].filter(([l]) => l !== not && writers.includes(l)).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1]![1] === ranked[0]![1])) return undefined;
  return ranked[0]![0];
}

/** True when `lang` writes at least four in five of the evidence's letters (names bring a few strays). */
function fits(lang: string, ev: LatinEvidence): boolean {
  if (ev.letters.length === 0) return true;
  return ev.letters.filter((ch) => writesAll(lang, [ch])).length * 5 >= ev.letters.length * 4;
}

/**
 * The language of a short Latin-script line when its own words say it is not `inherited`:
 * two markers outnumbering the inherited language's words, or at least three eligible words
 * none of which is the inherited language's and one of them a marker. The language is eld's
 * answer when the marker letters fit it, else the one language that writes them all.
 */
export function foreignShortLine(text: string, inherited: string): string | undefined {
  const ev = latinEvidence(text, inherited);
  if (ev.markers === 0) return undefined;
  const strong = ev.markers >= 2 && ev.markers > ev.own;
  const weak = ev.eligible >= 3 && ev.own === 0;
  if (!strong && !weak) return undefined;
  const ranked = identifyLatin(text)?.ranked ?? [];
  // Against a language other than English the line's own words say less: eld's first answer must agree.
  if (inherited !== 'eng' && ranked[0] === inherited) return undefined;
  for (const lang of ranked) if (lang !== inherited && fits(lang, ev)) return lang;
  return byOwnWords(ev, inherited);
}

/** A Latin letter beyond ASCII (Latin-1 letters, Latin Extended-A and -B, Vietnamese). */
export const EXTRA_LATIN = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]/;

/** A label at the start of a line: a few words before a colon ("Bạn đang xem:", "Anda sedang melihat:"). */
const LABEL = /^[^\S\n]*([^:：\n]{2,40})[:：]/u;

/**
 * The language of a scraper's label at the start of a Latin-script line when it is not
 * English, whatever follows it ("Bạn đang xem: What Is Collagen?" is a Vietnamese label on an
 * English title): at most five words, two of them markers and none an English word.
 */
export function foreignLabel(text: string): string | undefined {
  const m = LABEL.exec(text);
  if (!m || m[1]!.trim().split(/\s+/u).length > 5) return undefined;
  const label = m[1]!;
  // Most labels are English ("Summary", "Side effects"): no letter beyond ASCII, no other language's function word.
  if (!EXTRA_LATIN.test(label) && !label.split(/\s+/u).some((w) => isFunctionWord(w.toLowerCase()) && !isEnglishFunctionWord(w.toLowerCase()))) {
    return undefined;
  }
  const ev = latinEvidence(label, 'eng');
  if (ev.markers < 2 || ev.own > 0) return undefined;
  for (const lang of identifyLatin(label)?.ranked ?? []) if (lang !== 'eng' && fits(lang, ev)) return lang;
  return byOwnWords(ev, 'eng');
}

/**
 * True when the words of a long Latin-script block back the detector's `lang` against
 * English: at least two markers, in letters `lang` writes, and no more English words than
 * other eligible words (a Spanish list of foods borrows "chocolate"; an English list of drug
 * or species names has no marker at all).
 */
export function confirmsForeign(text: string, lang: string): boolean {
  return foreignConfirmer(text)(lang);
}

/** `confirmsForeign` for one text and several languages in turn: the words are weighed once, on first ask. */
export function foreignConfirmer(text: string): (lang: string) => boolean {
  let ev: LatinEvidence | undefined;
  return (lang) => {
    ev ??= latinEvidence(text.length > 1000 ? text.slice(0, 1000) : text, 'eng');
    return ev.markers >= 2 && ev.eligible - ev.own >= ev.own && fits(lang, ev);
  };
}
