/**
 * What a pure function of a block's text gave, remembered for the blocks that come again.
 * Versions of one article repeat most of their blocks word for word — over half the blocks
 * of the benchmark corpus stand, letter for letter, in a draft read before — and a thread
 * analyses the versions of a family close together (files are taken in path order), so a
 * short memory catches most repeats.
 *
 * Bounded: past `capacity` entries the oldest goes. A key is the block's text, which may be
 * a slice of its draft's text and keep that alive while it is remembered; a few thousand
 * entries hold the texts of a few dozen drafts.
 *
 * Only for functions whose result depends on nothing but the text (and what `scope` names),
 * and whose result no caller changes: every caller gets the same object.
 */
import { setBounded } from './collections.js';

export class TextMemo<T> {
  readonly #capacity: number;
  readonly #values = new Map<string, T>();

  constructor(capacity = 4096) {
    this.#capacity = capacity;
  }

  get(text: string, compute: (text: string) => T): T {
    let value = this.#values.get(text);
    if (value === undefined) {
      value = compute(text);
      // (`setBounded` without its look-up: the text is not remembered, or `get` found it.)
      if (this.#values.size >= this.#capacity) this.#values.delete(this.#values.keys().next().value!);
      this.#values.set(text, value);
    }
    return value;
  }
}

const everyMemo = new Set<ScopedTextMemo<unknown>>();

/** Forgets every text remembered in this thread (the language benchmark measures blocks met for the first time). */
export function forgetTextMemos(): void {
  for (const memo of everyMemo) memo.forget();
}

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
