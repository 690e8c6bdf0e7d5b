/**
 * `npm run bench:scale -- [--docs N] [--seed S] [--dir DIR]`
 *
 * The scale check: N generated drafts (default 60,000; bench/generate.ts) audited by the CLI
 * with `--format json`, the JSON going to a file as it would to a pipe, the cleaned articles
 * and the three reports written as always. Prints the wall time, the peak RSS of the run and
 * the memory per draft (peak RSS / N), and checks that the run ended (exit 0 or 1), that the
 * JSON on standard output is whole and names every draft. Kept out of `npm test`: it takes
 * many minutes on a shared machine. `--dir` reuses a corpus folder made by an earlier run.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { docs: { type: 'string', default: '60000' }, seed: { type: 'string', default: '20261123' }, dir: { type: 'string' } } });
const N = Number(values.docs);
if (!Number.isInteger(N) || N < 1) {
  console.error('usage: npm run bench:scale -- [--docs N] [--seed S] [--dir DIR]');
  process.exit(2);
}

const dir = values.dir ? path.resolve(values.dir) : mkdtempSync(path.join(tmpdir(), `draftaudit-scale-${N}-`));
if (!existsSync(path.join(dir, 'input'))) {
  mkdirSync(path.join(dir, 'input'), { recursive: true });
  let bytes = 0;
  for (const d of generateCorpus(N, Number(values.seed))) {
    writeFileSync(path.join(dir, 'input', d.path), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  console.log(`corpus: ${N} drafts, ${(bytes / 1e6).toFixed(1)} MB, in ${dir}`);
}

const out = path.join(dir, 'stdout.json');
const line = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/scale-child.ts'), dir, out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .pop()!;
const run = JSON.parse(line) as { code: number; ms: number; maxRssMb: number };

// The JSON's summary comes first: its head says how many drafts it holds, its end that it is whole.
const size = statSync(out).size;
const fd = openSync(out, 'r');
const head = Buffer.alloc(4096);
const tail = Buffer.alloc(64);
readSync(fd, head, 0, head.length, 0);
readSync(fd, tail, 0, tail.length, Math.max(0, size - tail.length));
closeSync(fd);
const documents = Number(/"documents": (\d+)/.exec(head.toString('utf8'))?.[1]);
const whole = /\]\n\}\n$/.test(tail.toString('utf8'));

console.log(`audit --format json: exit ${run.code}, ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.maxRssMb.toFixed(0)} MB`);
console.log(`memory per draft: ${((run.maxRssMb * 1024) / N).toFixed(1)} kB (peak RSS / ${N} drafts)`);
console.log(`JSON on standard output: ${(size / 1e6).toFixed(1)} MB, ${documents} documents, ${whole ? 'whole' : 'CUT SHORT'}`);
if (run.code > 1 || documents !== N || !whole) process.exit(1);
