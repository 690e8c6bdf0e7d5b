/**
 * The edges of the page (jusText counts the start and the end of a document as bad context;
 * Readability and trafilatura look for the article's body and leave what is around it).
 * Before the article's first paragraph of prose stand its title and, around it, the page's
 * head: site name, menu, breadcrumb, category kicker, byline, date, badges, counters. After
 * its last paragraph stands the page's foot. This module finds the title and weighs the
 * lines of the head and the foot by structure, not by phrase:
 *  - a line before the title is the page's chrome (2); one that holds the title's text, a
 *    breadcrumb ending in it or a file name made of it, is surely so (3);
 *  - after the title, a line that holds the title again is a copy (2); a short line of the
 *    head or the foot that shares no content word with the article's prose is chrome (2) —
 *    the title, a subtitle and the section headings speak of the article's topic; a site
 *    name, a badge or an author's name do not (see topic.ts);
 *  - a name-shaped line (two to four capitalised words) sharing nothing with the prose,
 *    next to debris, is an author's name (2);
 *  - a line of symbols only (a font-size widget "A⁺AA⁻", a pager "1-") in the head or the
 *    foot is a suspect (1) for its neighbours to decide.
 * A line of the article's own structure (a content label, a numbered heading) is never
 * weighed here; the classifier's context revision then takes runs of such lines whole.
 * The title is the first line of the head that reads as one: not a list item, capitalised,
 * and sharing at least half of its content words with the prose.
 */
import type { Block } from '../types.js';
import type { Features } from './features.js';
import { FIELD_LABEL, type DebrisKind } from './lexicon.js';
import { topicOf, type Topic } from './topic.js';
import { bylineName, isPersonName } from './person-name.js';

export interface EdgeBlock {
  f: Features;
  score: number;
  never: boolean;
  /** Never debris as a whole, yet it may be the title: a title with a portal's fields glued after it. */
  mayTitle?: boolean;
}

export interface EdgeEvidence {
  block: number;
  weight: number;
  reason: string;
  kind?: DebrisKind | 'repeated';
}

export interface Edges {
  /** Index of the article's title, −1 when none was found. */
  title: number;
  /** Index of its headline's first line: the title's, or the line above it when the headline wraps onto two. */
  headline: number;
  /** Blocks before the first paragraph of prose, and after the last one. */
  headEnd: number;
  footStart: number;
  evidence: EdgeEvidence[];
  /** The vocabulary of the article's prose; absent when the prose is too short to trust it. */
  topic?: Topic;
}

/** Prose tokens an article must have before its vocabulary is trusted. */
const MIN_TOPIC = 25;

// A numbered heading of the article ("1.", "一、", "(2)", "Step 3"), a structure no chrome has.
const NUMBERED = /^(?:\(?\d{1,2}[.)、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十\d]+[章节節部分])/u;

// A question is a heading of the article ("What is it?", "它是什么"), never chrome by topic alone.
const QUESTION = /[?？]$|什么|什麼|怎么|怎麼|如何|为什么|為什麼|哪些|是否|吗$|嗎$/u;

const FILE_NAME = /^\.[A-Za-z]{2,5}$/;

/** A breadcrumb trail: two steps or more joined by an arrow ("Home > Minerals > Zinc", "首页 › 营养"). */
const TRAIL = /\S\s*[>›»]\s*\S/u;
// A field: a short label, a colon, and its value.
const FIELD_VALUE = /^[^:：\s]{1,8}\s*[:：]\s*(\S.{1,40})$/u;
// A column's name in corner or lenticular brackets, then a headline of five Han characters
// or more that ends no sentence ("「每日一药」 维生素C泡腾片"); a field's label is followed by a
// colon or a sentence instead.
const COLUMN_HEADLINE = /^[「【][^」】/>|｜]{1,12}[」】]\s*[^\s:：][^。！？:：]*\p{Script=Han}{5}[^。！？:：]*$/u;
const QUESTION_END = /[?？]$/u;

