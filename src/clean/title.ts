/**
 * The title of a cleaned article, which also names its file: the draft's own statement of
 * it. In order: the `title` of its front matter (an HTML page's `<title>` is parsed as front
 * matter), its level-1 heading; its first line when that line is a headline of the article's
 * topic (a page saved as text prints its title so); its first heading that can name the
 * article, one on the article's topic first; else the canonical draft's file name. A heading
 * is passed over when it is the reference-list heading, a link, a passage left untranslated,
 * debris an artifact finding covers, or a block the cleaner brought in from a sibling version
 * (a truncated sentence or an app prompt there must not name the article); the caller names
 * those in `skip`. A heading that names a section any article may have ("Key Takeaways",
 * "Summary", 小结) is passed over too. The first sentence of a paragraph of prose is never
 * taken: cut short it is a fragment, and a lone line of debris ("SHOP NOW") reads as one.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type * as JsYaml from 'js-yaml';
import { loadNow } from '../lazy.js';
import { toString } from 'mdast-util-to-string';
import { headingText, isReferencesHeading } from '../parse/blocks.js';
import { topicOf, type Topic } from '../debris/topic.js';

/** What opens the marker the cleaner puts around a passage no version has in the primary language. */
export const UNTRANSLATED = '<!-- draftaudit: untranslated';

/**
 * `opening` holds the texts of the draft's first blocks as it was written, before debris was
 * taken out of it (a breadcrumb there names the page).
 */
export function titleOf(tree: Root, path: string, skip: ReadonlySet<Nodes> = new Set(), debrisTitle = false, opening: readonly string[] = []): string {
  const front = frontMatterTitle(tree);
  if (front) return withoutSiteName(front, tree);
  const marked = (i: number): boolean => {
    const before = tree.children[i - 1];
    return before?.type === 'html' && before.value.startsWith(UNTRANSLATED);
  };
  // The fields of a record (a drug monograph's "【用法】…" lines), three or more, name no article.
  let fieldCount: number | undefined;
  const fields = (): boolean => (fieldCount ??= tree.children.filter((n) => (n.type === 'heading' || n.type === 'paragraph') && FIELD.test(toString(n))).length) >= 3;
  // A section heading with nothing after it but other headings heads nothing: a credit or a
  // label at the page's foot. (A level-1 heading is the draft's own statement of its title.)
  let lastContent = tree.children.length - 1;
  while (lastContent >= 0 && ['heading', 'html', 'thematicBreak'].includes(tree.children[lastContent]!.type)) lastContent--;
  const headsSomething = (i: number): boolean => i < lastContent;
  const headings = tree.children.filter(
    (n, i): n is Heading => n.type === 'heading' && !skip.has(n) && !marked(i) && isTitleLike(n) && (n.depth === 1 || headsSomething(i)) && !(FIELD.test(headingText(n)) && fields()),
  );
  const h1 = headings.find((h) => h.depth === 1);
  if (h1) return titleText(headingText(h1));
  // The draft's title line was site debris (a category label above the headline): the line
  // right after it is the title when it reads as one (Readability's headline near the top),
  // else a section heading that can name an article.
  if (debrisTitle) {
    const opening = openingText(tree, skip);
    const text = opening === undefined ? '' : titleText(opening);
    if (HEADLINE.test(text)) return text;
  }
  // A page with no level-1 heading often prints its title as a plain line above the article
  // (a page saved as text): its first line, when it reads as a headline and names the
  // article's topic in two of its prose's words or more (Readability's title near the top).
  const topic = topicOf(proseOf(tree));
  const first = topicalOpening(tree, skip, topic);
  if (first) return first;
  // A breadcrumb at the top ends with the page's own title, even when the trail itself is
  // debris the cleaner took out ("首页 » 保健品 » 锌的功效及保健品推荐").
  const crumb = crumbTitle(opening, topic);
  if (crumb) return crumb;
  // Else a section heading that can name the article, one that speaks of its topic first (a
  // site's "How We Make Money" above the article names nothing of it).
  const naming = headings.filter((h) => namesArticle(headingText(h)));
  const chosen = naming.find((h) => topic.share(headingText(h)).shared > 0) ?? naming[0];
  if (chosen) return titleText(headingText(chosen));
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
}

/**
 * A line that reads as a headline: one line of three to sixteen words (or five Han characters
 * or more), no sentence ended inside it, no stop at its end but a question mark, no bar of a
 * menu or a byline. `long` allows a paper's title: up to 32 words and 260 characters, in a
 * script that spaces its words.
 */
