/**
 * The passages of a block that switch away from the document's primary language, sentence by
 * sentence: the one analysis both lang rules read, so that a passage is reported once.
 *
 * - a sentence that holds substantial runs of two languages reports its runs not in the
 *   primary language (see `foreignRuns` in ./runs.ts);
 * - a sentence with no substantial run of the primary language reports its foreign runs
 *   (the whole sentence when it is wholly foreign) when the block around it carries the
 *   primary language (the block's language is the primary one, or another sentence has a
 *   substantial run of it).
 *
 * A block whose language is not the primary one but which has such a primary-language run is
 * *mixed*: lang/mixed-sentence reports its foreign passages and lang/foreign-block leaves it.
 */
import type { Block, LanguageProfile } from '../types.js';
import { foreignOnlySentence, foreignRuns, sentenceRuns, type Run } from './runs.js';
import { WORD, maskedRanges, scanTokens, tokenize, type Token } from './scan.js';
import { sentences } from '../sentences.js';
import { KANA } from './scripts.js';
import { append } from '../collections.js';
import { PAPER_ID, citedSource } from '../parse/blocks.js';

export interface BlockSwitches {
  /** Foreign runs to report, in text order. */
  runs: Run[];
  /** True when some sentence of the block has a substantial run in the primary language. */
  primaryRun: boolean;
}

const NONE: BlockSwitches = { runs: [], primaryRun: false };

/** The switches of language in `block` (none for a reference entry or a block of one script). */
export function blockSwitches(block: Block, profile: LanguageProfile, allowedTerms: readonly string[]): BlockSwitches {
  if (block.kind === 'reference' || !hasTwoScripts(block.text)) return NONE;
  const tokens = tokenize(block.text, maskedRanges(block.text, allowedTerms));
  const blockLang = profile.blocks[block.index] ?? profile.primary;
  const ctx = { profile, blockLang, kana: tokens.some((t) => t.script === KANA) };
  const perSentence: Run[][] = [];
  let t = 0;
  for (const sentence of sentences(block.text)) {
    const inSentence: Token[] = [];
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    while (t < tokens.length && tokens[t]!.end <= sentence.end) inSentence.push(tokens[t++]!);
    perSentence.push(sentenceRuns(block.text, inSentence, ctx));
  }
  const primaryRun = perSentence.some((runs) => runs.some((r) => r.substantial && r.lang === profile.primary));
  const out: Run[] = [];
  for (const runs of perSentence) {
    const found = foreignRuns(runs, profile.primary);
    if (found.length > 0) append(out, found);
    else if (blockLang === profile.primary || primaryRun) append(out, foreignOnlySentence(runs, profile.primary));
  }
  // A source written out after a claim ("…减少跌倒次数。[2] 信息来源 Chen L, et al. Vitamin D
  // and falls. J Bone Res. 2019.") keeps the language it was published in: no switch. So does
  // the title of one whose authors stand before it ("…较轻1Chen, Laura. “Vitamin D and Falls.” …").
  return { runs: out.filter((r) => !citedStretch(block.text, r)), primaryRun };
}

const OTHER_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** How far back a source's authors may stand before its title. */
const AUTHORS_BACK = 300;

/**
 * Whether the run and the text after it in the same script, up to the next character of
 * another one (a cited paper's journal and year), is a cited source; or, that failing, the
 * same from the text before it in that script too (its authors), a footnote's number or a
 * bracket before them left out.
 */
function citedStretch(text: string, run: Run): boolean {
  const rest = OTHER_SCRIPT.exec(text.slice(run.end));
  const end = rest ? run.end + rest.index : text.length;
  // (A study named by its index number: "van der Schoot 2023 meta-analysis (PMID 37243443, …".)
  if (PAPER_ID.test(text.slice(run.start, end)) || citedSource(text.slice(run.start, end))) return true;
  let start = run.start;
  while (start > 0 && run.start - start < AUTHORS_BACK && !OTHER_SCRIPT.test(text[start - 1]!)) start--;
  return start < run.start && citedSource(text.slice(start, end).replace(/^[\d\s\p{P}]+/u, ''));
}

/** Any character beyond Latin letters, Latin-1 signs and general punctuation. */
const BEYOND_LATIN = /[^\u0000-\u024f\u2000-\u206f]/;

/** True when words of two different scripts stand in `text` (a cheap first test). */
function hasTwoScripts(text: string): boolean {
  if (!BEYOND_LATIN.test(text)) return false;
  let first = 0;
  let two = false;
  scanTokens(text, [], (_s, _e, script, kind) => {
    if (kind !== WORD || two) return;
    if (first === 0) first = script;
    else if (script !== first) two = true;
  });
  return two;
}
