/**
 * The cache reader's thread (see `startCacheReader` in pool.ts): a task names a cache folder
 * and a kind of piece, and is answered with the vouches for that kind's valid pieces
 * (vouch.ts).
 */
import { collectIfGrown } from '../gc.js';
import { serveTasks, type AfterTask } from './serve.js';
import { vouchFolder } from './vouch.js';

/** Serves the pool's tasks (the thread's starter, start.ts, calls this once the module is loaded). */
export function serve(afterTask?: AfterTask): void {
  serveTasks(
    (task) => {
      if (task.kind === 'vouch') return vouchFolder(task.folder, task.pieceKind);
      throw new Error(`the cache reader cannot do ${task.kind}`);
    },
    (answered) => {
      // Everything a task parses is garbage once it is answered.
      collectIfGrown(READER_HEAP_FLOOR);
      afterTask?.(answered);
    },
  );
}

/** Heap in use (bytes) above which the reader collects its garbage after a task. */
const READER_HEAP_FLOOR = 32 * 2 ** 20;
