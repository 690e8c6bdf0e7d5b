/**
 * A hard per-draft time budget in the thread that runs the analysis. JavaScript cannot stop a
 * function from the thread it runs in, but V8 can: `vm.Script#runInContext` with `timeout`
 * starts a watchdog thread that terminates whatever JavaScript runs past the timeout, the
 * functions the script calls included (a rule looping forever, a regex backtracking, an
 * `Atomics.wait`), and turns it into an `ERR_SCRIPT_EXECUTION_TIMEOUT` error once the stack
 * has unwound (tests/budget.test.ts). The cost is one watchdog thread started and joined per
 * draft: 0.13–0.19 ms a call around an empty function; around real drafts, `npx tsx
 * bench/budget.ts` measured more on the shared 2-core machine (load 7–15): 1 ms of CPU and
 * 4–7 ms of wall time a draft (11.4 ms a draft without, 16.3 ms with), the join waiting for
 * the busy scheduler. One watchdog for a run of drafts would cost less, at the price of a
 * looser bound on when a draft is stopped.
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
  let value: T | undefined;
  slot[WORK] = () => {
    value = work();
  };
  try {
    script.runInThisContext({ timeout: Math.max(1, Math.ceil(ms)) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
    forgetTextMemos();
    return { timedOut: true };
  } finally {
    slot[WORK] = undefined;
  }
  return { value: value as T };
}
