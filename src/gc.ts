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
/** The same for a large batch taken mostly from the cache (see `collectLessOften`). */
const RERUN_GROWTH = 1.4;
let growth = GROWTH;
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
  if (used < floor || used < survived * growth) return false;
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

/**
 * Bytes of drafts to analyse from which a batch asks V8 to grow the heap by a tenth past
 * what its last collection left, rather than by its own factor (up to four times for a
 * thread that allocates fast). Such a batch holds most of a gigabyte by its reports, and
 * its threads' heaps set how much memory the process keeps. Measured at 10,000 generated drafts (54 MB):
 * peak RSS 1,017–1,061 MB in eight runs at V8's pace against 958–1,002 MB in five at this
 * one, for about 4% more time (medians 97.8 against 101.5 s in alternating runs). It is set
 * before the analysis threads start (they read it then) and only for such a batch: a smaller
 * one, or a rerun that takes most drafts from the cache, keeps V8's pace and its time.
 * Setting it only after the analysis, or a compacting collection before the reports, left
 * the peak where it was: the memory the first stages took is what the process keeps.
 */
export const PACED_BATCH_BYTES = 32 * 2 ** 20;
const PACED_GROWING_PERCENT = 10;
let paced = false;

/**
 * Asks V8 for the tighter pace (see PACED_BATCH_BYTES) when a batch of `bytes` needs it. The
 * pace is the process's: it holds until `unpaceHeap`, which the library entry calls once its
 * reports are written (the CLI's process ends with its run).
 */
export function paceHeapFor(bytes: number): void {
  if (paced || bytes < PACED_BATCH_BYTES) return;
  v8.setFlagsFromString(`--heap-growing-percent=${PACED_GROWING_PERCENT}`);
  paced = true;
}

/**
 * Lets the heap grow by RERUN_GROWTH between the collections asked for here, for a large
 * batch whose drafts come mostly from the cache: its live data is read in from the start and
 * its stages make little garbage, so a collection at a tenth's growth freed little more than
 * that tenth, at 150 ms or more each. Measured at 10,000 drafts with 10 changed, reruns
 * alternating 1.1, 1.4 and 1.6, four rounds: 10.21–10.64 s at 1.1, 9.71–11.16 s at 1.4
 * (10.25 and 9.71 beside the 1.1 runs), 9.77–10.13 s at 1.6; peak RSS 839–883, 890–902 and
 * 888–953 MB. 1.4 keeps most of the time and the peak well under a gigabyte. Holds until
 * `unpaceHeap`.
 */
export function collectLessOften(): void {
  growth = RERUN_GROWTH;
}

/** V8's own pace again (0 is its default: a factor of its own), and the collections asked for here at their usual growth, for a program that goes on after an audit. */
export function unpaceHeap(): void {
  growth = GROWTH;
  if (!paced) return;
  v8.setFlagsFromString('--heap-growing-percent=0');
  paced = false;
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
