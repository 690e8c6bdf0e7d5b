/**
 * Dose extraction: every figure with a dose unit in a document ("500mg", "225–500 mg",
 * "between 225 and 500 mg", "up to 350 mg", "10,000 IU", "每天350毫克"), with the period,
 * substance, population, role and intake source read from its sentence. Memoized per
 * Document and knowledge base, so rules and the report share one table.
 */
import type { Block, Document, Span } from '../types.js';
import { blockSpan } from '../position.js';
import type { KnowledgeBase, NutrientEntry } from './kb.js';
import { documentTopic, substanceMentions, substanceOf, type Mention, type Names, type Window } from './attach.js';
import { MAY_HOLD_FIGURE, figures, type Figure } from './figures.js';
import {
  POPULATIONS,
  PERIODS,
  REFERRALS,
  ROLES,
  TITRATION,
  childBand,
  clauses,
  intakeOf,
  scan,
  type ChildBand,
  type DosePeriod,
  type DoseRole,
  type Hit,
  type IntakeSource,
  type Population,
} from './lexicon.js';
import { inUnit, scale, type DoseUnit, type DoseValue } from './units.js';
import { roleCues, roleOf } from './roles.js';
import { firstAtOrAfter, lastAtOrBefore } from '../collections.js';
import { sentences } from '../sentences.js';
import { readable } from '../lang/simplified.js';
import { ScopedTextMemo } from '../text-memo.js';
import { neverContentTest } from '../parse/boilerplate.js';
import { othersView, quotedAccounts } from './quoted.js';
import { isAbstractParagraph } from '../cite/claims.js';

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
  /**
   * Key of the form the sentence names (`forms` of the entry: "oxide" for magnesium oxide,
   * "folic-acid", "beta-carotene", "synthetic" vitamin E); absent when it names none.
   */
  form?: string;
  /**
   * The amount of the nutrient itself when the figure weighs a salt written right beside it
   * ("800 mg of magnesium oxide" → 482 mg of magnesium), in the entry's unit; `factor` is the
   * share used.
   */
  nutrient?: DoseValue;
  factor?: number;
  period?: DosePeriod;
  /** The figure is per kilogram of body weight ("3 mg/kg/day"): it has no `amount`. */
  perWeight?: true;
  /** The sentence gives the figure as a view of unnamed others ("the dose many sources recommend", see quoted.ts). */
  othersView?: true;
  /** Knowledge-base key of the substance ("magnesium", "vitamin-d"). */
  substance?: string;
  /** How the sentence (or the passage before it) names the substance ("镁", "Magnesium"). */
  substanceText?: string;
  population?: Population;
  /** For a children's figure, the age band its sentence names (lexicon.ts `childBand`). */
  childBand?: ChildBand;
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

/** Whether a heading names medical supervision or the treatment of a deficiency (a strong regimen cue). */
function supervisesSection(heading: string): boolean {
  return supervising.in('').get(heading, (h) => {
    const text = readable(h);
    return scan(text, ROLES, 0, text.length).some((c) => c.strong && c.value === 'regimen');
  });
}

/** A label on a line of its own, ending in a colon: "Iron deficiency anaemia, treatment:". */
const LABEL_LINE = /^[^.!?。！？:：]{3,80}[:：]\s*$/u;

// Versions of an article repeat its headings (see text-memo.ts).
const supervising = new ScopedTextMemo<boolean>(1024);

/**
 * For each block, whether its section (from one heading to the next) holds a titration
 * schedule ("Start with 250 mg at bedtime … Increase the dose by 250 mg"): every step of it
 * is drug therapy, including the first, which says nothing of a prescriber itself.
 */
function titratedSections(doc: Document): boolean[] {
  const out = new Array<boolean>(doc.blocks.length).fill(false);
  let from = 0;
  for (let i = 0; i <= doc.blocks.length; i++) {
    if (i < doc.blocks.length && (doc.blocks[i]!.kind !== 'heading' || i === from)) continue;
    let titrated = false;
    for (let j = from; j < i && !titrated; j++) titrated = doc.blocks[j]!.kind !== 'reference' && TITRATION.test(readable(doc.blocks[j]!.text));
    if (titrated) out.fill(true, from, i);
    from = i;
  }
  return out;
}

