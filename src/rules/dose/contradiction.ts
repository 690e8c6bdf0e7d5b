/**
 * dose/contradiction — the article states an upper limit for a substance and elsewhere
 * recommends more of the same substance.
 *
 * Reported on the recommendation, naming the line of the limit. A limit on supplements and
 * a recommended intake from food ("the upper limit for supplemental magnesium is 350 mg" and
 * "a daily dietary intake of 400–420 mg") do not contradict each other; neither do a limit
 * and a recommendation for different groups, or figures in one sentence (the article
 * weighs them there itself).
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import type { Dose, Population } from '../../dose/index.js';
import { extractDoses, formatAmount, formatValue, isDaily, knowledgeBase } from '../../dose/index.js';

export const contradiction: DocumentRule = {
  id: 'dose/contradiction',
  scope: 'document',
  meta: {
    description: 'Recommendation above a limit the article itself states',
    defaultSeverity: 'error',
    docs: 'The article gives an upper limit for a substance ("the upper limit is 350 mg per day") and elsewhere recommends more of it. A limit on supplements is not compared with an intake from food.',
    example: 'The upper limit is 350 mg per day. … We recommend taking 500 mg of magnesium daily.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const doses = extractDoses(doc, kb);
    const limits = doses.filter((d) => d.role === 'limit' && d.substance && d.amount && isDaily(d.period));
    const findings: RuleFinding[] = [];
    for (const rec of doses) {
      if (rec.role !== 'recommendation' || !rec.substance || !rec.amount || !isDaily(rec.period)) continue;
      const exceeded = limits
        .filter((l) => l.substance === rec.substance && comparable(l, rec) && rec.amount!.high > l.amount!.high)
        .sort((a, b) => a.amount!.high - b.amount!.high || a.span.start.offset - b.span.start.offset);
      const limit = exceeded[0];
      if (!limit) continue;
      const name = kb.nutrients[rec.substance]!.name;
      findings.push({
        span: rec.span,
        message: `Recommends ${formatAmount(rec.value, rec.unit)} of ${name}, more than the limit of ${formatAmount(limit.value, limit.unit)} the article states on line ${limit.span.start.line}`,
        data: {
          substance: rec.substance,
          value: formatValue(rec.value),
          unit: rec.unit,
          limit: formatValue(limit.value),
          limitUnit: limit.unit,
          limitLine: limit.span.start.line,
        },
      });
    }
    return findings;
  },
};

function comparable(limit: Dose, rec: Dose): boolean {
  if (limit.block === rec.block && limit.sentence.start === rec.sentence.start) return false;
  if ((limit.intake === 'supplement' && rec.intake === 'diet') || (limit.intake === 'diet' && rec.intake === 'supplement')) return false;
  return covers(limit.population, rec.population);
}

/** Whether a limit stated for `limit` (a group, or nobody in particular) applies to `rec`. */
function covers(limit: Population | undefined, rec: Population | undefined): boolean {
  if (limit === rec) return true;
  if (limit === 'children' || rec === 'children') return false;
  return limit === undefined || limit === 'adults';
}
