/**
 * Machine-translation artifacts inside a block's text:
 *
 * - split word: a Latin fragment glued to Han characters, where the engine translated part
 *   of an English word ("这一分钟eral": "mineral" read as "min(ute)" + "eral"). The fragment
 *   is not an English word but is the end (or start) of one;
 * - glued words: an English token that is no word but splits into two listed words
 *   ("andeating", "considerlifestyle"), where removed links took the space with them;
 * - doubled character: a Han character written twice where Chinese does not reduplicate it
 *   ("镁镁"); see src/lang/doubled.ts.
 *
 * The glued-word candidates come from the `word-list` package. The test guards against real
 * words the list lacks: the token must be all lower case (capitalised words are names:
 * "Andrew" is no "An drew"), stand alone (no hyphen, apostrophe, digit, slash, dot, @, # or
 * ®/™ joins it to more), and split either after a function word ("and|eating") or, for a
 * token of twelve letters or more that starts with no word-forming prefix ("micro…",
 * "over…"), into two words of four letters or more of which the second is no word-forming
 * tail ("…line", "…ment"). Shorter closed compounds ("standalone", "healthcare") are too
 * often real words the list lacks.
 *
 * A candidate says whether its split is unambiguous into two very common words
 * (`common`): the rule reports the others only where the draft shows other signs of machine
 * translation, and asks the large dictionary (src/lang/english-dictionary.ts) before it
 * reports any.
 */
import type { Range } from './scan.js';
import { englishWords, UNITS } from './words.js';
import { isVeryCommon } from './english-dictionary.js';
import { groupBy } from '../collections.js';

export interface Artifact extends Range {
  kind: 'split-word' | 'glued-words' | 'doubled-character' | 'pinyin' | 'self-gloss';
  /** The text found. */
  actual: string;
  /** The repaired text, when it is known. */
  expected?: string;
  fragment?: string;
  /** How sure the repair is (the cleaner applies only 'high'), and why. */
  confidence?: 'high' | 'low';
  reason?: string;
  /** Glued words: the token splits in one way only, into two very common words. */
  common?: boolean;
  /** Pinyin: how many syllables the artifact covers (one finding for a block's). */
  count?: number;
}

/**
 * A Chinese term glossed in brackets by itself, "烟酸(烟酸)": an English name and its gloss
 * ("niacin (nicotinic acid)") both became one Chinese word. The term alone is the repair.
 * (The term before the bracket is as long as the gloss: the back reference decides.)
 */
const SELF_GLOSS = /(\p{Script=Han}{2,8})\s*[(（]\s*\1\s*[)）]/gu;

export function selfGlosses(text: string): Artifact[] {
  if (!text.includes('(') && !text.includes('（')) return [];
  return [...text.matchAll(SELF_GLOSS)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'self-gloss' as const,
    actual: m[0],
    expected: m[1]!,
    confidence: 'high' as const,
    reason: 'a term glossed in brackets by itself',
  }));
}

/** Latin abbreviations Chinese writes between its own words: "天然vs合成" (versus), "国产pk进口". */
const LOANED: ReadonlySet<string> = new Set(['vs', 'pk']);

