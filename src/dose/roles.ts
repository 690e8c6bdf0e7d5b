/**
 * Roles of dose figures: how the role of a figure is read from the cues of its clause and
 * sentence, and which dose rule judges which role. `ROLE_RULES` is the one place that says
 * what each rule may judge; the rules read it rather than list roles of their own.
 *
 * | role         | dose/above-upper-limit                    | dose/contradiction         | dose/implausible   |
 * |--------------|-------------------------------------------|----------------------------|--------------------|
 * | `advice`     | yes (not a food intake against a          | yes, as the amount advised | yes                |
 * |              | supplements-only limit)                   |                            |                    |
 * | `intake`     | only against a limit that covers all      | yes, as the amount advised | yes                |
 * |              | sources (or a supplemental intake)        |                            |                    |
 * | `limit`      | no (a limit is not advice)                | yes, as the limit          | yes                |
 * | `harm`       | no (a threshold of harm is not advice)    | yes, as the limit          | daily, ×10 margin  |
 * | `report`     | no (what a study gave is not advice)      | no                         | daily figures only |
 * | `regimen`    | no (supervised: loading doses, …)         | no                         | daily figures only |
 * | `content`    | no (what a body, food or capsule holds)   | no                         | no                 |
 * | `laboratory` | no (a concentration is never a dose)      | no                         | no                 |
 * | `amount`     | no (nothing says it is advice)            | no                         | yes                |
 *
 * `dose/variant-mismatch` compares every figure whatever its role: a translation that
 * changes a laboratory value or a trial dose is as wrong as one that changes advice.
 * "Daily figures only" keeps single injections (300,000 IU), weekly loading doses and the
 * doses of harm ("oral doses greater than 18 g taken at one time may lead to …"), which are
 * real, out of the implausibility check, while "participants took 5 g of magnesium a
 * day" is still looked at (held against twice the range's top: trials and treatments go
 * a little above what anyone would advise). A daily dose of harm lies above the plausible range by nature
 * ("more than 5,000 mg of magnesium a day can lead to toxicity"): it is held against ten
 * times the range's top, so that only a slip of a digit or a unit shows ("intakes greater
 * than 180 g of potassium a day").
 */
import type { DoseRole, Hit } from './lexicon.js';
import { firstAtOrAfter, lastAtOrBefore } from '../collections.js';
import { SLIP_FACTOR } from './limits.js';

export interface RoleRules {
  /** `true`, `false`, or `'allSources'`: only against a limit that covers all sources. */
  aboveUpperLimit: boolean | 'allSources';
  /** `'advised'`: compared as the amount advised; `'limit'`: as the limit; `false`: not at all. */
  contradiction: 'advised' | 'limit' | false;
  /** `true`, `false`, or `'daily'`: only when the figure is said to be per day. */
  implausible: boolean | 'daily';
  /**
   * How many times the top of the plausible range a figure of the role may reach before
   * dose/implausible reports it: 1 for what is advised or stated; 2 for what a study gave or
   * a regimen prescribes (trials and treatments go a little above what an article would
   * advise, "20–225 mg of elemental iron daily have been used"); `SLIP_FACTOR` for a dose of
   * harm, above any advice by nature (5 g of magnesium a day), where only a slip of a digit
   * or a unit takes a figure an order of magnitude further (180 g of potassium).
   */
  implausibleMargin: number;
}

export const ROLE_RULES: Readonly<Record<DoseRole, RoleRules>> = Object.freeze({
  advice: { aboveUpperLimit: true, contradiction: 'advised', implausible: true, implausibleMargin: 1 },
  intake: { aboveUpperLimit: 'allSources', contradiction: 'advised', implausible: true, implausibleMargin: 1 },
  limit: { aboveUpperLimit: false, contradiction: 'limit', implausible: true, implausibleMargin: 1 },
  harm: { aboveUpperLimit: false, contradiction: 'limit', implausible: 'daily', implausibleMargin: SLIP_FACTOR },
  report: { aboveUpperLimit: false, contradiction: false, implausible: 'daily', implausibleMargin: 2 },
  regimen: { aboveUpperLimit: false, contradiction: false, implausible: 'daily', implausibleMargin: 2 },
  content: { aboveUpperLimit: false, contradiction: false, implausible: false, implausibleMargin: 1 },
  laboratory: { aboveUpperLimit: false, contradiction: false, implausible: false, implausibleMargin: 1 },
  amount: { aboveUpperLimit: false, contradiction: false, implausible: true, implausibleMargin: 1 },
});

