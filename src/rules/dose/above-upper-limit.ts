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
import type { AppliedLimit, Dose, NutrientEntry } from '../../dose/index.js';
import {
  ROLE_RULES,
  describeDose,
  describeFallback,
  describeLimit,
  describeLimitKind,
  extractDoses,
  formatAmount,
  formatValue,
  jurisdictionFor,
  knowledgeBase,
  limitFor,
  nutrientAmount,
  reachesDaily,
} from '../../dose/index.js';

/** A finding that lowers the rule's default severity for itself (see the rule docs). */
type GradedFinding = RuleFinding & { severity?: Severity };

export const aboveUpperLimit: DocumentRule = {
  id: 'dose/above-upper-limit',
  scope: 'document',
  meta: {
    description: 'Recommended dose above the adult upper limit',
    defaultSeverity: 'error',
    docs: 'A daily amount the article advises (however loosely: "perhaps 400 mg/d", "up to", the top of a range) is above the adult upper limit of `data/nutrients.json` for the jurisdiction of config `limits` (`auto`: Chinese drafts against China\'s DRIs 2023, others against the US DRIs; `us`, `cn`, `eu` for EFSA), or above a guidance value that is not a UL (caffeine, EPA and DHA). Where the jurisdiction sets no UL, the US figure stands in and the message says so. The limit of the form named counts (folic acid, not food folate; preformed vitamin A, not beta-carotene); a salt weighed beside the figure ("800 mg of magnesium oxide") is converted to the element first. A warning instead of an error when the same sentence tells the reader to see a doctor or a healthcare provider first. Study reports, supervised regimens, limit statements, food and body contents and laboratory values are not checked, nor intakes from food or all sources against a supplements-only limit.',
    fix: 'Check the figure against the source: lower the advised amount to the upper limit or below, or say plainly that it is a supervised, medical dose and that readers should ask a doctor.',
    example: 'We recommend taking 600 mg of magnesium daily for better sleep.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const jurisdiction = jurisdictionFor(doc.language.primary, ctx.config.limits);
    const findings: GradedFinding[] = [];
    for (const dose of extractDoses(doc, kb)) {
      const judged = ROLE_RULES[dose.role].aboveUpperLimit;
      const amount = nutrientAmount(dose);
      if (!judged || !dose.substance || !amount || !reachesDaily(dose.period)) continue;
      const entry = kb.nutrients[dose.substance]!;
      const limit = limitFor(entry, { jurisdiction, population: dose.population, form: dose.form });
      if (!limit || !applies(limit, dose, judged)) continue;
      if (amount.high <= limit.value) continue;
      const from = limit.supplementalOnly ? ' from supplements' : '';
      const verb = dose.role === 'intake' ? 'States an intake of' : 'Recommends';
      const notes = [
        limit.fallback ? describeFallback(limit.fallback, entry.name) : undefined,
        limit.formUnknown && limit.covers ? `the limit covers ${limit.covers}, and the sentence does not name the form` : undefined,
        assumedIu(dose, entry),
        dose.referral ? 'the sentence refers the reader to a healthcare provider' : undefined,
      ].filter((n) => n !== undefined);
      const finding: GradedFinding = {
        span: dose.span,
        message:
          `${verb} ${describeFigure(dose, entry)}, above ${describeLimitKind(limit)} of ` +
          `${describeLimit(limit.value, entry, dose.unit, dose.form)} a day${from}` +
          (notes.length > 0 ? ` (${notes.join('; ')})` : ''),
        data: {
          substance: dose.substance,
          value: formatValue(dose.value),
          unit: dose.unit,
          role: dose.role,
          intake: dose.intake,
          limit: limit.value,
          limitUnit: entry.unit,
          limitKind: limit.kind,
          jurisdiction: limit.jurisdiction,
          ages: limit.ages,
          supplementalOnly: limit.supplementalOnly,
          referral: dose.referral,
          source: limit.source,
          ...(limit.fallback ? { fallbackFrom: limit.fallback.from } : {}),
          ...(dose.form ? { form: dose.form } : {}),
          ...(dose.nutrient ? { nutrientValue: formatValue(dose.nutrient), factor: dose.factor } : {}),
        },
      };
      if (dose.referral) finding.severity = 'warning';
      findings.push(finding);
    }
    return findings;
  },
};

/**
 * The figure for the message; a salt with the amount of the nutrient it holds: "800 mg/d of
 * magnesium oxide (about 480 mg of magnesium at 60% by weight)".
 */
function describeFigure(dose: Dose, entry: NutrientEntry): string {
  const form = dose.form ? entry.forms?.[dose.form] : undefined;
  if (!form || !dose.nutrient || dose.factor === undefined) return describeDose(dose, form?.name ?? entry.name);
  const share = `${Math.round(dose.factor * 100)}% by weight`;
  return `${describeDose(dose, form.name)} (≈ ${formatAmount(dose.nutrient, entry.unit)} of ${entry.name} at ${share})`;
}

/**
 * For a figure in IU of a nutrient whose forms count IU differently (vitamin E), with no form
 * named: which form the IU were read as ("IU read as natural d-alpha-tocopherol, 1.5 IU per
 * mg; the sentence does not name the form").
 */
function assumedIu(dose: Dose, entry: NutrientEntry): string | undefined {
  if (dose.unit !== 'IU' || dose.form || !entry.iu) return undefined;
  const forms = Object.values(entry.forms ?? {});
  if (!forms.some((f) => f.iuPerUnit !== undefined && f.iuPerUnit !== entry.iu!.perUnit)) return undefined;
  const read = forms.find((f) => f.iuPerUnit === entry.iu!.perUnit);
  if (!read) return undefined;
  return `IU read as ${read.name}, ${read.iuPerUnit} IU per ${entry.unit}; the sentence does not name the form`;
}

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
