/**
 * Debris inside a paragraph of real text: an affiliate disclosure or a link-bait sentence
 * pasted among the article's sentences, an editor's placeholder label at its start. Only the
 * long-form patterns of the lexicon (specific enough to stand in prose) are sought here, one
 * sentence at a time; the range returned is a run of whole sentences, so the cleaner removes
 * sentences, never parts of one.
 */
import { CTA_VERBS, GLUED_LABEL, LEADING_META, LEADING_PLACEHOLDER, WHOLE_PATTERNS, WIDGET_NOUNS, normaliseLine, type DebrisKind } from './lexicon.js';

const LONG_FORM = WHOLE_PATTERNS.filter((p) => p.long);
// A sentence and the white space after it; the last one may lack its end mark.
const SENTENCE = /[^.!?。！？]+(?:[.!?。！？]+["”’)]*|$)\s*/gu;

/** An acronym standing before a notice's label as part of it: "FDA ", "US ". */
const LABEL_PREFIX = /^[A-Z]{2,6}\s*$/;

const BUTTONS = /^(?:accept|accept all|reject|reject all|ok|okay|got it|i agree|agree|close|dismiss|learn more|more info|read more|settings|manage)(?:\s*[|/·]?\s*(?:accept|accept all|reject|reject all|ok|got it|i agree|close|learn more|more info|settings|manage))*[.!]?$/i;

export interface InlineDebris {
  start: number;
  end: number;
  kind: DebrisKind;
  weight: number;
  why: string;
  /** Low when the cleaner could not remove it cleanly (a Markdown link would leave its brackets). */
  confidence?: 'low';
}

/** The run of debris sentences in a block's text, if any (the first run of matching sentences). */
export function debrisSentences(text: string): InlineDebris | undefined {
  let found: InlineDebris | undefined;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && m[0] !== ''; m = SENTENCE.exec(text)) {
    const normalised = normaliseLine(m[0]);
    const hit = LONG_FORM.find((p) => p.re.test(normalised));
    if (!hit) {
      if (!found) continue;
      // The first run of debris sentences only: what follows is the article's, but for the
      // buttons of a banner or notice ("… uses cookies. Accept", "… commission. Learn more").
      // (Nor is a token of digits and capitals left at the end, the rest of a phone number the
      // splitter cut at "1.": "… call 1.866.CALL.MLH.")
      const rest = text.slice(m.index).trim();
      if (m.index + m[0].length >= text.length && BUTTONS.test(rest)) found.end = m.index + m[0].trimEnd().length;
      else if (rest.length <= 24 && !/[\s\p{Ll}\p{Script=Han}]/u.test(rest)) found.end = text.trimEnd().length;
      break;
    }
    const end = m.index + m[0].trimEnd().length;
    if (found) {
      found.end = end;
      found.weight = Math.max(found.weight, hit.weight);
    } else {
      // A notice glued to the article's last words starts at its label, not at the sentence;
      // an acronym before the label is the label's own ("FDA 免责声明:").
      const glued = GLUED_LABEL.exec(m[0]);
      const lead = m[0].length - m[0].trimStart().length;
      const ownWord = glued !== null && LABEL_PREFIX.test(m[0].slice(lead, glued.index));
      const start = m.index + (glued && glued.index > lead && !ownWord ? glued.index : lead);
      found = { start, end, kind: hit.kind, weight: hit.weight, why: `sentence:${hit.kind}` };
    }
  }
  return found;
}

/**
 * A picture's credit: a line of its own, or glued after the last sentence of the picture's
 * caption ("… sliced kiwi fruit. Photo Credit: A. Lee/iStock/Getty Images", a Chinese news
 * caption's "…剂量。（示意图／Pixabay）" or "（圖／翻攝自…）"). The caption is the article's;
 * the credit, the page's.
 */
const CREDIT_TAIL =
  /(?<=^\s*|[.!?。！？]["”’)]*\s*)(?:(?:photo|image|picture)\s+(?:credit|courtesy|source)s?\s*:\s*[^.!?。！？\n]{2,80}|[(（]\s*(?:示意)?(?:图|圖|图片|圖片|照片|资料图|資料圖|档案照|檔案照)(?:来源|來源|提供|摄影|攝影)?\s*[／/:：|｜]\s*[^()（）\n]{1,40}[)）])\s*$/iu;

/** Characters from the end of a block that hold any credit CREDIT_TAIL finds, and what one of them must hold. */
const CREDIT_REACH = 140;
const CREDIT_HINT = /photo|image|picture|[(（]/iu;

/** The credit of a picture standing at the end of a block (see CREDIT_TAIL), as a range. */
export function creditTail(text: string): InlineDebris | undefined {
  // (A credit is short and stands last: most blocks are ruled out by their tail, without
  // the pattern's look back at every position of a long paragraph.)
  if (!CREDIT_HINT.test(text.slice(-CREDIT_REACH))) return undefined;
  const m = CREDIT_TAIL.exec(text);
  return m ? { start: m.index, end: text.trimEnd().length, kind: 'layout', weight: 3, why: 'picture credit' } : undefined;
}

/**
 * A portal's meta fields glued after a title ("…效果翻倍发布日期:2020-06-15 浏览次数:"): its
 * publication date, view count or update time and nothing else to the end of the line. The
 * title before them is the article's.
 */
const META_TAIL_LABELS = '发布日期|發布日期|发布时间|發布時間|更新时间|更新時間|浏览次数|瀏覽次數|阅读量|閱讀量|点击数|點擊數';
const META_TAIL = new RegExp(`(?:${META_TAIL_LABELS})\\s*[:：]`, 'u');
/** What the fields' values may hold: dates, times, counts, the labels' own characters. */
const META_VALUES = new RegExp(`^(?:[\\s\\d:：\\-/.|｜,，]|[年月日次人]|${META_TAIL_LABELS})*$`, 'u');
/** Han characters a title before the fields has at least. */
const TITLE_HAN = 8;
const HAN_CHAR = /\p{Script=Han}/gu;

/** The meta fields glued at the end of a title line, as a range (see META_TAIL). */
export function metaTail(text: string): InlineDebris | undefined {
  if (text.length > 200) return undefined;
  const m = META_TAIL.exec(text);
  if (!m || !META_VALUES.test(text.slice(m.index))) return undefined;
  const before = text.slice(0, m.index);
  if ((before.match(HAN_CHAR)?.length ?? 0) < TITLE_HAN || /[。！？]\s*$/u.test(before)) return undefined;
  return { start: m.index, end: text.trimEnd().length, kind: 'meta', weight: 3, why: 'meta fields after a title' };
}

/** An editor's placeholder label ("加粗文本:") or a scraper's date field opening the text, as a range to remove. */
export function leadingPlaceholder(text: string): InlineDebris | undefined {
  const lead = text.length - text.trimStart().length;
  const m = LEADING_PLACEHOLDER.exec(text);
  if (m && m[0].length < text.trimEnd().length) return { start: lead, end: m[0].length, kind: 'layout', weight: 3, why: 'placeholder label' };
  const d = LEADING_META.exec(text);
  if (d) return { start: lead, end: d[0].length, kind: 'meta', weight: 3, why: 'date field' };
  return undefined;
}

/** "Check price on …", "Grab yours here": an imperative of the web naming a widget or shop noun. */
export function ctaShape(normalised: string): boolean {
  const words = normalised.split(/[^a-z']+/).filter(Boolean);
  if (words.length < 2 || words.length > 10 || !CTA_VERBS.has(words[0]!)) return false;
  return words.slice(1).some((w, i) => WIDGET_NOUNS.has(w) || words[i] === 'our' || words[i] === 'my');
}

const CALL_KINDS = new Set<DebrisKind>(['shop', 'newsletter', 'related', 'share']);
const CALLS = WHOLE_PATTERNS.filter((p) => CALL_KINDS.has(p.kind) && p.weight >= 3 && !p.long);

/** Whether a link's text is a call to action ("Check today's price", "Subscribe"). */
export function isCallToAction(text: string): boolean {
  const n = normaliseLine(text);
  return n !== '' && (ctaShape(n) || CALLS.some((p) => p.re.test(n)));
}

// A raw HTML link typed into the text of a plain-text draft.
const ANCHOR = /<a\b[^>]{0,300}>([^<]{1,80})<\/a>/gi;

/**
 * A call-to-action link among the sentences of a paragraph: a raw `<a>` element (removed
 * whole by the cleaner) or a Markdown/HTML link of the parse (`links`, text ranges; reported
 * as unsure, since removing its text would leave the link's brackets behind).
 */
export function callToActionLink(text: string, links: ReadonlyArray<{ start: number; end: number }>): InlineDebris | undefined {
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    if (isCallToAction(m[1]!)) return { start: m.index, end: m.index + m[0].length, kind: 'shop', weight: 3, why: 'call-to-action link' };
  }
  const body = text.trim().length;
  for (const l of links) {
    if (l.end - l.start >= body * 0.9) continue; // the whole block: weighed as a block
    if (isCallToAction(text.slice(l.start, l.end))) return { start: l.start, end: l.end, kind: 'shop', weight: 3, why: 'call-to-action link', confidence: 'low' };
  }
  return undefined;
}
