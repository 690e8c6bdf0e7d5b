/**
 * Dose figures in a block's text: "500mg", "225–500 mg", "between 225 and 500 mg", "up to
 * 350 mg", "10,000 IU", "每天350毫克", "15 µg/L" — with their qualifier ("no more than",
 * "up to"), whether the unit is per volume (a concentration) and whether a food follows
 * ("100 g of salmon"). No words around the figure are read here beyond those.
 */
import { FOOD_AFTER, FOOD_BEFORE } from './lexicon.js';
import { unitOf, type DoseUnit, type DoseValue } from './units.js';

const D = '[0-9０-９]';
// (A machine translation may write a space after the thousands comma, "4, 000 IU", "(1, 100
// mcg daily)": the figure is 4,000, not "000 IU" — unless the first group ends a range, where
// the comma ends a list item: "300 mcg for ages 4 to 8, 600 mcg for ages 9 to 13". Chinese text
// may write an ideographic full stop for the decimal point right before the unit, "0。4毫克":
// the figure is 0.4 mg, not "4毫克". Thousands may be set apart by a narrow or no-break space,
// "25 000 IU", or by a plain space before a group of zeros: "> 25 000 IU" is 25,000, not "000
// IU"; "ages 19–50 400 mg" stays two numbers.)
const NUM = `(?:${D}{1,3}(?:[\u00a0\u2009\u202f]${D}{3})+(?!${D})|${D}{1,3}(?: 000)+(?!${D})|${D}{1,3}(?:,${D}{3})+|(?<!(?:(?<![\\p{L}])to|[-–—~～至到])\\s*)${D}{1,3}(?:, ?${D}{3})+|${D}+)(?:\\.${D}+|。${D}+(?=\\s*(?:毫克|微克|国际单位|克|mg|mcg|µg|μg|ug)))?`;
const UNIT =
  '(?:毫克|微克|国际单位|克|%|(?:milligrams?|micrograms?|mcg|µg|μg|ug|mg|MG|Mg|grams?|gms?|g|IU|iu|international\\s+units|percent)(?![\\p{Script=Latin}\\p{N}]))';
const QUAL = '(?:(?<![A-Za-z])(?:up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than|less\\s+than|under|at\\s+least|more\\s+than|over)\\s+|(?:最多|不超过|至少|超过)\\s*)';
// (SEP and the unit of a range's first figure follow a `\s*` of their own and start with none:
// two runs of spaces in a row would try every split of a long run of spaces, quadratic.)
const SEP = '(?:[-–—‒~～至到]\\s*|(?<=\\s)to\\s+)';
const START = '(?<![0-9０-９.,A-Za-z])';
const FIGURE = new RegExp(
  `(?<![A-Za-z])between\\s+${START}(?<ba>${NUM})\\s*(?:(?<bua>${UNIT})\\s*)?and\\s+(?<bb>${NUM})\\s*(?<bu>${UNIT})` +
    `|(?<q>${QUAL})?${START}(?<a>${NUM})\\s*(?:(?<ua>${UNIT})\\s*)?(?:${SEP}(?<b>${NUM})\\s*)?(?<u>${UNIT})`,
  'gu',
);
/** A unit per volume after a figure ("15 µg/L", "2 mg/dL", "15微克/升"): a concentration, never a dose. */
const PER_VOLUME = /^(?:\s*(?:\/|per\s+)\s*(?:d[lL]|m[lL]|[lL]|(?:deci|milli)?lit(?:er|re)s?)(?![\p{Script=Latin}])|\s*(?:\/|每)\s*(?:升|毫升|分升))/u;
/**
 * A dose per kilogram of body weight, after the figure and maybe its substance ("3 mg/kg/day",
 * "2 mg elemental iron/kg/day", "5 mg per kg", "3毫克/公斤") or before it ("每公斤体重3毫克",
 * "per kg of body weight, 2 mg"): no amount a day until a weight is known.
 */
const PER_WEIGHT_AFTER = /^(?:\s+(?!(?:per|a|each|every|daily|day|or|and|to)\b)[\p{L}-]+){0,4}?\s*(?:\/\s*|per\s+)(?:kg|kilograms?)(?![\p{L}])|^\s*(?:\/|每)\s*(?:公斤|千克|kg)/iu;
const PER_WEIGHT_BEFORE = /(?:每\s*(?:公斤|千克|kg)\s*(?:体重)?[^，。,.；;:：\d]{0,8}|per\s+(?:kg|kilogram)(?:\s+of\s+body\s*weight)?\s*[,:]?)\s*$/iu;
/**
 * A unit's size in another unit: a number and a unit of mass or IU. (A Chinese unit may run
 * straight on into the substance: "0.025微克胆钙化醇"; a Latin one ends its word.)
 */
const MEASURE = String.raw`[0-9０-９][\d.,]*\s*(?:微克|毫克|克|国际单位|(?:mcg|µg|μg|ug|mg|g|IU|iu)(?![\p{L}]))`;
/**
 * A change in a body's weight just before the figure ("新生儿的体重就会减少72克", "birth weight
 * fell by 72 g"): grams the body gained or lost, not an amount of anything taken.
 */
const WEIGHT_CHANGE_BEFORE =
  /(?:(?:体|體)重|\bweights?)[^，。,.；;:\d]{0,8}?(?:减少|減少|增加|下降|降低|减轻|減輕|fell|dropped|declined|decreased|rose|increased|went\s+(?:up|down))(?:了|约|約|\s+by(?:\s+(?:about|around|an\s+average\s+of))?)?\s*$/iu;
