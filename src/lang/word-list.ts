/**
 * The English word list in a form that costs nothing to load: `data/english-words.bin`,
 * generated from the `word-list` package by `npm run words` (scripts/words.ts) and committed,
 * so the sources, the build and the package all read the same file; tests/word-list.test.ts
 * fails when the package changes and the file was not made again.
 *
 * Reading the package's text list into a Set took about 0.15 s at every start (274,000
 * strings, each hashed); this file is read in a few milliseconds and asked in
 * place. Its layout: a header line of JSON `{ "lengths": [[length, count], …] }`, then the
 * words grouped by length, each group sorted, each word in `length` bytes (the list is
 * lower-case a–z only, so a byte is a letter) with no separators — then the same words
 * spelt backwards, grouped and sorted the same way, for the "a word ends with this
 * fragment" look-up (see `completesBefore`). A look-up is a binary search in one group.
 */
import { readFileSync } from 'node:fs';
import { onRelease } from '../lazy.js';

export const WORD_LIST_FILE = new URL('../../data/english-words.bin', import.meta.url);

interface Group {
  /** Offset of the group's first word in the data. */
  start: number;
  count: number;
}

/** Lower-case a–z words, grouped by length and sorted; see the file comment for the layout. */
export class WordList {
  readonly #data: Buffer;
  readonly #forward: Group[] = [];
  readonly #backward: Group[] = [];
  /** Answers already given: a draft asks about the same words again and again. */
  readonly #memo = new Map<string, boolean>();
  readonly size: number;

  /** `packed` as `pack` makes it (typed as bytes: the shipped declarations need no Node types). */
  constructor(bytes: Uint8Array) {
    const packed = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eol = packed.indexOf(10);
    const { lengths } = JSON.parse(packed.subarray(0, eol).toString('latin1')) as { lengths: Array<[number, number]> };
    this.#data = packed.subarray(eol + 1);
    let at = 0;
    for (const groups of [this.#forward, this.#backward]) {
      for (const [length, count] of lengths) {
        groups[length] = { start: at, count };
        at += length * count;
      }
    }
    if (at !== this.#data.length) throw new Error(`word list: ${this.#data.length} bytes where the header says ${at}`);
    this.size = lengths.reduce((n, [, count]) => n + count, 0);
  }

  /** Packs `words` (lower-case a–z) into the layout this class reads. */
  static pack(words: Iterable<string>): Uint8Array {
    const byLength = new Map<number, Set<string>>();
    for (const w of words) {
      if (!/^[a-z]+$/.test(w)) throw new Error(`word list: "${w}" is not lower-case a–z`);
      let group = byLength.get(w.length);
      if (!group) byLength.set(w.length, (group = new Set()));
      group.add(w);
    }
    const lengths = [...byLength.keys()].sort((a, b) => a - b);
    const sorted = (list: Iterable<string>): string[] => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const reversed = (w: string): string => [...w].reverse().join('');
    const parts = [Buffer.from(`${JSON.stringify({ lengths: lengths.map((l) => [l, byLength.get(l)!.size]) })}\n`, 'latin1')];
    for (const l of lengths) parts.push(Buffer.from(sorted(byLength.get(l)!).join(''), 'latin1'));
    for (const l of lengths) parts.push(Buffer.from(sorted([...byLength.get(l)!].map(reversed)).join(''), 'latin1'));
    return Buffer.concat(parts);
  }

  /** True when `word` is in the list (only lower-case words are). */
  has(word: string): boolean {
    let known = this.#memo.get(word);
    if (known === undefined) {
      known = this.#find(this.#forward, word, false, word.length) === 'exact';
      // Bounded: a batch of many drafts would otherwise keep every token it ever met.
      if (this.#memo.size >= 100_000) this.#memo.clear();
      this.#memo.set(word, known);
    }
    return known;
  }

  /** True when a word of the list starts with `fragment` and is 1–3 letters longer ("sev" → "seven"). */
  completesAfter(fragment: string): boolean {
    return this.#extends(this.#forward, fragment, false);
  }

  /** True when a word of the list ends with `fragment` and is 1–3 letters longer ("eral" → "several"). */
  completesBefore(fragment: string): boolean {
    return this.#extends(this.#backward, fragment, true);
  }

  /** Every word, in no particular order (for tools and tests). */
  *words(): Generator<string> {
    for (const [length, group] of this.#forward.entries()) {
      if (!group) continue;
      for (let i = 0; i < group.count; i++) yield this.#data.toString('latin1', group.start + i * length, group.start + (i + 1) * length);
    }
  }

  #extends(groups: Group[], key: string, backwards: boolean): boolean {
    for (let length = key.length + 1; length <= key.length + 3; length++) {
      if (this.#find(groups, key, backwards, length) !== 'none') return true;
    }
    return false;
  }

  /**
   * Binary search in the group of words of `length` letters for `key` (read backwards when
   * `backwards`): 'exact' when a word equals it, 'prefix' when a longer word starts with it.
   */
  #find(groups: Group[], key: string, backwards: boolean, length: number): 'exact' | 'prefix' | 'none' {
    const group = groups[length];
    const n = key.length;
    if (!group || n > length) return 'none';
    const data = this.#data;
    // The lowest word whose first `n` letters are not below the key (a plain loop: this is
    // the hot path of the language stage, asked for every word not met before).
    let lo = 0;
    let hi = group.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(data, group.start + mid * length, key, n, backwards) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= group.count || compare(data, group.start + lo * length, key, n, backwards) !== 0) return 'none';
    return n === length ? 'exact' : 'prefix';
  }
}

/** The first `n` letters of the word at `at` against the key (read backwards when `backwards`): < 0, 0 or > 0. */
function compare(data: Buffer, at: number, key: string, n: number, backwards: boolean): number {
  for (let i = 0; i < n; i++) {
    const d = data[at + i]! - key.charCodeAt(backwards ? n - 1 - i : i);
    if (d !== 0) return d;
  }
  return 0;
}

let english: WordList | undefined;
onRelease(() => (english = undefined));

/**
 * The English word list of the `word-list` package (about 274,000 lower-case words, no
 * one-letter words), read on first use.
 */
export function englishWordList(): WordList {
  english ??= new WordList(readFileSync(WORD_LIST_FILE));
  return english;
}
