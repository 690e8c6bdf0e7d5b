/**
 * Doubled Han characters: a character written twice where Chinese does not reduplicate it
 * ("镁镁", "的的"), a trace of a translation engine repeating a token.
 *
 * Chinese reduplicates freely (常常, 看看, 谢谢, 气喘吁吁, 明明白白), and a doubled character
 * is also often the last of one word and the first of the next (大学学生: 大学 + 学生). A rule
 * of thumb cannot tell these apart; jieba's dictionary can (src/lang/chinese-dictionary.ts):
 *
 * - "一" + a doubled character (一条条, 一个个: one by one) → normal Chinese;
 * - a dictionary word that holds both copies (常常, 气喘吁吁, 的的确确) → normal Chinese, unless
 *   it is the pair alone and rare, and a word beside takes one of the copies (糖糖 beside 糖分),
 *   or an uncommon reading that a word ending at the first copy outweighs (西兰花 + 花);
 * - the first copy ends a word and the second starts one (大学 + 学生) → normal Chinese; so
 *   does a postposition after a noun before a word it starts (血中 + 中性脂肪), and 百百种 ("all
 *   sorts of");
 * - neither copy belongs to a longer word (补充镁镁) → an artifact, high confidence;
 * - one copy belongs to a longer word → an artifact, low confidence (the other reading may
 *   be a word the dictionary lacks).
 */
import type { Artifact } from './artifacts.js';
import { chineseCharacterTag, chineseWordFrequency, longestChineseWord } from './chinese-dictionary.js';
import { toSimplified } from './simplified.js';
import { withoutPinyin } from './pinyin.js';

const DOUBLED = /(\p{Script=Han})\1/gu;
/**
 * A doubled pair counted fewer times than this in jieba's dictionary is a rare entry (糖糖, a
 * pet name) that gives way to a word beside it (糖分); real reduplications as words of their
 * own (常常, 谢谢, 渐渐) are counted in the hundreds or thousands.
 */
const RARE = 10;
/** How many times more often a word beside must be counted than an uncommon pair to take its copy. */
const DOMINANT = 20;
const HAN = /\p{Script=Han}/u;

/** The character (code point) that ends right before `i`, or '' at the start. */
function charBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}

/** The run of Han characters around [from, to): its start and end. */
function hanRun(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && HAN.test(charBefore(text, start))) start -= charBefore(text, start).length;
  let end = to;
  while (end < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(end)!);
    if (!HAN.test(ch)) break;
    end += ch.length;
  }
  return [start, end];
}

/**
 * The highest dictionary frequency of a word text[s, e) of two or more characters with
 * `sFrom` ≤ s ≤ `sTo` and `eFrom` ≤ e ≤ `eTo` (0 when there is none).
 */
function bestWord(text: string, sFrom: number, sTo: number, eFrom: number, eTo: number): number {
  const max = longestChineseWord();
  let best = 0;
  for (let s = sTo; s >= sFrom; s--) {
    for (let e = Math.max(eFrom, s + 2); e <= Math.min(eTo, s + max); e++) {
      const f = chineseWordFrequency(text.slice(s, e));
      if (f > best) best = f;
    }
  }
  return best;
}

/**
 * One-character words whose tag says they reduplicate freely: verbs (说说, 试试, 补补), adjectives
 * (长长, 高高), measure words (个个, 天天) and sounds (咚咚, 啪啪). The copula and the verb of having do not (是是,
 * 有有 are repeats), though the dictionary tags them as verbs.
 */
const REDUPLICATING_TAGS = new Set(['v', 'vg', 'a', 'ag', 'q', 'o']);
/**
 * Nouns that count, doubled to mean "every" (餐餐紅肉: red meat at every meal, 样样, 晚晚), which the
 * dictionary tags as nouns or times rather than measure words.
 */
const EVERY = new Set([...'餐顿頓样樣晚夜周週月日天年人家户戶处處事时時步句字页頁碗杯盘盤瓶场場代门門科题題道']);

