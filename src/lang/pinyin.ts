/**
 * Pinyin left inside Chinese text by a broken conversion: a tone-marked syllable in brackets
 * glued after a character, often in the middle of a word ("醫(yī)生", "導(dǎo)致"). A pronunciation
 * guide an author writes on purpose spells a whole word ("褪黑素（tuì hēi sù）"), so only a
 * single syllable after a single character is read as the artifact. Syllables without tone
 * marks ("葉(xie)(xie)酸(suan)") count only in numbers (see tonelessAnnotations).
 *
 * Hand-written: no library tells a conversion leftover from a gloss; the syllable shape is
 * a vowel with a tone mark among at most six Latin letters, or an initial and a final of
 * Mandarin.
 */
import type { Artifact } from './artifacts.js';

// A space the conversion left inside the brackets ("會(huì )") is part of the annotation.
const TONED_SYLLABLE = '[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}';
const ANNOTATED = new RegExp(`(\\p{Script=Han})[(（] ?(${TONED_SYLLABLE}) ?[)）]`, 'gu');
/** The annotation alone, after its character. */
const GLUED = new RegExp(`(?<=\\p{Script=Han})[(（] ?${TONED_SYLLABLE} ?[)）]`, 'gu');
/** A quick test before the scan: most text holds no tone mark at all. */
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;
const HAN = /\p{Script=Han}/u;

/**
 * The pinyin annotations of a block's text, with the characters alone as repair: one artifact
 * for all of them when the block holds two or more (a conversion touched the whole text:
 * high confidence), else the one, high when it cuts a word in two (a character on both
 * sides), low for a lone one between words.
 */
export function pinyinAnnotations(text: string): Artifact[] {
  const toned = TONE_MARK.test(text);
  const found: Artifact[] = toned ? [] : tonelessAnnotations(text);
  for (const m of toned ? text.matchAll(ANNOTATED) : []) {
    const start = m.index;
    const end = start + m[0].length;
    found.push({ kind: 'pinyin', start, end, actual: m[0], expected: m[1]!, fragment: m[2]!, confidence: HAN.test(text[end] ?? '') ? 'high' : 'low' });
  }
  if (found.length === 1) {
    found[0]!.reason = found[0]!.confidence === 'high' ? 'a tone-marked syllable cuts a word in two' : 'one tone-marked syllable after a character';
    return found;
  }
  if (found.length === 0) return found;
  // A conversion that touched a block touched all of it: one finding for the block, from its
  // first syllable to its last, repaired by dropping every syllable (the text between stays).
  const start = found[0]!.start;
  const end = found[found.length - 1]!.end;
  let expected = '';
  let at = start;
  for (const a of found) {
    expected += text.slice(at, a.start) + a.expected!;
    at = a.end;
  }
  return [
    {
      kind: 'pinyin',
      start,
      end,
      actual: text.slice(start, end),
      expected,
      fragment: found.map((a) => a.fragment).join(' '),
      count: found.length,
      confidence: 'high',
      reason: toned ? 'tone-marked syllables glued after characters across the text' : 'syllables without tone marks glued after characters across the text',
    },
  ];
}

/**
 * Pinyin without tone marks glued after characters, one syllable in brackets or several
 * ("葉(xie)(xie)酸(suan)片", "在(zai)是太(tai)多了(le)"): the same conversion, or a page that
 * salts its text for search engines. One such bracket may be anything ("方案(a)", "表(an)"),
 * so the annotations count only when a block holds MIN_TONELESS of them, each a syllable of
 * Mandarin. Each is one artifact of high confidence; pinyinAnnotations joins them.
 */
function tonelessAnnotations(text: string): Artifact[] {
  const found: Artifact[] = [];
  if (!BRACKETED_ONCE.test(text)) return found;
  for (const m of text.matchAll(TONELESS)) {
    const syllables = [...m[2]!.matchAll(BRACKETED)].map((b) => b[1]!);
    if (!syllables.every((x) => SYLLABLE.test(x))) continue;
    const start = m.index;
    found.push({ kind: 'pinyin', start, end: start + m[0].length, actual: m[0], expected: m[1]!, fragment: syllables.join(' '), confidence: 'high' });
  }
  return found.length >= MIN_TONELESS ? found : [];
}

const TONELESS = /(\p{Script=Han})((?:[(（][a-zü]{1,6}[)）])+)/gu;
const BRACKETED = /[(（]([a-zü]{1,6})[)）]/gu;
/** A quick test before the scan: most text holds no lower-case letters in brackets. */
const BRACKETED_ONCE = /[(（][a-zü]{1,6}[)）]/u;
/** A Mandarin syllable spelled without its tone: an initial, then a final. */
const SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|ve|üe|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v|ü)$/u;
/** Toneless annotations a block must hold before they are read as a conversion's. */
const MIN_TONELESS = 3;

/**
 * `text` without the tone-marked pinyin glued after its characters, with the place each of its
 * code units had in `text`: for a reader that must see "醫生指導" in "醫(yī)生指導(dǎo)" and report
 * where it stands in the draft (dose/lexicon.ts `scan`). Undefined when there is none.
 */
export function withoutPinyin(text: string): { text: string; places: number[] } | undefined {
  if (!TONE_MARK.test(text)) return undefined;
  let out = '';
  const places: number[] = [];
  let at = 0;
  const keep = (end: number): void => {
    for (let i = at; i < end; i++) places.push(i);
    out += text.slice(at, end);
  };
  for (const m of text.matchAll(GLUED)) {
    keep(m.index);
    at = m.index + m[0].length;
  }
  if (at === 0) return undefined;
  keep(text.length);
  return { text: out, places };
}
