/**
 * A worker thread of the analysis (see pool.ts): analyses the drafts it is sent, one at a
 * time, with the config the pool started it with.
 */
import { workerData } from 'node:worker_threads';
import { analyzeContext, analyzeFile } from './analyze.js';
import { collectGarbage } from '../gc.js';
import type { WorkerInit } from './pool.js';
import { serveTasks } from './serve.js';

const { config, load, cache } = (workerData as { init: WorkerInit }).init;
const ctx = analyzeContext(config, load, [], cache);

/**
 * Drafts analysed between two garbage collections (see gc.ts): a worker keeps little alive,
 * so a full collection is cheap and holds its heap near that.
 */
const COLLECT_EVERY = 1000;
let analysed = 0;

serveTasks(async (task) => {
  if (task.kind !== 'analyse') throw new Error(`an analysis worker cannot do ${task.kind}`);
  const analysis = await analyzeFile(task.file, ctx);
  if (++analysed % COLLECT_EVERY === 0) collectGarbage();
  return analysis;
});
