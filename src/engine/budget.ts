/**
 * A hard per-draft time budget in the thread that runs the analysis. JavaScript cannot stop a
 * function from the thread it runs in, but V8 can: `vm.Script#runInContext` with `timeout`
 * starts a watchdog thread that terminates whatever JavaScript runs past the timeout, the
 * functions the script calls included (a rule looping forever, a regex backtracking, an
 * `Atomics.wait`), and turns it into an `ERR_SCRIPT_EXECUTION_TIMEOUT` error once the stack
 * has unwound (tests/budget.test.ts). The cost is one watchdog thread started and joined per
 * call: 0.13–0.19 ms around an empty function, but around real drafts on the shared 2-core
 * machine the join waits for the busy scheduler: one watchdog a draft showed 12.7 s of
 * `runInContext` self time in a profile of 1,000 drafts on one thread (load 10–16).
 * `runEachWithin` therefore runs a run of drafts under one watchdog, with a bound as hard as
 * one each (a draft is stopped only after it ran for its whole budget, and at the latest a
 * thirtieth of it later): 1.3 s for the same 1,000 drafts.
 *
 * What the interruption leaves behind: termination skips `catch` and `finally` blocks, so
 * state a function was changing when it was stopped stays as it was. The analysis writes
 * module-level state only in memories that store a value once it is complete (text-memo.ts,
 * the WeakMaps keyed by a draft) and in lazy loaders that assign what they built at the end;
 * the memories are forgotten all the same after an interruption (`forgetTextMemos`). One
 * thing it cannot repair: a module being loaded on first use (lazy.ts) when the budget ran
 * out stays half-evaluated for the rest of the thread's life, and the drafts that need it get
 * `internal/rule-crash`. Worker threads therefore use the pool's watchdog instead, which
 * terminates the whole thread (pool.ts).
 */
import vm from 'node:vm';
import { forgetTextMemos } from '../text-memo.js';

/** Where the script finds the work to run: a global of this thread, there only while it runs. */
const WORK = '__draftauditBudgetedWork';
const script = new vm.Script(`globalThis.${WORK}()`, { filename: 'draftaudit-budget' });
const slot = globalThis as unknown as Record<string, (() => void) | undefined>;

/** `work()`, or `{ timedOut: true }` when it ran longer than `ms` milliseconds and was stopped. */
export function runWithin<T>(ms: number, work: () => T): { value: T } | { timedOut: true } {
  return runEachWithin(ms, 1, work)[0]!;
}

/**
 * Works started at most this long after their watchdog was: `ms` divided by this (one second
 * of a 30-second budget), and never more than `MAX_LATE_START`.
 */
const LATE_START_SHARE = 30;
const MAX_LATE_START = 1_000;

/**
 * `work(0)` … `work(count - 1)` in order, each as `runWithin(ms, …)` would run it, but under
 * one watchdog for as many works as start within a short while (`lateStart`) of it, so a
 * batch of quick drafts starts and joins one watchdog thread, not one each. The bound holds
 * for every work: the watchdog is set to `ms + lateStart`, and no work starts later than
 * `lateStart` after it, so a work is stopped only after it ran for at least `ms`, and at the
 * latest after `ms + lateStart`. The works after a stopped one run on under a fresh watchdog.
 */
export function runEachWithin<T>(ms: number, count: number, work: (i: number) => T): Array<{ value: T } | { timedOut: true }> {
  const budget = Math.max(1, Math.ceil(ms));
  const lateStart = Math.min(MAX_LATE_START, Math.floor(budget / LATE_START_SHARE));
  const out: Array<{ value: T } | { timedOut: true }> = [];
  let next = 0;
  while (next < count) {
    const first = next;
    const since = performance.now();
    slot[WORK] = () => {
      while (next < count && (next === first || performance.now() - since < lateStart)) {
        out.push({ value: work(next) });
        next++;
      }
    };
    try {
      script.runInThisContext({ timeout: budget + lateStart });
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      forgetTextMemos();
      // The work at `next` was running: the ones before it are done, and it was stopped.
      out.push({ timedOut: true });
      next++;
    } finally {
      slot[WORK] = undefined;
    }
  }
  return out;
}
