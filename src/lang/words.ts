/**
 * Word data of the language stage: the function words of the Latin-script languages we
 * tell apart, the English word list (from the `word-list` package) and the units that
 * follow numbers.
 *
 * Function words are the most frequent closed-class words of each language (articles,
 * prepositions, conjunctions, pronouns, the commonest auxiliaries), as every frequency list
 * of the language starts with them. They decide the language of a long Latin block when one
 * language clearly dominates; franc decides the rest.
 */
import { englishWordList, type WordList } from './word-list.js';

export const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  eng: 'a about after against all also am among an and any are around as at be because been before being between both but by can could did do does during each even for from had has have he her here his how i if in into is it its just many may me might more most much my no not now of often on only or other our out over per she should so some such than that the their them then there these they this those through to too under until up upon us very was we were what when where which while who why will with within without would you your',
  spa: 'el la los las un una unos unas de del al y o que en es son está están por para con sin se su sus lo como más pero muy también ya entre cuando sobre este esta estos estas ese esa hay ser puede pueden le les nos tiene todo todos toda todas otro otra otros otras si sí mismo cada desde hasta hace durante tanto menos mucho muchos ni porque aunque donde qué cómo cuál',
  fra: 'le la les un une des du de à et ou que qui en est sont dans pour par avec sans se sur au aux ce cette ces il elle ils elles nous vous pas ne plus mais aussi très peut être leur leurs son sa ses tout tous toute toutes autre autres si même chaque depuis pendant entre comme peu fait donc car où quand',
  deu: 'der die das den dem des ein eine einen einem einer und oder ist sind nicht mit von zu im auf für bei aus auch sich es wie wird werden kann können dass nach über noch nur sehr wenn alle allem allen aller andere anderen weil aber schon dann doch durch gegen ohne unter zwischen man sein seine ihre ihr diese dieser dieses',
  ita: 'il lo la gli le un una uno di del della dei delle e è sono che non per con nel nella su da al alla anche come più ma si può questo questa essere loro molto tutto tutti tutte altro altri altre stesso ogni perché quando dove mentre tra fra sempre già poi così',
  por: 'o a os as um uma de do da dos das e é são que não em no na nos nas por para com se mais mas como também muito pode ser seu sua entre ao todo todos toda todas outro outra outros outras mesmo cada desde até durante muitos quando onde porque já ainda pelo pela pelos pelas',
  nld: 'de het een en van is zijn niet met op te voor door aan bij ook als maar dat die dit er om naar wordt worden kan kunnen heeft hebben meer uit alle andere nog wel zo zou zich hun haar hij zij wij omdat wanneer tussen zonder onder over',
  // Indonesian (Malay shares most of these); it writes no letters beyond ASCII, so on a short
  // line these words are the only evidence ("Anda sedang melihat: …").
  ind: 'yang dan di ke dari untuk dengan ini itu pada adalah tidak akan atau juga dalam oleh bisa dapat sedang sudah telah anda kami kita mereka saya ada lebih karena jika agar serta tersebut secara bagi hanya harus tentang seperti sangat masih belum',
  vie: 'của và là có được trong cho không những các một với này người để đã khi thì từ bạn đang xem cũng như sẽ rất nhiều hơn về theo vì nên nếu mà tại đến bị',
};

/** Function-word languages in a fixed order; bit `i` of a mask stands for `FW_LANGS[i]`. */
export const FW_LANGS: readonly string[] = Object.keys(FUNCTION_WORDS);

/** Lower-case word → bit mask of the languages it is a function word of. */
export const FUNCTION_WORD_MASK: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  FW_LANGS.forEach((lang, i) => {
    for (const w of FUNCTION_WORDS[lang]!.split(' ')) map.set(w, (map.get(w) ?? 0) | (1 << i));
  });
  return map;
})();

/** True when `lower` is a function word of any of the languages above. */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORD_MASK.has(lower);
}

const ENGLISH_BIT = 1 << FW_LANGS.indexOf('eng');

