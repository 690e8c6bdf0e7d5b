/**
 * Units and amounts of dose figures: normalising what a draft writes (毫克, µg, IU …),
 * converting into a knowledge-base entry's unit, and writing values back for messages.
 */
import type { FormEntry, NutrientEntry } from './kb.js';

export type DoseUnit = 'mg' | 'g' | 'mcg' | 'IU' | '%';
export type MassUnit = 'mg' | 'g' | 'mcg';

/** A figure or range as written; a single figure has `low === high`. */
export interface DoseValue {
  low: number;
  high: number;
  /** "up to 350 mg" → `upTo`, "at least 400 mg" → `atLeast`. */
  bound?: 'upTo' | 'atLeast';
}

const UNIT_NAMES: Record<string, DoseUnit> = {
  mg: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  毫克: 'mg',
  g: 'g',
  gram: 'g',
  grams: 'g',
  // (An older abbreviation of grams, "a daily 3.0gm supplement".)
  gm: 'g',
  gms: 'g',
  克: 'g',
  mcg: 'mcg',
  µg: 'mcg',
  μg: 'mcg',
  ug: 'mcg',
  microgram: 'mcg',
  micrograms: 'mcg',
  微克: 'mcg',
  iu: 'IU',
  国际单位: 'IU',
  '%': '%',
  percent: '%',
};

/** The unit a written unit stands for, or undefined. */
export function unitOf(written: string): DoseUnit | undefined {
  return UNIT_NAMES[written] ?? UNIT_NAMES[written.toLowerCase()];
}

const MG_PER: Record<MassUnit, number> = { g: 1000, mg: 1, mcg: 0.001 };

/**
 * An amount converted into the entry's unit; undefined when it does not convert (%, IU
 * without a factor). IU use the form's factor where the figure's form has one (natural and
 * synthetic vitamin E), else the entry's.
 */
export function convert(value: number, from: DoseUnit, entry: Pick<NutrientEntry, 'iu' | 'unit'>, form?: Pick<FormEntry, 'iuPerUnit'>): number | undefined {
  if (from === '%') return undefined;
  if (from === 'IU') {
    const perUnit = form?.iuPerUnit ?? entry.iu?.perUnit;
    return perUnit ? round(value / perUnit) : undefined;
  }
  return round((value * MG_PER[from]) / MG_PER[entry.unit]);
}

/** The value converted into the entry's unit, or undefined. */
export function inUnit(value: DoseValue, from: DoseUnit, entry: Pick<NutrientEntry, 'iu' | 'unit'>, form?: Pick<FormEntry, 'iuPerUnit'>): DoseValue | undefined {
  const low = convert(value.low, from, entry, form);
  const high = convert(value.high, from, entry, form);
  if (low === undefined || high === undefined) return undefined;
  return value.bound ? { low, high, bound: value.bound } : { low, high };
}

/** `value` times `factor` (the share of the nutrient in a salt), rounded to 3 significant decimals. */
export function scale(value: DoseValue, factor: number): DoseValue {
  const low = round(value.low * factor);
  const high = round(value.high * factor);
  return value.bound ? { low, high, bound: value.bound } : { low, high };
}

/** Rounds away binary noise (0.1 × 3) so that comparisons with limits are exact. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/**
 * "1,000"; a figure of more than 15 digits as a power of ten ("2.5 × 10^40"), and one too
 * large for a number at all (a run of hundreds of digits) as "more than 10^308", never "∞".
 */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'more than 10^308';
  if (Math.abs(n) < 1e15) return NUMBER.format(n);
  const [mantissa, exponent] = n.toExponential(2).split('e');
  return `${Number(mantissa)} × 10^${Number(exponent)}`;
}

/** "310–360", "350", "up to 350", "at least 1,000". */
export function formatValue(value: DoseValue): string {
  const core = value.low === value.high ? formatNumber(value.high) : `${formatNumber(value.low)}–${formatNumber(value.high)}`;
  if (value.bound === 'upTo') return `up to ${core}`;
  if (value.bound === 'atLeast') return `at least ${core}`;
  return core;
}

/** "310–360 mg", "25%". */
export function formatAmount(value: DoseValue, unit: string): string {
  return unit === '%' ? `${formatValue(value)}%` : `${formatValue(value)} ${unit}`;
}
