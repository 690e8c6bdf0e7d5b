/**
 * The worker side of a pool's tasks (see TaskWorker in pool.ts): each message is
 * `{ id, task }`, each reply `{ id, result }` or `{ id, error }`. Kept apart from pool.ts so
 * a worker loads this and its own work, nothing more.
 */
import { parentPort } from 'node:worker_threads';
import type { Task } from './pool.js';

export function serveTasks(perform: (task: Task) => unknown): void {
  // One task at a time, in the order sent: the pool's watchdog takes the oldest task
  // unanswered for the one at work (see TaskWorker).
  let queue = Promise.resolve();
  parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
    queue = queue
      .then(() => perform(task))
      .then(
        (result) => parentPort!.postMessage({ id, result }),
        (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // The code is loaded: the clock of the first task starts now.
  parentPort!.postMessage({ ready: true });
}