/** True when `lower` is an English function word. */
export function isEnglishFunctionWord(lower: string): boolean {
  return ((FUNCTION_WORD_MASK.get(lower) ?? 0) & ENGLISH_BIT) !== 0;
}

/** True when `lower` is a function word of `lang` (one of FW_LANGS). */
export function isFunctionWordOf(lower: string, lang: string): boolean {
  const i = FW_LANGS.indexOf(lang);
  return i !== -1 && ((FUNCTION_WORD_MASK.get(lower) ?? 0) & (1 << i)) !== 0;
}

/**
 * Function words that join words into a list or a name rather than make a clause:
 * "magnesium citrate and magnesium oxide", "Journal of Nutrition".
 */
const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'of', 'per', 'vs', 'nor', 'plus', 'y', 'e', 'et', 'und', 'o', 'ou', 'oder']);

/**
 * True when `lower` makes a clause: a function word that is not a list word (the, is, to,
 * that, may, you …), or an English verb form in -ing ("drinking plenty of water and eating
 * greens"), which a list of names or terms seldom holds.
 */
export function isClauseWord(lower: string): boolean {
  if (lower.length >= 5 && lower.endsWith('ing')) return true;
  return FUNCTION_WORD_MASK.has(lower) && !LIST_WORDS.has(lower);
}

/**
 * True when a run of Latin-script words standing among words of another script is a clause
 * (a sentence or part of one) rather than a name, a term or a list of them: three lower-case
 * words with a clause-making function word among them ("may help you sleep"), or six
 * lower-case words that are not a list (no comma, no "and"/"or"). `lower` counts lower-case
 * words of two letters or more and clause words; `list` says the run holds a comma or a list word.
 */
export function isClauseRun(lower: number, clause: number, list: boolean): boolean {
  return (lower >= 3 && clause >= 1) || (lower >= 6 && !list);
}

/** What `isClauseRun` counts of a run of Latin-script words. */
export interface ClauseTally {
  lower: number;
  clause: number;
  list: boolean;
}

/** Counts the lower-case Latin word `text[start, end)`, of `letters` letters, into `tally`. */
export function tallyLowerWord(tally: ClauseTally, text: string, start: number, end: number, letters: number): void {
  const word = letters <= 12 ? text.slice(start, end) : '';
  const clause = word !== '' && isClauseWord(word);
  if (clause) tally.clause++;
  if (word !== '' && isListWord(word)) tally.list = true;
  if (letters >= 2 || clause) tally.lower++;
}

/** `isClauseRun` of a tallied run whose text is `runText` (a comma in it makes it a list). */
export function isClauseTally(tally: ClauseTally, runText: string): boolean {
  return isClauseRun(tally.lower, tally.clause, tally.list || runText.includes(','));
}

/** True when `lower` is a word that joins a list ("and", "or"). */
export function isListWord(lower: string): boolean {
  return LIST_WORDS.has(lower);
}

/** Chinese function characters: particles, copula, prepositions, conjunctions, pronouns, auxiliaries. */
const CHINESE_FUNCTION = new Set([...'的是在了和与及或也都就而但被把对从为这那我你他她它们有不会能要将并于以让使着过吗呢吧']);

/** True when `text` holds a Chinese function character (的、是、在、了、和 …): Chinese syntax, not a name. */
export function hasChineseFunctionChar(text: string): boolean {
  for (const ch of text) if (CHINESE_FUNCTION.has(ch)) return true;
  return false;
}

/** Units and ordinal endings that stand right after a number ("500mg", "5 mg", "3pm", "2nd"). */
export const UNITS: ReadonlySet<string> = new Set(
  'mg mcg µg ug g kg lb lbs oz ml l dl cl iu ui h hr hrs min s sec ms mm cm m km kcal cal kj mmol µmol umol mol meq nm pm am x st nd rd th'.split(' '),
);

/**
 * The English word list of the `word-list` package (about 274,000 lower-case words, no
 * one-letter words), prebuilt in a compact form read on first use (see word-list.ts).
 */
export function englishWords(): WordList {
  return englishWordList();
}