function isHeadline(text: string, long = false): boolean {
  const t = text.trim();
  if (t.includes('\n') || t.length > (long ? 260 : 150) || /[.。!！;；:：,，、]$/u.test(t) || /[|｜]/u.test(t) || /[.!?。！？]\s+\S/u.test(t)) return false;
  const { words, han } = lengthOf(t);
  // (A long line of Chinese without a stop is a sentence cut short more often than a title.)
  if (long && han > 0 && (words > 16 || t.length > 150)) return false;
  return words <= (long ? 32 : 16) && (words >= 3 || han >= 5);
}

/** A paragraph of prose: no headline, a sentence's end, and eight words or twenty Han characters. */
function isProse(text: string): boolean {
  if (isHeadline(text) || !/[.。!！?？]["'”’)）]*$/u.test(text)) return false;
  return text.split(/\s+/).length >= 8 || lengthOf(text).han >= 20;
}

/** Words (runs between spaces that hold a letter) and Han characters of a line. */
function lengthOf(text: string): { words: number; han: number } {
  return { words: text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length, han: text.match(/\p{Script=Han}/gu)?.length ?? 0 };
}

function proseOf(tree: Root): string[] {
  const out: string[] = [];
  for (const n of tree.children) {
    if (n.type !== 'paragraph') continue;
    const text = toString(n);
    if (isProse(text)) out.push(text);
  }
  return out;
}

/**
 * The article's first line when it is a paragraph that reads as its title: a headline (see
 * isHeadline) that holds two of the prose's content words or more, or a paper's long title
 * that holds three. (Only the first: further down, a short question or label heads a part,
 * "本药适合哪些人使用？".)
 */
function topicalOpening(tree: Root, skip: ReadonlySet<Nodes>, topic: Topic): string | undefined {
  const text = openingText(tree, skip);
  if (text === undefined) return undefined;
  const shared = isHeadline(text, true) ? topic.share(text).shared : 0;
  return (shared >= 2 && isHeadline(text)) || shared >= LONG_TITLE_WORDS ? titleText(text) : undefined;
}

/** Content words of the prose a paper's long title (over sixteen words) must hold. */
const LONG_TITLE_WORDS = 3;

/**
 * A breadcrumb trail: steps joined by arrows ("Home › Minerals › Zinc", "首页 » 保健品 » …").
 * (A match starts only at the first space of a run: tried from every space of a long run with
 * no arrow after it, `\s*` would scan the rest of the run each time, quadratic. So below.)
 */
const TRAIL_STEP = /(?<!\s)\s*[»›>]\s*/u;

/** The last step of a breadcrumb among the draft's first blocks (`texts`), when it is a headline on the article's topic. */
function crumbTitle(texts: readonly string[], topic: Topic): string | undefined {
  for (const text of texts.slice(0, 3)) {
    const steps = text.split(TRAIL_STEP);
    const last = steps[steps.length - 1]!.trim();
    if (steps.length >= 3 && isHeadline(last) && topic.share(last).shared > 0) return titleText(last);
  }
  return undefined;
}

/** The text of the article's first block when that is a paragraph (front matter, comments and `skip` passed over). */
function openingText(tree: Root, skip: ReadonlySet<Nodes>): string | undefined {
  const first = tree.children.find((n) => n.type !== 'yaml' && n.type !== 'html' && !skip.has(n));
  return first?.type === 'paragraph' ? toString(first) : undefined;
}

// What a page's <title> puts between the article's title and the site's name ("… | WellPath",
// "…_健康频道_某某网", "Site » …").
const SITE_SEPARATOR = /(?<!\s)\s*(?:\s[|\-–—·»]\s|[|_｜]|\s::\s)\s*/u;
const AFTER_TITLE = new RegExp(`^${SITE_SEPARATOR.source}\\S`, 'u');
const BEFORE_TITLE = new RegExp(`\\S${SITE_SEPARATOR.source}$`, 'u');

/**
 * A page's `<title>` is often the article's title and the site's name ("Zinc: how much? |
 * WellPath Health"); when the page's level-1 heading opens or closes it, set apart from the
 * rest by a separator, that heading is the article's title. (Otherwise it stays whole.)
 */
function withoutSiteName(front: string, tree: Root): string {
  if (!SITE_SEPARATOR.test(front)) return front;
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const heading = h1 ? titleText(headingText(h1)) : '';
  if (heading === '' || heading === front) return front;
  if (front.startsWith(heading) && AFTER_TITLE.test(front.slice(heading.length))) return heading;
  if (front.endsWith(heading) && BEFORE_TITLE.test(front.slice(0, -heading.length))) return heading;
  return front;
}

/** A title's text on one line: its white space made single spaces. */
function titleText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The `title` of the tree's YAML front matter, when it is a non-empty string. */
export function frontMatterTitle(tree: Root): string | undefined {
  const yaml = tree.children.find((n: RootContent) => n.type === 'yaml');
  if (yaml?.type !== 'yaml') return undefined;
  let data: unknown;
  try {
    // The YAML parser is loaded on the first front matter (see lazy.ts).
    data = loadNow<typeof JsYaml>('js-yaml').load(yaml.value);
  } catch {
    return undefined;
  }
  const title = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).title : undefined;
  if (typeof title !== 'string' && typeof title !== 'number') return undefined;
  const text = titleText(String(title));
  return text === '' ? undefined : text;
}

/**
 * Section names every article may carry: they name a part, not the article, so they never
 * become its title (a draft whose first heading is "Key Takeaways" is named by a later
 * heading, or by its file).
 */
const SECTION_NAMES = new Set(
  [
    'key takeaways', 'takeaways', 'key points', 'summary', 'in summary', 'introduction', 'intro', 'overview', 'background',
    'conclusion', 'conclusions', 'the bottom line', 'bottom line', 'faq', 'faqs', 'frequently asked questions',
    'table of contents', 'contents', 'in this article', 'sources', 'references', 'further reading', 'related',
    '摘要', '小结', '总结', '结论', '引言', '前言', '概述', '目录', '要点', '参考文献', '参考资料', '常见问题',
  ],
);

// A headline standing as a paragraph: a short line with letters, no sentence before its end,
// ending in no stop but a question mark ("How much magnesium do you need?").
const HEADLINE = /^(?=.*\p{L}.*\p{L})[^.。!！;；<>{}|=\n]{4,80}[^.。!！;；,，:：、\s]$/u;

/**
 * Whether a section heading can name the article: not one word in capitals ("ADULTS",
 * "CHILDREN": the group label of a dose table, not the page's subject).
 */
function namesArticle(text: string): boolean {
  const t = text.trim();
  // (Nor a label of one word, "Group", "Dosage"; nor a note in brackets, "(Children & Adults)";
  // nor a byline or a menu of bar-joined parts; nor one numbered part of a sequence, "一、…",
  // "2. …"; nor a question about "it", "What is it?", which names nothing without the page.)
  const { words, han } = lengthOf(t);
  return !/^\p{Lu}{2,}$/u.test(t) && (words >= 2 || han >= 4) && !/^[(（].*[)）]$/u.test(t) && !/\s[|｜]/u.test(t) && !NUMBERED_PART.test(t) && !ABOUT_IT.test(t);
}

/** A numbered part: "一、", "（二）", "第三章", "1、", "2. ", "3) ". */
const NUMBERED_PART = /^(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节部分步]|\d{1,2}\s*[、．]|\d{1,2}(?:\.\d{1,2})*[.)]\s)/u;
/** A short question about "it" or "this" ("What is it?", "How does it work?", "Is this safe?"). */
const ABOUT_IT = /^(?:\S+\s+){0,3}(?:it|this|they|them)(?:\s+\S+){0,2}\s*\?$/iu;

// A field's label in lenticular brackets at the start of a line ("【别名】…", "【类别】：…").
const FIELD = /^\s*【[^】]{1,10}】/u;

function isTitleLike(h: Heading): boolean {
  const text = headingText(h).trim();
  if (!/\p{L}.*\p{L}/su.test(text) || isReferencesHeading(h)) return false;
  // A label that introduces what follows ("Source -", "来源：") or a field with its value
  // ("【类别】：矿物质") names no article.
  if (/[-–—:：]$/u.test(text) || /^【[^】]{1,10}】\s*[:：]/u.test(text)) return false;
  // (Numbered or not: "II. Background", "3. Summary".)
  if (SECTION_NAMES.has(text.toLowerCase().replace(/^(?:[ivxlc]+|\d+(?:\.\d+)*)[.)]\s+/u, '').replace(/[\s:：.。!?]+$/u, ''))) return false;
  const first = h.children[0];
  if (first?.type === 'html' && first.value.startsWith(UNTRANSLATED)) return false;
  // A heading whose words all stand in links is a link, not a title.
  const outside = h.children.filter((c) => c.type !== 'link').map((c) => ('value' in c ? c.value : 'x'));
  return outside.some((v) => /\p{L}/u.test(v));
}
