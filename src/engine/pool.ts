/**
 * Worker threads for the CPU-bound work of a large batch: analysing drafts (worker.ts),
 * writing the Markdown of cleaned articles (markdown-worker.ts), and on a rerun checking the
 * cache's kept pieces ahead of the stages that read them (cache-reader.ts). Each stage has
 * threads of its own, so the analysis threads' heaps are gone while the articles are cleaned;
 * this thread always takes a share of the work itself rather than waiting on them: its
 * results need no copying between threads, and one worker fewer is one heap fewer.
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
import { analyzeContext, analyzeFileRun, budgetMs, revive, stoppedFile, type Analysis } from './analyze.js';
import { collectIfGrown } from '../gc.js';
import { addVouches, type Vouch } from './pieces.js';
import { VOUCHED_KINDS } from './vouch.js';

/** What a worker is asked to do (see worker.ts, markdown-worker.ts and cache-reader.ts). */
export type Task =
  | { kind: 'analyse'; file: string }
  | { kind: 'markdown'; tree: Root; render?: boolean }
  | { kind: 'vouch'; folder: string; pieceKind: string };

export interface WorkerInit {
  config: ResolvedConfig;
  load: LoadOptions;
  cache?: string;
  /** Plugin modules (absolute paths) whose rules the worker loads and runs beside the built-in ones. */
  plugins?: readonly string[];
}

/**
 * Below this many drafts to analyse, starting workers costs more than it saves. Measured with
 * `npx tsx bench/threads.ts` on the compiled build (2 cores, load average 0.8–1.8), engine
 * time with two threads against one, medians of 3: 400 drafts 3.61 against 3.31 s (1.09×),
 * 1,000: 5.68 against 5.54 s (1.03×), 1,500: 7.50 against 7.31 s (1.03×), 2,000: 8.79
 * against 9.07 s (0.97×), 3,000: 12.04 against 13.18 s (0.91×). Two analyses running at once
 * on these cores each take about half again as long as one alone, and each thread loads the
 * word lists, models and expressions for itself: threads pay from about 2,000 drafts. (An
 * earlier measure on a machine shared with other work, load average 17–22, put the cross-over
 * near 300: under load, more threads win more of the cores' time.) A rerun with `--cache`
 * counts only the drafts it has to analyse.
 */
export const MIN_DRAFTS_FOR_WORKERS = 2000;

/**
 * A batch this large lets go of the word lists and models before its articles are cleaned,
 * and on a rerun mostly from the cache collects less often (see audit.ts and gc.ts), with or
 * without threads.
 */
export const LARGE_BATCH = 300;

/** Threads to work in, this one included: one per core for a large batch, else this one alone. */
export function defaultWorkers(files: number): number {
  return files >= MIN_DRAFTS_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 0;
}

/**
 * Tasks sent ahead to each worker, so it does not wait while this thread is busy: this thread
 * analyses a run of RUN drafts between two looks at the workers' replies.
 */
export const IN_FLIGHT = 12;
/** Neighbouring drafts one thread takes at a time. */
const RUN = 8;

/** The worker modules beside this file. */
export type WorkerModule = 'worker' | 'markdown-worker' | 'cache-reader';

/** A worker's starter: in the build, the one that runs the module's bundle from V8's code cache (start.ts); from the sources, one that loads the .ts. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './start.js', import.meta.url);
}

/** A task a worker was sent and has not answered yet. */
interface Pending {
  task: Task;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The young generation of a worker's heap, in MB (V8's default is 48: three semi-spaces of
 * 16). A worker keeps little alive from one task to the next, and its young generation,
 * always committed, stood beside the whole batch this thread holds: at 10,000 drafts the
 * analysis worker's heap took 148 instead of 168 MB and the process peaked 55 MB lower
 * during the analysis, for no measurable change in its time (23.0 against 24.8 s).
 */
export const WORKER_YOUNG_MB = 8;

/** A task the pool stopped: its worker was still at it when the time budget ran out. */
export class TaskTimeout extends Error {
  constructor(readonly budgetMs: number) {
    super(`stopped after ${budgetMs} ms`);
  }
}

/**
 * One worker thread, its replies matched to its tasks. With a time budget, a watchdog: the
 * worker does its tasks one at a time, in the order sent (serve.ts), so the oldest task
 * unanswered is the one it works on; when that one has run for the whole budget, the thread
 * is terminated (all it held goes with it, whatever state the task left), the task fails with
 * `TaskTimeout`, and a fresh thread takes over the tasks still unanswered.
 */
