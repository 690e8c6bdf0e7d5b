/**
 * The hard per-draft time budget: a draft whose rule never returns is stopped, reported as
 * `internal/timeout` and left out, and the batch goes on, in this thread (V8's watchdog,
 * engine/budget.ts) and in a worker (the pool terminates and replaces it, engine/pool.ts).
 * The runaway is real: a plugin rule that loops forever on a marked draft, run by the CLI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEachWithin, runWithin } from '../src/engine/budget.js';
import { main } from '../src/cli.js';

describe('runWithin (V8 watchdog)', () => {
  function forever(): never {
    for (;;) {
      // never returns
    }
  }

  it('stops a function called from the script that loops forever, even one that catches errors', () => {
    expect(runWithin(100, forever)).toEqual({ timedOut: true });
    const stubborn = (): number => {
      try {
        return forever();
      } catch {
        return 1;
      } finally {
        // termination runs no finally block either
      }
    };
    expect(runWithin(100, stubborn)).toEqual({ timedOut: true });
  });

  it('returns what the work returns, and the thread runs on after a stop', () => {
    expect(runWithin(100, forever)).toEqual({ timedOut: true });
    expect(runWithin(5_000, () => [1, 2, 3].map((n) => n * 2))).toEqual({ value: [2, 4, 6] });
  });

  it('lets an ordinary error through as it is', () => {
    expect(() =>
      runWithin(5_000, () => {
        throw new RangeError('not a timeout');
      }),
    ).toThrow(RangeError);
  });
});

describe('runEachWithin (one watchdog for a run of works)', () => {
  /** Work that returns its index at once, or, for the indexes in `runaways`, loops until stopped. */
  const works = (runaways: number[]) => (i: number): number => {
    if (runaways.includes(i)) for (;;) {
      // stopped by the watchdog
    }
    return i * 10;
  };

  it.each([
    ['no runaway: every value, in order', 5, [], [0, 10, 20, 30, 40]],
    ['the first work runs away', 4, [0], ['stopped', 10, 20, 30]],
    ['a work in the middle runs away: those after it run under a fresh watchdog', 5, [2], [0, 10, 'stopped', 30, 40]],
    ['two runaways side by side', 4, [1, 2], [0, 'stopped', 'stopped', 30]],
    ['the last work runs away', 3, [2], [0, 10, 'stopped']],
    ['nothing to run', 0, [], []],
  ])('%s', (_, count, runaways, expected) => {
    const got = runEachWithin(60, count, works(runaways)).map((r) => ('value' in r ? r.value : 'stopped'));
    expect(got).toEqual(expected);
  });

  it('gives a work that starts late in a run its whole budget: it is stopped only after running that long', () => {
    let startedAt = 0;
    const results = runEachWithin(100, 2, (i) => {
      if (i === 0) {
        // Busy well past the moment a work may still start under the same watchdog.
        const until = performance.now() + 40;
        while (performance.now() < until) {
          // busy
        }
        return 'slow';
      }
      startedAt = performance.now();
      for (;;) {
        // stopped by the watchdog
      }
    });
    // Under the first work's watchdog the runaway would be stopped some 60 ms after it started.
    const ranFor = performance.now() - startedAt;
    expect(results).toEqual([{ value: 'slow' }, { timedOut: true }]);
    expect(ranFor).toBeGreaterThanOrEqual(100);
  });

  it('lets an ordinary error through, the works after it not run', () => {
    const ran: number[] = [];
    expect(() =>
      runEachWithin(5_000, 3, (i) => {
        ran.push(i);
        if (i === 1) throw new RangeError('not a timeout');
        return i;
      }),
    ).toThrow(RangeError);
    expect(ran).toEqual([0, 1]);
  });
});

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A house rule that reports where it ran, and never returns on a draft that asks it to. */
const PLUGIN = `import { isMainThread } from 'node:worker_threads';
export default {
  id: 'house/loops',
  scope: 'document',
  meta: { description: 'Loops on a marked draft', defaultSeverity: 'info', docs: 'A test rule.', example: 'LOOP FOREVER' },
  check(doc) {
    if (doc.text.includes('LOOP FOREVER')) for (;;) {}
    return [{ span: doc.blocks[0].position, message: isMainThread ? 'checked in the main thread' : 'checked in a worker' }];
  },
};
`;

