/**
 * The language of each block and of the whole document.
 *
 * Script first: a block's letters are counted per Unicode script (acronyms, units after
 * numbers, URLs and allowed terms left out; words in brackets or quotes count only when
 * nothing stands outside them), and the script with the most weighted letters is the
 * block's script. Where the script settles the language (Han without kana → cmn, kana → jpn,
 * Hangul → kor, Greek → ell …) that is the block's language. Where several languages share
 * the script (Latin, Cyrillic, Arabic, Devanagari), a block with at least 60 letters of it
 * is told apart by function words or franc (see ./detect.ts); a shorter block inherits the
 * document's language for that script (the primary language when it is written in that
 * script, else the language most of the script's long blocks have), unless at least two
 * function words of one other language and none of the inherited one say otherwise.
 *
 * Letters are weighted by script (a Han character, kana or Hangul syllable weighs 2 Latin
 * letters; see ./scripts.ts), and a block whose top two scripts weigh the same is in the
 * primary language when one of them stands for it. Each script's letters count for the
 * language they stand for in their block, so a Chinese clause in an English paragraph adds
 * to the Chinese share.
 *
 * The primary language is the one with the most weighted letters over all blocks but
 * reference entries (a cited source may well be in another language), or the title's when
 * that language comes a close second (a page half translated); the config can force it.
 * Shares are the same weighted letters per language.
 */
import type { Block, LanguageProfile } from '../types.js';
import { MIN_DETECT_LETTERS, byFunctionWords, detectLanguage, functionWordHits } from './detect.js';
import { countLetters, mainScript, maskedRanges, type LetterCounts } from './scan.js';
import { HAN, KANA, LATIN, NONE, SCRIPTS, SCRIPT_COUNT, languagesOfScript, scriptOfLanguage } from './scripts.js';
import { splitGlued } from './artifacts.js';
import { EXTRA_LATIN, foreignLabel, foreignShortLine } from './evidence.js';
import { englishWords, FW_LANGS } from './words.js';
import { cmp } from '../order.js';
import { ScopedTextMemo } from '../text-memo.js';

export interface ProfileOptions {
  /** Terms the config allows in any language (`allowedTerms`); they count for no language. */
  allowedTerms?: readonly string[];
}

/** The facts of block texts met again in other versions (see text-memo.ts). */
const factsMemo = new ScopedTextMemo<BlockFacts>(1024);


/** Han characters a kana-less block needs to be called Chinese on its own. */
const MIN_HAN = 20;

interface BlockFacts {
  counts: LetterCounts;
  /** The script with the most weighted letters, NONE when the block has no letters. */
  script: number;
  /** Other scripts with as many weighted letters as `script` (a tie). */
  tied: number[];
  /** The language the block's own text settles, or undefined when it inherits. */
  decided?: string;
}

export function profileLanguage(blocks: Block[], forced?: string, options: ProfileOptions = {}): LanguageProfile {
  const allowed = options.allowedTerms ?? [];
  // A forced language no script table knows is taken as one more Latin-script candidate.
  const latinCandidates =
    forced && scriptOfLanguage(forced) === NONE ? [...SCRIPTS[LATIN]!.candidates, forced] : SCRIPTS[LATIN]!.candidates;

  // A block's facts depend on its text, the allowed terms and the Latin candidates alone.
  const memo = factsMemo.in(JSON.stringify([allowed, latinCandidates]));
  const facts: BlockFacts[] = blocks.map((block) =>
    memo.get(block.text, (text) => {
      const counts = countLetters(text, maskedRanges(text, allowed));
      const script = mainScript(counts);
      const tied = tiedWith(counts, script);
      return { counts, script, tied, decided: decide(text, script, counts, latinCandidates) };
    }),
  );

  // The document's language per script, for blocks too short to tell and for minority letters.
  const scriptLanguage = new Map<number, string>();
  const settle = (primary?: string): void => {
    for (let s = 1; s < SCRIPT_COUNT; s++) {
      const langs = languagesOfScript(s);
      if (primary && (langs.includes(primary) || (s === LATIN && latinCandidates.includes(primary)))) {
        scriptLanguage.set(s, primary);
        continue;
      }
      if (langs.length === 1) {
        scriptLanguage.set(s, langs[0]!);
        continue;
      }
      scriptLanguage.set(s, majorityOf(blocks, facts, s) ?? fromShortBlocks(blocks, facts, s, latinCandidates));
    }
  };
  settle(forced);
  const title = titleBlock(blocks);
  let primary = forced ?? byTitle(totals(blocks, facts, scriptLanguage), title === undefined ? undefined : facts[title]!.decided);
  if (!forced) settle(primary);

  const languages = facts.map((f, i) => blockLanguage(blocks[i]!, f, scriptLanguage, primary));
  const final = totals(blocks, facts, scriptLanguage, languages);
  if (!forced) primary = byTitle(final, title === undefined ? undefined : languages[title]);
  const all = [...final.values()].reduce((a, b) => a + b, 0);
  const shares: Record<string, number> = {};
  for (const lang of all > 0 ? [...final.keys()].sort() : []) {
    const share = Math.round((final.get(lang)! / all) * 1000) / 1000;
    if (share > 0) shares[lang] = share;
  }
  return { primary, shares, blocks: languages.map((l) => l ?? primary) };
}

