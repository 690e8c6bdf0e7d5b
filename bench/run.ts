/**
 * `npm run bench -- [--docs N] [--seed S] [--runs R] [--no-textlint] [--no-scaling]`
 *
 * Generates N drafts (bench/generate.ts) and prints, for the same corpus:
 *  (a) parse only — read, decode and parse every draft with remark-parse + remark-gfm, one core;
 *  (b) the full audit — reports and cleaned articles written, worker threads as the CLI uses them;
 * the ratio b/a (target ≤ 1.0), MB/s and peak RSS of each; the corpus stage at N and 2N and
 * t(2N)/t(N) (target ≤ 2.2); the language stage on one core (target ≥ 5 MB/s); and textlint
 * with one trivial rule on the same drafts, the floor of what editors run in CI today; then
 * the worst-case drafts of bench/worst-case.ts, each one's time.
 * Each run is a process of its own. Targets are printed, not asserted: machines are noisy.
 * With --runs R, (a) and (b) are run R times each, in turn, and the ratio is that of their
 * medians (a shared machine's speed drifts by a tenth or more from one minute to the next).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20261123' },
    runs: { type: 'string', default: '1' },
    'no-textlint': { type: 'boolean', default: false },
    'no-scaling': { type: 'boolean', default: false },
  },
});
const N = Number(values.docs);
const R = Number(values.runs);
if (!Number.isInteger(N) || N < 10 || !Number.isInteger(R) || R < 1) {
  console.error('usage: npm run bench -- [--docs N (>= 10)] [--seed S] [--runs R (>= 1)] [--no-textlint] [--no-scaling]');
  process.exit(2);
}

interface Measured {
  ms: number;
  maxRssMb: number;
  timings?: Record<string, number>;
}

function corpusDir(n: number): { dir: string; mb: number } {
  const dir = mkdtempSync(path.join(tmpdir(), `draftaudit-bench-${n}-`));
  mkdirSync(path.join(dir, 'input'));
  let bytes = 0;
  for (const d of generateCorpus(n, Number(values.seed))) {
    writeFileSync(path.join(dir, 'input', d.path), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  return { dir, mb: bytes / 1e6 };
}

function child(mode: string, dir: string): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/child.ts'), mode, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

/** The run of median time (the upper one of an even count). */
function median(ms: Measured[]): Measured {
  return [...ms].sort((x, y) => x.ms - y.ms)[Math.floor(ms.length / 2)]!;
}

const line = (label: string, m: { ms: number; maxRssMb?: number }, mb: number): void =>
  console.log(
    `${label.padEnd(44)} ${(m.ms / 1000).toFixed(2).padStart(8)} s ${(mb / (m.ms / 1000)).toFixed(2).padStart(8)} MB/s` +
      (m.maxRssMb ? ` ${m.maxRssMb.toFixed(0).padStart(6)} MB peak RSS` : ''),
  );

const { dir, mb } = corpusDir(N);
console.log(`corpus: ${N} drafts, ${mb.toFixed(1)} MB (${((mb * 1e3) / N).toFixed(1)} kB each), in ${dir}`);
const as: Measured[] = [];
const bs: Measured[] = [];
for (let r = 0; r < R; r++) {
  as.push(child('parse', dir));
  bs.push(child('audit', dir));
}
const a = median(as);
const b = median(bs);
const runs = (ms: Measured[]): void => {
  if (R > 1) console.log(`${''.padEnd(4)}median of ${ms.map((m) => (m.ms / 1000).toFixed(2)).join(', ')} s`);
};
line('(a) parse only, remark-parse + remark-gfm', a, mb);
runs(as);
line('(b) full audit (reports and output written)', b, mb);
runs(bs);
console.log(`ratio b/a: ${(b.ms / a.ms).toFixed(2)} (target ≤ 1.0)`);

const stages = (m: Measured): string => Object.entries(m.timings!).map(([k, v]) => `${k === 'gc' ? 'forced garbage collections' : k} ${(v / 1000).toFixed(2)} s`).join(', ');
const stagesN = child('stages', dir);
console.log(`engine stages at N=${N}: ${stages(stagesN)}`);
if (!values['no-scaling']) {
  const big = corpusDir(2 * N);
  const full2 = child('audit', big.dir);
  line(`full audit at 2N=${2 * N}`, full2, big.mb);
  if (2 * N === 10_000) {
    const ok = (pass: boolean): string => (pass ? 'met' : 'NOT met');
    console.log(
      `10,000 drafts: ${(full2.ms / 1000).toFixed(1)} s (target < 60 s: ${ok(full2.ms < 60_000)}), ` +
        `${full2.maxRssMb.toFixed(0)} MB peak RSS (target < 1,000 MB: ${ok(full2.maxRssMb < 1000)})`,
    );
  }
  const stages2N = child('stages', big.dir);
  console.log(`engine stages at 2N=${2 * N}: ${stages(stages2N)}`);
  const ratio = stages2N.timings!.corpus! / stagesN.timings!.corpus!;
  console.log(`corpus stage: t(N)=${(stagesN.timings!.corpus! / 1000).toFixed(2)} s, t(2N)=${(stages2N.timings!.corpus! / 1000).toFixed(2)} s, t(2N)/t(N) = ${ratio.toFixed(2)} (target ≤ 2.2; stage times leave out the collections the engine forces, which depend on all a run holds)`);
  rmSync(big.dir, { recursive: true, force: true });
}

const lang = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/lang.ts')], { cwd: ROOT, encoding: 'utf8' });
console.log(lang.trim().split('\n').filter((l) => /language stage/.test(l)).join('\n'));

if (!values['no-textlint']) {
  const start = performance.now();
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/textlint'), ['--no-color', '--rule', 'no-todo', 'input/*.txt'], { cwd: dir, stdio: 'ignore' });
  } catch {
    // textlint exits 1 when its rule reports something; the time is what counts here
  }
  const t = { ms: performance.now() - start };
  line('textlint, one trivial rule (no-todo)', t, mb);
  console.log(`full audit / textlint: ${(b.ms / t.ms).toFixed(2)}`);
}

// Worst-case drafts (bench/worst-case.ts), each audited alone: each one's time.
console.log(execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/worst-case.ts')], { cwd: ROOT, encoding: 'utf8' }).trim());
rmSync(dir, { recursive: true, force: true });
