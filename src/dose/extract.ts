/**
 * Dose extraction: every figure with a dose unit in a document ("500mg", "225–500 mg",
 * "between 225 and 500 mg", "up to 350 mg", "10,000 IU", "每天350毫克"), with the period,
 * substance, population, role and intake source read from its sentence. Memoized per
 * Document and knowledge base, so rules and the report share one table.
 */
import type { Block, Document, Span } from '../types.js';
import { blockSpan } from '../position.js';
import type { KnowledgeBase, NutrientEntry } from './kb.js';
import {
  FOOD_AFTER,
  OTHER_SUBSTANCES,
  POPULATIONS,
  PERIODS,
  REFERRALS,
  ROLES,
  clauses,
  intakeOf,
  scan,
  sentences,
  type DosePeriod,
  type DoseRole,
  type Hit,
  type IntakeSource,
  type Population,
} from './lexicon.js';
import { inUnit, unitOf, type DoseUnit, type DoseValue } from './units.js';
import { roleOf } from './roles.js';

export interface Dose {
  /** Index of the block in `doc.blocks`. */
  block: number;
  /** The figure, from its qualifier ("up to") or first digit to the end of its unit, in the original file. */
  span: Span;
  /** The figure as written ("225–500 mg", "500mg", "350毫克"). */
  text: string;
  value: DoseValue;
  unit: DoseUnit;
  /** The value in the knowledge-base unit of the substance, when it converts (not for %). */
  amount?: DoseValue;
  /** The substance's knowledge-base unit, beside `amount`. */
  amountUnit?: string;
  period?: DosePeriod;
  /** Knowledge-base key of the substance ("magnesium", "vitamin-d"). */
  substance?: string;
  /** How the sentence (or the passage before it) names the substance ("镁", "Magnesium"). */
  substanceText?: string;
  population?: Population;
  role: DoseRole;
  intake: IntakeSource;
  /** The sentence sends the reader to a doctor, a healthcare provider or medical supervision. */
  referral: boolean;
  /** Range of the figure's sentence in the block's text. */
  sentence: { start: number; end: number };
  /** Range of the figure's clause (see `clauses` in lexicon.ts) in the block's text. */
  clause: { start: number; end: number };
}

/** The doses of one document, in text order: what the HTML report shows per article. */
export interface DoseTable {
  path: string;
  doses: readonly Dose[];
}

const memo = new WeakMap<Document, WeakMap<KnowledgeBase, readonly Dose[]>>();

/** The doses found in `doc` so far, by knowledge base. */
function memoOf(doc: Document): WeakMap<KnowledgeBase, readonly Dose[]> {
  let byKb = memo.get(doc);
  if (!byKb) memo.set(doc, (byKb = new WeakMap()));
  return byKb;
}

/** Every dose figure of `doc` (reference entries excepted), in text order. */
export function extractDoses(doc: Document, kb: KnowledgeBase): readonly Dose[] {
  const byKb = memoOf(doc);
  let doses = byKb.get(kb);
  if (!doses) {
    // Substance mentions are found per block on first need: only blocks with a figure and the
    // blocks a figure looks back through pay for the alias pattern.
    const mentions: Array<Mention[] | undefined> = new Array(doc.blocks.length);
    const mentionsOf = (i: number): Mention[] => (mentions[i] ??= substanceMentions(doc.blocks[i]!.text, kb));
    let topic: string | null | undefined;
    const topicOfDoc = (): string | undefined => (topic ??= documentTopic(doc, mentionsOf) ?? null) ?? undefined;
    const found: Dose[] = [];
    for (const b of doc.blocks) if (b.kind !== 'reference') blockDoses(doc, b, kb, { mentionsOf, topic: topicOfDoc }, found);
    doses = deepFreeze(found);
    byKb.set(kb, doses);
  }
  return doses;
}

/** Records the doses a worker found in `doc` with `kb`, so this thread need not scan it again. */
export function primeDoses(doc: Document, kb: KnowledgeBase, doses: readonly Dose[]): void {
  memoOf(doc).set(kb, doses);
}

export function doseTable(doc: Document, kb: KnowledgeBase): DoseTable {
  return { path: doc.path, doses: extractDoses(doc, kb) };
}

/** The doses of one block (a view on the memoized table). */
export function blockDosesOf(doc: Document, kb: KnowledgeBase, block: number): Dose[] {
  return extractDoses(doc, kb).filter((d) => d.block === block);
}