class TaskWorker {
  #worker!: Worker;
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  /** The thread has loaded its code: the clock of its first task starts then. */
  #ready = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly module: WorkerModule,
    readonly init: WorkerInit | undefined,
    readonly budgetMs?: number,
  ) {
    this.#start();
  }

  #start(): void {
    const worker = new Worker(workerUrl(), { workerData: { module: this.module, init: this.init }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    this.#worker = worker;
    this.#ready = false;
    // A thread that was replaced may still speak while it goes: only the current one is heard.
    worker.on('message', (msg: { ready?: true; id: number; result?: unknown; error?: string }) => {
      if (worker !== this.#worker) return;
      if (msg.ready) {
        this.#ready = true;
      } else {
        const pending = this.#pending.get(msg.id)!;
        this.#pending.delete(msg.id);
        if (msg.error !== undefined) pending.reject(new Error(msg.error));
        else pending.resolve(msg.result);
      }
      this.#watch();
    });
    worker.on('error', (error) => worker === this.#worker && this.#fail(error));
    // A worker that stops with tasks unanswered (out of memory, say) fails them.
    worker.on('exit', (code) => worker === this.#worker && this.#fail(new Error(`worker thread stopped (exit code ${code})`)));
    for (const [id, p] of this.#pending) worker.postMessage({ id, task: p.task });
  }

  /** Sets the watchdog on the task the thread works on now. */
  #watch(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const head = this.#pending.keys().next();
    if (this.budgetMs === undefined || !this.#ready || head.done) return;
    this.#arm(head.value, performance.now(), this.budgetMs);
  }

  #arm(id: number, since: number, wait: number): void {
    this.#timer = setTimeout(() => {
      // Replies that came while this thread was busy are read first (they wait for the poll
      // phase, after the timers): a task that did end in time is not stopped.
      setImmediate(() => {
        if (this.#pending.keys().next().value !== id) return;
        // A timer may fire a little early by this clock: it then waits out the rest.
        const left = this.budgetMs! - (performance.now() - since);
        if (left > 0) this.#arm(id, since, left);
        else this.#stop(id);
      });
    }, Math.ceil(wait));
  }

  #stop(id: number): void {
    const pending = this.#pending.get(id)!;
    this.#pending.delete(id);
    void this.#worker.terminate();
    this.#start();
    pending.reject(new TaskTimeout(this.budgetMs!));
  }

  #fail(error: Error): void {
    clearTimeout(this.#timer);
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  run<T>(task: Task): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { task, resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, task });
      if (this.#pending.size === 1) this.#watch();
    });
  }

  terminate(): Promise<number> {
    clearTimeout(this.#timer);
    return this.#worker.terminate();
  }
}

export class Pool {
  readonly workers: readonly TaskWorker[];

  /**
   * `threads` counts this one: 0 or 1 starts no worker. An analysis pool (with `init`) stops
   * a draft at the config's time budget (see TaskWorker).
   */
  constructor(threads: number, module: WorkerModule, init?: WorkerInit) {
    const budget = init ? budgetMs(init.config) : undefined;
    this.workers = Array.from({ length: Math.max(0, threads - 1) }, () => new TaskWorker(module, init, budget));
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
  /** The workers run `rules` too: they are the registry's and those of the plugin modules the pool's workers load. */
  rulesInWorkers?: boolean;
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
  const claimRun = (): number[] => {
    const start = next;
    next = Math.min(files.length, start + RUN);
    return Array.from({ length: next - start }, (_, k) => start + k);
  };
  const claim = function* (): Generator<number> {
    while (next < files.length) yield* claimRun();
  };
  const finished = (id: number, analysis: Analysis): void => {
    // What was derived is in this thread's per-draft memories now (see revive); kept on the
    // result as well, it would outlive `releaseDerived` to the end of the run.
    delete analysis.derived;
    results[id] = analysis;
    done++;
    options.onProgress?.(done, files.length);
  };
  const workers = (options.rules && !options.rulesInWorkers) || !pool ? [] : pool.workers;
  // Each worker keeps IN_FLIGHT of its runs' drafts sent ahead, from one claim: it holds at
  // most a run and IN_FLIGHT drafts when the batch runs out, not IN_FLIGHT runs.
  const inWorker = (worker: TaskWorker): Array<Promise<void>> => {
    const ids = claim();
    return Array.from({ length: IN_FLIGHT }, () => lane(worker, ids));
  };
  const lane = async (worker: TaskWorker, ids: Iterator<number>): Promise<void> => {
    for (let step = ids.next(); !step.done; step = ids.next()) {
      const id = step.value;
      const file = files[id]!;
      try {
        finished(id, revive(await worker.run<Analysis>({ kind: 'analyse', file }), kb));
      } catch (error) {
        // Stopped at its time budget: the batch goes on without it, in a fresh worker.
        if (error instanceof TaskTimeout) {
          finished(id, stoppedFile(file, ctx));
          continue;
        }
        throw new Error(`analysing ${file}: ${(error as Error).message}`);
      }
    }
  };
  // This thread analyses a run at a time, under as few watchdogs as the time budget allows
  // (see runEachWithin): starting and joining one for each draft cost more than a millisecond.
  const here = async (): Promise<void> => {
    while (next < files.length) {
      const ids = claimRun();
      const analyses = await analyzeFileRun(ids.map((id) => files[id]!), ctx);
      ids.forEach((id, k) => finished(id, analyses[k]!));
      collectIfGrown();
      if (workers.length > 0) await yieldToWorkers(pool);
    }
  };
  await Promise.all([...workers.flatMap(inWorker), here()]);
  return results;
}

/**
 * The cache reader: on a rerun, a thread of its own that checks the kept pieces of the later
 * stages (vouch.ts) while this thread takes the drafts from the cache, so that the stages take
 * the pieces it vouched for without checking them again. A stage that reads a piece before it
 * is vouched for checks it itself: nothing waits for the thread.
 */
export interface CacheReader {
  close(): Promise<void>;
}

export function startCacheReader(folder: string): CacheReader {
  const pool = new Pool(2, 'cache-reader');
  const reader = pool.workers[0]!;
  // Every kind is asked for at once: the thread checks one after another without waiting for
  // this one to take an answer and ask again (this thread reads the cached analyses without
  // yielding, so a next question would wait for the end of that pass). The thread goes as
  // soon as the last kind is checked: its heap and its allocator's memory would otherwise
  // stand beside everything the later stages hold.
  void Promise.all(VOUCHED_KINDS.map(async (pieceKind) => addVouches(folder, await reader.run<Array<[string, Vouch]>>({ kind: 'vouch', folder, pieceKind }))))
    .catch(() => undefined)
    .then(() => pool.close());
  return { close: () => pool.close() };
}