function tiedWith(counts: LetterCounts, script: number): number[] {
  if (script === NONE) return [];
  const from = sum(counts.outside) > 0 ? counts.outside : counts.inside;
  const out: number[] = [];
  for (let s = 1; s < SCRIPT_COUNT; s++) if (s !== script && from[s] === from[script]) out.push(s);
  return out;
}

function decide(text: string, script: number, counts: LetterCounts, latinCandidates: readonly string[]): string | undefined {
  if (script === NONE) return undefined;
  const raw = (counts.outside[script]! + counts.inside[script]!) / SCRIPTS[script]!.weight;
  if (script === HAN) {
    if (counts.kana) return 'jpn';
    return raw >= MIN_HAN ? 'cmn' : undefined;
  }
  if (script === KANA) return 'jpn';
  // A scraper's label in another language ("Bạn đang xem: …") names the line's language, whatever follows it.
  if (script === LATIN && text.length < 400 && (text.includes(':') || text.includes('：'))) {
    const label = foreignLabel(text);
    if (label) return label;
  }
  const candidates = script === LATIN ? latinCandidates : SCRIPTS[script]!.candidates;
  if (candidates.length === 0) return SCRIPTS[script]!.language;
  return raw >= MIN_DETECT_LETTERS ? detectLanguage(text, script, candidates) : undefined;
}

/** The language most letters of the long blocks written in `script` have. */
function majorityOf(blocks: Block[], facts: BlockFacts[], script: number): string | undefined {
  const votes = new Map<string, number>();
  facts.forEach((f, i) => {
    if (f.script !== script || !f.decided || blocks[i]!.kind === 'reference') return;
    if (script === HAN && f.counts.kana) {
      votes.set('jpn', (votes.get('jpn') ?? 0) + f.counts.outside[HAN]! + f.counts.inside[HAN]!);
      return;
    }
    votes.set(f.decided, (votes.get(f.decided) ?? 0) + f.counts.outside[script]! + f.counts.inside[script]!);
  });
  return votes.size > 0 ? topLanguage(votes) : undefined;
}

/**
 * The language of a script that only short blocks (or minority letters) use: detected on
 * their joined text when it is long enough; for Latin without that, English when most of
 * its words are English words (or two of them run together); else `und`, and the blocks
 * inherit the primary language.
 */
function fromShortBlocks(blocks: Block[], facts: BlockFacts[], script: number, latinCandidates: readonly string[]): string {
  const fallback = SCRIPTS[script]!.language;
  let joined = '';
  let letters = 0;
  facts.forEach((f, i) => {
    const n = f.counts.outside[script]! + f.counts.inside[script]!;
    if (n === 0 || joined.length > 4096) return;
    joined += `${blocks[i]!.text}\n`;
    letters += n / SCRIPTS[script]!.weight;
  });
  if (letters === 0) return fallback;
  if (letters >= MIN_DETECT_LETTERS) {
    const found = detectLanguage(joined, script, script === LATIN ? latinCandidates : undefined);
    if (found) return found;
  }
  if (script !== LATIN) return fallback;
  const words = joined.match(/\p{Script=Latin}{2,}/gu) ?? [];
  const dict = englishWords();
  // Two English words run together ("andeating") are English too.
  const known = words
    .filter((w) => w === w.toLowerCase() || /^\p{Lu}\p{Ll}+$/u.test(w))
    .filter((w) => dict.has(w.toLowerCase()) || splitGlued(w) !== undefined);
  return known.length * 2 >= words.length ? 'eng' : 'und';
}