const HAN_THEN_FRAGMENT = /(\p{Script=Han}{1,2})([a-z]{4,})(?![\p{Script=Latin}\p{N}'’-])/gu;
const FRAGMENT_THEN_HAN = /(?<![\p{L}\p{N}'’-])([a-z]{4,})(\p{Script=Han}{1,2})/gu;
/** A short fragment between Han characters ("几周ks后": "weeks" read as "几周" + "ks"). */
const FRAGMENT_IN_HAN = /(?<=\p{Script=Han})([a-z]{2,3})(?=\p{Script=Han})/gu;
/** An English word cut by a translated middle ("up病房wards": "upwards", its "ward" read as 病房). */
const WORD_AROUND_HAN = /(?<![\p{L}\p{N}'’-])([a-z]{2,})(\p{Script=Han}{1,4})([a-z]{2,})(?![\p{L}\p{N}'’-])/gu;

/**
 * True when `fragment` with 1–3 letters added before it (`side` 'start': "eral" → "several")
 * or after it ('end') is a word. The word list keeps its words by length, sorted, and the
 * same spelt backwards (see word-list.ts): three binary searches, however many longer words
 * share the start.
 */
function completes(fragment: string, side: 'start' | 'end'): boolean {
  const dict = englishWords();
  return side === 'end' ? dict.completesAfter(fragment) : dict.completesBefore(fragment);
}

/** Latin word fragments glued to Han characters. */
export function splitWords(text: string): Artifact[] {
  const out: Artifact[] = [];
  if (!/\p{Script=Han}[a-z]|[a-z]\p{Script=Han}/u.test(text)) return out;
  const dict = englishWords();
  const isFragment = (f: string): boolean => !dict.has(f) && !UNITS.has(f) && !LOANED.has(f);
  for (const m of text.matchAll(HAN_THEN_FRAGMENT)) {
    const fragment = m[2]!;
    if (isFragment(fragment) && completes(fragment, 'start')) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'split-word', actual: m[0], fragment });
    }
  }
  for (const m of text.matchAll(FRAGMENT_THEN_HAN)) {
    const fragment = m[1]!;
    if (isFragment(fragment) && completes(fragment, 'end')) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'split-word', actual: m[0], fragment });
    }
  }
  const taken = (start: number, end: number): boolean => out.some((a) => a.start < end && a.end > start);
  for (const m of text.matchAll(FRAGMENT_IN_HAN)) {
    const fragment = m[1]!;
    const [start, end] = [m.index - 1, m.index + fragment.length + 1];
    if (isFragment(fragment) && completes(fragment, 'start') && !taken(start, end)) {
      out.push({ start, end, kind: 'split-word', actual: text.slice(start, end), fragment });
    }
  }
  for (const m of text.matchAll(WORD_AROUND_HAN)) {
    const word = m[1]! + m[3]!;
    if (word.length < 6 || !dict.has(word) || taken(m.index, m.index + m[0].length)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'split-word',
      actual: m[0],
      fragment: m[3]!,
      expected: word,
      confidence: 'low',
      reason: 'the English word around the Chinese is known; what the Chinese stood for is not',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * English function words that stay glued to the next word when a space is lost. Particles
 * (in, on, up, out, no, by, off) are left out: they form real compounds (inline, online,
 * upload, nofollow, bypass) that the list lacks.
 */
const GLUE_FIRST = new Set(
  'and or but nor the of to at as is are was were be been can may will would could should must not you your we our they their its this that these those than then if an also such more most very all any each both some his her has have had does did with from for into'.split(
    ' ',
  ),
);

/** Function words that stay glued to the word before; never the tail of a real compound. */
const GLUE_SECOND = new Set('and the with from that this your or but'.split(' '));

/** Word-forming prefixes: a token that starts with one is a compound the list may lack. */
const PREFIXES =
  'acetyl amino anti auto back bio carboxy cardio chloro counter cross cyto down electro ethyl extra fluoro fore gastro glyco hepato hydro hydroxy hyper hypo immuno inter intra iso keto lipo macro mega methyl micro mini mono multi nephro neuro nitro non osteo over oxy phospho photo poly post pseudo psycho self semi super tele thermo trans ultra under well'.split(' ');

/** Word-forming tails: a token that ends with one is a compound the list may lack. */
const TAILS = new Set(
  'like less ness ment ments able ably ible tion tions sion ship hood wise ward wards ally ical ling ster through out up down off over back away in on free rich based related friendly time times day days care line lines body thing things where work works ware field point side room house book books land lands'.split(
    ' ',
  ),
);

/** The two words a glued token splits into, or undefined when it is not a glued pair. */
export function splitGlued(token: string): [string, string] | undefined {
  const dict = englishWords();
  const low = token.toLowerCase();
  if (dict.has(low)) return undefined;
  if (low.endsWith('s') && dict.has(low.slice(0, -1))) return undefined;
  let compound: [string, string] | undefined;
  let prefixed: boolean | undefined;
  for (let i = 2; i <= low.length - 2; i++) {
    const a = low.slice(0, i);
    const b = low.slice(i);
    if (!dict.has(b) && !GLUE_SECOND.has(b)) continue;
    if (GLUE_FIRST.has(a) && b.length >= 3 && dict.has(b)) return [token.slice(0, i), token.slice(i)];
    if (GLUE_SECOND.has(b) && a.length >= 4 && dict.has(a)) return [token.slice(0, i), token.slice(i)];
    if (!compound && prefixed === undefined) prefixed = PREFIXES.some((p) => low.startsWith(p));
    if (!compound && !prefixed && low.length >= 12 && a.length >= 4 && b.length >= 4 && dict.has(a) && dict.has(b) && !TAILS.has(b)) {
      compound = [token.slice(0, i), token.slice(i)];
    }
  }
  return compound;
}

/** True when the character code joins a token to more text (so it is part of a longer unit). */
function joins(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d ||
    c === 0x27 ||
    c === 0x2019 ||
    c === 0x2f ||
    c === 0x5f ||
    c === 0x40 ||
    c === 0x23 ||
    c === 0x26 ||
    c === 0x3d ||
    (c >= 0xc0 && c <= 0x24f)
  );
}

/** Glue words by their first two letters, and by their last two, for a quick first test. */
const BY_HEAD = groupBy([...GLUE_FIRST], (w) => pairKey(w.charCodeAt(0), w.charCodeAt(1)));
const BY_TAIL = groupBy([...GLUE_SECOND], (w) => pairKey(w.charCodeAt(w.length - 2), w.charCodeAt(w.length - 1)));

/** A number for two ASCII letters, the same for either case. */
function pairKey(a: number, b: number): number {
  return ((a | 0x20) << 8) | (b | 0x20);
}


/** True when `text` has `word` at `at`, ignoring the case of ASCII letters. */
function hasAt(text: string, word: string, at: number): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * True when `text[start, end)` could be a glued pair at all: it is long enough to be two
 * long words, starts with a glue word or ends with one. Most words fail here without a
 * look-up in the word list.
 */
function mayBeGlued(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len >= 12) return true;
  const head = BY_HEAD.get(pairKey(text.charCodeAt(start), text.charCodeAt(start + 1)));
  if (head?.some((w) => len >= w.length + 3 && hasAt(text, w, start))) return true;
  const tail = BY_TAIL.get(pairKey(text.charCodeAt(end - 2), text.charCodeAt(end - 1)));
  return tail?.some((w) => len >= w.length + 4 && hasAt(text, w, end - w.length)) ?? false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** A trade mark sign: a brand name, whatever its letters. */
const BRAND_MARK = /[®™℠]/;

/**
 * The one way `token` splits into two very common words (see english-dictionary.ts), or
 * undefined when there is none or more than one ("foodsand": "foods and" or "food sand").
 */
export function commonSplit(token: string): [string, string] | undefined {
  const dict = englishWords();
  const low = token.toLowerCase();
  let found: [string, string] | undefined;
  for (let i = 2; i <= low.length - 2; i++) {
    const a = low.slice(0, i);
    const b = low.slice(i);
    // The subtitle counts hold contraction pieces ("ll", "ve"): a part must be a listed word too.
    if (!isVeryCommon(a) || !isVeryCommon(b) || !dict.has(a) || !dict.has(b)) continue;
    if (found) return undefined;
    found = [a, b];
  }
  return found;
}

/** What may follow a handle on its line: a date or time in brackets, or a colon. */
const HANDLE_AFTER = /^\s*(?:[(（][^()（）]*\d[^()（）]*[)）])?\s*[:：]?\s*$/u;

/**
 * Glued-word candidates in `text`, outside the `masked` ranges (URLs, allowed terms); the
 * rule decides which to report (src/rules/lang/mt-artifact.ts).
 */
export function gluedWords(text: string, masked: readonly Range[]): Artifact[] {
  const out: Artifact[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let upperInside = false;
    i++;
    while (i < n && isAsciiLetter(text.charCodeAt(i))) {
      if (text.charCodeAt(i) <= 0x5a) upperInside = true;
      i++;
    }
    const end = i;
    if (end - start < 5 || upperInside) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    const after = end < n ? text.charCodeAt(end) : -1;
    if (joins(before) || joins(after) || before === 0x2e) continue;
    if (after === 0x2e && end + 1 < n && /[A-Za-z0-9]/.test(text[end + 1]!)) continue;
    if (masked.some((r) => r.start < end && r.end > start)) continue;
    if (text.charCodeAt(start) <= 0x5a) continue;
    if (BRAND_MARK.test(text.slice(Math.max(0, start - 2), start) + text.slice(end, end + 2))) continue;
    if (!mayBeGlued(text, start, end)) continue;
    // A name alone on its line, or before a post's date ("creepingdeath (Apr 6, 2014)"): a forum
    // user's handle, written as its owner chose.
    if (text.slice(0, start).trim() === '' && HANDLE_AFTER.test(text.slice(end))) continue;
    const token = text.slice(start, end);
    const parts = splitGlued(token);
    if (!parts) continue;
    const common = commonSplit(token)?.[0] === parts[0].toLowerCase();
    out.push({ start, end, kind: 'glued-words', actual: token, expected: `${parts[0]} ${parts[1]}`, common });
  }
  return out;
}

export { doubledCharacters } from './doubled.js';
export { pinyinAnnotations } from './pinyin.js';
