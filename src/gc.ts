/**
 * A full garbage collection, on request. A batch of thousands of drafts keeps a few hundred
 * MB alive from one stage to the next and makes several times that in short-lived garbage;
 * left to its own growth heuristics V8 lets the heap grow to twice the live data before it
 * collects, so a 10,000-draft run peaked above 2 GB. Collecting between stages (and every
 * so many drafts) holds the peak near the live data, at the cost of a few full collections.
 *
 * `gc` is only exposed with --expose-gc; the flag is set here at run time and the function
 * taken from a fresh context, as V8 installs it in contexts made after the flag is set.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing) collect = existing;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  collect();
}

/** `pieces` as they come, with a collection after every `chars` characters of them. */
export function* collectingEvery(pieces: Iterable<string>, chars: number): Generator<string> {
  let since = 0;
  for (const piece of pieces) {
    yield piece;
    since += piece.length;
    if (since >= chars) {
      collectGarbage();
      since = 0;
    }
  }
}
