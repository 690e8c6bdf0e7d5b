/**
 * Reading doses against the knowledge base: which upper limit applies to a figure, and
 * how periods compare (each night and before bed are once a day).
 */
import type { NutrientEntry } from './kb.js';
import type { Dose } from './extract.js';
import type { DosePeriod, IntakeSource, Population } from './lexicon.js';
import { formatAmount } from './units.js';

export interface AppliedLimit {
  value: number;
  ages: string;
  supplementalOnly: boolean;
  source: string;
}

/**
 * The adult upper limit for a figure addressed to `population`: the older-adult limit where
 * the entry has one and the figure is for older adults, else the general adult limit. No
 * limit for children (the knowledge base holds adult figures only) or where none is set.
 */
export function upperLimitFor(entry: NutrientEntry, population: Population | undefined): AppliedLimit | undefined {
  const ul = entry.upperLimit;
  if (!ul || population === 'children') return undefined;
  const older = population === 'older adults' ? ul.olderAdults : undefined;
  return older
    ? { value: older.value, ages: older.ages, supplementalOnly: ul.supplementalOnly, source: older.source }
    : { value: ul.value, ages: ul.ages, supplementalOnly: ul.supplementalOnly, source: ul.source };
}

export type Frequency = 'day' | 'week' | 'month' | 'year' | 'dose';

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

/** An upper limit for a message, in the entry's unit and, for a figure given in IU, in IU too: "100 mcg (4,000 IU)". */
export function describeLimit(value: number, entry: Pick<NutrientEntry, 'unit' | 'iu'>, figureUnit: string): string {
  const inUnit = formatAmount({ low: value, high: value }, entry.unit);
  if (figureUnit !== 'IU' || !entry.iu) return inUnit;
  return `${inUnit} (${formatAmount({ low: value * entry.iu.perUnit, high: value * entry.iu.perUnit }, 'IU')})`;
}
