/**
 * Shapes of a line that the publishing system leaves and prose never takes, recognised by
 * their form rather than by a phrase: bylines with a timestamp, labels with no value, a
 * doctor's card, a site footer, a jump menu of the page's sections, a bare number or link.
 * Each gives the classifier (classify.ts) evidence with a weight; the strong ones (3) are
 * specific enough to stand alone, the weak ones (1–2) only make a line a suspect that its
 * neighbours then decide (jusText's "short" blocks).
 *
 * Every test here is anchored and linear, and reads the features already computed
 * (`Features`): it runs on every short block of every draft.
 */
import type { Block } from '../types.js';
import type { Features } from './features.js';
import type { DebrisKind } from './lexicon.js';
import { englishWords } from '../lang/words.js';

export interface ShapeEvidence {
  weight: number;
  kind?: DebrisKind;
  why: string;
}

// A date and a clock time: "2025-04-19 15:45:08", "2025年4月19日 15:45".
const DATE_TIME = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?/u;
/** A name or channel and a timestamp, nothing else: "罗夕夕记录日常 2025-04-19 15:45:08", "2025-09-29 18:01 潮健康". */
const STAMPED = new RegExp(`^(?:[^\\s。！？.!?]{1,24}\\s+)?${DATE_TIME.source}(?:\\s+[^\\s。！？.!?]{1,16})?$`, 'u');

/** "Writer and expert · 2 years ago", "Updated 3 days ago", "Answered 16y ago": a relative time ending a short line. */
const RELATIVE_TIME = /\d+\s*(?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|mo|[ywdhms])\s+ago$|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前$/u;

// Labels of a portal's meta line (Chinese: source, dates, author, editor, views).
const META_LABEL = /(?:来源|來源|发布日期|發布日期|发布时间|發布時間|更新时间|创作时间|作者|编辑|編輯|责任编辑|浏览次数|阅读量|点击数|字号)\s*[:：]/gu;
/** The same labels standing alone, their value missing ("创作时间:", "作者："). */
const BARE_LABEL = /^(?:来源|來源|发布日期|发布时间|更新时间|创作时间|时间|日期|作者|编辑|責任編輯|责任编辑|阅读量|浏览量|阅读|浏览|字号|引用|出处|分享)$/u;

/** A doctor's card on a health Q&A site: name, department, title ("徐咏书 普内科 副主任医师"). */
const DOCTOR = /^[\p{Script=Han}·]{2,5}\s+[\p{Script=Han}]{2,10}\s+(?:主任医师|副主任医师|主治医师|住院医师|医师|副教授|教授|主任药师|副主任药师|主管药师|药师|营养师|主任护师|副主任护师)$/u;
/**
 * A portal's link to another article under its column's name, "[养生保健][图文]每天鲫鱼汤孩童为何 | |":
 * the column in square brackets, the media mark, a headline, the bars of a link list.
 */
