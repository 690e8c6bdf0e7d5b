/**
 * Reading doses against the knowledge base: which upper limit applies to a figure, and
 * how periods compare (each night and before bed are once a day).
 */
import type { Jurisdiction, LimitEntry, NutrientEntry } from './kb.js';
import type { Dose } from './extract.js';
import type { DosePeriod, IntakeSource, Population } from './lexicon.js';
import { formatAmount, type DoseValue } from './units.js';

/** Config `limits`: `auto` judges Chinese drafts against China's DRIs and others against the US DRIs. */
export type LimitsSetting = 'auto' | Jurisdiction;

/** ISO 639-3 codes of Chinese languages, as the language stage gives them. */
const CHINESE = new Set(['cmn', 'zho', 'yue', 'wuu', 'nan', 'hak', 'gan', 'hsn', 'cdo', 'lzh']);

/** The jurisdiction a draft in `language` (its primary language, ISO 639-3) is judged by. */
export function jurisdictionFor(language: string, setting: LimitsSetting = 'auto'): Jurisdiction {
  if (setting !== 'auto') return setting;
  return CHINESE.has(language) ? 'cn' : 'us';
}

export interface AppliedLimit {
  value: number;
  kind: 'UL' | 'guidance';
  jurisdiction: Jurisdiction;
  ages: LimitEntry['ages'];
  /** The limit counts supplements (fortified food, medicines) only, not food. */
  supplementalOnly: boolean;
  authority: string;
  covers?: string;
  source: string;
  /** Set when the jurisdiction asked for has no figure and the US one stands in: `none` when it sets no UL, `absent` when the knowledge base holds none of it. */
  fallback?: { from: Jurisdiction; reason: 'none' | 'absent' };
  /** The limit covers some forms only and the figure names none. */
  formUnknown: boolean;
}

/** The age a figure for `population` is taken to be for: older adults are read as over 70, anyone else as an adult of 30. */
function ageOf(population: Population | undefined): number {
  return population === 'older adults' ? 71 : 30;
}

/**
 * The limit a figure is held against: the lowest limit of `jurisdiction` that covers the
 * population's age and the figure's form (every form's, when the form is unknown). Where the
 * jurisdiction sets no UL or the knowledge base holds none of it, the US figure stands in,
 * and says so. None for children (the knowledge base holds adult figures only), for a form
 * no limit covers (beta-carotene, food folate), or where no one sets a limit.
 */
export function limitFor(
  entry: Pick<NutrientEntry, 'limits'>,
  options: { jurisdiction: Jurisdiction; population?: Population | undefined; form?: string | undefined },
): AppliedLimit | undefined {
  if (options.population === 'children') return undefined;
  const { jurisdiction, form } = options;
  const own = entry.limits.filter((l) => l.jurisdiction === jurisdiction);
  let pool = own.filter((l) => l.kind !== 'none');
  let fallback: AppliedLimit['fallback'];
  if (pool.length === 0 && jurisdiction !== 'us') {
    pool = entry.limits.filter((l) => l.jurisdiction === 'us' && l.kind !== 'none');
    if (pool.length > 0) fallback = { from: jurisdiction, reason: own.length > 0 ? 'none' : 'absent' };
  }
  const age = ageOf(options.population);
  pool = pool.filter((l) => l.ages.from <= age && (l.ages.to === undefined || age <= l.ages.to));
  if (form !== undefined) pool = pool.filter((l) => !l.forms || l.forms.includes(form));
  const best = pool.sort((a, b) => a.value! - b.value!)[0];
  if (!best) return undefined;
  const applied: AppliedLimit = {
    value: best.value!,
    kind: best.kind as 'UL' | 'guidance',
    jurisdiction: best.jurisdiction,
    ages: best.ages,
    supplementalOnly: best.appliesTo === 'supplemental',
    authority: best.authority,
    source: best.source,
    formUnknown: form === undefined && best.forms !== undefined,
  };
  if (best.covers) applied.covers = best.covers;
  if (fallback) applied.fallback = fallback;
  return applied;
}

/**
 * The adult US upper limit for a figure addressed to `population` (the older-adult limit where
 * there is one), as `limitFor` gives it. Kept for callers that know no jurisdiction.
 */
export function upperLimitFor(entry: Pick<NutrientEntry, 'limits'>, population: Population | undefined): AppliedLimit | undefined {
  return limitFor(entry, { jurisdiction: 'us', population });
}

const OWNER: Record<Jurisdiction, string> = { us: 'the US', cn: "China's", eu: "EFSA's" };
const PLACE: Record<Jurisdiction, string> = { us: 'the US', cn: 'China', eu: 'EFSA' };
const NAMED: Record<Jurisdiction, string> = { us: 'US', cn: 'Chinese', eu: 'EFSA' };

