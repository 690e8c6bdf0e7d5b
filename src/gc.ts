/**
 * A full garbage collection, on request. A batch of thousands of drafts keeps a few hundred
 * MB alive from one stage to the next and makes several times that in short-lived garbage;
 * left to its own growth heuristics V8 lets the heap grow to twice the live data before it
 * collects, so a 10,000-draft run peaked above 2 GB. Collecting when the heap has grown well
 * past what the last collection left holds the peak near the live data, at the cost of a few
 * full collections — and only where the heap is large: below `HEAP_FLOOR` V8's own pace
 * costs less time and stays far under the memory target, so a smaller batch never pays.
 *
 * `gc` is only exposed with --expose-gc; the flag is set here at run time and the function
 * taken from a fresh context, as V8 installs it in contexts made after the flag is set.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/** Heap in use (bytes) below which `collectIfGrown` leaves collecting to V8. */
export const HEAP_FLOOR = 512 * 2 ** 20;
/** How far the heap in use grows past what the last collection left before it collects. */
const GROWTH = 1.1;
/** Heap in use after the last collection. */
let survived = 0;
/** Milliseconds spent in collections asked for here. */
let spent = 0;

/** Milliseconds this thread has spent in the collections asked for here (stage timings leave them out). */
export function collectionTime(): number {
  return spent;
}

const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

/**
 * Collects when the heap in use is above `floor` and has grown by a tenth past what the last
 * collection left, so a live set larger than the floor does not make every call collect.
 * Cheap enough to call after every draft, cluster or report piece.
 */
export function collectIfGrown(floor = HEAP_FLOOR): boolean {
  const used = heapUsed();
  if (used < floor || used < survived * GROWTH) return false;
  collectGarbage();
  return true;
}

export function collectGarbage(): void {
  if (!collect) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing) collect = existing;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  const start = performance.now();
  collect();
  spent += performance.now() - start;
  survived = heapUsed();
}

/** Characters of pieces between two looks at the heap in `collectingAsNeeded`. */
const LOOK_EVERY = 1 << 20;

/** `pieces` as they come, collecting between them when the heap has grown (see `collectIfGrown`). */
export function* collectingAsNeeded<T extends { length: number }>(pieces: Iterable<T>): Generator<T> {
  let since = 0;
  for (const piece of pieces) {
    yield piece;
    since += piece.length;
    if (since >= LOOK_EVERY) {
      since = 0;
      collectIfGrown();
    }
  }
}