/**
 * Short drafts in our own words. `a-runaway.md` sorts first, so with two threads the worker
 * takes it, and with the drafts after it in flight: the tenth draft waits in the worker's
 * queue when the worker is terminated, and must be done by its successor.
 */
const NOTES = ['Vitamin D', 'Calcium', 'Folate', 'Iodine', 'Selenium', 'Potassium'];
const DRAFTS: Record<string, string> = {
  ...Object.fromEntries(NOTES.map((name, i) => [`${String.fromCharCode(101 + i)}-note.md`, `# ${name}\n\n${name} is a nutrient that most people get from a varied diet.\n`])),
  'b-iron.txt': 'Iron and Tiredness\n\nIron carries oxygen in the blood [1].\n\nAdults should not take more than 4500 mg of iron a day.\n\nReferences:\n1. https://ods.od.nih.gov/factsheets/Iron-Consumer/\n',
  'c-zinc.md': '# Zinc for Colds\n\nZinc lozenges taken early may shorten a cold.<script>alert(1)</script>\n',
  'd-sleep.md': '# Magnesium and Sleep\n\nSome people take magnesium in the evening, hoping to sleep better.\n',
};

function folder(withRunaway: boolean): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-budget-'));
  made.push(cwd);
  writeFileSync(path.join(cwd, 'house-loops.mjs'), PLUGIN);
  writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ plugins: ['./house-loops.mjs'], timeBudget: 3 }));
  mkdirSync(path.join(cwd, 'input'));
  for (const [name, text] of Object.entries({ ...DRAFTS, ...(withRunaway ? { 'a-runaway.md': '# Runaway\n\nThis draft says LOOP FOREVER to the house rule.\n' } : {}) })) {
    writeFileSync(path.join(cwd, 'input', name), text);
  }
  return cwd;
}

interface Report {
  documents: Array<{ path: string; status: string }>;
  findings: Array<{ ruleId: string; path: string; severity: string; message: string; fixed?: boolean; data?: Record<string, unknown> }>;
}

async function run(cwd: string, threads: number): Promise<{ code: number; report: Report }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['--no-progress', '--format', 'json'], {
    cwd,
    color: false,
    env: { DRAFTAUDIT_THREADS: String(threads) },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  if (!stdout) throw new Error(`exit ${code}: ${stderr}`);
  return { code, report: JSON.parse(stdout) as Report };
}

describe('a rule that never returns, through the CLI', () => {
  it.each([
    ['one thread: V8 stops it', 1, 'checked in the main thread'],
    ['two threads: the pool terminates the worker and a fresh one goes on', 2, 'checked in a worker'],
  ])('%s', async (_, threads, where) => {
    // The same drafts without the runaway one: what the others must still give.
    const control = await run(folder(false), threads);
    const { code, report } = await run(folder(true), threads);
    expect(code).toBe(1);
    const runaway = report.findings.filter((f) => f.path === 'input/a-runaway.md');
    expect(runaway.map((f) => [f.ruleId, f.severity, f.data?.stopped])).toEqual([['internal/timeout', 'error', true]]);
    expect(runaway[0]!.message).toMatch(/longer than the 3 s budget and was stopped/);
    expect(report.documents.find((d) => d.path === 'input/a-runaway.md')?.status).toBe('timed-out');
    const others = report.findings.filter((f) => f.path !== 'input/a-runaway.md');
    expect(others).toEqual(control.report.findings);
    expect(report.documents.filter((d) => d.path !== 'input/a-runaway.md')).toEqual(control.report.documents);
    // The house rule did run on the other drafts, where the mode says.
    expect(others.filter((f) => f.ruleId === 'house/loops').map((f) => f.message)).toEqual(Array(9).fill(where));
    expect(others.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['dose/implausible', 'artifact/unsafe-html']));
  }, 120_000);
});
