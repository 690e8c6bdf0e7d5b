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
 * a healthcare provider, the finding is a warning instead of an error. A limit the article
 * states as safe ("considered safe up to", "do not take any more than") above the upper limit
 * of every jurisdiction of the knowledge base is a warning on that limit.
 */
import type { DocumentRule, RuleFinding, Severity } from '../../types.js';
import type { AppliedLimit, Dose, NutrientEntry } from '../../dose/index.js';
import {
  JURISDICTIONS,
  ROLE_RULES,
  describeDose,
  describeFallback,
  describeLimit,
  describeLimitKind,
  exceedsLimit,
  extractDoses,
  formatAmount,
  formatValue,
  isDaily,
  isSlip,
  IU_ROUNDING,
  jurisdictionFor,
  knowledgeBase,
  limitFor,
  nutrientAmount,
  reachesDaily,
  restatesPrevious,
  unitSlipShown,
  roleCueHits,
} from '../../dose/index.js';

/** A finding that lowers the rule's default severity for itself (see the rule docs). */
type GradedFinding = RuleFinding & { severity?: Severity };

export const aboveUpperLimit: DocumentRule = {
  id: 'dose/above-upper-limit',
  scope: 'document',
  meta: {
    description: 'Recommended dose above the adult upper limit',
    defaultSeverity: 'error',
    docs: 'A daily amount the article advises (however loosely: "perhaps 400 mg/d", "up to", the top of a range) is above the adult upper limit of `data/nutrients.json` for the jurisdiction of config `limits` (`auto`: Chinese drafts against China\'s DRIs 2023, others against the US DRIs; `us`, `cn`, `eu` for EFSA), or above a guidance value that is not a UL (caffeine, EPA and DHA). Where the jurisdiction sets no UL, the US figure stands in and the message says so. The limit of the form named counts (folic acid, not food folate; preformed vitamin A, not beta-carotene); a salt weighed beside the figure ("800 mg of magnesium oxide") is converted to the element first, and one of unknown share ("146 mg zinc citrate") is not read as the element. A warning instead of an error when the same sentence tells the reader to see a doctor or a healthcare provider first. Study reports (and someone’s quoted account of what they took), supervised regimens, food and body contents, laboratory values and doses per kilogram of body weight are not checked, nor intakes from food or all sources against a supplements-only limit. A limit statement is checked only when it calls the amount safe or the most to take ("generally considered safe up to 50 mg", "do not take any more than 10,000 IU") and the amount is above the upper limit of every jurisdiction the knowledge base holds: a warning, since readers take it as permission. A safe limit stated for children is checked against the adult upper limit of the jurisdiction the draft is judged by (no limit for children is higher): one above it is a warning too. Advice for children is held against that adult limit as well (an error above it). A figure more than ten times above the plausible range of its substance is a slip of a digit or a unit ("400 mg" of folic acid for 400 µg): dose/implausible reports it, and it is not held against the upper limit as well.',
    fix: 'Check the figure against the source: lower the advised amount to the upper limit or below, or say plainly that it is a supervised, medical dose and that readers should ask a doctor.',
    example: 'We recommend taking 600 mg of magnesium daily for better sleep.',
  },
  check(doc, ctx) {
    const kb = knowledgeBase(ctx.config);
    const jurisdiction = jurisdictionFor(doc.language.primary, ctx.config.limits);
    const findings: GradedFinding[] = [];
    const doses = extractDoses(doc, kb);
    for (const [i, dose] of doses.entries()) {
      // ("10,000 IU (250 mcg)": one figure, one finding.)
      if (restatesPrevious(doc.text, doses, i)) continue;
      const stated = statedSafeLimit(doc, dose, kb, jurisdiction);
      if (stated) {
        findings.push(stated);
        continue;
      }
      const judged = ROLE_RULES[dose.role].aboveUpperLimit;
      const amount = nutrientAmount(dose);
      if (!judged || !dose.substance || !amount || !reachesDaily(dose.period)) continue;
      const entry = kb.nutrients[dose.substance]!;
      // (A slip of a digit or a unit is dose/implausible's: "400 mg" of folic acid meant 400 µg.)
      if (isSlip(dose, entry) || unitSlipShown(doc.text, doses, i)) continue;
      // Advice for children is held against the adult limit: the knowledge base holds adult
      // figures only, and no child's limit is higher, so an amount above it is above every one.
      const forChildren = dose.population === 'children';
      const limit = limitFor(entry, { jurisdiction, population: forChildren ? undefined : dose.population, form: dose.form });
      if (!limit || !applies(limit, dose, judged)) continue;
      if (!exceedsLimit(amount.high, dose.unit, limit.value, entry.unit)) continue;
      const from = limit.supplementalOnly ? ' from supplements' : '';
      const verb = dose.role === 'intake' ? 'States an intake of' : 'Recommends';
      const notes = [
        limit.fallback ? describeFallback(limit.fallback, entry.name) : undefined,
        limit.formUnknown && limit.covers ? `the limit covers ${limit.covers}, and the sentence does not name the form` : undefined,
        assumedIu(dose, entry),
        dose.referral ? 'the sentence refers the reader to a healthcare provider' : undefined,
        forChildren ? 'advised for children, whose limits are all lower' : undefined,
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

/** A clause that calls an amount safe or the most to take: "considered safe up to", "do not take any more than", "maximum", "最大量", "上限". */
const SAFE_LIMIT = /(?<![\p{L}])(?:safe(?:ly)?|maximum|max)(?![\p{L}])|(?:not|never|n['’]t)\s+(?:take\s+|go\s+)?(?:any\s+)?(?:more\s+than|over|above|exceed)|no\s+more\s+than|安全|最多|最高|最大|上限/iu;

/** A clause that puts the amount over the limit ("767% over the upper limit recommended for safe eating"): a warning, not a limit stated as safe. */
const OVER_THE_LIMIT = /(?:over|above|exceeds?|exceeding|beyond|past)\s+(?:the\s+|your\s+)?(?:(?:tolerable|safe|daily)\s+)?(?:upper\s+)?(?:limit|level|UL)\b|超过(?:了)?(?:安全)?上限|超出(?:了)?(?:安全)?上限/iu;

/**
 * A limit the article states as safe that is above the upper limit of every jurisdiction of
 * the knowledge base ("it is generally considered safe to supplement up to 50 mg of zinc a
 * day", "do not take any more than 10,000 IU"): readers will take it as permission. Another
 * authority's limit, quoted correctly, stays silent (a Chinese article giving the US 4,000
 * IU). A warning: the figure is a statement about safety, not advice to take it. A limit
 * stated for children is held against the adult limit of the draft's jurisdiction.
 */
function statedSafeLimit(doc: Parameters<DocumentRule['check']>[0], dose: Dose, kb: ReturnType<typeof knowledgeBase>, jurisdiction: ReturnType<typeof jurisdictionFor>): GradedFinding | undefined {
  // (A sentence that sends the reader to a doctor weighs the amount itself: "do not exceed 350 mg unless your doctor says 400 mg is right".)
  if (dose.role !== 'limit' || dose.referral || !dose.substance || !isDaily(dose.period)) return undefined;
  const amount = nutrientAmount(dose);
  if (!amount) return undefined;
  const block = doc.blocks[dose.block]!.text;
  const text = block.slice(dose.clause.start, dose.clause.end);
  if (!SAFE_LIMIT.test(text) || OVER_THE_LIMIT.test(text)) return undefined;
  // A limit a study found ("调查发现，部分个体的最大安全剂量为650μg/d", "the NOAEL was 800 µg") is
  // the evidence behind an authority's limit, reported: not the article's own word on safety.
  if (roleCueHits(block, dose.sentence.start, dose.clause.end).some((h) => h.strong && h.value === 'report')) return undefined;
  const entry = kb.nutrients[dose.substance]!;
  if (isSlip(dose, entry)) return undefined;
  // A children's limit is held against the adult upper level of the draft's own jurisdiction
  // (the knowledge base holds adult figures; no child's upper level is above the adult one):
  // "儿童碘的安全上限为每日800微克" is above China's adult 600 µg, let alone a child's.
  const children = dose.population === 'children';
  const limits = (children ? [jurisdiction] : JURISDICTIONS)
    .map((j) => limitFor(entry, { jurisdiction: j, population: children ? undefined : dose.population, form: dose.form }))
    .filter((l): l is AppliedLimit => l !== undefined && l.kind === 'UL' && !l.fallback);
  // (1% of slack whatever the unit: 10,000 IU of vitamin A converts to 3,003 µg, and is the 3,000 µg UL itself.)
  if (limits.length === 0 || !limits.every((l) => amount.high > l.value * IU_ROUNDING)) return undefined;
  const own = limits.find((l) => l.jurisdiction === jurisdiction) ?? limits[0]!;
  return {
    span: dose.span,
    severity: 'warning',
    message:
      (children
        ? `States ${describeDose(dose, entry.name)} as a safe limit for children, above even ${describeLimitKind(own)} ` +
          `of ${describeLimit(own.value, entry, dose.unit, dose.form)} a day (children's upper levels are lower still)`
        : `States ${describeDose(dose, entry.name)} as a safe limit, above every upper limit of the knowledge base ` +
          `(${describeLimitKind(own)}: ${describeLimit(own.value, entry, dose.unit, dose.form)} a day)`),
    data: {
      substance: dose.substance,
      value: formatValue(dose.value),
      unit: dose.unit,
      role: dose.role,
      limit: own.value,
      limitUnit: entry.unit,
      limitKind: own.kind,
      jurisdiction: own.jurisdiction,
      ages: own.ages,
      supplementalOnly: own.supplementalOnly,
      referral: dose.referral,
      source: own.source,
    },
  };
}

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