function blockLanguage(block: Block, f: BlockFacts, scriptLanguage: Map<number, string>, primary: string): string | undefined {
  if (f.script === NONE) return undefined;
  // Equal weight in two scripts: the block is no more foreign than it is in the primary language.
  if (f.tied.some((s) => (scriptLanguage.get(s) ?? SCRIPTS[s]!.language) === primary)) return primary;
  if (f.decided) return f.decided;
  const inherited = scriptLanguage.get(f.script) ?? SCRIPTS[f.script]!.language;
  if (f.script === LATIN && inherited !== 'und') {
    // A short Latin block keeps the inherited language unless function words plainly name another.
    const hits = functionWordHits(block.text);
    const own = FW_LANGS.indexOf(inherited);
    if (own === -1 || hits[own] === 0) {
      const other = byFunctionWords(hits, 2);
      if (other && other !== inherited) return other;
    }
    // Latin letters beyond ASCII, or more function words of another language than of its own: ask the line's words.
    const ownHits = own === -1 ? 0 : hits[own]!;
    if (EXTRA_LATIN.test(block.text) || hits.some((h, k) => h > ownHits && k !== own) || block.text.includes('¿') || block.text.includes('¡')) {
      const foreign = foreignShortLine(block.text, inherited);
      if (foreign) return foreign;
    }
  }
  return inherited === 'und' ? primary : inherited;
}

/** Weighted letters per language; each script's letters go to the language they stand for in their block. */
function totals(
  blocks: Block[],
  facts: BlockFacts[],
  scriptLanguage: Map<number, string>,
  languages?: Array<string | undefined>,
): Map<string, number> {
  const out = new Map<string, number>();
  facts.forEach((f, i) => {
    if (blocks[i]!.kind === 'reference') return;
    const own = languages?.[i] ?? f.decided;
    for (let s = 1; s < SCRIPT_COUNT; s++) {
      const n = f.counts.outside[s]! + f.counts.inside[s]!;
      if (n === 0) continue;
      let lang: string;
      if (s === f.script && own) lang = own;
      else if (s === HAN && f.counts.kana) lang = 'jpn';
      else lang = scriptLanguage.get(s) ?? SCRIPTS[s]!.language;
      if (lang === 'und') continue;
      out.set(lang, (out.get(lang) ?? 0) + n);
    }
  });
  return out;
}

/**
 * Share of the top language's letters the second must reach for the title to decide between
 * them: a page half translated (55 to 45 or closer) is in the language of its title, which
 * the translation of a page starts with.
 */
const CLOSE_CALL = 0.8;

/** The top language, or the title's when it is a close second (see CLOSE_CALL). */
function byTitle(counts: Map<string, number>, titleLanguage: string | undefined): string {
  const top = topLanguage(counts);
  if (titleLanguage === undefined || titleLanguage === top || titleLanguage === 'und') return top;
  const second = counts.get(titleLanguage) ?? 0;
  return second >= CLOSE_CALL * (counts.get(top) ?? 0) ? titleLanguage : top;
}

/** The draft's title: its first heading when the draft opens with one (nothing but a heading stands first). */
function titleBlock(blocks: readonly Block[]): number | undefined {
  return blocks[0]?.kind === 'heading' ? 0 : undefined;
}

/** The language with the most letters (ties go to the first code in alphabetical order); `und` when none. */
function topLanguage(counts: Map<string, number>): string {
  let best = 'und';
  let most = 0;
  for (const [lang, n] of [...counts].sort((a, b) => cmp(a[0], b[0]))) {
    if (n > most) {
      best = lang;
      most = n;
    }
  }
  return best;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
