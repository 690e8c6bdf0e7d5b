/**
 * Analysing every draft, in this thread or, for a large batch, in a pool of worker threads
 * (one per core). Results come back in the order of the files, whatever order the workers
 * finish in, so the two ways give byte-identical reports.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { LoadOptions } from '../load/index.js';
import type { DocumentRule, ResolvedConfig } from '../types.js';
import { knowledgeBase } from '../dose/index.js';
import { analyzeContext, analyzeFile, revive, type Analysis } from './analyze.js';

export interface PoolOptions {
  /** Worker threads to use; 0 or 1 analyses in this thread. */
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

export async function analyzeFiles(files: string[], config: ResolvedConfig, load: LoadOptions, options: PoolOptions): Promise<Analysis[]> {
  if (options.workers <= 1 || options.rules) return inThread(files, config, load, options);
  return inWorkers(files, config, load, options);
}

async function inThread(files: string[], config: ResolvedConfig, load: LoadOptions, options: PoolOptions): Promise<Analysis[]> {
  const ctx = analyzeContext(config, load, options.rules, options.cache);
  const limit = pLimit(8); // reading overlaps with analysing; analysis itself is synchronous
  let done = 0;
  return Promise.all(
    files.map((file) =>
      limit(async () => {
        const analysis = await analyzeFile(file, ctx);
        options.onProgress?.(++done, files.length);
        return analysis;
      }),
    ),
  );
}

/** The worker's module: its compiled .js beside this file, or, from the sources, a starter that loads the .ts. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', import.meta.url);
}

async function inWorkers(files: string[], config: ResolvedConfig, load: LoadOptions, options: PoolOptions): Promise<Analysis[]> {
  const url = workerUrl();
  const kb = knowledgeBase(config);
  const results = new Array<Analysis>(files.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: options.workers }, () => new Worker(url, { workerData: { config, load, cache: options.cache } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // Two tasks in flight per worker, so a worker never waits for the next file.
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
              results[msg.id] = revive(msg.analysis, kb);
              options.onProgress?.(++done, files.length);
              feed();
            });
            worker.on('error', reject);
            feed();
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
