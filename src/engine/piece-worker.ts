/**
 * The piece checker's thread (see vouch.ts and pool.ts): each task names a cache folder and
 * a kind of piece, and is answered with the vouches for that kind's valid pieces.
 */
import { serveTasks, type AfterTask } from './serve.js';
import { vouchFolder } from './vouch.js';

/** Serves the pool's tasks (the thread's starter, start.ts, calls this once the module is loaded). */
export function serve(afterTask?: AfterTask): void {
  serveTasks((task) => {
    if (task.kind !== 'vouch') throw new Error(`the piece checker cannot do ${task.kind}`);
    return vouchFolder(task.folder, task.pieceKind);
  }, afterTask);
}