/** "adults 19–50 y", "ages 9+", "adults 51+ y"; undefined for every adult (18 or 19 and over). */
export function describeAges(ages: LimitEntry['ages']): string | undefined {
  if (ages.to === undefined && (ages.from === 18 || ages.from === 19)) return undefined;
  const who = ages.from >= 18 ? 'adults' : 'ages';
  if (ages.to === undefined) return who === 'adults' ? `adults ${ages.from}+ y` : `ages ${ages.from}+`;
  return `${who} ${ages.from}–${ages.to} y`;
}

/**
 * Who set a limit, for which ages and of what kind: "China's adult upper level", "the US upper
 * limit for ages 9+", "the FDA's guidance value for adults (not a UL)".
 */
export function describeLimitKind(limit: Pick<AppliedLimit, 'kind' | 'jurisdiction' | 'ages' | 'authority'>): string {
  const ages = describeAges(limit.ages);
  if (limit.kind === 'guidance') {
    const owner = /^the\b|^EFSA$/.test(limit.authority) ? `${limit.authority}'s` : `the ${limit.authority}'s`;
    return `${owner} guidance value${ages ? ` for ${ages}` : ' for healthy adults'} (not a UL)`;
  }
  const word = limit.jurisdiction === 'us' ? 'upper limit' : 'upper level';
  return ages ? `${OWNER[limit.jurisdiction]} ${word} for ${ages}` : `${OWNER[limit.jurisdiction]} adult ${word}`;
}

/** Why another jurisdiction's figure stands in: "China sets no upper level for magnesium, so the US limit applies". */
export function describeFallback(fallback: NonNullable<AppliedLimit['fallback']>, name: string): string {
  return fallback.reason === 'none'
    ? `${PLACE[fallback.from]} sets no upper level for ${name}, so the US limit applies`
    : `the knowledge base holds no ${NAMED[fallback.from]} figure for ${name}, so the US limit applies`;
}

/** A figure's amount of the nutrient itself: after the share of a salt ("800 mg of magnesium oxide" → 482 mg), else as written in the entry's unit. */
export function nutrientAmount(dose: Pick<Dose, 'amount' | 'nutrient'>): DoseValue | undefined {
  return dose.nutrient ?? dose.amount;
}

/**
 * Rounding room for a figure converted from IU: the knowledge base's IU factors are rounded
 * (3.33 IU per µg of retinol), so 10,000 IU of vitamin A reads as 3,003 µg and is the 3,000 µg
 * UL itself, not above it.
 */
export const IU_ROUNDING = 1.01;

/**
 * Whether `high`, the top of a figure written in `unit`, lies above `limit`, set in
 * `limitUnit`: beyond the rounding of the IU factor when one of them is in IU and the other not.
 */
export function exceedsLimit(high: number, unit: string, limit: number, limitUnit: string): boolean {
  const converted = unit !== limitUnit && (unit === 'IU' || limitUnit === 'IU');
  return high > limit * (converted ? IU_ROUNDING : 1);
}

