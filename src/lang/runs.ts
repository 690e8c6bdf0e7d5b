/**
 * Language runs inside a sentence, and the test for a sentence that switches language.
 *
 * A run is a stretch of words of one language; acronyms, numbers, units, citation markers,
 * URLs and allowed terms belong to no language and neither start nor break one. A run is
 * *substantial* (a real switch of language, not a borrowed name or term) when it is long
 * enough for its kind of script:
 *
 * - Han, kana, Hangul, Thai: 4 characters or more (a name or a term is shorter);
 * - Latin inside another script: a clause (see `isClauseRun` in ./words.ts): 3 lower-case
 *   words with a clause-making function word among them ("may help you sleep"), or 6
 *   lower-case words that are no list. Names, titles and journals are capitalised; chemical,
 *   drug and food names come as terms or lists ("magnesium citrate and magnesium oxide");
 *   neither is a switch of language;
 * - other alphabetic scripts: 3 words or more.
 *
 * A run in brackets or quotes, or glossed by a bracket in another language right next to it
 * ("suan zao ren (酸枣仁)", «Война и мир»), is a gloss or a title and needs far more: 24
 * characters or 10 words.
 */
import type { LanguageProfile } from '../types.js';
import { WORD, isClosing, isOpening, type Range, type Token } from './scan.js';
import { HAN, KANA, LATIN, SCRIPTS, languagesOfScript } from './scripts.js';
import { isClauseTally, tallyLowerWord } from './words.js';

export interface Run extends Range {
  lang: string;
  script: number;
  /** Weighted letters of the run. */
  weight: number;
  substantial: boolean;
}

/** The language a document's text in `script` stands for, read from its profile. */
export function languageOfScript(profile: LanguageProfile, script: number): string {
  if (script === KANA) return 'jpn';
  const langs = languagesOfScript(script);
  if (langs.includes(profile.primary)) return profile.primary;
  const votes = new Map<string, number>();
  for (const l of profile.blocks) if (langs.includes(l)) votes.set(l, (votes.get(l) ?? 0) + 1);
  let best: string | undefined;
  for (const [l, n] of votes) if (best === undefined || n > votes.get(best)! || (n === votes.get(best) && l < best)) best = l;
  return best ?? SCRIPTS[script]!.language;
}

export interface RunContext {
  profile: LanguageProfile;
  /** Language of the block the sentence stands in. */
  blockLang: string;
  /** True when the block has kana (its Han is then Japanese). */
  kana: boolean;
}

function tokenLanguage(script: number, ctx: RunContext): string {
  if (script === KANA || (script === HAN && (ctx.kana || ctx.blockLang === 'jpn'))) return 'jpn';
  if (languagesOfScript(script).includes(ctx.blockLang)) return ctx.blockLang;
  return languageOfScript(ctx.profile, script);
}

/**
 * The runs of the tokens of one sentence (`tokens` in text order, all inside it), with
 * `text` the block's text for the gloss test.
 */
export function sentenceRuns(text: string, tokens: readonly Token[], ctx: RunContext): Run[] {
  const runs: Array<Run & { words: number; lower: number; clause: number; list: boolean; enclosed: boolean }> = [];
  const outsideExists = tokens.some((t) => t.kind === WORD && t.depth === 0);
  for (const t of tokens) {
    if (t.kind !== WORD) continue;
    const lang = tokenLanguage(t.script, ctx);
    const weight = t.letters * SCRIPTS[t.script]!.weight;
    let run = runs[runs.length - 1];
    if (run && run.lang === lang) {
      run.end = t.end;
      run.weight += weight;
      run.words++;
      run.enclosed &&= t.depth > 0;
    } else {
      run = {
        start: t.start,
        end: t.end,
        lang,
        script: t.script,
        weight,
        substantial: false,
        words: 1,
        lower: 0,
        clause: 0,
        list: false,
        enclosed: t.depth > 0 && outsideExists,
      };
      runs.push(run);
    }
    if (t.lower && t.script === LATIN) tallyLowerWord(run, text, t.start, t.end, t.letters);
  }
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const aside = r.enclosed || glossed(text, r, runs[i - 1], runs[i + 1]);
    const info = SCRIPTS[r.script]!;
    if (info.cjk) r.substantial = r.weight / info.weight >= (aside ? 24 : 4);
    else if (r.script === LATIN) r.substantial = aside ? r.lower >= 10 : isClauseTally(r, text.slice(r.start, r.end));
    else r.substantial = r.words >= (aside ? 10 : 3);
  }
  return runs.map(({ start, end, lang, script, weight, substantial }) => ({ start, end, lang, script, weight, substantial }));
}

/** True when a bracket holding a run of another language stands right before or after `run`. */
function glossed(text: string, run: Run, before: Run | undefined, after: Run | undefined): boolean {
  if (after && after.lang !== run.lang) {
    let i = run.end;
    while (i < after.start && text.charCodeAt(i) === 0x20) i++;
    if (i < after.start && isOpening(text.charCodeAt(i))) return true;
  }
  if (before && before.lang !== run.lang) {
    let i = run.start;
    while (i > before.end && text.charCodeAt(i - 1) === 0x20) i--;
    if (i > before.end && isClosing(text.charCodeAt(i - 1))) return true;
  }
  return false;
}

/**
 * The foreign passages of a sentence that has no substantial run of `primary`, asked only of
 * sentences in a block that carries the primary language (see ./switches.ts):
 * - a sentence wholly in another language (its foreign runs at least four fifths of its
 *   weight): one stretch from its first to its last substantial foreign run ("镁很重要。
 *   Magnesium also helps the body turn food into energy. 每天补充即可。");
 * - else each substantial foreign run, beside primary-language words that make no clause
 *   (a Chinese label before an English title: "您正在查看：What Is Magnesium?").
 */
export function foreignOnlySentence(runs: readonly Run[], primary: string): Run[] {
  const foreign = runs.filter((r) => r.substantial && r.lang !== primary);
  if (foreign.length === 0 || runs.some((r) => r.substantial && r.lang === primary)) return [];
  const lang = foreign[0]!.lang;
  if (foreign.some((r) => r.lang !== lang)) return foreign;
  let total = 0;
  let theirs = 0;
  for (const r of runs) {
    total += r.weight;
    if (r.lang === lang) theirs += r.weight;
  }
  if (theirs < 0.8 * total) return foreign;
  const last = foreign[foreign.length - 1]!;
  return [{ ...foreign[0]!, end: last.end, weight: theirs }];
}

/**
 * The runs a mixed sentence is reported on: none unless two languages have substantial
 * runs; then the substantial runs not in the primary language, or, when the primary
 * language has none, those of every language but the sentence's main one.
 */
export function foreignRuns(runs: readonly Run[], primary: string): Run[] {
  const substantial = runs.filter((r) => r.substantial);
  const langs = new Set(substantial.map((r) => r.lang));
  if (langs.size < 2) return [];
  if (langs.has(primary)) return substantial.filter((r) => r.lang !== primary);
  const weight = new Map<string, number>();
  for (const r of runs) weight.set(r.lang, (weight.get(r.lang) ?? 0) + r.weight);
  let main = '';
  for (const [l, w] of weight) if (!main || w > weight.get(main)! || (w === weight.get(main) && l < main)) main = l;
  return substantial.filter((r) => r.lang !== main);
}

