/**
 * Statistical identification of Latin-script text: eld (Efficient Language Detector), its
 * extra-small model, asked about all its 60 languages.
 *
 * Chosen by measurement (74 short health-article lines of our own in 17 Latin-script
 * languages, 40 of them under 45 characters: headings, scraper labels, one-sentence tips):
 *
 * | detector                         | right, all | right, short | MB/s on those lines |
 * |----------------------------------|-----------:|-------------:|--------------------:|
 * | franc 6 (187 languages)          |      43/74 |        20/40 |                0.15 |
 * | franc 6, `only` 32 Latin langs   |      52/74 |        27/40 |                0.43 |
 * | franc-all 7 (414 languages)      |      33/74 |        14/40 |                0.06 |
 * | eld extrasmall                   |      74/74 |        40/40 |                 1.4 |
 * | eld small / large                |  73 / 74   |    39 / 40   |           1.8 / 2.0 |
 *
 * franc's trigram models miss Vietnamese on every short line (Tagalog, Pampanga, Hiligaynon)
 * and split Indonesian from Malay at random; franc-all's wider list only adds more near
 * neighbours to confuse. eld's extra-small model is as right as its large one here, loads in
 * about 0.05 s from our JSON copy (see ./eld-model.ts) and costs about 30 MB of heap (the large
 * one 2.5 s and 130 MB more, from the package's module). eld knows Malay
 * but not Indonesian: what it calls Malay is Indonesian unless Malay's own words say otherwise
 * or franc, limited to those two, says so on a paragraph.
 *
 * No detector is safe alone on a few words ("Conclusion" comes out French, "Kale, Swiss
 * chard" Tagalog): callers ask only when the text's own letters and function words point
 * away from the document's language (see ./evidence.ts).
 */
import type { franc as Franc } from 'franc';
import { loadNow } from '../lazy.js';
import { eldModel } from './eld-model.js';

const franc = (): typeof Franc => loadNow<{ franc: typeof Franc }>('franc').franc;

/** eld's ISO 639-1 codes as the ISO 639-3 codes franc gives (the codes of the whole stage). */
const ISO3: Readonly<Record<string, string>> = {
  am: 'amh', ar: 'arb', az: 'azj', be: 'bel', bg: 'bul', bn: 'ben', ca: 'cat', cs: 'ces', da: 'dan',
  de: 'deu', el: 'ell', en: 'eng', es: 'spa', et: 'ekk', eu: 'eus', fa: 'pes', fi: 'fin', fr: 'fra',
  gu: 'guj', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', is: 'isl', it: 'ita', ja: 'jpn',
  ka: 'kat', kn: 'kan', ko: 'kor', ku: 'kur', lo: 'lao', lt: 'lit', lv: 'lvs', ml: 'mal', mr: 'mar',
  ms: 'zlm', nl: 'nld', no: 'nob', or: 'ori', pa: 'pan', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus',
  sk: 'slk', sl: 'slv', sq: 'als', sr: 'srp', sv: 'swe', ta: 'tam', te: 'tel', th: 'tha', tl: 'tgl',
  tr: 'tur', uk: 'ukr', ur: 'urd', vi: 'vie', yo: 'yor', zh: 'cmn',
};

export interface Identified {
  /** ISO 639-3 code of eld's answer. */
  lang: string;
  /** eld's own judgement of its answer (enough n-grams, a clear lead). */
  reliable: boolean;
  /** eld's best three languages, best first (ISO 639-3), for callers that check the answer. */
  ranked: string[];
}

/** The language of Latin-script `text` by eld, or undefined when it has no answer. */
export function identifyLatin(text: string): Identified | undefined {
  const result = eldModel().detect(text);
  if (!result.language) return undefined;
  const scores = Object.entries(result.getScores()).sort((a, b) => b[1] - a[1]);
  const ranked = scores.slice(0, 3).map(([code]) => toIso3(code, text));
  return { lang: toIso3(result.language, text), reliable: result.isReliable(), ranked };
}

/**
 * Words Malay writes and Indonesian does not (Indonesian: karena, bisa, bahwa, saja, mau,
 * uang). franc tells the two apart on a paragraph but not on a label of three words, where
 * Indonesian, by far the larger web language, is the better guess.
 */
const MALAY_ONLY = /\b(?:kerana|boleh|ialah|iaitu|bahawa|sahaja|mahu|wang|kerajaan|hendaklah|beliau)\b/iu;

function toIso3(code: string, text: string): string {
  const lang = ISO3[code] ?? code;
  if (lang !== 'zlm') return lang;
  if (MALAY_ONLY.test(text)) return 'zlm';
  if (text.length < 200) return 'ind';
  const narrowed = franc()(text, { only: ['ind', 'zlm'], minLength: 1 });
  return narrowed === 'und' ? 'ind' : narrowed;
}
