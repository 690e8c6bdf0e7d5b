/**
 * Worker threads for the CPU-bound work of a large batch: analysing drafts (worker.ts) and
 * writing the Markdown of cleaned articles (markdown-worker.ts). Each stage has threads of
 * its own, so the analysis threads' heaps are gone while the articles are cleaned; this
 * thread always takes a share of the work itself rather than waiting on them: its results
 * need no copying between threads, and one worker fewer is one heap fewer.
 *
 * Results come back in the order of the tasks, whatever order the threads finish in, so a run
 * with workers gives byte-identical reports to one without.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import type { LoadOptions } from '../load/index.js';
import type { DocumentRule, ResolvedConfig } from '../types.js';
import { knowledgeBase } from '../dose/index.js';
import { analyzeContext, analyzeFile, revive, type Analysis } from './analyze.js';
import { collectIfGrown } from '../gc.js';

/** What a worker is asked to do (see worker.ts). */
export type Task = { kind: 'analyse'; file: string } | { kind: 'markdown'; tree: Root };

export interface WorkerInit {
  config: ResolvedConfig;
  load: LoadOptions;
  cache?: string;
}

/**
 * Below this many drafts to analyse, starting workers costs more than it saves. Measured with
 * `npx tsx bench/threads.ts` on the compiled build (2 cores, shared, load average 17–22),
 * engine time with two threads against one, medians of 3: 50 drafts 12.4 s against 7.7 s
 * (1.62×), 100: 21.9 against 16.7 s (1.31×), 200: 23.7 against 17.6 s (1.35×), 400: 32.2
 * against 44.2 s (0.73×). Threads pay between 200 and 400 drafts; 300 sits between. A rerun
 * with `--cache` counts only the drafts it has to analyse.
 */
export const MIN_DRAFTS_FOR_WORKERS = 300;

/** Threads to work in, this one included: one per core for a large batch, else this one alone. */
export function defaultWorkers(files: number): number {
  return files >= MIN_DRAFTS_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 0;
}

/** Tasks sent ahead to each worker, so it does not wait while this thread is busy. */
export const IN_FLIGHT = 4;
/** Neighbouring drafts one thread takes at a time. */
const RUN = 8;

/** The worker modules beside this file. */
export type WorkerModule = 'worker' | 'markdown-worker';

/** A worker's module: its compiled .js, or, from the sources, a starter that loads the .ts. */
function workerUrl(module: WorkerModule): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : `./${module}.js`, import.meta.url);
}

/** One worker thread, its replies matched to its tasks. */
class TaskWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor(module: WorkerModule, init: WorkerInit | undefined) {
    this.#worker = new Worker(workerUrl(module), { workerData: { module, init } });
    this.#worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const pending = this.#pending.get(msg.id)!;
      this.#pending.delete(msg.id);
      if (msg.error !== undefined) pending.reject(new Error(msg.error));
      else pending.resolve(msg.result);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    // A worker that stops with tasks unanswered (out of memory, say) fails them.
    this.#worker.on('exit', (code) => this.#fail(new Error(`worker thread stopped (exit code ${code})`)));
  }

  #fail(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  run<T>(task: Task): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, task });
    });
  }

  terminate(): Promise<number> {
    return this.#worker.terminate();
  }
}

export class Pool {
  readonly workers: readonly TaskWorker[];

  /** `threads` counts this one: 0 or 1 starts no worker. */
  constructor(threads: number, module: WorkerModule, init?: WorkerInit) {
    this.workers = Array.from({ length: Math.max(0, threads - 1) }, () => new TaskWorker(module, init));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Lets replies from the workers in, and their queues be refilled, between two tasks of this thread. */
export function yieldToWorkers(pool: Pool | undefined): Promise<void> | undefined {
  return pool && pool.workers.length > 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
}

export interface AnalyzeOptions {
  /** Called after each draft, with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Rules to run instead of the registry (only in this thread: functions do not cross to workers). */
  rules?: readonly DocumentRule[];
  /** Cache folder for this configuration (see cache.ts). */
  cache?: string;
}

/** Analyses every draft, in this thread and the pool's workers (with `rules` given, in this thread alone). */
export async function analyzeFiles(files: string[], config: ResolvedConfig, load: LoadOptions, pool: Pool | undefined, options: AnalyzeOptions = {}): Promise<Analysis[]> {
  const kb = knowledgeBase(config);
  const ctx = analyzeContext(config, load, options.rules, options.cache);
  const results = new Array<Analysis>(files.length);
  let next = 0;
  let done = 0;
  // Drafts go out in runs of neighbours: the versions of an article sort together, and one
  // thread analysing them all finds their repeated blocks in its memory (see text-memo.ts).
  const claim = function* (): Generator<number> {
    while (next < files.length) {
      const start = next;
      const end = Math.min(files.length, start + RUN);
      next = end;
      for (let id = start; id < end; id++) yield id;
    }
  };
  const finished = (id: number, analysis: Analysis): void => {
    // What was derived is in this thread's per-draft memories now (see revive); kept on the
    // result as well, it would outlive `releaseDerived` to the end of the run.
    delete analysis.derived;
    results[id] = analysis;
    done++;
    options.onProgress?.(done, files.length);
  };
  const workers = options.rules || !pool ? [] : pool.workers;
  const inWorker = async (worker: TaskWorker): Promise<void> => {
    for (const id of claim()) {
      const file = files[id]!;
      try {
        finished(id, revive(await worker.run<Analysis>({ kind: 'analyse', file }), kb));
      } catch (error) {
        throw new Error(`analysing ${file}: ${(error as Error).message}`);
      }
    }
  };
  const here = async (): Promise<void> => {
    for (const id of claim()) {
      finished(id, await analyzeFile(files[id]!, ctx));
      collectIfGrown();
      if (workers.length > 0) await yieldToWorkers(pool);
    }
  };
  await Promise.all([...workers.flatMap((w) => Array.from({ length: IN_FLIGHT }, () => inWorker(w))), here()]);
  return results;
}
