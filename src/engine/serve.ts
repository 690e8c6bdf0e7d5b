/**
 * The worker side of a pool's tasks (see TaskWorker in pool.ts): each message is
 * `{ id, task }`, each reply `{ id, result }` or `{ id, error }`. Kept apart from pool.ts so
 * a worker loads this and its own work, nothing more.
 */
import { parentPort } from 'node:worker_threads';
import type { Task } from './pool.js';

/** Called after each reply, with how many tasks the thread has answered (see start.ts). */
export type AfterTask = (answered: number) => void;

export function serveTasks(perform: (task: Task) => unknown, afterTask?: AfterTask): void {
  // One task at a time, in the order sent: the pool's watchdog takes the oldest task
  // unanswered for the one at work (see TaskWorker).
  let queue = Promise.resolve();
  let answered = 0;
  parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
    queue = queue
      .then(() => perform(task))
      .then(
        (result) => parentPort!.postMessage({ id, result }),
        (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
      )
      .then(() => afterTask?.(++answered));
  });
  // The code is loaded: the clock of the first task starts now.
  parentPort!.postMessage({ ready: true });
}