/** The left side of a unit's conversion: the figure, maybe the form it measures, then "=" and a measure. */
const EQUATION_AFTER = new RegExp(String.raw`^(?:\s+[\p{L}-]+){0,2}?\s*[=＝]\s*${MEASURE}`, 'u');
/** The right side of one: a number, maybe its unit and form, then "=" right before the figure, or another right side and "or" ("= 0.3 mcg retinol, or 0.6 mcg"). */
const EQUATION_BEFORE = new RegExp(String.raw`[0-9０-９]\s*(?:[\p{L}µμ-]+\s*){0,3}[=＝]\s*(?:${MEASURE}(?:\s+[\p{L}-]+){0,2},?\s+or\s+)?$`, 'u');
/**
 * A unit defined in another in Chinese: one unit, maybe its substance, 相当于 or 等于 and a
 * measure ("1微克D3相当于40国际单位", "1国际单位维生素D3相当于0.025微克"). Only a figure of 1 on the
 * left: "每天400国际单位，相当于10微克" gives a dose twice, in both units.
 */
const UNIT_DEFINITION = new RegExp(String.raw`(?<![\d.,])1\s*(?:微克|毫克|国际单位|IU|iu|mcg|µg|μg|mg)\s*[\p{L}\p{N}]{0,8}?\s*(?:相当于|等于)\s*${MEASURE}`, 'gu');

/** The ranges of `text` that define one unit in another (see UNIT_DEFINITION). */
function unitDefinitions(text: string): Array<[number, number]> {
  if (!text.includes('相当于') && !text.includes('等于')) return [];
  return [...text.matchAll(UNIT_DEFINITION)].map((m) => [m.index, m.index + m[0].length]);
}

/** "(equivalent to 43 g or about 15 nuts)": a weight in grams given as the equal of an amount is a weight of food. */
const EQUIVALENT_BEFORE = /(?:equivalent\s+to|equal\s+to|equals|the\s+same\s+as|相当于)\s*(?:about\s+|approximately\s+|around\s+|roughly\s+|约)?$/iu;
/**
 * Grams followed by nothing but the nutrient's figure to the end of the line are the serving
 * column of a food table flattened to text ("Salt (iodized) 1 gram 77"): a weight of food.
 */
const SERVING_ROW_END = /^\s+\d[\d.,]*\s*\*?\s*$/u;
/** A reference amount of food after "per" ("270 mg per 100 g", "每100克"): not a figure of its own. */
const PER_BEFORE = /(?:(?<![\p{L}])per\s+|每\s*|\/\s*)$/u;

export interface Figure {
  start: number;
  end: number;
  value: DoseValue;
  unit: DoseUnit;
  perVolume: boolean;
  /** What the figure's own qualifier says about its role (see `roleOf`). */
  qualifier?: 'limit' | 'hedge';
  /** The figure measures a food written right after it ("100 g of salmon", "100克三文鱼"). */
  food: boolean;
  /** The figure is per kilogram of body weight ("3 mg/kg/day"): it gives no daily amount. */
  perWeight?: boolean;
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
export const MAY_HOLD_FIGURE = /[0-9０-９]\s*[毫微国克%mµμugIipM]/u;

export function figures(text: string): Figure[] {
  const out: Figure[] = [];
  if (!MAY_HOLD_FIGURE.test(text)) return out;
  const definitions = unitDefinitions(text);
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
    // A unit's conversion ("1 IU = 0.3 mcg retinol", "1 mcg RAE = 3.33 IU"): either side of the
    // equals sign names a unit's size, not an amount anyone takes.
    if (EQUATION_AFTER.test(text.slice(end, end + 40)) || EQUATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (definitions.some(([from, to]) => m.index >= from && m.index < to)) continue;
    if (WEIGHT_CHANGE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    let low = num(first);
    let high = second !== undefined ? num(second) : low;
    if (low > high) [low, high] = [high, low];
    const value: DoseValue = { low, high };
    const food =
      FOOD_AFTER.test(text.slice(end)) ||
      (unit === 'g' && (EQUIVALENT_BEFORE.test(text.slice(Math.max(0, m.index - 32), m.index)) || SERVING_ROW_END.test(text.slice(end)) || FOOD_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))));
    const fig: Figure = { start: m.index, end, value, unit, perVolume, food };
    if (PER_WEIGHT_AFTER.test(text.slice(end, end + 60)) || PER_WEIGHT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) fig.perWeight = true;
    if (g.q) {
      const q = g.q.trim();
      // "never take more than 350 mg", "do not go over 4,000 IU": a negated "more than" is an upper bound.
      const negated = !UP_TO.test(q) && NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
      value.bound = UP_TO.test(q) || negated ? 'upTo' : 'atLeast';
      // "no more than 350 mg", "do not need more than 5 mg", "一次不要超过500毫克": a limit.
      if (LIMIT_QUALIFIER.test(q) || (negated && /^(?:more|over|超过)/i.test(q))) fig.qualifier = 'limit';
      else if (HEDGE_QUALIFIER.test(q)) fig.qualifier = 'hedge';
    }
    out.push(fig);
  }
  return out;
}

function num(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/, ?|[ \u00a0\u2009\u202f]/g, '').replace('。', '.'));
}
