/**
 * One measured run of the CLI as an author runs it, for the benchmark (bench/run.ts):
 *
 *   node bench/cli-child.mjs RESULT.json [CLI ARGS…]      (in the folder to audit)
 *
 * loads the compiled bin (dist/bin.js, its V8 flags and code cache included) in a plain Node
 * process — no TypeScript loader, whose own thread and transforms would be counted in the
 * peak memory (bench/child.ts, run through tsx, reported 943 MB at 1,000 drafts where the
 * CLI itself peaks near 600 MB) — and, when the process exits, writes one JSON object to
 * RESULT.json: the time since the process started, its peak RSS and the exit code. Standard
 * output is the CLI's own (the bench discards it): a large batch's text report is megabytes.
 * Plain JavaScript so that nothing but the CLI runs in the process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [result, ...args] = process.argv.slice(2);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/bin.js');
process.argv = [process.argv[0], bin, ...args];
process.on('exit', (code) => {
  writeFileSync(result, JSON.stringify({ ms: performance.now(), maxRssMb: process.resourceUsage().maxRSS / 1024, code }));
});
await import(pathToFileURL(bin).href);
