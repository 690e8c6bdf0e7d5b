/**
 * Dose figures: the knowledge base (`data/nutrients.json` + config overrides) and the
 * per-document dose table that the dose rules and the report read.
 */
export { KnowledgeBaseError, KNOWLEDGE_BASE_FILE, knowledgeBase, loadKnowledgeBase } from './kb.js';
export { JURISDICTIONS } from './kb.js';
export type { FormEntry, Jurisdiction, KnowledgeBase, LimitEntry, NutrientEntry } from './kb.js';
export { blockDosesOf, doseTable, extractDoses, primeDoses, roleCueHits } from './extract.js';
export type { Dose, DoseTable } from './extract.js';
export type { DosePeriod, DoseRole, IntakeSource, Population } from './lexicon.js';
export { convert, formatAmount, formatValue, inUnit, scale, unitOf } from './units.js';
export type { DoseUnit, DoseValue } from './units.js';
export {
  describeAges,
  describeDose,
  describeFallback,
  describeLimit,
  describeLimitKind,
  describePeriod,
  exceedsLimit,
  frequencyOf,
  isDaily,
  isSlip,
  IU_ROUNDING,
  jurisdictionFor,
  limitFor,
  nutrientAmount,
  reachesDaily,
  restatesPrevious,
  unitSlipShown,
  SLIP_FACTOR,
  upperLimitFor,
} from './limits.js';
export { ROLE_RULES } from './roles.js';
export type { AppliedLimit, Frequency, LimitsSetting } from './limits.js';
