/**
 * A worker thread of the analysis (see pool.ts): analyses the drafts it is sent, one at a
 * time, with the config the pool started it with.
 */
import { workerData } from 'node:worker_threads';
import { analyzeContext, analyzeFile, type AnalyzeContext } from './analyze.js';
import { collectGarbage } from '../gc.js';
import type { WorkerInit } from './pool.js';
import { serveTasks, type AfterTask } from './serve.js';
import { rules } from '../rules/index.js';
import type { DocumentRule } from '../types.js';

const { config, load, cache, plugins } = (workerData as { init: WorkerInit }).init;

/** Plugin rules run after the built-in ones, as in the main thread (see audit.ts). */
async function documentRules(): Promise<DocumentRule[]> {
  if (!plugins || plugins.length === 0) return [];
  // (plugins.js, and the config schema it checks rules with, loaded only when there are any).
  const { loadPlugins } = await import('../plugins.js');
  return [...rules, ...(await loadPlugins(plugins, load.cwd))].filter((r): r is DocumentRule => r.scope === 'document');
}

/**
 * Drafts analysed between two garbage collections (see gc.ts): a worker keeps little alive,
 * so a full collection is cheap and holds its heap near that.
 */
const COLLECT_EVERY = 1000;
let analysed = 0;

/** Serves the pool's tasks (the thread's starter, start.ts, calls this once the module is loaded). */
export async function serve(afterTask?: AfterTask): Promise<void> {
  // The pool stops a draft past its time budget by terminating this thread.
  const ctx: AnalyzeContext = { ...analyzeContext(config, load, await documentRules(), cache), watchdog: 'pool' };
  serveTasks(async (task) => {
    if (task.kind !== 'analyse') throw new Error(`an analysis worker cannot do ${task.kind}`);
    const analysis = await analyzeFile(task.file, ctx);
    if (++analysed % COLLECT_EVERY === 0) collectGarbage();
    return analysis;
  }, afterTask);
}
