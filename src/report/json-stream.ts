/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`, yielded a
 * member at a time, so a report of ten thousand drafts goes to disk without ever being one
 * string (V8 stores a string holding any Chinese character at two bytes per character, and a
 * large report holds both the object and its text). Arrays may be given lazily with
 * `lazyArray`, so their elements are made one at a time as well.
 *
 * Written here because the JSON streaming libraries on npm either stream parsing, not
 * writing, or do not reproduce `JSON.stringify`'s indentation byte for byte, which the
 * report's readers and the tests compare against.
 */

import type { Piece } from '../write.js';

/** An array written as `source.map(make)`, each element made as it is written. */
export class LazyArray<S, T> {
  constructor(
    readonly source: Iterable<S>,
    readonly make: (item: S) => T,
  ) {}
}

export function lazyArray<S, T>(source: Iterable<S>, make: (item: S) => T): LazyArray<S, T> {
  return new LazyArray(source, make);
}

/**
 * An array whose elements come written already (see report/kept-runs.ts): `runs(indent)`
 * yields its elements a run at a time, each run the text of one or more elements at
 * `indent`, as `jsonText` writes them, joined by a comma, a line break and `indent`. An empty
 * run stands for no element. Like a lazy array, it is written as an array only within the
 * depth jsonChunks opens.
 */
export class WrittenArray {
  constructor(readonly runs: (indent: string) => Iterable<Piece>) {}
}

/**
 * Yields `JSON.stringify(value, null, 2)` (lazy arrays written as arrays) in pieces: objects
 * and arrays down to `depth` levels are opened member by member, deeper values are
 * stringified whole.
 */
export function* jsonChunks(value: unknown, depth = 2, indent = ''): Generator<Piece> {
  const inner = `${indent}  `;
  const lazy = value instanceof LazyArray;
  if (value instanceof WrittenArray) {
    let first = true;
    for (const run of value.runs(inner)) {
      if (run.length === 0) continue;
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      yield run;
    }
    yield first ? '[]' : `\n${indent}]`;
  } else if (!lazy && (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function')) {
    yield leaf(value, indent);
  } else if (lazy || Array.isArray(value)) {
    let first = true;
    for (const item of lazy ? made(value) : (value as unknown[])) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      // As in JSON.stringify, an element that has no JSON form is written as null.
      yield* jsonChunks(hasJson(item) ? item : null, depth - 1, inner);
    }
    yield first ? '[]' : `\n${indent}]`;
  } else {
    let first = true;
    for (const [key, member] of Object.entries(value as object)) {
      if (!hasJson(member)) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* jsonChunks(member, depth - 1, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
  }
}

function* made<S, T>(lazy: LazyArray<S, T>): Generator<T> {
  for (const item of lazy.source) yield lazy.make(item);
}

function hasJson(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** The text jsonChunks writes of `value` (an element of a WrittenArray) standing below its depth at `indent`. */
export function jsonText(value: unknown, indent: string): string {
  return leaf(hasJson(value) ? value : null, indent);
}

/**
 * A value stringified whole, indented to sit at `indent`: stringified inside as many arrays
 * as `indent` has levels and cut out of them, which indents it in the one pass of
 * JSON.stringify.
 */
function leaf(value: unknown, indent: string): string {
  if (indent === '' || value === null || typeof value !== 'object') return JSON.stringify(value, null, 2) ?? 'null';
  const levels = indent.length / 2;
  let wrapped: unknown = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const [open, close] = wrappers(levels);
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(open, text.length - close);
}

const wrapperLengths: Array<[number, number]> = [];

/** Lengths of what `levels` arrays put before and after the value they hold. */
function wrappers(levels: number): [number, number] {
  let lengths = wrapperLengths[levels];
  if (!lengths) {
    let open = 0;
    let close = 0;
    for (let i = 1; i <= levels; i++) {
      open += 2 + 2 * i; // "[\n" and the next level's indent
      close += 2 + 2 * (i - 1); // "\n", this level's indent and "]"
    }
    wrapperLengths[levels] = lengths = [open, close];
  }
  return lengths;
}