/** Every dose figure of `doc` (reference entries excepted), in text order. */
export function extractDoses(doc: Document, kb: KnowledgeBase): readonly Dose[] {
  const byKb = memoOf(doc);
  let doses = byKb.get(kb);
  if (!doses) {
    // Substance mentions are found per block on first need: only blocks with a figure and the
    // blocks a figure looks back through pay for the alias pattern.
    const mentions: Array<Mention[] | undefined> = new Array(doc.blocks.length);
    const mentionsOf = (i: number): Mention[] => (mentions[i] ??= substanceMentions(readable(doc.blocks[i]!.text), kb));
    let topic: string | null | undefined;
    const topicOfDoc = (): string | undefined => (topic ??= documentTopic(doc, kb) ?? null) ?? undefined;
    const found: Dose[] = [];
    // A heading that puts its section under a doctor's care ("确诊缺乏者，需遵医嘱", "Treating a
    // deficiency under medical supervision") makes the section's plain amounts a regimen.
    // (A label line ending in a colon, "Iron deficiency anaemia, treatment:", heads the lines
    // under it as a heading would, within its heading's section.)
    let supervised = false;
    let byHeading = false;
    let titrated: boolean[] | undefined;
    // A reader's comment or a related-posts box on an HTML page is not the article's advice.
    const furniture = neverContentTest(doc.tree);
    for (const b of doc.blocks) {
      if (b.kind === 'heading') supervised = byHeading = supervisesSection(b.text);
      else if (b.kind === 'paragraph' && LABEL_LINE.test(b.text)) supervised = byHeading || supervisesSection(b.text);
      if (furniture(b.position.start.offset)) continue;
      if (b.kind !== 'reference' && MAY_HOLD_FIGURE.test(b.text)) titrated ??= titratedSections(doc);
      if (b.kind !== 'reference') blockDoses(doc, b, kb, { mentionsOf, topic: topicOfDoc }, found, supervised, titrated?.[b.index] === true);
    }
    followRegimens(doc, found);
    doses = deepFreeze(found);
    byKb.set(kb, doses);
  }
  return doses;
}

/**
 * A figure that comes back to a regimen's dose right after it ("…women who had an affected
 * pregnancy are advised 4 mg a day. To reach 4 mg, take folic acid tablets, not a
 * multivitamin"; "…100–200 mg a day for diagnosed anaemia, e.g. a 150 mg tablet with vitamin
 * C") speaks of that dose: the same substance, an amount within the regimen's range, in the
 * same block or the block right after it. It is the regimen's, not new advice.
 */
function followRegimens(doc: Document, doses: Dose[]): void {
  let regimen: Dose | undefined;
  for (const dose of doses) {
    const amount = dose.nutrient ?? dose.amount;
    if (dose.role === 'regimen' && amount) {
      regimen = dose;
      continue;
    }
    if (!regimen || !amount || !FOLLOWS_REGIMEN.has(dose.role) || dose.substance !== regimen.substance) continue;
    if (dose.block !== regimen.block && (dose.block !== regimen.block + 1 || doc.blocks[dose.block]!.kind === 'heading')) continue;
    const range = (regimen.nutrient ?? regimen.amount)!;
    if (amount.low >= range.low && amount.high <= range.high) dose.role = 'regimen';
  }
}

/** Roles a figure that comes back to a regimen's dose takes from it: what advises or says nothing more. */
const FOLLOWS_REGIMEN: ReadonlySet<DoseRole> = new Set(['advice', 'amount', 'intake']);

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

/** Cues of one clause or sentence, read once for all the figures in it. */
interface Cues {
  /** Role cues as `roleOf` reads them (`roleCues`). */
  role: Hit<DoseRole>[];
  intake: IntakeSource;
}

/** Cues of one sentence, read once for all the figures in it. */
interface SentenceCues extends Cues {
  referral: boolean;
  periods: Hit<DosePeriod>[];
  populations: Hit<Population>[];
  clauses: Array<{ start: number; end: number }>;
  /** Quoted first-person accounts (quoted.ts). */
  quoted: Array<{ start: number; end: number }>;
  /** The sentence gives what it says to unnamed others (quoted.ts). */
  othersView: boolean;
}

