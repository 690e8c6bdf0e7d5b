/**
 * The words dose extraction reads around a figure, in English and Chinese: periods,
 * populations, the cues that tell a limit from a recommendation or a study report, where
 * the intake comes from (food or supplements), and referrals to a doctor.
 */

export type DosePeriod = 'day' | 'night' | 'week' | 'month' | 'year';
export type Population = 'women' | 'men' | 'adults' | 'older adults' | 'children';
/**
 * What a figure is: an upper limit the article states, an amount it advises, an amount a
 * study gave, or any other amount (table cells, food contents, "25% of your RDI").
 */
export type DoseRole = 'limit' | 'recommendation' | 'study' | 'amount';
/** Where the amount is taken from, as far as the sentence says. */
export type IntakeSource = 'diet' | 'supplement' | 'unspecified';

export interface Cue<T> {
  re: RegExp;
  value: T;
  strong: boolean;
}

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
  strong: boolean;
}

/** The lookbehind that opens a whole-word cue: no letter or digit right before it. */
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;

/**
 * How `scan` searches a cue: `body` is the cue itself, or for a whole-word cue the cue
 * without its opening lookbehind, with `start` the lookbehind alone, sticky (`lastIndex = i;
 * test(s)` tells whether it holds at i). Both are private to `scan`, so a cue's own
 * `lastIndex` is never touched.
 */
interface Search {
  body: RegExp;
  start?: RegExp;
}

const searches = new WeakMap<RegExp, Search>();

function searchOf(re: RegExp): Search {
  let search = searches.get(re);
  if (!search) {
    if (!re.global) throw new TypeError(`a cue must be a global RegExp: ${re}`);
    searches.set(re, (search = { body: new RegExp(re.source, re.flags) }));
  }
  return search;
}

/**
 * A whole-word cue `(?<![\p{L}\p{N}])(?:source)tail`. V8 tries a pattern that opens with a
 * lookbehind at every position of the text, but skips quickly through the text to where a
 * pattern that opens with its words could start; so `scan` searches for the body and checks
 * the lookbehind (same pattern, same flags) only where the body matches. The lookbehind
 * depends on the position alone and stands in front of the whole `(?:source)` group, so the
 * two steps find exactly the matches of the whole cue.
 */
function wordCue(source: string, tail: string, flags: string): RegExp {
  const re = new RegExp(`${WORD_START}(?:${source})${tail}`, `g${flags}`);
  searches.set(re, { body: new RegExp(`(?:${source})${tail}`, `g${flags}`), start: new RegExp(WORD_START, `y${flags}`) });
  return re;
}

/** English words: case-insensitive, standing as whole words (not inside "day-to-day"). */
const en = (source: string): RegExp => wordCue(source, String.raw`(?![\p{L}\p{N}-])`, 'iu');
/** Case-sensitive abbreviations (UL, RDA) as whole words. */
const abbr = (source: string): RegExp => wordCue(source, String.raw`(?![\p{L}\p{N}])`, 'u');
/** Chinese words: no word boundaries to look for. */
const zh = (source: string): RegExp => new RegExp(source, 'gu');

const cue = <T>(re: RegExp, value: T, strong = true): Cue<T> => ({ re, value, strong });

export const PERIODS: Cue<DosePeriod>[] = [
  cue(en(String.raw`(?:per|a|each|every)\s+day|daily|once\s+a\s+day|per\s+diem`), 'day'),
  cue(new RegExp(String.raw`/\s*(?:day|d)(?![\p{L}])`, 'giu'), 'day'),
  cue(zh('每天|每日|每一天|一日|/天|/日'), 'day'),
  cue(en(String.raw`(?:per|a|each|every)\s+night|nightly|at\s+night|at\s+bedtime|before\s+(?:going\s+to\s+)?(?:bed|bedtime|sleep|sleeping)`), 'night'),
  cue(zh('每晚|每夜|睡前|睡觉前|临睡前'), 'night'),
  cue(en(String.raw`(?:per|a|each|every)\s+week|weekly|once\s+a\s+week`), 'week'),
  cue(new RegExp(String.raw`/\s*(?:week|wk)(?![\p{L}])`, 'giu'), 'week'),
  cue(zh('每周|每星期|每礼拜|/周'), 'week'),
  cue(en(String.raw`(?:per|a|each|every)\s+month|monthly`), 'month'),
  cue(zh('每月|每个月'), 'month'),
  cue(en(String.raw`(?:per|a|each|every)\s+year|yearly|annually|per\s+annum`), 'year'),
  cue(zh('每年|每一年'), 'year'),
];