/** What the role of one figure is read from. */
export interface RoleInput {
  /** The figure's range in the block text. */
  start: number;
  end: number;
  /**
   * Role cues of the figure's clause and of its whole sentence (`scan` hits, text order),
   * without laboratory cues (see `roleCues`).
   */
  clause: readonly Hit<DoseRole>[];
  sentence: readonly Hit<DoseRole>[];
  /** Clause range, to tell the sentence's other clauses apart. */
  clauseStart: number;
  clauseEnd: number;
  /** The unit is per volume (µg/L, mg/dL, 微克/升): a concentration. */
  perVolume: boolean;
  /** The figure measures a food named right after it ("100 g of salmon"). */
  food?: boolean;
  /** The figure stands in a table cell, whose sentence is only the cell. */
  tableCell: boolean;
  /** The figure is said to be per day (daily, /d, a day, 每天). */
  daily: boolean;
  /** The figure is the last of its sentence. */
  lastInSentence: boolean;
  /**
   * The next figure of the sentence, with the text it stands in: a limit's cue right before
   * it ("a safe upper limit of 4,000 IU") is that figure's, not one for the figures before it.
   */
  next?: { start: number; text: string };
  /**
   * The figure's own qualifier: `'limit'` for "no more than", 不超过, 最多; `'hedge'` for "up
   * to" (a hedge keeps advice advice: "you can go up to 4,000 mg").
   */
  qualifier?: 'limit' | 'hedge';
  /** The section's heading puts it under a doctor ("确诊缺乏者，需遵医嘱"), or the section holds a titration schedule. */
  supervised?: boolean;
  /** The figure stands in someone's quoted account of what they took (see quoted.ts). */
  quoted?: boolean;
  /** The figure stands in a paper's abstract ("BACKGROUND: … RESULTS: …"): the paper's report. */
  abstract?: boolean;
}

/**
 * The role of a figure. A unit per volume makes a laboratory value, a food named right after
 * the figure a content ("100 g of salmon") and a table cell an amount. Otherwise the clause decides: its closest strong cue before the figure (a content
 * cue after a study's own words counts as the study's dose), else its
 * first strong cue after it, else a weak cue the same way ("perhaps 400 mg/d" leans on
 * "perhaps", "some people take" on "take"). A clause with no cue takes the closest cue
 * before it in the sentence ("researchers gave them magnesium; 300 mg was typical") unless
 * that cue is weak and a harm follows the clause (then the figure is the harm's), else
 * a strong cue after it; a study or a supervision named before the clause outweighs the
 * clause's weak cues. A figure nothing qualifies is advice when it is per day ("6,000 IU
 * daily for everyone", "50 mg/d of zinc") or hedged with "up to", and a plain amount when
 * not. A figure written "no more than", 不超过 or 最多 is a limit.
 */
export function roleOf(input: RoleInput): DoseRole {
  const role = cueRole(input);
  // What a quoted speaker says they took is the article's report of it, whatever its verb.
  // So is what a paper's abstract gives and finds, its conclusion's advice included: it is the
  // paper's, not the article's.
  if ((input.quoted || input.abstract) && RECAST.has(role)) return 'report';
  // Advice given to treat a deficiency or under a doctor ("… twice a day to treat your iron
  // deficiency", "如果缺铁性贫血诊断明确，每天应补充…") is a regimen: upper limits are set for
  // healthy people, not for treatment. So is what a supervised section advises or leaves unqualified.
  if (input.supervised && RECAST.has(role)) return 'regimen';
  // A titration schedule's maximum ("the maximum dose is 2,000 mg nightly"), or a maximum a
  // treatment section gives ("Iron deficiency anaemia, treatment: … usual maximum daily dose:
  // 150 to 200 mg"), is the regimen's own.
  if (input.supervised && role === 'limit') return 'regimen';
  return role === 'advice' && cueIndex(input.sentence).nextStrongRegimen[0]! >= 0 ? 'regimen' : role;
}

/** Roles a frame recasts (a supervising heading into a regimen, a quoted account into a report): what nothing else qualified, or advice. */
const RECAST: ReadonlySet<DoseRole> = new Set(['advice', 'amount', 'intake']);

