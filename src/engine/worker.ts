/**
 * A worker thread of the analysis pool: analyses the files it is sent, one at a time,
 * with the config the pool started it with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadOptions } from '../load/index.js';
import type { ResolvedConfig } from '../types.js';
import { analyzeContext, analyzeFile } from './analyze.js';
import { collectGarbage } from '../gc.js';

const { config, load, cache } = workerData as { config: ResolvedConfig; load: LoadOptions; cache?: string };
const ctx = analyzeContext(config, load, [], cache);

/**
 * Drafts analysed between two garbage collections (see gc.ts): a worker keeps little alive,
 * so a full collection is cheap and holds its heap near that.
 */
const COLLECT_EVERY = 1000;
let analysed = 0;

parentPort!.on('message', (task: { id: number; file: string }) => {
  analyzeFile(task.file, ctx).then(
    (analysis) => {
      parentPort!.postMessage({ id: task.id, analysis });
      if (++analysed % COLLECT_EVERY === 0) collectGarbage();
    },
    (error: unknown) => parentPort!.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
