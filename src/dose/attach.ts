/**
 * Which substance a dose figure belongs to, read the way the sentence is built ("X mg of Y",
 * "Y, X mg", "Y … X mg" in one clause, "Y X毫克", "每天补充X毫克Y"), then from the passage
 * and the article around it. Substances the knowledge base does not hold ("100 mcg
 * selenium") take their figures away from the nutrients.
 */
import { readable } from '../lang/simplified.js';
import type { Block, Document } from '../types.js';
import type { Figure } from './figures.js';
import type { KnowledgeBase } from './kb.js';
import { OTHER_SUBSTANCES, SALTS, type Hit } from './lexicon.js';
import { inUnit } from './units.js';
import { firstAtOrAfter } from '../collections.js';


/** Blocks looked back through (within the section) for a substance the sentence leaves implicit. */
const LOOK_BACK = 8;
/** Names weighed on each side of a figure in its sentence (a real sentence names a handful). */
const NEAR = 32;
/** An eating verb shortly before a figure, in its sentence ("吃2~3次，每次", "每次食用", "eat about"). */
const EATEN_BEFORE = /(?:吃|食用|进食|進食|(?<![\p{L}])eat(?:ing)?(?![\p{L}]))[^。；;.!！?？]{0,12}$/u;
/**
 * Grams that weigh a food, not a nutrient: in brackets after the food's name, a word of
 * cooking at most beside them ("鸡肝(85g熟)≈ 6,500 μg RAE", "三文鱼(85 g)"), or before a count
 * of its pieces in brackets ("每次≤15g(约1-2薄片)").
 */
