/**
 * What a worker thread of the compiled package starts with (see pool.ts): its module's
 * CommonJS bundle, run from V8's code cache (see compile-cache.ts), or, in a build without the
 * bundle, its ES module. A worker of a large batch used to spend about half a second compiling
 * and linking the ES module chunks before its first draft.
 *
 * The cache is written once the thread has answered some tasks (a function is compiled on
 * its first call, and the cache holds the functions compiled so far), and only when there
 * was no cache that fitted.
 */
import { workerData } from 'node:worker_threads';
import { runBundle } from '../compile-cache.js';
import type { WorkerModule } from './pool.js';
import type { AfterTask } from './serve.js';

/** Tasks answered before the code cache is written: by then most of the code has run. */
const SAVE_AFTER = 24;

const module = (workerData as { module: WorkerModule }).module;
const bundle = runBundle(`engine/${module}`);
const { serve } = (bundle ? bundle.exports : await import(new URL(`./${module}.js`, import.meta.url).href)) as { serve(afterTask?: AfterTask): unknown };
await serve(
  bundle
    ? (answered) => {
        // After this reply has gone, between two tasks.
        if (answered === SAVE_AFTER) setImmediate(() => bundle.save());
      }
    : undefined,
);