const CATEGORY_LINK = /^\[[\p{Script=Han}]{2,6}\](\[(?:图文|圖文|组图|組圖|视频|視頻|多图|多圖)\])?[^\[\]。！!]{2,40}?(\s*\|(?:\s*\|)*)?\s*$/u;
/** The hospital line of that card ("某某大学第四附属医院 三甲"). */
const HOSPITAL = /^[\p{Script=Han}]{2,24}(?:医院|醫院|卫生院|卫生服务中心|保健院)(?:\s*(?:三甲|二甲|三级甲等|二级甲等|三级|二级))?$/u;
/** A site's name alone on a line ("大众养生网"). */
const SITE_NAME = /^[\p{Script=Han}]{2,8}(?:网|網|频道|頻道)$/u;
/** A breadcrumb: a site's name, then its sections apart by spaces ("某某网 健康百科 维生素"). */
const CRUMB = /^[\p{Script=Han}]{2,8}(?:网|網)(?:[ \u3000]+[\p{Script=Han}]{2,6})+$/u;
/** A social handle alone: "@小白创作中心", "@wellnessdaily". */
const HANDLE = /^@[\p{L}\p{N}_.-]{2,30}$/u;
/** A single word with a capital inside: a brand or site name alone ("TheInfoList", "NewsmaxHealth"). */
const CAMEL = /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/;
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/;
/** No letter and no Han: a rating, a count, a page number ("0", "1.", "14"). */
const NUMERIC = /^[\d\s.,:;()/#%+-]+$/;

/**
 * A jump menu or section bar on one line: four or more short items joined by bars, none a
 * sentence ("Best overall | Best budget | Best for dry skin | …"). A table row of a
 * plain-text draft has its siblings as table cells, never reaching here.
 */
function barMenu(text: string): number {
  if (!text.includes(' | ')) return 0;
  const items = text.split(BAR);
  if (items.length < 4) return 0;
  if (!items.every((p) => p !== '' && p.split(/\s+/).length <= 9 && !/[.!。]$/.test(p) && /[A-Za-z]/.test(p))) return 0;
  return items.length >= 5 ? 3 : 2;
}

// A date as pages print it: "2025-03-06", "2025年07月06日", "2025年11月", "9/28/2019", "March 6, 2025", "6 March 2025".
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const A_DATE = `(?:\\d{4}[-/.年]\\d{1,2}(?:[-/.月]\\d{1,2}日?|月)|\\d{1,2}/\\d{1,2}/\\d{2,4}|${MONTH}\\s\\d{1,2},?\\s\\d{4}|\\d{1,2}\\s${MONTH}\\s\\d{4})`;
/** A label and a date, nothing else: "最後更新日期：2025年07月06日", "Last update: 10/15/2019". */
const LABEL_DATE = new RegExp(`^[^:：\\d]{1,24}[:：]\\s*${A_DATE}$`, 'iu');
/** A short line ending in an update or publication stamp: "… 更新于2025年11月", "… Updated March 6, 2025". */
const STAMP_END = new RegExp(`(?:更新于|更新於|发布于|發佈於|發布於|updated|published)\\s*(?:on\\s*)?[:：]?\\s*${A_DATE}$`, 'iu');
/**
 * A line of Chinese chips: two or more runs of a few Han characters, apart by spaces, no
 * punctuation ("精选内容 三审三校", "找美食 找旅游"): badges, tabs or a menu, not a heading.
 */
// ("第一章 概述" is a numbered heading of the article, not a row of chips.)
const NUMBERED_CHIP = /^第[一二三四五六七八九十\d]+[章节節部分篇]/u;
const CHIPS = /^[\p{Script=Han}]{2,6}(?:[ \u3000]+[\p{Script=Han}]{2,6})+$/u;

/**
 * A menu whose links lost the spaces between them: a word's lower-case end glued to the next
 * word's capital four times or more ("HomeSearchLatest postsRegisterLog in"); a brand name
 * glues two or three words at most ("NewsmaxHealth").
 */
const GLUED_WORD = /\p{Ll}{2}\p{Lu}/gu;
const GLUED_MENU = 4;

/** A token in capitals alone, long enough to be words glued together ("TABLEOFCONTENTS"). */
const CAPITALS_TOKEN = /^[A-Z]{7,30}$/;
/** The small words that hold a label's words together ("BACKTOTOP", "TABLEOFCONTENT"). */
const GLUE = new Set('of and the to in on for with your our my now up us all out at by or'.split(' '));
/** Words of a page's buttons and widget labels. */
const FURNITURE = new Set(
  'table content contents back top read more sign log login logout skip main menu home search share print follow subscribe click here next previous prev page jump section contact about privacy policy terms related post posts comment comments reply view shop buy learn see show hide close open toggle latest images register account cart help continue reading download app full story article articles navigation links quick go'.split(
    ' ',
  ),
);

/**
 * How sure a token in capitals is a label whose words were glued together: 3 when it splits
 * into the words of a page's buttons and labels alone ("TABLEOFCONTENTS", "READMORE"); 2 when
 * it splits into words of the word list held together by a small word ("HOWTOTAKEMAGNESIUM":
 * a heading of the article may have lost its spaces too, so its neighbours decide); 0 when it
 * is a word itself or splits no such way ("SIDEEFFECTS").
 */
function gluedLabel(token: string): number {
  const low = token.toLowerCase();
  const dict = englishWords();
  if (dict.has(low) || (low.endsWith('s') && dict.has(low.slice(0, -1)))) return 0;
  // Splits `low` from `at` into `parts` more words (two to four in all), each accepted by `word`.
  const splits = (at: number, parts: number, word: (w: string) => boolean, glued: boolean): boolean => {
    if (at === low.length) return parts >= 2 && glued;
    if (parts === 4) return false;
    for (let end = at + 2; end <= low.length; end++) {
      const w = low.slice(at, end);
      if (word(w) && splits(end, parts + 1, word, glued || GLUE.has(w))) return true;
    }
    return false;
  };
  if (splits(0, 0, (w) => FURNITURE.has(w) || GLUE.has(w), true)) return 3;
  return splits(0, 0, (w) => GLUE.has(w) || (w.length >= 3 && dict.has(w)), false) ? 2 : 0;
}

/**
 * A bar between items with the white space around it. The white space is matched from the
 * start of its run only (the lookbehind): tried at every space of a long run, `\s+` would
 * make the split quadratic.
 */
export const BAR = /(?<!\s)\s+\|\s+/;

/** Items of a line joined by bars (a menu, or a row of a plain-text table). */
export function barItems(text: string): number {
  return text.includes(' | ') ? text.split(BAR).length : 0;
}

/** Evidence the form of a block gives, if any (the strongest shape that fits). */
export function shapeOf(block: Block, f: Features): ShapeEvidence | undefined {
  const text = f.text;
  if (text.length > 400 || text === '') return undefined;
  const menu = f.han === 0 ? barMenu(text) : 0;
  if (menu) return { weight: menu, kind: 'nav', why: 'section menu' };
  // Each test below is guarded by a character its shape must hold: most lines hold none.
  const colon = text.includes(':') || text.includes('：');
  const labelled = (): boolean => f.han > 0 && colon && !/[。！？]/u.test(text) && (text.match(META_LABEL)?.length ?? 0) >= 2;
  if (!f.short) {
    // A portal's meta line: two labelled values or more ("来源: … | 发布日期: … | 作者: …").
    return labelled() ? { weight: 3, kind: 'portal', why: 'meta labels' } : undefined;
  }
  if (colon && STAMPED.test(text)) return { weight: 3, kind: 'meta', why: 'timestamp' };
  // (A date line alone is unsure, as the lexicon's "Last updated: …": its neighbours decide it.)
  if (colon && !f.sentence && LABEL_DATE.test(text)) return { weight: 2, kind: 'meta', why: 'label and date' };
  if (!f.sentence && /\d[月日]?$/u.test(text) && STAMP_END.test(text)) return { weight: 3, kind: 'meta', why: 'date stamp' };
  if (!f.sentence && (text.endsWith('ago') || text.endsWith('前')) && RELATIVE_TIME.test(text)) return { weight: 3, kind: 'meta', why: 'relative time' };
  // (Words glued as a page's links or its styled labels lose their spaces; the article's own
  // words keep theirs.)
  if (f.han === 0 && !f.sentence && countGlued(text) >= GLUED_MENU) return { weight: 3, kind: 'nav', why: 'glued menu' };
  if (f.words === 1 && CAPITALS_TOKEN.test(text)) {
    const weight = gluedLabel(text);
    if (weight > 0) return { weight, kind: 'layout', why: 'glued label' };
  }
  if (f.han > 0) {
    if (labelled()) return { weight: 3, kind: 'portal', why: 'meta labels' };
    if (BARE_LABEL.test(f.normalised)) return { weight: /[:：]$/u.test(text) ? 3 : 2, kind: 'portal', why: 'label without value' };
    if (DOCTOR.test(text)) return { weight: 3, kind: 'author', why: 'doctor card' };
    if (HOSPITAL.test(text)) return { weight: 2, kind: 'author', why: 'hospital line' };
    if (SITE_NAME.test(text)) return { weight: 2, kind: 'nav', why: 'site name' };
    if (CRUMB.test(text)) return { weight: 3, kind: 'nav', why: 'breadcrumb' };
    if (text.charCodeAt(0) === 91) {
      const link = CATEGORY_LINK.exec(text);
      // (Only with the portal's media mark or the bars of a link list: a column's name alone
      // opens a forum thread's own title, "[懷孕護理] 準媽媽…".)
      if (link && (link[1] || link[2])) return { weight: 3, kind: 'related', why: 'column link' };
    }
    if (CHIPS.test(text) && !NUMBERED_CHIP.test(text)) return { weight: 1, kind: 'nav', why: 'chips' };
  }
  const c = text.charCodeAt(0);
  if (c === 64 && HANDLE.test(text)) return { weight: 3, kind: 'author', why: 'handle' };
  if (c >= 48 && c <= 57 && block.kind !== 'tableCell' && NUMERIC.test(text)) return { weight: 1, kind: 'layout', why: 'bare number' };
  if (c >= 65 && c <= 90 && !text.includes(' ') && CAMEL.test(text)) return { weight: 1, why: 'brand name' };
  if ((c === 104 || c === 119) && BARE_URL.test(text)) return { weight: 1, why: 'bare link' };
  return undefined;
}

/** How many times a lower-case word runs into a capital in `text` (see `GLUED_WORD`). */
function countGlued(text: string): number {
  GLUED_WORD.lastIndex = 0;
  let n = 0;
  while (GLUED_WORD.test(text)) n++;
  return n;
}

/** Whether a block's text is a bare number (see `shapeOf`): runs of them are a widget. */
export function isBareNumber(f: Features): boolean {
  const c = f.text.charCodeAt(0);
  return f.short && c >= 48 && c <= 57 && NUMERIC.test(f.text);
}
