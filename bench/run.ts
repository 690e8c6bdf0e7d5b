/**
 * `npm run bench -- [--runs R] [--batch-runs B] [--sizes 1000,5000] [--rerun N] [--changed K]
 *                   [--seed S] [--no-one] [--no-batch] [--no-rerun]`
 *
 * What the daily loop costs, in one run, on the compiled build (as `npm run audit` runs it):
 *  1. one draft (input/002…txt), as an author runs it: `node scripts/audit.mjs DRAFT` (what
 *     `npm run audit -- DRAFT` runs, its start-up check included; reports and the cleaned
 *     article written) against textlint with one trivial rule (no-todo) on the same file,
 *     medians of R (default 5), and their ratio (target ≤ 1.0); the same through `npm run` /
 *     `npx` (npm's own start-up added to both) is printed beside it;
 *  2. for each batch size (default 1,000 and 5,000 generated drafts): parse only (read,
 *     decode and parse every draft with remark-parse + remark-gfm, one core) against the full
 *     audit (reports and cleaned articles written, threads as the CLI starts them), medians of
 *     B (default 3), the ratio (target ≤ 1.0), MB/s and peak RSS;
 *  3. a rerun with `--cache` of N drafts (default 10,000) of which K (default 10) changed,
 *     against the full uncached audit of the same drafts (target ≤ 15%); peak RSS of the
 *     uncached run (target < 1 GB); and whether the two runs' cleaned articles, audit.json and
 *     audit.html are byte-identical (the time of the run aside). Each rerun runs over the
 *     articles and reports of the run before, as an author reruns it.
 *  4. the worst-case drafts of bench/worst-case.ts (#24), each one's time.
 * Each measured run is a process of its own, started after `sync`: the system has written out
 * what the run before wrote (a run of 10,000 drafts writes some 300 MB of reports), so no run
 * pays for the one before, as an author's run seconds or minutes after the last one does not.
 * Targets are printed, not asserted: the machine is shared and its speed drifts; the load
 * average is printed with each section.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuild } from './build.js';
import { generateCorpus } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'batch-runs': { type: 'string', default: '3' },
    sizes: { type: 'string', default: '1000,5000' },
    rerun: { type: 'string', default: '10000' },
    changed: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20261123' },
    'no-one': { type: 'boolean', default: false },
    'no-batch': { type: 'boolean', default: false },
    'no-rerun': { type: 'boolean', default: false },
  },
});
const R = Number(values.runs);
const B = Number(values['batch-runs']);
const sizes = values.sizes.split(',').filter(Boolean).map(Number);
const N = Number(values.rerun);
const K = Number(values.changed);
if (![R, B, N, K].every((x) => Number.isInteger(x) && x >= 1) || sizes.some((n) => !Number.isInteger(n) || n < 10) || K > N) {
  console.error('usage: npm run bench -- [--runs R] [--batch-runs B] [--sizes N1,N2] [--rerun N] [--changed K <= N] [--seed S] [--no-one] [--no-batch] [--no-rerun]');
  process.exit(2);
}
ensureBuild();

interface Measured {
  ms: number;
  maxRssMb: number;
  timings?: Record<string, number>;
  cache?: { hits: number; misses: number };
}

const load = (): string => `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianRun = (ms: Measured[]): Measured => [...ms].sort((x, y) => x.ms - y.ms)[Math.floor(ms.length / 2)]!;
const list = (xs: number[]): string => xs.map((x) => (x / 1000).toFixed(2)).join(', ');

/** Waits until the system has written out what earlier runs wrote (see the file comment). */
function settle(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

/** Wall time of a command, in ms; its exit code does not matter (1 = findings). */
function timed(cmd: string, args: string[], cwd: string): number {
  settle();
  const start = performance.now();
  const run = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cmd} ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return ms;
}