/** A whole date: "2023-05-30", "2023/5/30", "2023年5月30日". */
const FULL_DATE = /(?<!\d)(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/u;

const EMPTY: Edges = { title: -1, headline: -1, headEnd: 0, footStart: Infinity, evidence: [] };

/**
 * `prose` tells the article's paragraphs (its vocabulary and its first paragraph);
 * `content` also the lines of its body that are no paragraph (list items, clauses, entries):
 * the foot starts after the last of those.
 */
export function pageEdges(blocks: readonly Block[], items: readonly EdgeBlock[], prose: (i: number) => boolean, content: (i: number) => boolean): Edges {
  const n = items.length;
  let first = 0;
  while (first < n && !prose(first)) first++;
  if (first >= n) return EMPTY;
  let last = n - 1;
  while (last > first && !prose(last)) last--;
  const texts: string[] = [];
  for (let i = first; i <= last; i++) if (prose(i)) texts.push(items[i]!.f.text);
  const topic = topicOf(texts);
  if (topic.words.size < MIN_TOPIC) return EMPTY;

  const evidence: EdgeEvidence[] = [];
  const structural = (i: number): boolean => items[i]!.never || NUMBERED.test(items[i]!.f.text);
  const title = titleOf(blocks, items, first, topic);
  // The first line of a headline wrapped onto the title's line, on the topic ("COPPER DEFICIENCY
  // MYELONEUROPATHY" right above "RISK FROM GASTRIC SURGERY, …"), is the title's too: the line
  // right above it, both in capitals (or the title's line going on in lower case), and no copy
  // of the title cut short. (A menu's last item above a title is no part of it.)
  const wrapped =
    title > 0 &&
    !structural(title - 1) &&
    !items[title - 1]!.f.long &&
    blocks[title]!.position.start.line === blocks[title - 1]!.position.end.line + 1 &&
    ((isCapitals(items[title - 1]!.f.text) && isCapitals(items[title]!.f.text)) || /^\p{Ll}/u.test(items[title]!.f.text)) &&
    !items[title]!.f.text.startsWith(items[title - 1]!.f.text) &&
    offTopic(items[title - 1]!.f, topic) === false;
  const headline = wrapped ? title - 1 : title;
  const titleText = title >= 0 ? items[title]!.f.text : '';
  const holdsTitle = (i: number): boolean => titleText.length >= 6 && items[i]!.f.text.includes(titleText);
  // A first "paragraph" that is the title and a few words more (a question field
  // repeating it) is no prose.
  let head = first;
  while (title >= 0 && head < n && titleText.length >= 10 && items[head]!.f.text.length <= 2 * titleText.length && holdsTitle(head)) {
    evidence.push({ block: head, weight: 2, reason: 'holds the title', kind: 'repeated' });
    head++;
    while (head < n && !prose(head)) head++;
  }
  for (let i = 0; i < title; i++) {
    if (structural(i) || items[i]!.f.long) continue;
    const off = offTopic(items[i]!.f, topic);
    // (A line in another script than the prose's, the original title of a translation, is left alone.)
    // (A template's field label in English is the page's still: "Title" above "补钙的正确方法".)
    if (!holdsTitle(i) && off === false && topic.share(items[i]!.f.text).foreign > 0 && !FIELD_LABEL.test(items[i]!.f.text)) continue;
    if (i === headline && headline < title) continue;
    evidence.push({ block: i, weight: holdsTitle(i) || off === true || off === 'none' ? 3 : 2, reason: 'before the title', kind: 'nav' });
  }
  let end = n - 1;
  while (end > last && !content(end)) end--;
  const weigh = (i: number, where: string): void => {
    const it = items[i]!;
    const underTitle = where === 'head' && title >= 0 && i > title;
    // Between the title and the first paragraph, a short line holding a whole date is the
    // post's byline or date line, whatever else is glued to it ("亞尼活力2023-05-30營養保健,營養素知識").
    if (underTitle && !it.f.sentence && it.f.words + it.f.han / 2 <= 20 && FULL_DATE.test(it.f.text)) {
      evidence.push({ block: i, weight: 3, reason: 'date line under the title', kind: 'meta' });
      return;
    }
    // So is a template's field label there ("Date" above "2024.03.18"), in whatever script.
    if (underTitle && FIELD_LABEL.test(it.f.text)) {
      evidence.push({ block: i, weight: 2, reason: 'field label in the head', kind: 'meta' });
      return;
    }
    // A copy of the title under it (a page header and the article each print it) is the page's.
    if (underTitle && titleText.length >= 6 && it.f.text === titleText) {
      evidence.push({ block: i, weight: 3, reason: 'copy of the title', kind: 'repeated' });
      return;
    }
    // (A heading right above the first paragraph is the article's first section heading; so is
    // one right above a line on the article's topic: "General Dosage" over "8–18 mg of iron a day …".)
    if (where === 'head' && blocks[i]!.kind === 'heading' && (i === head - 1 || (blocks[i + 1]?.kind !== 'heading' && i + 1 < n && !items[i + 1]!.never && items[i + 1]!.score < 2 && offTopic(items[i + 1]!.f, topic) === false))) return;
    // (A short line right after a question is its answer: "How much? — Probably none.")
    if (where === 'foot' && QUESTION_END.test(items[i - 1]!.f.text)) return;
    if (structural(i) || it.f.long || i === title || blocks[i]!.kind === 'listItem' || blocks[i]!.kind === 'reference') return;
    if (where === 'head' && holdsTitle(i) && it.f.text !== titleText) {
      evidence.push({ block: i, weight: 2, reason: 'holds the title', kind: 'repeated' });
      return;
    }
    // (A field whose value is a phrase of the title speaks of the article: "类别：维生素" under "「…」 维生素…".)
    const field = FIELD_VALUE.exec(it.f.text);
    if (field && titleText.includes(field[1]!)) return;
    const off = offTopic(it.f, topic);
    if (off === 'none') {
      if (!/[\p{L}\p{N}]{3}/u.test(it.f.text) && it.f.text.length > 0) evidence.push({ block: i, weight: 1, reason: `symbols in the ${where}` });
      return;
    }
    if (off) evidence.push({ block: i, weight: 2, reason: `off-topic ${where} line` });
    // An author's name: two to four capitalised words sharing nothing with the prose; or a
    // byline's, beside other debris of the head (under a clean article's title it is its credit).
    if (off && isPersonName(it.f.text)) evidence.push({ block: i, weight: 1, reason: 'name', kind: 'author' });
    else if (off && bylineName(it.f.text) !== undefined && ((items[i - 1]?.score ?? 0) >= 2 || (items[i + 1]?.score ?? 0) >= 2)) evidence.push({ block: i, weight: 1, reason: 'byline beside debris', kind: 'author' });
  };
  widgetLists(blocks, items, head, topic, title, evidence);
  const done = new Set(evidence.map((e) => e.block));
  for (let i = Math.max(0, title + 1); i < head; i++) if (!done.has(i)) weigh(i, 'head');
  // A foot of one line may be the article's last line cut short, and one of many lines not
  // yet known for debris the article's questions and answers in short lines: both are left alone.
  let undecided = 0;
  for (let i = end + 1; i < n; i++) if (items[i]!.score < 2) undecided++;
  if (n - end > 2 && undecided <= 8) for (let i = end + 1; i < n; i++) weigh(i, 'foot');
  // An author's name among the article's lines, alone or in its byline: name-shaped, off-topic, next to debris.
  for (let i = head; i <= last; i++) {
    const it = items[i]!;
    if (structural(i) || it.f.long || it.f.sentence || !(isPersonName(it.f.text) || bylineName(it.f.text) !== undefined) || offTopic(it.f, topic) !== true) continue;
    if ((items[i - 1]?.score ?? 0) >= 2 || (items[i + 1]?.score ?? 0) >= 2) evidence.push({ block: i, weight: 2, reason: 'name beside debris', kind: 'author' });
  }
  return { title, headline, headEnd: head, footStart: end + 1, evidence, topic };
}

/**
 * Lists in the head (before `to`) whose items are all short and share no word
 * with the article's prose: a shop's country picker, a menu of sections. The article's own
 * list before its first paragraph (its key points) speaks of its topic. Three items are a
 * suspect each (2), five or more surely a widget (3); a short label right above the list
 * ("Ship To", "Categories") is its caption (2).
 */
function widgetLists(blocks: readonly Block[], items: readonly EdgeBlock[], to: number, topic: Topic, title: number, evidence: EdgeEvidence[]): void {
  // (Lines before the title are the page's chrome already: only what that left is weighed.)
  const weighed = new Set(evidence.map((e) => e.block));
  const weigh = (block: number, weight: number, reason: string): void => {
    if (!weighed.has(block)) evidence.push({ block, weight, reason, kind: 'nav' });
  };
  for (let i = 0; i < to; ) {
    if (blocks[i]!.kind !== 'listItem') {
      i++;
      continue;
    }
    let j = i;
    while (j < to && blocks[j]!.kind === 'listItem') j++;
    const run = j - i;
    let off = run >= 3;
    for (let k = i; off && k < j; k++) off = !items[k]!.never && !items[k]!.f.long && !NUMBERED.test(items[k]!.f.text) && offTopic(items[k]!.f, topic) === true;
    if (off) {
      for (let k = i; k < j; k++) weigh(k, run >= 5 ? 3 : 2, 'off-topic list in the head');
      const label = items[i - 1];
      if (i - 1 !== title && label && !label.never && !label.f.sentence && label.f.words <= 3 && label.f.han <= 6 && blocks[i - 1]!.kind !== 'listItem') {
        weigh(i - 1, 2, 'label of an off-topic list');
      }
    }
    i = j;
  }
}

/**
 * Whether a short line shares (almost) no content word with the prose: `true`, `false`, or
 * `'none'` when it has no token to tell by.
 */
export function offTopic(f: Features, topic: Topic): boolean | 'none' {
  // (A label ending in a colon introduces what follows: "Bottom line:", "要点：".)
  if (f.long || f.sentence || QUESTION.test(f.text) || /[:：]$/u.test(f.text)) return false;
  const { tokens, shared, foreign } = topic.share(f.text);
  if (foreign > 0 && foreign >= tokens) return false;
  if (tokens === 0) return 'none';
  return shared === 0;
}

/**
 * The first line before the prose that reads as a title; a later one that it holds (the
 * title inside a breadcrumb or a file name above it) is the title instead.
 */
function titleOf(blocks: readonly Block[], items: readonly EdgeBlock[], first: number, topic: Topic): number {
  const candidate = (i: number, loose = false): boolean => {
    const it = items[i]!;
    const kind = blocks[i]!.kind;
    // (A line of bar-joined parts is a site's name and slogan, or a menu, before the title.)
    if ((it.never && !it.mayTitle) || it.score >= 2 || it.f.long || (kind !== 'heading' && kind !== 'paragraph') || NUMBERED.test(it.f.text) || /[|｜]/u.test(it.f.text)) return false;
    const { shared } = topic.share(it.f.text);
    // (The parse's own title may be in lower case, as some sites print it: "iron supplements";
    // and so may a plain line that names the topic in two of the prose's words or more, where no
    // line in capitals does: "folic acid and the prevention of neural tube defects".)
    const lowerTitle = loose && (kind === 'heading' ? blocks[i]!.depth === 1 : shared >= 2 && it.f.words >= 3);
    if (it.f.han === 0 && !/^[\p{Lu}\d]/u.test(it.f.text) && !lowerTitle) return false;
    // A kicker or a crumb is a word or two; a title is longer, unless no line is.
    // (A headline under its column's name in brackets reads as a title even when the prose
    // never names its subject: "「每周一问」 …".)
    return (shared > 0 || COLUMN_HEADLINE.test(it.f.text)) && (loose || it.f.words >= 3 || it.f.han >= 4);
  };
  // A breadcrumb ends with the name of the page it is on: a line right under a trail that
  // ends with it ("Home > Magnesium Side Effects", then "Magnesium Side Effects") is the
  // title, however many lines of a shop's menu above it read as titles.
  for (let j = first - 1; j > 0; j--) {
    const t = items[j]!.f.text;
    const trail = items[j - 1]!.f.text;
    if (t.length >= 6 && trail.length > t.length && !items[j - 1]!.f.long && TRAIL.test(trail.slice(0, trail.length - t.length + 1)) && trail.endsWith(t) && candidate(j, true)) return j;
  }
  let title = -1;
  for (let i = 0; i < first && title < 0; i++) if (candidate(i)) title = i;
  for (let i = 0; i < first && title < 0; i++) if (candidate(i, true)) title = i;
  // The parse's own title (a level-1 heading) is kept when it speaks of the topic at all.
  for (let i = 0; i < first; i++) {
    if (blocks[i]!.kind === 'heading' && blocks[i]!.depth === 1 && candidate(i, true)) title = i;
  }
  if (title < 0) return -1;
  for (let j = title + 1; j < first; j++) {
    const t = items[j]!.f.text;
    const c = items[title]!.f.text;
    // The title at the end of a crumb trail, or a file's name made of it ("….docx"); a
    // title with a part number or a subtitle after it is the title still.
    const crumb = c.endsWith(t) || FILE_NAME.test(c.slice(c.indexOf(t) + t.length));
    if (t.length >= 6 && t !== c && c.includes(t) && crumb && candidate(j, true)) return j;
    // A later line that opens with the first and goes on is the headline under the name of
    // its publisher ("某某學會" above "某某學會 骨質疏鬆症患者鈣質與維生素D攝取量建議").
    // (Not when the first is a headline on the topic already, and the later line its copy with a
    // remark in brackets: "…葉酸麼" above "…葉酸麼(備孕媽媽看過來)1", a picture's caption.)
    if (t.startsWith(c) && t.length >= c.length + 5 && !TRAIL.test(t) && !(REMARK.test(t.slice(c.length)) && topic.share(c).shared >= TOPICAL_HEADLINE) && candidate(j, true)) return j;
  }
  return title;
}

/** Words of the prose a line before the title holds from which it is a headline on the topic, not a publisher's name. */
const TOPICAL_HEADLINE = 3;
/** A remark in brackets, a picture's number after it: what a caption adds to the headline it repeats. */
const REMARK = /^\s*[(（][^()（）]{1,30}[)）]\s*\d{0,2}\s*$/u;

/** A line in capitals: letters, none of them lower case. */
function isCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}
