/**
 * Analysing every draft, in this thread or, for a large batch, in this thread and a pool of
 * worker threads beside it (one thread per core in all). Results come back in the order of
 * the files, whatever order the threads finish in, so the two ways give byte-identical
 * reports.
 *
 * This thread takes a share of the drafts itself rather than waiting on the workers: its
 * results need no copying between threads, and one worker fewer is one heap fewer.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadOptions } from '../load/index.js';
import type { DocumentRule, ResolvedConfig } from '../types.js';
import { knowledgeBase } from '../dose/index.js';
import { analyzeContext, analyzeFile, revive, type Analysis } from './analyze.js';
import { collectIfGrown } from '../gc.js';

export interface PoolOptions {
  /** Threads to analyse in, this one included; 0 or 1 analyses in this thread alone. */
  workers: number;
  /** Called after each draft, with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Rules to run instead of the registry (only in this thread: functions do not cross to workers). */
  rules?: readonly DocumentRule[];
  /** Cache folder for this configuration (see cache.ts). */
  cache?: string;
}

/** Below this many drafts, starting workers costs more than it saves. */
export const MIN_DRAFTS_FOR_WORKERS = 200;

export function defaultWorkers(files: number): number {
  return files >= MIN_DRAFTS_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 0;
}

/** The worker's module: its compiled .js beside this file, or, from the sources, a starter that loads the .ts. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', import.meta.url);
}

export async function analyzeFiles(files: string[], config: ResolvedConfig, load: LoadOptions, options: PoolOptions): Promise<Analysis[]> {
  const kb = knowledgeBase(config);
  const ctx = analyzeContext(config, load, options.rules, options.cache);
  const results = new Array<Analysis>(files.length);
  let next = 0;
  let done = 0;
  const finished = (id: number, analysis: Analysis): void => {
    results[id] = analysis;
    done++;
    options.onProgress?.(done, files.length);
  };
  // Rules given as functions cannot cross to a worker: with them, everything runs here.
  const workerCount = options.rules ? 0 : Math.max(0, options.workers - 1);
  const workers = Array.from({ length: workerCount }, () => new Worker(workerUrl(), { workerData: { config, load, cache: options.cache } }));
  const inWorker = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const feed = (): void => {
        if (next >= files.length) {
          if (inFlight === 0) resolve();
          return;
        }
        const id = next++;
        inFlight++;
        worker.postMessage({ id, file: files[id] });
      };
      worker.on('message', (msg: { id: number; analysis?: Analysis; error?: string }) => {
        if (msg.error !== undefined || !msg.analysis) {
          reject(new Error(`analysing ${files[msg.id]}: ${msg.error}`));
          return;
        }
        inFlight--;
        finished(msg.id, revive(msg.analysis, kb));
        feed();
      });
      worker.on('error', reject);
      // A few tasks in flight, so a worker does not wait while this thread is busy with a draft.
      for (let i = 0; i < IN_FLIGHT; i++) feed();
    });
  const here = async (): Promise<void> => {
    while (next < files.length) {
      const id = next++;
      finished(id, await analyzeFile(files[id]!, ctx));
      collectIfGrown();
      // Let the workers' results in and their queues be refilled between drafts.
      if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...workers.map(inWorker), here()]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Drafts sent ahead to each worker. */
const IN_FLIGHT = 4;