// ── figures ───────────────────────────────────────────────────────────────────────────

const D = '[0-9０-９]';
const NUM = `(?:${D}{1,3}(?:,${D}{3})+|${D}+)(?:\\.${D}+)?`;
const UNIT =
  '(?:毫克|微克|国际单位|克|%|(?:milligrams?|micrograms?|mcg|µg|μg|ug|mg|MG|Mg|grams?|g|IU|iu|international\\s+units|percent)(?![\\p{L}\\p{N}]))';
const QUAL = '(?:(?<![A-Za-z])(?:up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than|less\\s+than|under|at\\s+least|more\\s+than|over)\\s+|(?:最多|不超过|至少|超过)\\s*)';
const SEP = '(?:\\s*[-–—‒~～至到]\\s*|\\s+to\\s+)';
const START = '(?<![0-9０-９.,A-Za-z])';
const FIGURE = new RegExp(
  `(?<![A-Za-z])between\\s+${START}(?<ba>${NUM})\\s*(?<bua>${UNIT})?\\s*and\\s+(?<bb>${NUM})\\s*(?<bu>${UNIT})` +
    `|(?<q>${QUAL})?${START}(?<a>${NUM})\\s*(?:(?<ua>${UNIT})\\s*)?(?:${SEP}(?<b>${NUM})\\s*)?(?<u>${UNIT})`,
  'gu',
);
/** A unit per volume after a figure ("15 µg/L", "2 mg/dL", "15微克/升"): a concentration, never a dose. */
const PER_VOLUME = /^(?:\s*(?:\/|per\s+)\s*(?:d[lL]|m[lL]|[lL]|(?:deci|milli)?lit(?:er|re)s?)(?![\p{L}])|\s*(?:\/|每)\s*(?:升|毫升|分升))/u;
/** A reference amount of food after "per" ("270 mg per 100 g", "每100克"): not a figure of its own. */
const PER_BEFORE = /(?:(?<![\p{L}])per\s+|每\s*|\/\s*)$/u;

interface Figure {
  start: number;
  end: number;
  value: DoseValue;
  unit: DoseUnit;
  perVolume: boolean;
  /** What the figure's own qualifier says about its role (see `roleOf`). */
  qualifier?: 'limit' | 'hedge';
  /** The figure measures a food written right after it ("100 g of salmon", "100克三文鱼"). */
  food: boolean;
}

