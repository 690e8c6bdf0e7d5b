/**
 * One measured run of the benchmark, in a process of its own so its peak memory is its own.
 * Prints one JSON line: wall time, peak RSS and, for the engine, its stage times and cache use.
 * It runs the compiled build (dist/); bench/run.ts makes sure it is current. The CLI itself is
 * measured by cli-child.mjs, in a process without the TypeScript loader this one runs under.
 *
 *   node bench/child.ts … parse  DIR            # read, decode and parse every draft with remark-parse + remark-gfm
 *   … stages DIR [WORKERS]                      # the engine alone, for its stage times; WORKERS threads (default: as the CLI)
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const [mode, dir, ...rest] = process.argv.slice(2) as [string, string, ...string[]];
for (const folder of ['output', 'reports']) rmSync(path.join(dir, folder), { recursive: true, force: true });
const start = performance.now();
let timings: Record<string, number> | undefined;
let cache: { hits: number; misses: number } | undefined;

if (mode === 'parse') {
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  const decoder = new TextDecoder('utf-8');
  for (const f of readdirSync(path.join(dir, 'input')).sort()) processor.parse(decoder.decode(readFileSync(path.join(dir, 'input', f))));
} else if (mode === 'stages') {
  const { audit } = (await import(pathToFileURL(path.join(DIST, 'audit.js')).href)) as typeof import('../src/audit.js');
  const { resolveConfig } = (await import(pathToFileURL(path.join(DIST, 'config.js')).href)) as typeof import('../src/config.js');
  const workers = rest[0] === undefined ? {} : { workers: Number(rest[0]) };
  const result = await audit(['input'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output'), ...workers });
  timings = result.timings;
  cache = result.cache;
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, timings, cache })}\n`);
