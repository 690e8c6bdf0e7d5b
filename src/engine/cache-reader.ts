/**
 * The cache reader's thread (see `startCacheReader` in pool.ts): a task names a cache folder
 * and either drafts, answered with the texts of their entries found of an entry's shape
 * (cache.ts `entryTexts`), or a kind of piece, answered with the vouches for that kind's valid
 * pieces (vouch.ts).
 */
import { collectIfGrown } from '../gc.js';
import { entryTexts } from './cache.js';
import { serveTasks, type AfterTask } from './serve.js';
import { vouchFolder } from './vouch.js';

/** Serves the pool's tasks (the thread's starter, start.ts, calls this once the module is loaded). */
export function serve(afterTask?: AfterTask): void {
  serveTasks(
    (task) => {
      if (task.kind === 'entries') return entryTexts(task.folder, task.wanted);
      if (task.kind === 'vouch') return vouchFolder(task.folder, task.pieceKind);
      throw new Error(`the cache reader cannot do ${task.kind}`);
    },
    (answered) => {
      // Everything a task parses is garbage once it is answered; left to V8, this thread's
      // heap grew by hundreds of MB of it while the run's own heap was at its largest.
      collectIfGrown(READER_HEAP_FLOOR);
      afterTask?.(answered);
    },
  );
}

/** Heap in use (bytes) above which the reader collects its garbage after a task. */
const READER_HEAP_FLOOR = 32 * 2 ** 20;