const UP_TO = /^(?:up|no|not|less|under|最多|不超过)/i;
const LIMIT_QUALIFIER = /^(?:no|not|最多|不超过)/i;
const HEDGE_QUALIFIER = /^up\s+to/i;
const NEGATION_BEFORE = /(?:(?:\b(?:never|not|no)|n['’]t)\s+(?:[a-z]+\s+){0,2}|(?:不|勿|别|不要|不应|不宜|不可|不能|不得)\s*)$/i;
/**
 * Every FIGURE match holds a digit, then optional white space, then the first character of
 * a UNIT (毫 微 国 克 % m µ μ u g I i p M); a text without that pair has no figure. Most
 * blocks fail this one cheap test, so FIGURE runs on few of them.
 */
const MAY_HOLD_FIGURE = /[0-9０-９]\s*[毫微国克%mµμugIipM]/u;

function figures(text: string): Figure[] {
  const out: Figure[] = [];
  if (!MAY_HOLD_FIGURE.test(text)) return out;
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const between = g.ba !== undefined;
    const unit = unitOf(between ? g.bu! : g.u!);
    if (!unit) continue;
    const first = between ? g.ba! : g.a!;
    const second = between ? g.bb : g.b;
    const firstUnit = between ? g.bua : g.ua;
    let end = m.index + m[0].length;
    const volume = PER_VOLUME.exec(text.slice(end));
    if (volume) end += volume[0].length;
    const perVolume = volume !== null;
    // "500 mg–1 g" is two figures, not a range; keep the second.
    if (firstUnit !== undefined && second !== undefined && unitOf(firstUnit) !== unit) {
      const at = m.index + m[0].lastIndexOf(second);
      out.push({ start: at, end, value: { low: num(second), high: num(second) }, unit, perVolume, food: FOOD_AFTER.test(text.slice(end)) });
      continue;
    }
    if (!g.q && PER_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    let low = num(first);
    let high = second !== undefined ? num(second) : low;
    if (low > high) [low, high] = [high, low];
    const value: DoseValue = { low, high };
    const fig: Figure = { start: m.index, end, value, unit, perVolume, food: FOOD_AFTER.test(text.slice(end)) };
    if (g.q) {
      const q = g.q.trim();
      // "never take more than 350 mg", "do not go over 4,000 IU": a negated "more than" is an upper bound.
      const negated = !UP_TO.test(q) && NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
      value.bound = UP_TO.test(q) || negated ? 'upTo' : 'atLeast';
      if (LIMIT_QUALIFIER.test(q) || (negated && /^(?:超过)/.test(q))) fig.qualifier = 'limit';
      else if (HEDGE_QUALIFIER.test(q)) fig.qualifier = 'hedge';
    }
    out.push(fig);
  }
  return out;
}

function num(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/,/g, ''));
}

// ── attribution ───────────────────────────────────────────────────────────────────────

/** Blocks looked back through (within the section) for a substance the sentence leaves implicit. */
const LOOK_BACK = 8;
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

function adjacent(gap: string): boolean {
  if (/^[\s的]*$/u.test(gap)) return true;
  // Chinese does not separate words: anything more than 的 is more than a modifier ("超过2000毫克可能干扰铁").
  if (/\p{Script=Han}/u.test(gap)) return false;
  const words = gap.trim().split(/\s+/);
  if (words[0]?.toLowerCase() === 'of') words.shift();
  return words.length <= 2 && words.every((w) => GAP_WORD.test(w) && !NOT_A_MODIFIER.has(w.toLowerCase()));
}

/** A word before a later mention that makes it a companion, not the figure's substance ("300 mg with vitamin D"). */
const COMPANION_BEFORE = /(?:\b(?:with|plus|alongside|besides|than|like|and|or)|together\s+with|as\s+well\s+as|和|与|及|同时)\s*$/iu;

/** A substance named in a block: a knowledge-base key, or `undefined` for one the knowledge base does not hold. */
type Mention = Hit<string | undefined>;

/** Cues of one clause or sentence, read once for all the figures in it. */
interface Cues {
  role: Hit<DoseRole>[];
  intake: IntakeSource;
}

/** Cues of one sentence, read once for all the figures in it. */
interface SentenceCues extends Cues {
  referral: boolean;
  periods: Hit<DosePeriod>[];
  populations: Hit<Population>[];
  clauses: Array<{ start: number; end: number }>;
}

function sentenceCues(text: string, sentence: { start: number; end: number }): SentenceCues {
  return {
    role: scan(text, ROLES, sentence.start, sentence.end),
    intake: intakeOf(text, sentence.start, sentence.end),
    referral: scan(text, REFERRALS, sentence.start, sentence.end).length > 0,
    periods: scan(text, PERIODS, sentence.start, sentence.end),
    populations: scan(text, POPULATIONS, sentence.start, sentence.end),
    clauses: clauses(text, sentence),
  };
}

/** Appends the doses of `block` to `out`. */
function blockDoses(doc: Document, block: Block, kb: KnowledgeBase, names: Names, out: Dose[]): void {
  const text = block.text;
  const figs = figures(text);
  if (figs.length === 0) return;
  const sents = sentences(text);
  const cues = new Map<{ start: number; end: number }, SentenceCues>();
  const clauseCues = new Map<string, Cues>();
  let whole: { start: number; end: number } | undefined;
  for (let i = 0; i < figs.length; i++) {
    const fig = figs[i]!;
    const sentence = sents.find((s) => fig.start >= s.start && fig.start < s.end) ?? (whole ??= { start: 0, end: text.length });
    let c = cues.get(sentence);
    if (!c) cues.set(sentence, (c = sentenceCues(text, sentence)));
    const clause = c.clauses.find((k) => fig.start >= k.start && fig.start < k.end) ?? sentence;
    const key = `${clause.start}:${clause.end}`;
    let k = clauseCues.get(key);
    if (!k) {
      const own = intakeOf(text, clause.start, clause.end);
      clauseCues.set(
        key,
        (k = { role: c.role.filter((h) => h.start >= clause.start && h.end <= clause.end), intake: own === 'unspecified' ? c.intake : own }),
      );
    }
    const prev = figs[i - 1];
    const next = figs[i + 1];
    const win: Window = {
      before: Math.max(sentence.start, prev && prev.end <= fig.start ? prev.end : sentence.start),
      after: Math.min(sentence.end, next && next.start >= fig.end ? next.start : sentence.end),
      sentence,
      clause,
    };
    const period = nearest(text, c.periods, fig, win);
    const dose: Dose = {
      block: block.index,
      span: blockSpan(doc.lineStarts, block, fig.start, fig.end),
      text: text.slice(fig.start, fig.end),
      value: fig.value,
      unit: fig.unit,
      role: roleOf({
        start: fig.start,
        end: fig.end,
        clause: k.role,
        sentence: c.role,
        clauseStart: clause.start,
        clauseEnd: clause.end,
        perVolume: fig.perVolume,
        food: fig.food,
        tableCell: block.kind === 'tableCell',
        daily: period?.value === 'day',
        nextFigure: next && next.start < sentence.end ? next.start : sentence.end,
        ...(fig.qualifier ? { qualifier: fig.qualifier } : {}),
      }),
      intake: k.intake,
      referral: c.referral,
      sentence,
      clause,
    };
    if (period) dose.period = period.value;
    const population = nearest(text, c.populations, fig, win);
    if (population) dose.population = population.value;
    const substance = substanceOf(doc, block, kb, fig, win, names);
    if (substance) {
      dose.substance = substance.value;
      dose.substanceText = substance.text;
      const entry = kb.nutrients[substance.value];
      const amount = entry ? inUnit(fig.value, fig.unit, entry) : undefined;
      if (entry && amount) {
        dose.amount = amount;
        dose.amountUnit = entry.unit;
        if (dose.role === 'advice' && dose.intake === 'unspecified' && withinReferenceIntake(entry, amount)) dose.role = 'intake';
      }
    }
    out.push(dose);
  }
}

interface Window {
  /** Start of the text before the figure that belongs to it (after the previous figure). */
  before: number;
  /** End of the text after the figure that belongs to it (before the next figure). */
  after: number;
  sentence: { start: number; end: number };
  clause: { start: number; end: number };
}

/**
 * The word of the sentence that belongs to a figure: right after it ("350 mg per day",
 * "310-360毫克的成人女性"), else the last one before it back to the previous figure
 * ("每天350毫克", "older adults were given 500 mg"), else the first after it, else the
 * closest in the sentence ("a daily intake of 310–360 mg … and 400–420 mg for men").
 */
function nearest<T>(text: string, hits: Hit<T>[], fig: Figure, win: Window): Hit<T> | undefined {
  const after = hits.find((h) => h.start >= fig.end && h.start < win.after);
  if (after && after.start - fig.end <= 24 && !/[,;:，；：。(（]/.test(text.slice(fig.end, after.start))) return after;
  const before = hits.filter((h) => h.end <= fig.start && h.start >= win.before).pop();
  if (before) return before;
  if (after) return after;
  let best: Hit<T> | undefined;
  let bestDistance = Infinity;
  for (const h of hits) {
    const distance = h.start >= fig.end ? h.start - fig.end : fig.start - h.end;
    if (distance >= 0 && distance < bestDistance) [best, bestDistance] = [h, distance];
  }
  return best;
}

/**
 * Substances named in a text: aliases of the knowledge base, and the names of
 * `OTHER_SUBSTANCES` that no alias covers. A name written right before an alias in Chinese
 * is the alias's form (甘氨酸镁, magnesium glycinate), not a substance of its own.
 */
function substanceMentions(text: string, kb: KnowledgeBase): Mention[] {
  const known: Mention[] = [];
  for (const m of text.matchAll(kb.aliasPattern)) {
    const key = kb.aliasKey(m[0]);
    if (key) known.push({ start: m.index, end: m.index + m[0].length, value: key, strong: true });
  }
  const hits = [...known];
  for (const m of text.matchAll(OTHER_SUBSTANCES)) {
    const start = m.index;
    const end = start + m[0].length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    if (known.some((k) => k.start === end && /\p{Script=Han}$/u.test(m[0]))) continue;
    hits.push({ start, end, value: undefined, strong: true });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The substance a figure belongs to, read the way the sentence is built:
 * 1. named right after it ("300 mg of magnesium glycinate", "15 mg zinc", "每天补充300毫克镁"),
 *    even when that is a substance the knowledge base does not hold ("100 mcg selenium",
 *    "20 g of protein"): then the figure has none;
 * 2. else named before it in its clause: the last name back to the previous figure ("Y, X
 *    mg", "镁350毫克"), else the last before it;
 * 3. else named elsewhere in its sentence (see below), then earlier in the block,
 *    then in the blocks before it back to the section heading, then the subject of the
 *    whole document.
 * A table cell gets no substance from outside its own text.
 */
function substanceOf(
  doc: Document,
  block: Block,
  kb: KnowledgeBase,
  fig: Figure,
  win: Window,
  { mentionsOf, topic }: Names,
): { value: string; text: string } | undefined {
  const text = block.text;
  const own = mentionsOf(block.index);
  const found = (h: Mention | undefined, t = text) => (h?.value ? { value: h.value, text: t.slice(h.start, h.end) } : undefined);
  if (fig.food) return undefined;
  const next = own.find((h) => h.start >= fig.end);
  if (next && next.start < win.after && next.start - fig.end <= 40 && adjacent(text.slice(fig.end, next.start))) return found(next);
  if (OF_OTHER.test(text.slice(fig.end, win.after))) return undefined;
  const companion = (h: Mention) => COMPANION_BEFORE.test(text.slice(win.sentence.start, h.start));
  const before = own.filter((h) => h.start >= win.clause.start && h.end <= fig.start);
  const pick = before.filter((h) => h.start >= win.before).pop() ?? before.pop();
  if (pick) return found(pick);
  // Else the sentence: the nearest name before the figure, then after it ("300 mg daily of
  // magnesium"; a name after a verb is more often its object: "超过40毫克可能导致铜缺乏"), but
  // a name for which the amount is plausible before one for which it is not ("vitamin D
  // works with magnesium, and many take 300 mg daily"), and the sentence's subject before a
  // companion ("magnesium pairs well with vitamin B6; a typical dose is 300 mg").
  const candidates = [
    ...own.filter((h) => h.start >= win.sentence.start && h.end <= fig.start).reverse(),
    ...own.filter((h) => h.start >= fig.end && h.end <= win.sentence.end && !companion(h)),
  ];
  const rank = (h: Mention) => (plausibleFor(kb, h.value, fig) ? 0 : 2) + (companion(h) ? 1 : 0);
  const best = candidates.map((h, i) => ({ h, i, r: rank(h) })).sort((a, b) => a.r - b.r || a.i - b.i)[0];
  if (best) return found(best.h);
  if (block.kind === 'tableCell') return undefined;
  // The passage before: earlier in the block, then the blocks before it back to the section
  // heading. In each, the topic (the name for which the amount is plausible, then the one
  // named most often, then the first named: the subject of the passage); the first
  // plausible topic wins, else the nearest.
  let fallback: { value: string; text: string } | undefined;
  const passages: Array<[Mention[], string]> = [[own.filter((h) => h.end <= win.sentence.start), text]];
  for (let i = block.index - 1; i >= 0 && i >= block.index - LOOK_BACK; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'reference' || b.kind === 'tableCell') continue;
    passages.push([mentionsOf(i), b.text]);
    if (b.kind === 'heading') break;
  }
  for (const [mentions, t] of passages) {
    const best = topicOf(mentions, kb, fig);
    if (!best) continue;
    if (best.plausible) return found(best.mention, t);
    fallback ??= found(best.mention, t);
    if (!fallback) return undefined;
  }
  if (fallback) return fallback;
  // A section that names nothing ("How much should you take?") speaks of the article's subject.
  const main = topic();
  return main && plausibleFor(kb, main, fig) ? { value: main, text: kb.nutrients[main]!.name } : undefined;
}

/**
 * Whether an amount lies within the adult reference intake (RDA or AI) of its nutrient:
 * "adults should aim for 310–420 mg of magnesium a day" says nothing of supplements, and
 * names the reference intake from all sources; it is an intake, not supplement advice.
 */
function withinReferenceIntake(entry: NutrientEntry, amount: DoseValue): boolean {
  const ri = entry.intake;
  if (!ri) return false;
  return amount.low >= Math.min(ri.women.low, ri.men.low) && amount.high <= Math.max(ri.women.high, ri.men.high);
}

/** The substance names of each block (found on first need) and the subject of the whole document. */
interface Names {
  mentionsOf: (block: number) => Mention[];
  topic: () => string | undefined;
}

/**
 * The subject of a document: the nutrient its headings and paragraphs name most, when it
 * has more than half of the names (an article on magnesium), and none when several share
 * the article (a winter stack of vitamin D, zinc and magnesium).
 */
function documentTopic(doc: Document, mentionsOf: (block: number) => Mention[]): string | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'reference' || b.kind === 'tableCell') continue;
    for (const m of mentionsOf(b.index)) {
      total++;
      if (m.value) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
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

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
