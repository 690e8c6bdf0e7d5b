/**
 * One measured run of the benchmark, in a process of its own so its peak memory is its own.
 * Prints one JSON line: wall time, peak RSS and, for the audit, the engine's stage times.
 *
 *   node --import tsx bench/child.ts parse  DIR   # read, decode and parse every draft with remark-parse + remark-gfm
 *   node --import tsx bench/child.ts audit  DIR   # the full audit, reports and cleaned articles included
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { main } from '../src/cli.js';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';

const [mode, dir] = process.argv.slice(2) as [string, string];
// Every audit run writes its articles and reports afresh: a rerun would find the articles
// already there (see writeFolder) and skip them.
for (const folder of ['output', 'reports']) rmSync(path.join(dir, folder), { recursive: true, force: true });
const start = performance.now();
let timings: Record<string, number> | undefined;

if (mode === 'parse') {
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  const decoder = new TextDecoder('utf-8');
  for (const f of readdirSync(path.join(dir, 'input')).sort()) processor.parse(decoder.decode(readFileSync(path.join(dir, 'input', f))));
} else if (mode === 'audit') {
  const code = await main(['input', '--no-progress', '--quiet'], { cwd: dir, color: false, stdout: () => {}, stderr: (s) => process.stderr.write(s) });
  if (code === 2) process.exit(2);
} else if (mode === 'stages') {
  // The engine alone (no report writing), for its stage times.
  timings = (await audit(['input'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output') })).timings;
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, timings })}\n`);
