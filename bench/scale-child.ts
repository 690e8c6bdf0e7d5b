/**
 * One run of the scale check (bench/scale.ts), in a process of its own so its peak memory is
 * its own: the CLI on DIR/input with `--format json`, standard output written to OUT.
 * Prints one JSON line: exit code, wall time, peak RSS.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { main } from '../src/cli.js';

const [dir, out] = process.argv.slice(2) as [string, string];
const fd = openSync(out, 'w');
const start = performance.now();
const code = await main(['input', '--format', 'json', '--no-progress', '--prune'], {
  cwd: dir,
  color: false,
  stdout: (s) => {
    const bytes = Buffer.from(s);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  },
  stderr: (s) => process.stderr.write(s),
});
closeSync(fd);
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