/** What stands before a verb done a little ("可以搜搜", "去查查", "先试试"): a modal, a verb of going, a "first" or "again". */
const TRY_A_LITTLE = /(?:可以|能够|不妨|应该|需要|建议|得|要|想|去|来|先|再|多|帮你|让我|给我|请)$/u;
const NOT_REDUPLICATED = new Set(['是', '有']);
/**
 * Characters that follow a noun as a postposition ("血中", "水里", "体内", "饭后"): the first
 * copy closes a phrase the dictionary need not list, so a second copy that starts a word
 * (血中 + 中性脂肪, 饭后 + 后来) is that word's.
 */
const POSTPOSITIONS = new Set([...'中上下里裡内內外前后後']);
/** Prepositions that open a phrase: "在软组织中", "于体内", "从食物中", "以多种形式". */
const PREPOSITIONS = new Set([...'在于於从從对對向给給为為把被跟以由']);
/** Particles and function characters, which join no compound: doubled, they are a repeat. */
const FUNCTION_CHARACTERS = new Set([...'的了是在和有也都就不着过地得吗呢吧与及或而']);
/** Quotation marks around a pair. */
const QUOTE_OPEN = /^["“「『‘']$/u;
const QUOTE_CLOSE = /^["”」』’']$/u;
/** "百百种", "百百款": the colloquial "all sorts of", not a repeated token. */
const ALL_SORTS = /^(?:种|種|款|样|樣)/u;

/**
 * How a doubled pair at [i, end) reads, judged on `lookup` (the text itself, or the same text
 * in simplified characters: the dictionary knows those): undefined when it is Chinese.
 */
function judge(lookup: string, i: number, ch: string, end: number): Pick<Artifact, 'confidence' | 'reason'> | undefined {
  const mid = i + ch.length;
  const nextChar = end < lookup.length ? String.fromCodePoint(lookup.codePointAt(end)!) : '';
  // Three or more in a row (哈哈哈, 嗯嗯嗯) is an interjection or emphasis, not a doubled token.
  if (charBefore(lookup, i) === ch || nextChar === ch) return undefined;
  // The pair alone in quotation marks (关节“咔咔”响) is a sound or a word quoted as written.
  if (QUOTE_OPEN.test(charBefore(lookup, i)) && QUOTE_CLOSE.test(nextChar)) return undefined;
  // "一" before a doubled measure word or noun is the one-by-one form (一条条, 一个个, 一步步,
  // 一天天): Chinese grammar, not a repeated token.
  if (charBefore(lookup, i) === '一') return undefined;
  // After a modal or a verb of going, a doubled character other than a noun is a verb done a
  // little (可以搜搜, 去查查, 先试试, 再想想), whatever else the dictionary tags it.
  // (Not a noun: "需要镁镁" is a repeated token.)
  if (TRY_A_LITTLE.test(lookup.slice(Math.max(0, i - 3), i)) && !chineseCharacterTag(ch).startsWith('n')) return undefined;
  // The second pair of an AABB reduplication (的的确确, 平平安安): the first pair says so.
  const p1 = charBefore(lookup, i);
  if (p1 !== '' && HAN.test(p1) && charBefore(lookup, i - p1.length) === p1) return undefined;
  const [lo, hi] = hanRun(lookup, i, end);
  // Longer words holding both copies (气喘吁吁, 忙忙碌碌), the pair as a word (常常), words
  // ending at the first copy (为了) and starting at the second (了解).
  const longer = Math.max(bestWord(lookup, lo, i - 1, end, hi), bestWord(lookup, i, i, end + 1, hi));
  const left = bestWord(lookup, lo, i - 1, mid, mid);
  // A word that ends at the first copy and is counted far more often than any reading that
  // keeps both copies took the first copy; the second is the repeat (西兰花花: 兰花 is counted
  // 546 times, the folk-song title 兰花花 6 and 花花 12). Only a word on the left can take it
  // so: the one on the right of an AABB idiom (明白 in 明明白白) is its own second half.
  const outweighs = (reading: number): boolean => reading < RARE * 10 && left >= reading * DOMINANT;
  if (longer > 0 && !outweighs(longer)) return undefined;
  const pair = chineseWordFrequency(lookup.slice(i, end));
  const right = bestWord(lookup, mid, mid, end + 1, hi);
  if ((pair >= RARE && !outweighs(pair)) || (pair > 0 && left === 0 && right === 0)) return undefined;
  const firstInWord = left > 0;
  const secondInWord = right > 0;
  if (firstInWord && secondInWord) return undefined;
  if (secondInWord && POSTPOSITIONS.has(ch) && HAN.test(charBefore(lookup, i))) return undefined;
  // A word that ends on a preposition's character, then the preposition before its phrase
  // (存在 + 在软组织中, 现在 + 在家): the first copy is the word's, the second a word of its own.
  if (firstInWord && PREPOSITIONS.has(ch) && end < hi) return undefined;
  // "所有 + 有症状的人": "all who have …", the word for "all" before the verb "have".
  if (ch === '有' && charBefore(lookup, i) === '所' && end < hi) return undefined;
  if (ch === '百' && ALL_SORTS.test(lookup.slice(end))) return undefined;
  // A verb, adjective or measure word doubled is a reduplication the dictionary need not list
  // (先说说, 长长的), and so is a noun that counts (餐餐: every meal): unless a word beside took
  // one copy, it reads as Chinese.
  if (!firstInWord && !secondInWord && (REDUPLICATING_TAGS.has(chineseCharacterTag(ch)) || EVERY.has(ch)) && !NOT_REDUPLICATED.has(ch)) return undefined;
  if (!firstInWord && !secondInWord) {
    // Amid characters the dictionary cannot place on either side (裂壶藻藻油, a species and its
    // oil), a doubled content character may join two words it does not list: unsure. Beside a
    // known word or the run's end (需要 + 镁镁, 是是 + 一种), or a particle doubled (的的), sure.
    const wordBefore = i === lo || bestWord(lookup, lo, i - 2, i, i) > 0;
    const wordAfter = end === hi || bestWord(lookup, end, end, end + 2, hi) > 0;
    if (!wordBefore && !wordAfter && !FUNCTION_CHARACTERS.has(ch)) return { confidence: 'low', reason: 'neither copy belongs to a dictionary word, nor do the characters around them' };
    return { confidence: 'high', reason: 'neither copy belongs to a dictionary word' };
  }
  return { confidence: 'low', reason: firstInWord ? 'the first copy ends a dictionary word' : 'the second copy starts a dictionary word' };
}

/** Doubled Han characters that are not Chinese reduplication, with the single character as repair. */
export function doubledCharacters(text: string): Artifact[] {
  // A broken conversion's pinyin glued after the characters ("多動(dòng)癥癥狀") hides the words
  // around a pair: the pairs are judged on the characters alone, and those still side by side in
  // the draft are reported where they stand in it.
  const plain = withoutPinyin(text);
  if (!plain) return doubledIn(text);
  const out: Artifact[] = [];
  for (const a of doubledIn(plain.text)) {
    const start = plain.places[a.start]!;
    const end = plain.places[a.end - 1]! + 1;
    if (end - start === a.end - a.start) out.push({ ...a, start, end });
  }
  return out;
}

function doubledIn(text: string): Artifact[] {
  const out: Artifact[] = [];
  let simplified: string | undefined;
  for (const m of text.matchAll(DOUBLED)) {
    const i = m.index;
    const end = i + m[0].length;
    let verdict = judge(text, i, m[1]!, end);
    if (!verdict) continue;
    // A traditional text is judged again in simplified characters, which the dictionary knows
    // (長長 → 长长, 炎症症狀 → 炎症症状); the converter loads only for such a second look.
    simplified ??= toSimplified(text);
    if (simplified !== text) {
      verdict = judge(simplified, i, simplified.slice(i, i + m[1]!.length), end);
      if (!verdict) continue;
    }
    out.push({ start: i, end, kind: 'doubled-character', actual: m[0], expected: m[1]!, ...verdict });
  }
  return out;
}
