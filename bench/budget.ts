/**
 * `npx tsx bench/budget.ts [N]`: what the hard per-draft time budget costs in the main thread
 * (engine/budget.ts: each draft's analysis run under V8's watchdog, one watchdog thread per
 * draft). Analyses N generated drafts (default 1,000) in this thread, with and without the
 * watchdog, each draft in both modes in turn, and prints the time per draft of each and the difference;
 * then the watchdog alone around an empty function.
 */
import { analyzeContext, analyzeText, type AnalyzeContext } from '../src/engine/analyze.js';
import { resolveConfig } from '../src/config.js';
import { runWithin } from '../src/engine/budget.js';
import { forgetTextMemos } from '../src/text-memo.js';
import { generateCorpus } from './generate.js';

const N = Number(process.argv[2] ?? 1000);
const drafts = generateCorpus(N);
const base = analyzeContext(resolveConfig(), { cwd: process.cwd(), include: [], exclude: [], maxFileSize: 10 * 1024 * 1024 });
const modes: Record<string, AnalyzeContext> = { watchdog: base, none: { ...base, watchdog: 'pool' } };
const times: Record<string, number[]> = { watchdog: [], none: [] };

// One pass to load what is loaded on first use; then each draft in both modes, one after the
// other, in turn first, its text memories forgotten before each, so the load of the machine
// and the memories weigh on both alike.
for (const d of drafts.slice(0, 50)) analyzeText(d.path, d.text, base);
drafts.forEach((d, i) => {
  for (const mode of i % 2 === 0 ? ['watchdog', 'none'] : ['none', 'watchdog']) {
    forgetTextMemos();
    const start = performance.now();
    analyzeText(d.path, d.text, modes[mode]!);
    times[mode]!.push(performance.now() - start);
  }
});
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [w, n] = [sum(times.watchdog!) / N, sum(times.none!) / N];
console.log(`${N} drafts, each in both modes: ${w.toFixed(2)} ms a draft with the watchdog, ${n.toFixed(2)} ms without (${(((w - n) / n) * 100).toFixed(1)}%); medians ${median(times.watchdog!).toFixed(2)} and ${median(times.none!).toFixed(2)} ms`);

const start = performance.now();
for (let i = 0; i < N; i++) runWithin(30_000, () => i);
console.log(`the watchdog alone: ${(((performance.now() - start) / N) * 1000).toFixed(0)} µs a call`);