/** What may stand between a figure and its equal in another unit: "10,000 IU (250 mcg)", "400 IU（10微克）", "5 mg (about 200 IU)". */
const RESTATED = /^\s*[(（]\s*(?:(?:about|approximately|approx\.?|around|roughly|or|i\.e\.,?|约|大约|即)\s*|[≈~～=]\s*)?$/iu;

/**
 * Whether `dose` only restates the figure before it in another unit, in brackets right after
 * it ("10,000 IU (250 mcg)"): the same substance and the same amount, give or take rounding
 * (5%). One figure makes one finding; the rules report the first and pass over its equal.
 */
export function restatesPrevious(text: string, doses: readonly Dose[], i: number): boolean {
  const amounts = bracketedPair(text, doses[i - 1], doses[i]);
  if (!amounts) return false;
  const [b, a] = amounts;
  const close = (x: number, y: number): boolean => Math.abs(x - y) <= 0.05 * Math.max(x, y);
  return close(a.low, b.low) && close(a.high, b.high);
}

/**
 * Whether `doses[i]` is a unit slip its own equivalent shows: a figure beside its equal in
 * another unit, in brackets ("150 IU (3.8 mg)", "5 mg (200 IU)"), that is a thousand times
 * that equal — a µg written as mg, or the reverse. The larger of the two is the slip.
 */
export function unitSlipShown(text: string, doses: readonly Dose[], i: number): boolean {
  const thousandfold = (amount: DoseValue | undefined, other: DoseValue | undefined): boolean =>
    amount !== undefined && other !== undefined && other.high > 0 && amount.high / other.high >= 950 && amount.high / other.high <= 1050;
  const before = bracketedPair(text, doses[i - 1], doses[i]);
  const after = bracketedPair(text, doses[i], doses[i + 1]);
  return thousandfold(before?.[1], before?.[0]) || thousandfold(after?.[0], after?.[1]);
}

/**
 * The nutrient amounts of two figures of one substance in one block, in two units, the second
 * in brackets right after the first ("10,000 IU (250 mcg)"); undefined when they are not such
 * a pair.
 */
function bracketedPair(text: string, first: Dose | undefined, second: Dose | undefined): [DoseValue, DoseValue] | undefined {
  if (!first || !second || !second.substance || first.substance !== second.substance || first.block !== second.block || first.unit === second.unit) return undefined;
  const a = nutrientAmount(first);
  const b = nutrientAmount(second);
  if (!a || !b || !RESTATED.test(text.slice(first.span.end.offset, second.span.start.offset))) return undefined;
  return [a, b];
}

/**
 * How far above the plausible range a figure is read as a slip of a digit or a unit ("每天补充
 * 400毫克叶酸" for 400 µg, "600 g of calcium"), not as a dose anyone means: ten times its top.
 */
export const SLIP_FACTOR = 10;

/**
 * Whether a figure is a slip of a digit or a unit (more than `SLIP_FACTOR` times the top of its
 * substance's plausible range). dose/implausible reports it; dose/above-upper-limit and
 * dose/contradiction do not hold it against a limit as well: the one fix is the figure, and
 * "above the upper limit" would send the editor to lower a dose nobody meant.
 */
export function isSlip(dose: Pick<Dose, 'amount' | 'nutrient'>, entry: Pick<NutrientEntry, 'plausible'>): boolean {
  const amount = nutrientAmount(dose);
  return amount !== undefined && amount.high > entry.plausible.high * SLIP_FACTOR;
}

export type Frequency = 'day' | 'week' | 'month' | 'year' | 'dose' | 'course' | 'interval';

/** How often the period comes round: each night and before bed are once a day. */
export function frequencyOf(period: DosePeriod | undefined): Frequency | undefined {
  return period === 'night' ? 'day' : period;
}

/** True for a daily figure or one that states no period (upper limits are per day). */
export function isDaily(period: DosePeriod | undefined): boolean {
  const f = frequencyOf(period);
  return f === undefined || f === 'day';
}

/**
 * True when an advised figure can be held against a daily limit: a daily figure, one with no
 * period, and a single intake ("500 mg at a time"), which the day's total is at least.
 */
export function reachesDaily(period: DosePeriod | undefined): boolean {
  return isDaily(period) || period === 'dose';
}

const PERIOD_WORDS: Record<DosePeriod, string> = {
  day: 'per day',
  night: 'each night',
  week: 'per week',
  month: 'per month',
  year: 'per year',
  dose: 'per dose',
  course: 'over a whole course',
  interval: 'every few weeks or months',
};

export function describePeriod(period: DosePeriod | undefined): string {
  return period ? PERIOD_WORDS[period] : 'with no period';
}

const PERIOD_SUFFIX: Record<DosePeriod, string> = {
  day: ' a day',
  night: ' each night',
  week: ' per week',
  month: ' per month',
  year: ' per year',
  dose: ' at a time',
  course: ' in all',
  interval: ' at intervals of weeks or months',
};

const SOURCE_WORDS: Record<IntakeSource, string> = {
  supplement: ' from supplements',
  all: ' from all sources',
  diet: ' from food',
  unspecified: '',
};

/**
 * A dose for a message: "400 mg/d of magnesium from supplements", "up to 4,000 IU/d of
 * vitamin D", "600 mg of magnesium each night".
 */
export function describeDose(dose: Pick<Dose, 'value' | 'unit' | 'period' | 'intake'>, name: string): string {
  const amount = formatAmount(dose.value, dose.unit);
  const source = SOURCE_WORDS[dose.intake];
  if (dose.period === 'day') return `${amount}/d of ${name}${source}`;
  return `${amount} of ${name}${dose.period ? PERIOD_SUFFIX[dose.period] : ''}${source}`;
}

/**
 * An upper limit for a message, in the entry's unit and, for a figure given in IU, in IU too
 * ("100 mcg (4,000 IU)"), by the factor of the figure's form where it has one.
 */
export function describeLimit(value: number, entry: Pick<NutrientEntry, 'unit' | 'iu' | 'forms'>, figureUnit: string, form?: string): string {
  const inUnit = formatAmount({ low: value, high: value }, entry.unit);
  const perUnit = (form ? entry.forms?.[form]?.iuPerUnit : undefined) ?? entry.iu?.perUnit;
  if (figureUnit !== 'IU' || !perUnit) return inUnit;
  const iu = Math.round(value * perUnit);
  return `${inUnit} (${formatAmount({ low: iu, high: iu }, 'IU')})`;
}