function cueRole(input: RoleInput): DoseRole {
  if (input.perVolume) return 'laboratory';
  if (input.food) return 'content';
  if (input.tableCell) return 'amount';
  if (input.qualifier === 'limit') return 'limit';
  const { start, end } = input;
  // Every figure of a sentence reads the same cue lists: their summaries (`cueIndex`) are
  // built once per list, so a sentence of many figures costs a search per figure, not a
  // pass over its cues.
  const sentence = cueIndex(input.sentence);
  const clause = cueIndex(input.clause);
  const earlier = countEndingBy(input.sentence, input.clauseStart);
  const fromClauseEnd = firstStartingAt(input.sentence, input.clauseEnd);
  // A study named before the clause, or a supervision named anywhere in the sentence, frames
  // it ("研究中，受试者每天服用…", "在医生指导下，每天可服用…", "…每天口服元素铁100至200毫克，
  // 应在医生指导下进行"): it outweighs a weak cue of the clause itself.
  const framed = at(input.sentence, sentence.lastStrongStudy[earlier]) ?? at(input.sentence, sentence.nextStrongRegimen[fromClauseEnd]);
  // "Many people take 5,000 IU a day, which is above the upper limit", "很多人每天吃5000国际单位，
  // 其实超过了上限": a later clause that holds the figure against a limit makes a loosely
  // phrased amount an observation, not advice.
  const judged = input.lastInSentence && sentence.nextStrongLimit[fromClauseEnd]! >= 0;
  // "An intake of 4,000 mcg of selenium, which is the amount in 40 nuts, can lead to toxicity":
  // an intake named as the subject of a harm later in the sentence is the harm's threshold.
  // (The harm must come before the sentence's next figure: "RNI为55微克，UL设定为400微克，过量补充可能导致脱发"
  // speaks of the harm of what exceeds the 400, not of the 55.)
  const harm = at(input.sentence, sentence.nextStrongHarm[fromClauseEnd]);
  const harmLater = harm !== undefined && (input.next === undefined || harm.start < input.next.start);
  // A strong cue of the figure's clause after it, before the sentence's next figure.
  const followsInClause = (value: DoseRole): boolean => clause.strong.hits.some((h) => h.value === value && h.start >= end && (input.next === undefined || h.start < input.next.start));
  for (const strong of [true, false]) {
    if (!strong && framed) return framed.value;
    if (!strong && judged && clause.weakAdvice) return 'report';
    const of = strong ? clause.strong : clause.weak;
    // A cue may run into the figure's own qualifier ("never take more than 350 mg").
    let b = firstStartingAt(of.hits, start) - 1;
    for (let i = b + 1; i < of.hits.length && of.hits[i]!.start === start; i++) if (of.hits[i]!.end < end) b = i;
    const before = of.hits[b];
    // (So is one a harm names before it, "signs of overload are seen at daily intakes above 800 μg",
    // and an intake or an amount reached that a harm follows in its clause: "超过1500毫克可能引发腹泻".)
    if (before?.value === 'intake' && clause.strong.hits.some((h) => h.value === 'harm' && h.end <= before.start)) return 'harm';
    if ((before?.value === 'intake' || before?.value === 'amount') && (harmLater || followsInClause('harm'))) return 'harm';
    // An intake a study's finding follows is what people were found to take ("the average
    // intake in Japan is 2,000–3,000 mcg without causing any apparent harm"): a report.
    if (before?.value === 'intake' && followsInClause('report')) return 'report';
    // "a study that gave … a supplement containing 225 mg": what a study's product held is its dose.
    if (before?.value === 'content') {
      const study = of.hits[of.lastStudy[countEndingBy(of.hits, before.start)]!];
      if (study) return 'report';
    }
    if (before) return before.value;
    const after = of.hits[firstStartingAt(of.hits, end)];
    if (after && !introducesNext(after, input.next)) return after.value;
  }
  const before = at(input.sentence, sentence.lastStrong[earlier]) ?? input.sentence[earlier - 1];
  // A clause of bare figures between a loose "take" and a harm it leads to names the doses the
  // harm speaks of ("擅自服用高剂量，例如常见的8000国际单位，可能增加中毒风险"): a strong harm
  // cue after the clause outweighs a weak cue before it.
  if (before && !before.strong && sentence.nextStrongHarm[fromClauseEnd]! >= 0) return 'harm';
  if (before) return before.value;
  const after = at(input.sentence, sentence.nextStrong[fromClauseEnd]);
  if (after) return after.value;
  return input.daily || input.qualifier === 'hedge' ? 'advice' : 'amount';
}

/** What may join a cue to the figure it introduces: "limit of 4,000 IU", "上限为4000", "maximum: 4,000 IU". */
const INTRODUCING = /^\s*(?:of|is|are|at|was|为|是|:|：|=)?\s*$/iu;

