/**
 * dose/implausible — a figure outside the plausible range of its substance ("5 g of
 * magnesium", "30 mg of melatonin"): most likely a slip of unit or digits.
 *
 * Figures with a known substance and a unit that converts are checked as far as their role
 * allows (`ROLE_RULES` in src/dose/roles.ts): not the content of a body or a food ("an adult
 * body holds about 25 g of magnesium"), not a laboratory value, and a study dose or a
 * supervised regimen only when it is given per day (a single injection of 300,000 IU or a
 * weekly loading dose is real). The range is `plausible` in `data/nutrients.json` (an
 * editorial bound, not a safety figure).
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { ROLE_RULES, extractDoses, formatAmount, formatValue, frequencyOf, knowledgeBase, nutrientAmount, restatesPrevious } from '../../dose/index.js';

export const implausible: DocumentRule = {
  id: 'dose/implausible',
  scope: 'document',
  meta: {
    description: 'Dose outside the plausible range',
    defaultSeverity: 'warning',
    docs: 'A figure is far outside what any article would advise or report for its substance (the `plausible` range of `data/nutrients.json`), which usually means a wrong unit (g for mg) or a wrong digit. Body and food contents, laboratory values and totals over a whole pregnancy or course of treatment and single doses taken every few weeks or months are not checked; study doses, supervised regimens and doses said to cause harm only when given per day; a study dose or a regimen only when it is more than twice the top of the range (trials and treatments go above what anyone would advise), and a dose of harm only when it is ten times above it (a toxic dose lies above the range by nature). A figure given again in another unit that agrees with it ("24,300 μg (970,000 IU)") is no slip.',
    fix: 'Check the unit and the digits against the source (mg and g, µg and mg, a missing or extra zero) and correct the figure.',
    example: 'Take 5 g of magnesium before bed.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const findings: RuleFinding[] = [];
    const doses = extractDoses(doc, kb);
    for (const [i, dose] of doses.entries()) {
      // A figure given again in another unit that agrees with it ("24,300 μg (970,000 IU)") was
      // written with care: however large, neither copy is a slip of unit or digits.
      if (restatesPrevious(doc.text, doses, i) || restatesPrevious(doc.text, doses, i + 1)) continue;
      const judged = ROLE_RULES[dose.role].implausible;
      // (A total over a whole span, a pregnancy or a course, is no rate the range speaks of, nor
      // is one dose every few months: a single large dose is what such a schedule gives.)
      if (!judged || (judged === 'daily' && frequencyOf(dose.period) !== 'day') || dose.period === 'course' || dose.period === 'interval') continue;
      const amount = nutrientAmount(dose);
      if (!dose.substance || !amount) continue;
      const entry = kb.nutrients[dose.substance]!;
      const { low, high, source } = entry.plausible;
      const under = amount.low < low;
      if (!under && amount.high <= high * ROLE_RULES[dose.role].implausibleMargin) continue;
      const range = formatAmount({ low, high }, entry.unit);
      findings.push({
        span: dose.span,
        message: `${formatAmount(dose.value, dose.unit)} of ${entry.name} is ${under ? 'below' : 'above'} the plausible range (${range}); check the unit and the digits`,
        data: {
          substance: dose.substance,
          value: formatValue(dose.value),
          unit: dose.unit,
          role: dose.role,
          plausibleLow: low,
          plausibleHigh: high,
          plausibleUnit: entry.unit,
          source,
        },
      });
    }
    return findings;
  },
};