const PORTION_OPEN = /[(（]\s*$/u;
const PORTION_CLOSE = /^\s*\p{Script=Han}{0,3}\s*[)）]/u;
const PIECES_AFTER = /^\s*[(（]\s*(?:约|約|about\s+)?[\d.]+(?:\s*[-–~～]\s*[\d.]+)?\s*(?:薄片|片|个|個|块|塊|杯|碗|勺|匙|颗|顆|slices?|pieces?|cups?)/u;

/** Whether grams `fig` weigh a portion of food (see PORTION_OPEN above). */
function weighsPortion(text: string, fig: { start: number; end: number }): boolean {
  const inBrackets = PORTION_OPEN.test(text.slice(Math.max(0, fig.start - 3), fig.start)) && PORTION_CLOSE.test(text.slice(fig.end, fig.end + 8));
  return inBrackets || PIECES_AFTER.test(text.slice(fig.end, fig.end + 16));
}

/** Names of a passage weighed for its topic: the last ones before the figure (a real passage names a few dozen). */
const PASSAGE_NAMES = 256;

/** Index of the first of `hits` (sorted by start) that starts at or after `offset` (`hits.length` when none does). */
function firstFrom<T extends { start: number }>(hits: readonly T[], offset: number): number {
  return firstAtOrAfter(hits, (h) => h.start, offset);
}
/** "of protein", "of fish oil": the figure names something the knowledge base does not hold. */
const OF_OTHER = /^\s+of\s+(?!(?:a|an|the|this|that|these|those|it|its|your|our|their|each|which|elemental|supplemental|high|good|pure)\b)[a-z]/i;
/**
 * What may stand between a figure and the substance it is of: "of", then up to two words
 * that are not function words ("300 mg of chelated magnesium", "15 mg zinc"), or in Chinese
 * nothing but 的 ("300毫克的镁").
 */
const GAP_WORD = /^[\p{L}'’-]+$/u;
const NOT_A_MODIFIER = new Set(
  (
    'and or but nor with without for from in into per a an day days daily each every to is are was were be been plus than as at on by ' +
    'before after while which that this these those you your people adults women men children twice once night nights week weekly ' +
    'nightly month monthly year if may can could should will would might must taken take taking also only just about around'
  ).split(' '),
);

function adjacent(text: string): boolean {
  const gap = unitSpelledOut(text);
  if (/^[\s的]*$/u.test(gap)) return true;
  // Chinese does not separate words: anything more than 的 is more than a modifier ("超过2000毫克可能干扰铁").
  if (/\p{Script=Han}/u.test(gap)) return false;
  const words = gap.trim().split(/\s+/);
  if (words[0]?.toLowerCase() === 'of') words.shift();
  return words.length <= 2 && words.every((w) => GAP_WORD.test(w) && !NOT_A_MODIFIER.has(w.toLowerCase()));
}

/**
 * The text after a figure without the symbol that may follow a unit written out: "250
 * milligrams (mg) of calcium" names calcium as "250 mg of calcium" does.
 */
function unitSpelledOut(gap: string): string {
  return gap.replace(/^\s*\((?:mg|mcg|µg|μg|ug|g|iu|IU|mmol|mEq|ml|mL)\)/u, ' ');
}

/** A word before a later mention that makes it a companion, not the figure's substance ("300 mg with vitamin D"). */
const COMPANION_BEFORE = /(?:\b(?:with|plus|alongside|besides|than|like|and|or)|together\s+with|as\s+well\s+as|和|与|及|同时)\s*$/iu;

/** A substance named in a block: a knowledge-base key, or `undefined` for one the knowledge base does not hold. */
export type Mention = Hit<string | undefined>;

export interface Window {
  /** Start of the text before the figure that belongs to it (after the previous figure). */
  before: number;
  /** End of the text after the figure that belongs to it (before the next figure). */
  after: number;
  sentence: { start: number; end: number };
  clause: { start: number; end: number };
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** "(as zinc citrate)", "as magnesium glycinate": what the element of a label's line is in. */
const AS_SOURCE = /\bas\s+$/i;

/**
 * Substances named in a text: aliases of the knowledge base, and the names of
 * `OTHER_SUBSTANCES` and `SALTS` that no alias covers. A name written right before an alias in Chinese
 * is the alias's form (甘氨酸镁, magnesium glycinate), not a substance of its own.
 */
export function substanceMentions(text: string, kb: KnowledgeBase): Mention[] {
  const known: Mention[] = [];
  for (const a of kb.findAliases(text)) known.push({ start: a.start, end: a.end, value: a.key, strong: true });
  let hits = [...known];
  const others = [...text.matchAll(OTHER_SUBSTANCES)];
  // A salt the knowledge base does not weigh, unless a label names it as the element's source.
  if (/\s/.test(text)) for (const m of text.matchAll(SALTS)) if (!AS_SOURCE.test(text.slice(Math.max(0, m.index - 8), m.index))) others.push(m);
  for (const m of others) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^[A-Za-z0-9]/.test(m[0]) && (WORD_CHAR.test(text.charAt(start - 1)) || WORD_CHAR.test(text.charAt(end)))) continue;
    // A longer name that holds an alias is another substance (碘盐, iodised salt, is not iodine).
    const inside = (k: Mention) => start <= k.start && k.end <= end && end - start > k.end - k.start;
    if (known.some((k) => k.start < end && start < k.end && !inside(k))) continue;
    if (known.some((k) => k.start === end && /\p{Script=Han}$/u.test(m[0]))) continue;
    hits = hits.filter((k) => !inside(k));
    hits.push({ start, end, value: undefined, strong: true });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The substance a figure belongs to, read the way the sentence is built:
 * 1. named right after it ("300 mg of magnesium glycinate", "15 mg zinc", "每天补充300毫克镁"),
 *    even when that is a substance the knowledge base does not hold ("100 mcg chromium",
 *    "20 g of protein"): then the figure has none;
 * 2. else named before it in its clause: the last name back to the previous figure ("Y, X
 *    mg", "镁350毫克"), else the last before it;
 * 3. else named elsewhere in its sentence (see below), then earlier in the block,
 *    then in the blocks before it back to the section heading, then the subject of the
 *    whole document.
 * A table cell gets no substance from outside its own text.
 */
export function substanceOf(
  doc: Document,
  block: Block,
  kb: KnowledgeBase,
  fig: Figure,
  win: Window,
  { mentionsOf, topic: documentTopicOf }: Names,
): Attached | undefined {
  const text = block.text;
  const own = mentionsOf(block.index);
  const found = (h: Mention | undefined, t = text): Attached | undefined =>
    h?.value ? { value: h.value, text: t.slice(h.start, h.end), ...(t === text ? { start: h.start, end: h.end } : {}) } : undefined;
  if (fig.food) return undefined;
  // `own` is sorted and its names do not overlap: the names around the figure are found by
  // binary search, and at most NEAR of them on each side are weighed, so that a block naming
  // thousands of substances costs no more per figure than one naming a few.
  const firstAfter = firstFrom(own, fig.end);
  const next = own[firstAfter];
  if (next && next.start < win.after && next.start - fig.end <= 40 && adjacent(text.slice(fig.end, next.start))) return found(next);
  if (OF_OTHER.test(unitSpelledOut(text.slice(fig.end, win.after)))) return undefined;
  // Grams eaten with no substance named after them are a portion of the food the sentence
  // speaks of ("猪肝……最好每周吃2~3次，每次100~150克"), not grams of a nutrient it names.
  if (fig.unit === 'g' && EATEN_BEFORE.test(text.slice(Math.max(win.sentence.start, fig.start - 16), fig.start))) return undefined;
  if (fig.unit === 'g' && weighsPortion(text, fig)) return undefined;
  // The few characters before a name are all the companion pattern reads.
  const companion = (h: Mention) => COMPANION_BEFORE.test(text.slice(Math.max(win.sentence.start, h.start - 64), h.start));
  // The last name of the clause before the figure (the last back to the previous figure, when there is one).
  let last = firstFrom(own, fig.start) - 1;
  while (last >= 0 && own[last]!.end > fig.start) last--;
  const pick = last >= 0 && own[last]!.start >= win.clause.start ? own[last] : undefined;
  if (pick) return found(pick);
  // Else the sentence: the nearest name before the figure, then after it ("300 mg daily of
  // magnesium"; a name after a verb is more often its object: "超过40毫克可能导致铜缺乏"), but
  // a name for which the amount is plausible before one for which it is not ("vitamin D
  // works with magnesium, and many take 300 mg daily"), and the sentence's subject before a
  // companion ("magnesium pairs well with vitamin B6; a typical dose is 300 mg").
  const candidates = [
    ...own.slice(Math.max(0, last + 1 - NEAR), last + 1).filter((h) => h.start >= win.sentence.start).reverse(),
    ...own.slice(firstAfter, firstAfter + NEAR).filter((h) => h.end <= win.sentence.end && !companion(h)),
  ];
  const rank = (h: Mention) => (plausibleFor(kb, h.value, fig) ? 0 : 2) + (companion(h) ? 1 : 0);
  const best = candidates.map((h, i) => ({ h, i, r: rank(h) })).sort((a, b) => a.r - b.r || a.i - b.i)[0];
  // A name the amount does not fit ("4,000 IU a day …, because high intakes raise blood
  // calcium") gives way to a fitting name of the passage before.
  if (best && best.r < 2) return found(best.h);
  if (block.kind === 'tableCell') return best ? found(best.h) : undefined;
  let fallback = best ? found(best.h) : undefined;
  // The passage before: earlier in the block, then the blocks before it back to the section
  // heading. In each, the topic (the name for which the amount is plausible, then the one
  // named most often, then the first named: the subject of the passage); the first
  // plausible topic wins, else the nearest.
  const beforeSentence = firstFrom(own, win.sentence.start);
  const passages: Array<[Mention[], string]> = [[own.slice(Math.max(0, beforeSentence - PASSAGE_NAMES), beforeSentence).filter((h) => h.end <= win.sentence.start), text]];
  for (let i = block.index - 1; i >= 0 && i >= block.index - LOOK_BACK; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'reference' || b.kind === 'tableCell') continue;
    passages.push([mentionsOf(i).slice(-PASSAGE_NAMES), b.text]);
    if (b.kind === 'heading') break;
  }
  for (const [mentions, t] of passages) {
    const topic = topicOf(mentions, kb, fig);
    if (!topic) continue;
    if (topic.plausible) return found(topic.mention, t);
    fallback ??= found(topic.mention, t);
    if (!fallback) return undefined;
  }
  // A section that names nothing ("How much should you take?") speaks of the article's subject;
  // so does a figure whose only names do not fit it ("超過50毫克時，銅的吸收會下降" in an
  // article on zinc: the copper is what the amount acts on).
  if (fig.unit === '%') return fallback;
  const main = documentTopicOf();
  if (main && main !== fallback?.value && plausibleFor(kb, main, fig)) return { value: main, text: kb.nutrients[main]!.name };
  return fallback;
}


/** The substance of a figure: its key, the name as written, and where that name stands when it is in the figure's own block. */
export interface Attached {
  value: string;
  text: string;
  start?: number;
  end?: number;
}

/** The substance names of each block (found on first need) and the subject of the whole document. */
export interface Names {
  mentionsOf: (block: number) => Mention[];
  topic: () => string | undefined;
}

/**
 * The subject of a document: the nutrient its headings and paragraphs name most, when it
 * has more than half of the names of nutrients (an article on magnesium), and none when
 * several share the article (a winter stack of vitamin D, zinc and magnesium).
 */
export function documentTopic(doc: Document, kb: KnowledgeBase): string | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'reference' || b.kind === 'tableCell') continue;
    for (const { key } of kb.findAliases(readable(b.text))) {
      total++;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return best && best[1] * 2 > total ? best[0] : undefined;
}

/** The topic of a passage for a figure (see `substanceOf`). */
function topicOf(mentions: Mention[], kb: KnowledgeBase, fig: Figure): { mention: Mention; plausible: boolean } | undefined {
  if (mentions.length === 0) return undefined;
  const counts = new Map<string | undefined, number>();
  for (const m of mentions) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  const ranked = mentions
    .map((mention, i) => ({ mention, i, plausible: plausibleFor(kb, mention.value, fig), count: counts.get(mention.value)! }))
    .sort((a, b) => Number(b.plausible) - Number(a.plausible) || b.count - a.count || a.i - b.i);
  return ranked[0];
}

/** Whether the figure is a plausible amount of `key` (of a substance the knowledge base does not hold, or a percentage, it may be). */
function plausibleFor(kb: KnowledgeBase, key: string | undefined, fig: Figure): boolean {
  const entry = key ? kb.nutrients[key] : undefined;
  if (!entry) return true;
  if (fig.unit === '%') return true;
  const amount = inUnit(fig.value, fig.unit, entry);
  // IU of a nutrient measured by mass only (magnesium) is no amount of it.
  return amount !== undefined && amount.low >= entry.plausible.low && amount.high <= entry.plausible.high;
}