/**
 * Whether `cue` is a limit standing right before the next figure, introducing it ("…is
 * 800–1,000 IU, with a safe upper limit of 4,000 IU"). Other cues there speak of both figures
 * ("100克北豆腐约含138毫克钙": the tofu's weight and what it holds are one content).
 */
function introducesNext(cue: Hit<DoseRole>, next: RoleInput['next']): boolean {
  return cue.value === 'limit' && next !== undefined && cue.end <= next.start && INTRODUCING.test(next.text.slice(cue.end, next.start));
}

/** Cues of one strength and where the last study or supervision stands among the first i of them. */
interface StrengthIndex {
  hits: Hit<DoseRole>[];
  /** `lastStudy[i]`: index of the last `report`/`regimen` cue among `hits[0, i)`, or -1. */
  lastStudy: number[];
}

/** Summaries of a cue list (sorted, non-overlapping, as `scan` gives them) that `roleOf` reads. */
interface CueIndex {
  strong: StrengthIndex;
  weak: StrengthIndex;
  weakAdvice: boolean;
  /** `lastStrong[i]`, `lastStrongStudy[i]`: index of the last such cue among the first i, or -1. */
  lastStrong: number[];
  lastStrongStudy: number[];
  /** `nextStrong[i]`, `nextStrongRegimen[i]`, `nextStrongLimit[i]` (a limit or a harm), `nextStrongHarm[i]`: index of the first such cue at i or after, or -1. */
  nextStrong: number[];
  nextStrongRegimen: number[];
  nextStrongLimit: number[];
  nextStrongHarm: number[];
}

const indexes = new WeakMap<readonly Hit<DoseRole>[], CueIndex>();

function cueIndex(hits: readonly Hit<DoseRole>[]): CueIndex {
  let index = indexes.get(hits);
  if (index) return index;
  const study = (h: Hit<DoseRole>): boolean => h.value === 'report' || h.value === 'regimen';
  const prefix = (test: (h: Hit<DoseRole>) => boolean, list: readonly Hit<DoseRole>[] = hits): number[] => {
    const out = [-1];
    for (let i = 0; i < list.length; i++) out.push(test(list[i]!) ? i : out[i]!);
    return out;
  };
  const suffix = (test: (h: Hit<DoseRole>) => boolean): number[] => {
    const out = new Array<number>(hits.length + 1).fill(-1);
    for (let i = hits.length - 1; i >= 0; i--) out[i] = test(hits[i]!) ? i : out[i + 1]!;
    return out;
  };
  const strength = (strong: boolean): StrengthIndex => {
    const list = hits.filter((h) => h.strong === strong);
    return { hits: list, lastStudy: prefix(study, list) };
  };
  index = {
    strong: strength(true),
    weak: strength(false),
    weakAdvice: hits.some((h) => !h.strong && h.value === 'advice'),
    lastStrong: prefix((h) => h.strong),
    lastStrongStudy: prefix((h) => h.strong && study(h)),
    nextStrong: suffix((h) => h.strong),
    nextStrongRegimen: suffix((h) => h.strong && h.value === 'regimen'),
    nextStrongLimit: suffix((h) => h.strong && (h.value === 'limit' || h.value === 'harm')),
    nextStrongHarm: suffix((h) => h.strong && h.value === 'harm'),
  };
  indexes.set(hits, index);
  return index;
}

/** How many of `hits` (sorted, non-overlapping) end at or before `offset`. */
function countEndingBy(hits: readonly Hit<DoseRole>[], offset: number): number {
  return lastAtOrBefore(hits, (h) => h.end, offset) + 1;
}

/** Index of the first of `hits` (sorted) that starts at or after `offset` (`hits.length` when none does). */
function firstStartingAt(hits: readonly Hit<DoseRole>[], offset: number): number {
  return firstAtOrAfter(hits, (h) => h.start, offset);
}

function at(hits: readonly Hit<DoseRole>[], i: number | undefined): Hit<DoseRole> | undefined {
  return i === undefined || i < 0 ? undefined : hits[i];
}

/**
 * The role cues of a sentence that `roleOf` reads: all but laboratory cues. A laboratory cue
 * ("a blood test", "serum levels") speaks of a measurement: only a unit per volume makes a
 * figure a laboratory value, so a mass figure next to such a cue is read from the other cues
 * ("up to 60 mg/d of iron …, even without a blood test" is advice). The cue is still scanned,
 * so that it keeps the words it covers from other cues.
 */
export function roleCues(hits: readonly Hit<DoseRole>[]): Hit<DoseRole>[] {
  return hits.filter((h) => h.value !== 'laboratory');
}