function child(mode: 'parse' | 'audit' | 'rerun', dir: string, ...args: string[]): Measured {
  settle();
  if (mode === 'parse') {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/child.ts'), mode, dir, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
    return JSON.parse(out.trim().split('\n').pop()!) as Measured;
  }
  // The CLI in a process of its own and nothing else in it (see cli-child.mjs), so its peak
  // memory is what `npm run audit` uses. Every audit writes its articles and reports afresh
  // (a rerun would find the articles already there and skip them); a rerun is measured as an
  // author meets it, over the folders the run before wrote.
  if (mode === 'audit') for (const folder of ['output', 'reports']) rmSync(path.join(dir, folder), { recursive: true, force: true });
  const result = path.join(dir, '.bench-result.json');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bench/cli-child.mjs'), result, 'input', '--no-progress', '--quiet', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`audit ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  const measured = JSON.parse(readFileSync(result, 'utf8')) as Measured;
  rmSync(result);
  return measured;
}

function corpusDir(n: number, seed: number): { dir: string; mb: number } {
  const dir = mkdtempSync(path.join(tmpdir(), `draftaudit-bench-${n}-`));
  mkdirSync(path.join(dir, 'input'));
  let bytes = 0;
  for (const d of generateCorpus(n, seed)) {
    writeFileSync(path.join(dir, 'input', d.path), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  return { dir, mb: bytes / 1e6 };
}

// ── 1. one draft ────────────────────────────────────────────────────────────────────────
if (!values['no-one']) {
  const draft = readdirSync(path.join(ROOT, 'input')).find((f) => f.startsWith('002_'))!;
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-bench-one-'));
  mkdirSync(path.join(dir, 'input'));
  cpSync(path.join(ROOT, 'input', draft), path.join(dir, 'input', draft));
  const file = `input/${draft}`;
  const textlint = path.join(ROOT, 'node_modules/.bin/textlint');
  const ours: number[] = [];
  const theirs: number[] = [];
  const oursNpm: number[] = [];
  const theirsNpx: number[] = [];
  for (let r = 0; r < R; r++) {
    ours.push(timed(process.execPath, [path.join(ROOT, 'scripts/audit.mjs'), file, '--no-progress'], dir));
    theirs.push(timed(textlint, ['--no-color', '--rule', 'no-todo', file], dir));
  }
  for (let r = 0; r < R; r++) {
    oursNpm.push(timed('npm', ['run', '--silent', '--prefix', ROOT, 'audit', '--', path.join(dir, file), '--no-progress', '--output', path.join(dir, 'output'), '--reports', path.join(dir, 'reports')], dir));
    theirsNpx.push(timed('npx', ['--prefix', ROOT, '--no-install', 'textlint', '--no-color', '--rule', 'no-todo', file], dir));
  }
  console.log(`one draft (${file}), medians of ${R}; ${load()}`);
  console.log(`  draftaudit (node scripts/audit.mjs, what npm run audit runs)  ${secs(median(ours))}   [${list(ours)}]`);
  console.log(`  textlint --rule no-todo                                      ${secs(median(theirs))}   [${list(theirs)}]`);
  console.log(`  ratio draftaudit / textlint: ${(median(ours) / median(theirs)).toFixed(2)} (target ≤ 1.0)`);
  console.log(`  through npm: npm run audit ${secs(median(oursNpm))} [${list(oursNpm)}], npx textlint ${secs(median(theirsNpx))} [${list(theirsNpx)}], ratio ${(median(oursNpm) / median(theirsNpx)).toFixed(2)}`);
  rmSync(dir, { recursive: true, force: true });
}

// ── 2. batches: full audit against parse only ───────────────────────────────────────────
if (!values['no-batch']) {
  for (const n of sizes) {
    const { dir, mb } = corpusDir(n, Number(values.seed));
    const parse: Measured[] = [];
    const full: Measured[] = [];
    for (let r = 0; r < B; r++) {
      parse.push(child('parse', dir));
      full.push(child('audit', dir));
    }
    const a = medianRun(parse);
    const b = medianRun(full);
    const rate = (m: Measured): string => `${(mb / (m.ms / 1000)).toFixed(2)} MB/s, ${m.maxRssMb.toFixed(0)} MB peak RSS`;
    console.log(`${n} drafts (${mb.toFixed(1)} MB), medians of ${B}; ${load()}`);
    console.log(`  (a) parse only, remark-parse + remark-gfm, one core   ${secs(a.ms)}  ${rate(a)}  [${list(parse.map((m) => m.ms))}]`);
    console.log(`  (b) full audit, reports and articles written          ${secs(b.ms)}  ${rate(b)}  [${list(full.map((m) => m.ms))}]`);
    console.log(`  ratio b/a: ${(b.ms / a.ms).toFixed(2)} (target ≤ 1.0 at 1,000; at 5,000 it was 0.82–0.89 before the speed work)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── 3. a cached rerun with a few drafts changed ─────────────────────────────────────────
if (!values['no-rerun']) {
  const { dir, mb } = corpusDir(N, Number(values.seed));
  const drafts = readdirSync(path.join(dir, 'input')).sort();
  const snapshot = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const f of readdirSync(path.join(dir, 'output')).sort()) out.set(`output/${f}`, readFileSync(path.join(dir, 'output', f), 'utf8'));
    out.set('reports/audit.json', readFileSync(path.join(dir, 'reports/audit.json'), 'utf8').replace(/"generatedAt": "[^"]*"/, ''));
    out.set('reports/audit.html', readFileSync(path.join(dir, 'reports/audit.html'), 'utf8').replace(/, generated [0-9TZ:.-]+/, ''));
    return out;
  };
  /** Changes K drafts spread over the batch (round `round` picks other ones): a sentence added at the end. */
  const change = (round: number): void => {
    for (let k = 0; k < K; k++) {
      const f = path.join(dir, 'input', drafts[(Math.floor((k * drafts.length) / K) + round * 7 + 3) % drafts.length]!);
      writeFileSync(f, `${readFileSync(f, 'utf8')}\nEdited in round ${round}: magnesium helps some adults sleep (1).\n`);
    }
  };
  const primed = child('audit', dir, '--cache');
  const reruns: Measured[] = [];
  for (let round = 1; round <= B; round++) {
    change(round);
    reruns.push(child('rerun', dir, '--cache', '--verbose'));
  }
  const cachedOut = snapshot();
  const uncached = child('audit', dir);
  const same = [...snapshot()].every(([k, v]) => cachedOut.get(k) === v) && snapshot().size === cachedOut.size;
  const rerun = medianRun(reruns);
  console.log(`${N} drafts (${mb.toFixed(1)} MB), ${K} changed before each rerun; ${load()}`);
  console.log(`  first run with --cache (fills it)   ${secs(primed.ms)}, ${primed.maxRssMb.toFixed(0)} MB peak RSS`);
  console.log(`  rerun with --cache, median of ${B}    ${secs(rerun.ms)}, ${rerun.maxRssMb.toFixed(0)} MB peak RSS  [${list(reruns.map((m) => m.ms))}]`);
  console.log(`  uncached run of the same drafts     ${secs(uncached.ms)}, ${uncached.maxRssMb.toFixed(0)} MB peak RSS (target < 1,000 MB)`);
  console.log(`  rerun / uncached: ${((100 * rerun.ms) / uncached.ms).toFixed(1)}% (target ≤ 15%)`);
  console.log(`  cleaned articles, audit.json and audit.html of the rerun and the uncached run: ${same ? 'byte-identical' : 'DIFFERENT'}`);
  rmSync(dir, { recursive: true, force: true });
}

// Worst-case drafts (bench/worst-case.ts), each audited alone: each one's time.
console.log(execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/worst-case.ts')], { cwd: ROOT, encoding: 'utf8' }).trim());
