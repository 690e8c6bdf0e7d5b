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
  day: '/d',
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

/** A dose for a message: "400 mg/d of magnesium from supplements", "up to 4,000 IU/d of vitamin D". */
export function describeDose(dose: Pick<Dose, 'value' | 'unit' | 'period' | 'intake'>, name: string): string {
  const period = dose.period ? PERIOD_SUFFIX[dose.period] : '';
  return `${formatAmount(dose.value, dose.unit)}${period} of ${name}${SOURCE_WORDS[dose.intake]}`;
}
