/**
 * What a pure function of a block's text gave, remembered for the blocks that come again.
 * Versions of one article repeat most of their blocks word for word — over half the blocks
 * of the benchmark corpus stand, letter for letter, in a draft read before — and a thread
 * analyses the versions of a family close together (files are taken in path order), so a
 * short memory catches most repeats.
 *
 * Bounded: it holds at most `capacity` texts, and at least the last `capacity / 2` met. A
 * key is the block's text, which may be a slice of its draft's text and keep that alive while
 * it is remembered; a few thousand entries hold the texts of a few dozen drafts.
 *
 * Only for functions whose result depends on nothing but the text (and what `scope` names),
 * and whose result no caller changes: every caller gets the same object.
 */
import { setBounded } from './collections.js';
import { onRelease } from './lazy.js';

export class TextMemo<T> {
  readonly #half: number;
  // Two generations, each up to half the capacity: a text met again moves to the recent one,
  // and when that is full the older one goes whole. (Dropping the oldest entry of one Map
  // instead costs a scan past the holes its deletions leave at the front of the Map's
  // table: that made a draft of 100,000 distinct lines a good second slower.)
  #recent = new Map<string, T>();
  #older = new Map<string, T>();

  constructor(capacity = 4096) {
    this.#half = Math.max(1, capacity >> 1);
  }

  get(text: string, compute: (text: string) => T): T {
    let value = this.#recent.get(text);
    if (value !== undefined) return value;
    value = this.#older.get(text);
    if (value === undefined) value = compute(text);
    if (this.#recent.size >= this.#half) {
      this.#older = this.#recent;
      this.#recent = new Map();
    }
    this.#recent.set(text, value);
    return value;
  }
}

const everyMemo = new Set<ScopedTextMemo<unknown>>();

/** Forgets every text remembered in this thread (the language benchmark measures blocks met for the first time). */
export function forgetTextMemos(): void {
  for (const memo of everyMemo) memo.forget();
}
onRelease(forgetTextMemos);

/**
 * One TextMemo per setting the function also reads (allowed terms, a forced language),
 * named by `scope`: a run has one setting, a test process a few.
 */
export class ScopedTextMemo<T> {
  readonly #memos = new Map<string, TextMemo<T>>();

  constructor(readonly capacity = 4096) {
    everyMemo.add(this);
  }

  in(scope: string): TextMemo<T> {
    let memo = this.#memos.get(scope);
    // Settings come and go in a test process; a run keeps one.
    if (!memo) setBounded(this.#memos, scope, (memo = new TextMemo<T>(this.capacity)), 16);
    return memo;
  }

  forget(): void {
    this.#memos.clear();
  }
}