export const POPULATIONS: Cue<Population>[] = [
  cue(
    en(
      String.raw`older\s+(?:adults|people|persons|individuals|men|women)|elderly(?:\s+(?:adults|people|persons|patients|men|women))?|the\s+elderly|seniors|adults\s+(?:over|aged|older\s+than)\s+(?:50|51|60|65|70|71)\+?`,
    ),
    'older adults',
  ),
  cue(zh('老年人|老年|老人|长者'), 'older adults'),
  cue(en('children|child|kids|infants|toddlers|adolescents|teens|teenagers'), 'children'),
  cue(zh('儿童|孩子|小孩|青少年|婴儿'), 'children'),
  cue(en(String.raw`adult\s+women|women|woman|females?`), 'women'),
  cue(zh('成人女性|成年女性|女性|妇女|女人'), 'women'),
  cue(en(String.raw`adult\s+men|men|man|males?`), 'men'),
  cue(zh('成人男性|成年男性|男性|男人'), 'men'),
  cue(en('adults?|grown-ups'), 'adults'),
  cue(zh('成年人|成人'), 'adults'),
];

export const ROLES: Cue<DoseRole>[] = [
  // Limit statements.
  cue(
    en(
      String.raw`upper\s+(?:intake\s+)?(?:limit|level)s?|tolerable\s+upper|maximum\s+(?:safe\s+|daily\s+|recommended\s+)?(?:dose|dosage|intake|amount|limit)|safe\s+limit|(?:do|does|should|must)\s+not\s+exceed|don['’]t\s+exceed|never\s+exceed|not\s+to\s+exceed`,
    ),
    'limit',
  ),
  cue(abbr('ULs?'), 'limit'),
  cue(zh('上限|最高摄入量|可耐受最高|安全上层|不(?:要|应|宜|可)超过|切勿超过'), 'limit'),
  // Study reports.
  cue(
    en(
      String.raw`(?:were|was)\s+given|participants\s+(?:were\s+given|received|took|consumed)|(?:researchers|investigators|scientists)\s+(?:gave|administered|used|provided)|(?:trials?|stud(?:y|ies)|experiments?)\s+(?:that\s+|which\s+)?(?:gave|used|administered|provided|tested)|stud(?:y|ies)\s.{0,80}?\sgave|received\s+either|administered|randomi[sz]ed|placebo`,
    ),
    'study',
  ),
  cue(zh('研究中|研究人员|受试者|参与者|给予|试验中?(?:使用|采用)|安慰剂'), 'study'),
  cue(en(String.raw`stud(?:y|ies)|trials?|research|researchers|participants|subjects|patients`), 'study', false),
  cue(zh('研究|试验|实验'), 'study', false),
  // Recommendations.
  cue(
    en(
      String.raw`(?:we|i)\s+(?:(?:strongly|highly|usually|generally)\s+)?recommend|recommend(?:s|ed)?\s+(?:taking|that\s+you\s+take|a\s+daily|a\s+dose|doses?|an?\s+intake)|recommended\s+(?:daily\s+|dietary\s+)?(?:dose|dosage|intake|amount|allowance)|aim\s+(?:for|to\s+get|to\s+take)|typical(?:ly)?\s.{0,60}?dos(?:e|es|age|ing)|(?:usual|standard|effective|optimal|ideal)\s+dos(?:e|es|age)|suggests?\s+(?:a\s+)?(?:daily\s+)?(?:dietary\s+)?intake|should\s+(?:take|get|consume|aim)|try\s+taking|start\s+with`,
    ),
    'recommendation',
  ),
  cue(abbr('RDAs?'), 'recommendation'),
  cue(zh('建议|推荐|应该?服用|摄入量为|每日摄入|典型剂量|常用剂量|通常剂量'), 'recommendation'),
  cue(en(String.raw`take|takes|taking|need|needs|dose|doses|dosage|dosing|supplement\s+with`), 'recommendation', false),
  cue(zh('服用|剂量|摄入|需要'), 'recommendation', false),
];