function sentenceCues(text: string, sentence: { start: number; end: number }): SentenceCues {
  return {
    role: roleCues(scan(text, ROLES, sentence.start, sentence.end)),
    intake: intakeOf(text, sentence.start, sentence.end),
    referral: scan(text, REFERRALS, sentence.start, sentence.end).length > 0,
    periods: scan(text, PERIODS, sentence.start, sentence.end),
    populations: scan(text, POPULATIONS, sentence.start, sentence.end),
    clauses: clauses(text, sentence),
    quoted: quotedAccounts(text, sentence.start, sentence.end),
    othersView: othersView(text.slice(sentence.start, sentence.end)),
  };
}

/** The role cues of `text[from, to)` (traditional characters read as simplified), as `scan` finds them. */
export function roleCueHits(text: string, from: number, to: number): Hit<DoseRole>[] {
  return scan(readable(text), ROLES, from, to);
}

/** Characters that end a sentence, or a line that is a label or a heading of its own. */
const LINE_END = /[.!?。！？:：;；)）]\s*$/u;

/**
 * The role the words before a hard line break give: when the paragraphs before `block` end
 * mid-sentence (no full stop), the strong role cue nearest the break in that unfinished
 * sentence, looked for back through at most four lines.
 */
function roleBeforeBreak(doc: Document, block: Block): DoseRole | undefined {
  let tail = '';
  for (let i = block.index - 1; i >= 0 && i >= block.index - 4; i--) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'paragraph') break;
    const text = readable(b.text);
    if (LINE_END.test(text)) break;
    const stop = Math.max(text.lastIndexOf('. '), text.lastIndexOf('。'), text.lastIndexOf('? '), text.lastIndexOf('! '));
    tail = `${text.slice(stop + 1)} ${tail}`;
    if (stop >= 0) break;
  }
  const strong = roleCues(scan(tail, ROLES)).filter((h) => h.strong);
  return strong[strong.length - 1]?.value;
}

/** Appends the doses of `block` to `out`. */
function blockDoses(doc: Document, block: Block, kb: KnowledgeBase, names: Names, out: Dose[], supervised: boolean, titrated: boolean): void {
  // Traditional characters are read as simplified ones (same offsets): the lexicon's are simplified.
  const text = readable(block.text);
  const figs = figures(text);
  if (figs.length === 0) return;
  // A paper's abstract reports what its study gave and found, whatever its words.
  const abstract = block.kind === 'paragraph' && isAbstractParagraph(block.text);
  const sents = sentences(text);
  const cues = new Map<{ start: number; end: number }, SentenceCues>();
  // Keyed by the range objects of `sentenceCues` (a clause, or the sentence standing for one).
  const clauseCues = new Map<{ start: number; end: number }, Cues>();
  let whole: { start: number; end: number } | undefined;
  let carriedRole: DoseRole | null | undefined;
  // Figures, sentences and clauses are in text order: each is found by binary search.
  const within = <R extends { start: number; end: number }>(ranges: readonly R[], at: number): R | undefined => {
    const r = ranges[lastAtOrBefore(ranges, (x) => x.start, at)];
    return r && at < r.end ? r : undefined;
  };
  for (let i = 0; i < figs.length; i++) {
    const fig = figs[i]!;
    const sentence = within(sents, fig.start) ?? (whole ??= { start: 0, end: text.length });
    let c = cues.get(sentence);
    if (!c) cues.set(sentence, (c = sentenceCues(text, sentence)));
    const clause = within(c.clauses, fig.start) ?? sentence;
    let k = clauseCues.get(clause);
    if (!k) {
      const own = intakeOf(text, clause.start, clause.end);
      clauseCues.set(
        clause,
        (k = { role: inRange(c.role, clause), intake: own === 'unspecified' ? c.intake : own }),
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
      // (The draft's own characters: `text` may be read as simplified.)
      text: block.text.slice(fig.start, fig.end),
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
        lastInSentence: !next || next.start >= sentence.end,
        ...(next && next.start >= fig.end && next.start < sentence.end ? { next: { start: next.start, text } } : {}),
        ...(fig.qualifier ? { qualifier: fig.qualifier } : {}),
        supervised: supervised || titrated,
        quoted: c.quoted.some((q) => q.start <= fig.start && fig.end <= q.end),
        abstract,
      }),
      intake: k.intake,
      referral: c.referral,
      sentence,
      clause,
    };
    if (period) dose.period = period.value;
    if (fig.perWeight) dose.perWeight = true;
    if (c.othersView) dose.othersView = true;
    // A figure that opens a line its sentence started on an earlier one (a text wrapped hard,
    // each line its own block: "…anaemia have been observed after higher zinc / intakes /
    // 450–660 mg/day") takes its role from the words before the break when its own say nothing.
    if (c.role.length === 0 && text.slice(0, fig.start).trim() === '' && !fig.qualifier && !fig.perVolume && !fig.food && block.kind === 'paragraph') {
      const carried = (carriedRole ??= roleBeforeBreak(doc, block) ?? null);
      if (carried) dose.role = carried;
    }
    const population = nearest(text, c.populations, fig, win);
    if (population) dose.population = population.value;
    if (population?.value === 'children') {
      const band = childBand(text.slice(sentence.start, sentence.end));
      if (band) dose.childBand = band;
    }
    const substance = substanceOf(doc, block, kb, fig, win, names);
    if (substance) {
      dose.substance = substance.value;
      dose.substanceText = substance.text;
      const entry = kb.nutrients[substance.value];
      const form = entry ? formOf(text, kb, substance, fig, names.mentionsOf(block.index), clause) : undefined;
      const formEntry = form ? entry?.forms?.[form] : undefined;
      // (A dose per kilogram of body weight gives no amount a day to hold against a limit.)
      const amount = entry && !fig.perWeight ? inUnit(fig.value, fig.unit, entry, formEntry) : undefined;
      if (form && formEntry) dose.form = form;
      if (entry && amount) {
        dose.amount = amount;
        dose.amountUnit = entry.unit;
        if (formEntry?.factor !== undefined) {
          dose.nutrient = scale(amount, formEntry.factor);
          dose.factor = formEntry.factor;
        } else if (!form && amount.high > entry.plausible.high && !ELEMENTAL.test(text.slice(fig.end))) {
          // A drug monograph or a table of salts ("硫酸亚铁 … 成人每次0.3~0.6g", "Ferrous gluconate 12
          // percent 1 gram"): a figure too large for the element itself, which the salt the passage
          // names explains, weighs that salt.
          const salt = saltOfPassage(doc, block, kb, substance.value, names.mentionsOf);
          const saltEntry = salt ? entry.forms?.[salt] : undefined;
          const nutrient = saltEntry?.factor !== undefined ? scale(amount, saltEntry.factor) : undefined;
          if (salt && nutrient && nutrient.high <= entry.plausible.high) {
            dose.form = salt;
            dose.nutrient = nutrient;
            dose.factor = saltEntry!.factor;
          }
        }
        if (dose.role === 'advice' && dose.intake === 'unspecified' && withinReferenceIntake(entry, dose.nutrient ?? amount)) dose.role = 'intake';
      }
    }
    out.push(dose);
  }
}


