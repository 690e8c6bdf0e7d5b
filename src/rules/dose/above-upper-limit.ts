/**
 * dose/above-upper-limit — the article advises more of a nutrient than the adult tolerable
 * upper intake level (UL) of the knowledge base.
 *
 * Only the roles `ROLE_RULES` lets this rule judge count (src/dose/roles.ts): advice, and an
 * intake where the limit covers it. A study report, a supervised regimen, a limit statement,
 * the content of a food or a body, and a laboratory value are not advice. A UL that covers
 * supplements only (magnesium) is not applied to an intake the clause puts in food terms or
 * counts from all sources ("310 to 420 mg a day from all sources"). The upper end of a range
 * counts ("400–600 mg/d"). Weekly and yearly figures and figures for children are left alone
 * (ULs here are adult daily amounts). When the same sentence sends the reader to a doctor or
 * a healthcare provider, the finding is a warning instead of an error.
 */
import type { DocumentRule, RuleFinding, Severity } from '../../types.js';
import type { AppliedLimit, Dose } from '../../dose/index.js';
import { ROLE_RULES, describeDose, describeLimit, extractDoses, formatValue, knowledgeBase, reachesDaily, upperLimitFor } from '../../dose/index.js';

/** A finding that lowers the rule's default severity for itself (see the rule docs). */
type GradedFinding = RuleFinding & { severity?: Severity };

export const aboveUpperLimit: DocumentRule = {
  id: 'dose/above-upper-limit',
  scope: 'document',
  meta: {
    description: 'Recommended dose above the adult upper limit',
    defaultSeverity: 'error',
    docs: 'A daily amount the article advises (however loosely: "perhaps 400 mg/d", "up to", the top of a range) is above the adult tolerable upper intake level of `data/nutrients.json` (for magnesium, 350 mg from supplements). A warning instead of an error when the same sentence tells the reader to see a doctor or a healthcare provider first. Study reports, supervised regimens, limit statements, food and body contents and laboratory values are not checked, nor intakes from food or all sources against a supplements-only limit.',
    fix: 'Check the figure against the source: lower the advised amount to the upper limit or below, or say plainly that it is a supervised, medical dose and that readers should ask a doctor.',
    example: 'We recommend taking 600 mg of magnesium daily for better sleep.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const findings: GradedFinding[] = [];
    for (const dose of extractDoses(doc, kb)) {
      const judged = ROLE_RULES[dose.role].aboveUpperLimit;
      if (!judged || !dose.substance || !dose.amount || !reachesDaily(dose.period)) continue;
      const entry = kb.nutrients[dose.substance]!;
      const limit = upperLimitFor(entry, dose.population);
      if (!limit || !applies(limit, dose, judged)) continue;
      if (dose.amount.high <= limit.value) continue;
      const from = limit.supplementalOnly ? ' from supplements' : '';
      const verb = dose.role === 'intake' ? 'States an intake of' : 'Recommends';
      const finding: GradedFinding = {
        span: dose.span,
        message:
          `${verb} ${describeDose(dose, entry.name)}, above the adult upper limit of ` +
          `${describeLimit(limit.value, entry, dose.unit)} a day${from}` +
          (dose.referral ? ' (the sentence refers the reader to a healthcare provider)' : ''),
        data: {
          substance: dose.substance,
          value: formatValue(dose.value),
          unit: dose.unit,
          role: dose.role,
          intake: dose.intake,
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

/**
 * Whether `limit` applies to where the dose comes from: a supplements-only limit not to food
 * or all sources, and for an intake (judged `'allSources'`) only a limit on all sources or a
 * supplemental intake.
 */
function applies(limit: AppliedLimit, dose: Dose, judged: true | 'allSources'): boolean {
  if (!limit.supplementalOnly) return true;
  if (judged === 'allSources') return dose.intake === 'supplement';
  return dose.intake !== 'diet' && dose.intake !== 'all';
}
