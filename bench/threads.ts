/**
 * Where worker threads start to pay: the engine on N generated drafts with this thread alone
 * and with one thread per core (as the CLI starts them), medians of R runs each, in turn, for
 * a range of N. `MIN_DRAFTS_FOR_WORKERS` (src/engine/pool.ts) is set from its output.
 *
 *   npx tsx bench/threads.ts [--sizes 25,50,100,200,400] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.js';
import { ensureBuild } from './build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '25,50,100,200,400' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const R = Number(values.runs);
ensureBuild();

const threads = Math.min(availableParallelism(), 8);
const engine = (dir: string, workers: number): number =>
  (JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/child.ts'), 'stages', dir, String(workers)], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!) as { ms: number }).ms;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`threads: ${threads} (this one included); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const n of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), `draftaudit-threads-${n}-`));
  mkdirSync(path.join(dir, 'input'));
  for (const d of generateCorpus(n)) writeFileSync(path.join(dir, 'input', d.path), d.text);
  const one: number[] = [];
  const many: number[] = [];
  for (let r = 0; r < R; r++) {
    one.push(engine(dir, 1));
    many.push(engine(dir, threads));
  }
  const a = median(one);
  const b = median(many);
  console.log(`${String(n).padStart(6)} drafts: one thread ${(a / 1000).toFixed(2)} s, ${threads} threads ${(b / 1000).toFixed(2)} s, ratio ${(b / a).toFixed(2)}  (runs: ${one.map((x) => (x / 1000).toFixed(2)).join('/')} vs ${many.map((x) => (x / 1000).toFixed(2)).join('/')})`);
  rmSync(dir, { recursive: true, force: true });
}