/**
 * The word of the sentence that belongs to a figure: right after it ("350 mg per day",
 * "310-360毫克的成人女性"), else the last one before it back to the previous figure
 * ("每天350毫克", "older adults were given 500 mg"), else the first after it, else the
 * closest in the sentence ("a daily intake of 310–360 mg … and 400–420 mg for men").
 */
function nearest<T>(text: string, hits: Hit<T>[], fig: Figure, win: Window): Hit<T> | undefined {
  // `hits` are sorted and do not overlap (see `scan`): the two around the figure are found by
  // binary search, so a sentence of many figures costs a search per figure.
  const i = lastAtOrBefore(hits, (h) => h.start, fig.end - 1) + 1;
  const first = hits[i];
  const after = first && first.start < win.after ? first : undefined;
  if (after && after.start - fig.end <= 24 && !/[,;:，；：。(（]/.test(text.slice(fig.end, after.start))) return after;
  let j = i - 1;
  while (j >= 0 && hits[j]!.end > fig.start) j--;
  const last = hits[j];
  if (last && last.start >= win.before) return last;
  if (after) return after;
  // The nearest of the two, the one before on a tie.
  if (last && (!first || fig.start - last.end <= first.start - fig.end)) return last;
  return first;
}

/** What may stand between a figure and a salt it weighs: "800 mg of magnesium oxide", "800 mg magnesium oxide", "800毫克的氧化镁", "400毫克(mg)氧化镁". */
// (Also across the product that holds it: "one 300 mg tablet of ferrous sulfate", "300毫克的硫酸亚铁片" is the salt's weight.)
const SALT_AFTER = /^\s*(?:\((?:mg|mcg|µg|μg|g)\)\s*)?(?:(?:tablets?|capsules?|pills?|softgels?)\s+)?(?:of\s+)?(?:the\s+)?的?\s*$/iu;
/** …or a salt named right before it: "magnesium oxide 800 mg", "magnesium oxide: 800 mg", "氧化镁800毫克". */
const SALT_BEFORE = /^[\s:：]*$/u;
/** "800 mg of elemental magnesium", "800 mg elemental", "元素镁": the figure is already the nutrient's. */
const ELEMENTAL = /^\s*(?:of\s+)?elemental\b|^\s*(?:的)?元素/iu;

/**
 * The form a figure's substance is named in: the name it is attached by ("retinyl palmitate",
 * "合成维生素E"), else the one form of the same nutrient its clause names ("10,000 IU of
 * vitamin A as retinyl palmitate"). A salt ("magnesium oxide") counts only when it is
 * written right beside the figure, and not when the figure says it is elemental: "magnesium
 * (as magnesium oxide) 300 mg" gives the element, as labels do.
 */
/**
 * The items of `sorted` (in text order, by start) that lie within `range`, found by binary
 * search: a paragraph with thousands of figures and no full stop has one sentence, and a pass
 * over all its cues or names for each figure was quadratic.
 */
function inRange<T extends { start: number; end: number }>(sorted: readonly T[], range: { start: number; end: number }): T[] {
  const out: T[] = [];
  for (let i = firstAtOrAfter(sorted, (x) => x.start, range.start); i < sorted.length && sorted[i]!.start < range.end; i++) {
    if (sorted[i]!.end <= range.end) out.push(sorted[i]!);
  }
  return out;
}

/** Forms named in a clause, by substance (keyed by the clause's range object, see `formOf`). */
const clauseForms = new WeakMap<object, Map<string, string | undefined>>();

function formOf(
  text: string,
  kb: KnowledgeBase,
  substance: { value: string; text: string; start?: number; end?: number },
  fig: Figure,
  mentions: readonly Mention[],
  clause: { start: number; end: number },
): string | undefined {
  const entry = kb.nutrients[substance.value];
  if (!entry?.forms) return undefined;
  const isSalt = (form: string) => entry.forms![form]?.factor !== undefined;
  const own = kb.aliasForm(substance.text);
  if (own) {
    if (!isSalt(own)) return own;
    if (substance.start === undefined || substance.end === undefined || ELEMENTAL.test(text.slice(fig.end))) return undefined;
    const beside = substance.start >= fig.end ? SALT_AFTER.test(text.slice(fig.end, substance.start)) : SALT_BEFORE.test(text.slice(substance.end, fig.start));
    return beside ? own : undefined;
  }
  // The forms a clause names, per substance, read once per clause (a clause of thousands of
  // figures would read its names again for each).
  let byClause = clauseForms.get(clause);
  if (!byClause) clauseForms.set(clause, (byClause = new Map()));
  if (byClause.has(substance.value)) return byClause.get(substance.value);
  const forms = new Set<string>();
  for (const m of inRange(mentions, clause)) {
    if (m.value !== substance.value) continue;
    const form = kb.aliasForm(text.slice(m.start, m.end));
    if (form && !isSalt(form)) forms.add(form);
  }
  const named = forms.size === 1 ? [...forms][0] : undefined;
  byClause.set(substance.value, named);
  return named;
}

/**
 * The one salt of `key` (a form with a share of the element) that `block` and the blocks
 * before it in its section name, back to at most LOOK_BACK blocks; none when they name none
 * or several.
 */
function saltOfPassage(doc: Document, block: Block, kb: KnowledgeBase, key: string, mentionsOf: Names['mentionsOf']): string | undefined {
  const forms = kb.nutrients[key]?.forms;
  if (!forms) return undefined;
  const salts = new Set<string>();
  for (let i = block.index; i >= 0 && i >= block.index - SALT_LOOK_BACK; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'reference') continue;
    const text = readable(b.text);
    for (const m of mentionsOf(i)) {
      if (m.value !== key) continue;
      const form = kb.aliasForm(text.slice(m.start, m.end));
      if (form && forms[form]?.factor !== undefined) salts.add(form);
    }
    if (b.kind === 'heading') break;
  }
  return salts.size === 1 ? [...salts][0] : undefined;
}

/** Blocks looked back through for the salt a passage weighs (a monograph's name lines stand a few lines above its dosage). */
const SALT_LOOK_BACK = 8;

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

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