/** Intake from food: strong cues (RDA, dietary intake) settle it even beside a supplement word. */
export const INTAKE: Cue<IntakeSource>[] = [
  cue(
    en(
      String.raw`recommended\s+dietary\s+allowance|dietary\s+(?:intake|allowance|reference\s+intake)|adequate\s+intake|(?:from|through)\s+(?:food|foods|diet|your\s+diet|whole\s+foods)`,
    ),
    'diet',
  ),
  cue(abbr('RDAs?'), 'diet'),
  cue(zh('膳食摄入|推荐摄入量|从食物|通过饮食'), 'diet'),
  cue(en(String.raw`diet|diets|dietary(?!\s+supplement)|food|foods|eating|meals?`), 'diet', false),
  cue(zh('膳食|饮食|食物|食品'), 'diet', false),
  cue(en(String.raw`supplements?|supplemental|supplementation|supplementing|pills?|tablets?|capsules?|doses?|dosage`), 'supplement', false),
  cue(zh('补充剂|补充|片剂|胶囊|剂量'), 'supplement', false),
];

export const REFERRALS: Cue<true>[] = [
  cue(
    en(
      String.raw`doctors?|physicians?|(?:health\s*care|health-care)\s+(?:providers?|professionals?|practitioners?|team)|health\s+professionals?|medical\s+(?:supervision|advice|professionals?)|pharmacists?|dietitians?`,
    ),
    true,
  ),
  cue(zh('医生|医师|医疗监督|医嘱|药剂师'), true),
];

/** Every cue found in `text[from, to)`, leftmost first; of overlapping cues the longest stays. */
export function scan<T>(text: string, cues: readonly Cue<T>[], from = 0, to = text.length): Hit<T>[] {
  const slice = text.slice(from, to);
  const hits: Hit<T>[] = [];
  for (const c of cues) {
    const { body, start } = searchOf(c.re);
    body.lastIndex = 0;
    for (let m = body.exec(slice); m; m = body.exec(slice)) {
      const at = m.index;
      if (start) {
        start.lastIndex = at;
        if (!start.test(slice)) {
          // As a global search does after a miss: on at the next code point.
          body.lastIndex = at + codePointLength(slice, at);
          continue;
        }
      }
      if (m[0].length === 0) {
        body.lastIndex = at + codePointLength(slice, at);
        continue;
      }
      hits.push({ start: from + at, end: from + at + m[0].length, value: c.value, strong: c.strong });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit<T>[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Where the intake of a sentence comes from. */
export function intakeOf(text: string, from: number, to: number): IntakeSource {
  const hits = scan(text, INTAKE, from, to);
  if (hits.some((h) => h.strong && h.value === 'diet')) return 'diet';
  if (hits.some((h) => h.value === 'supplement')) return 'supplement';
  if (hits.some((h) => h.value === 'diet')) return 'diet';
  return 'unspecified';
}

/** Sentence ranges of a block's text: ends at 。！？!? and at a full stop before a space or the end. */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const END = /[。！？!?]+|(?<!(?:^|[\s(])(?:e\.g|i\.e|vs|approx|ca|Dr|Mr|Mrs|Ms|St|No|Fig|al))\.(?=[\s"'”’)\]]|$|\p{Script=Han})/gu;
  let start = 0;
  for (const m of text.matchAll(END)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}
