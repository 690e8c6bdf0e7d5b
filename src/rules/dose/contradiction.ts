/**
 * dose/contradiction — the article states an upper limit for a substance and elsewhere
 * recommends more of the same substance.
 *
 * Reported on the recommendation, naming the line of the limit. Which roles count as the
 * limit and which as the amount advised is `ROLE_RULES` (src/dose/roles.ts): a study report,
 * a supervised regimen, a food or body content or a laboratory value is neither. A limit on
 * supplements and an intake from food or from all sources ("the upper limit for supplemental
 * magnesium is 350 mg" and "a daily dietary intake of 400–420 mg") do not contradict each
 * other; neither do a limit and a recommendation for different groups (children of two age bands among them: babies and adolescents), or figures in one
 * sentence (the article weighs them there itself).
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import type { Dose, Jurisdiction, NutrientEntry, Population } from '../../dose/index.js';
import {
  ROLE_RULES,
  describeDose,
  extractDoses,
  formatAmount,
  formatValue,
  isDaily,
  isSlip,
  jurisdictionFor,
  knowledgeBase,
  limitFor,
  nutrientAmount,
  exceedsLimit,
  reachesDaily,
  restatesPrevious,
  unitSlipShown,
} from '../../dose/index.js';

export const contradiction: DocumentRule = {
  id: 'dose/contradiction',
  scope: 'document',
  meta: {
    description: 'Recommendation above a limit the article itself states',
    defaultSeverity: 'error',
    docs: 'The article gives an upper limit for a substance ("the upper limit is 350 mg per day", "never take more than", 不超过, or a threshold of harm, though not the least amount a side effect starts at: "as little as 50 mg can cause a flush") and elsewhere advises more of it. Study reports, supervised regimens, contents and laboratory values are neither limit nor advice; a limit on supplements is not compared with an intake from food or from all sources, nor a per-dose limit ("500 mg at a time") with a daily amount, and a limit the article gives to unnamed others ("the dose many sources recommend is no more than …") is a view it reports, not its own. A figure more than ten times above the plausible range of its substance is a slip of a digit or a unit, which dose/implausible reports alone.',
    fix: 'Make the article say one thing: align the advised amount with the stated limit, or correct the limit if the advice is right and sourced.',
    example: 'The upper limit is 350 mg per day. … We recommend taking 500 mg of magnesium daily.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const jurisdiction = jurisdictionFor(doc.language.primary, ctx.config.limits);
    const doses = extractDoses(doc, kb);
    // (A limit the article puts in others' mouths, "the dose many sources recommend is no more
    // than 200 mcg", is one view it reports, not its own word to be held to.)
    const limits = doses.filter(
      (d) => ROLE_RULES[d.role].contradiction === 'limit' && d.substance && d.amount && isDaily(d.period) && !d.othersView && !(d.role === 'harm' && lowestToHarm(doc.text, d)),
    );
    const high = (d: Dose) => nutrientAmount(d)!.high;
    // (Across IU and a mass unit, beyond the rounding of the IU factor: 10,000 IU of vitamin A is 3,000 µg.)
    const beyond = (rec: Dose, l: Dose) => exceedsLimit(high(rec), rec.unit, high(l), l.unit);
    const findings: RuleFinding[] = [];
    for (const [i, rec] of doses.entries()) {
      if (restatesPrevious(doc.text, doses, i)) continue;
      if (ROLE_RULES[rec.role].contradiction !== 'advised' || !rec.substance || !rec.amount || !reachesDaily(rec.period)) continue;
      // (A slip of a digit or a unit is dose/implausible's, see isSlip.)
      if (isSlip(rec, kb.nutrients[rec.substance]!) || unitSlipShown(doc.text, doses, i)) continue;
      const exceeded = limits
        .filter((l) => l.substance === rec.substance && comparable(l, rec, kb.nutrients[rec.substance!]!, jurisdiction) && beyond(rec, l))
        .sort((a, b) => high(a) - high(b) || a.span.start.offset - b.span.start.offset);
      const limit = exceeded[0];
      if (!limit) continue;
      const name = kb.nutrients[rec.substance]!.name;
      findings.push({
        span: rec.span,
        message: `${rec.role === 'intake' ? 'States an intake of' : 'Recommends'} ${describeDose(rec, name)}, more than the limit of ${formatAmount(limit.value, limit.unit)} the article states on line ${limit.span.start.line}`,
        data: {
          substance: rec.substance,
          value: formatValue(rec.value),
          unit: rec.unit,
          role: rec.role,
          limit: formatValue(limit.value),
          limitUnit: limit.unit,
          limitLine: limit.span.start.line,
        },
      });
    }
    return findings;
  },
};

/**
 * A harm the figure is the least amount to bring about ("as little as 50 mg can cause the
 * flush", "低至50毫克就可能引起潮红"): how soon a side effect starts, not an amount the article
 * tells readers to stay under.
 */
const LOWEST_BEFORE = /\b(?:as\s+(?:little|low)\s+as|even)\s+$|(?:低至|仅仅|仅需|只需|哪怕)\s*$/iu;

function lowestToHarm(text: string, dose: Dose): boolean {
  const at = dose.span.start.offset;
  return LOWEST_BEFORE.test(text.slice(Math.max(0, at - 16), at));
}

function comparable(limit: Dose, rec: Dose, entry: NutrientEntry, jurisdiction: Jurisdiction): boolean {
  if (limit.block === rec.block && limit.sentence.start === rec.sentence.start) return false;
  // A limit on supplements says nothing of food; a limit said of the diet still bounds what
  // supplements add to it.
  if (limit.intake === 'supplement' && (rec.intake === 'diet' || rec.intake === 'all')) return false;
  // An intake (a reference intake, a diet) is held against a limit only when the limit is
  // said of all sources, or says nothing and the nutrient's limit covers all sources: an
  // article's "the upper limit is 350 mg" of magnesium means supplements.
  if (rec.role === 'intake' && limit.intake !== 'all' && limit.intake !== 'diet') {
    const known = limitFor(entry, { jurisdiction, population: rec.population, form: rec.form });
    if (known?.supplementalOnly !== false) return false;
  }
  // (A neonate's maximum says nothing of a teenager's dose: children of two age bands.)
  if (limit.childBand && rec.childBand && limit.childBand !== rec.childBand) return false;
  return covers(limit.population, rec.population);
}

/** Whether a limit stated for `limit` (a group, or nobody in particular) applies to `rec`. */
function covers(limit: Population | undefined, rec: Population | undefined): boolean {
  if (limit === rec) return true;
  if (limit === 'children' || rec === 'children') return false;
  return limit === undefined || limit === 'adults';
}
