/**
 * dose/above-upper-limit — the article recommends more of a nutrient than the adult
 * tolerable upper intake level (UL) of the knowledge base.
 *
 * Only recommendations count: a study report ("participants were given 500 mg") or a limit
 * statement is not advice. A UL that covers supplements only (magnesium) is not applied to
 * an intake the sentence puts in food terms ("a daily dietary intake of 400–420 mg").
 * Weekly and yearly figures and figures for children are left alone (ULs here are adult
 * daily amounts). When the same sentence sends the reader to a doctor or a healthcare
 * provider, the finding is a warning instead of an error.
 */
import type { DocumentRule, RuleFinding, Severity } from '../../types.js';
import { extractDoses, formatAmount, formatValue, isDaily, knowledgeBase, upperLimitFor } from '../../dose/index.js';

/** A finding that lowers the rule's default severity for itself (see the rule docs). */
type GradedFinding = RuleFinding & { severity?: Severity };

export const aboveUpperLimit: DocumentRule = {
  id: 'dose/above-upper-limit',
  scope: 'document',
  meta: {
    description: 'Recommended dose above the adult upper limit',
    defaultSeverity: 'error',
    docs: 'A recommended daily amount is above the adult tolerable upper intake level of `data/nutrients.json` (for magnesium, 350 mg from supplements). A warning instead of an error when the same sentence tells the reader to see a doctor or a healthcare provider first. Study reports and limit statements are not checked.',
    example: 'We recommend taking 600 mg of magnesium daily for better sleep.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const findings: GradedFinding[] = [];
    for (const dose of extractDoses(doc, kb)) {
      if (dose.role !== 'recommendation' || !dose.substance || !dose.amount || !isDaily(dose.period)) continue;
      const entry = kb.nutrients[dose.substance]!;
      const limit = upperLimitFor(entry, dose.population);
      if (!limit || (limit.supplementalOnly && dose.intake === 'diet')) continue;
      if (dose.amount.high <= limit.value) continue;
      const from = limit.supplementalOnly ? ' from supplements' : '';
      const finding: GradedFinding = {
        span: dose.span,
        message:
          `Recommends ${formatAmount(dose.value, dose.unit)} of ${entry.name}, above the adult upper limit of ` +
          `${formatAmount({ low: limit.value, high: limit.value }, entry.unit)} a day${from}` +
          (dose.referral ? ' (the sentence refers the reader to a healthcare provider)' : ''),
        data: {
          substance: dose.substance,
          value: formatValue(dose.value),
          unit: dose.unit,
          limit: limit.value,
          limitUnit: entry.unit,
          supplementalOnly: limit.supplementalOnly,
          referral: dose.referral,
          source: limit.source,
        },
      };
      if (dose.referral) finding.severity = 'warning';
      findings.push(finding);
    }
    return findings;
  },
};
