#!/usr/bin/env node
/** The executable: runs the CLI (from V8's code cache when built, see compile-cache.ts) and sets the exit code; nothing else. */
import { setFlagsFromString } from 'node:v8';
import { loadCli } from './compile-cache.js';

// The rules test each block against many large regular expressions (the debris patterns, the
// dose cues), each used once or a few times in a one-draft run. V8 first compiles a regular
// expression to bytecode and compiles it again to machine code on its second use; compiled
// once, to machine code, the analysis of one draft took 0.30 s instead of 0.55 s (medians of 7,
// one sample draft). Matching is the same either way. Set before any expression is compiled:
// the CLI is loaded below.
setFlagsFromString('--no-regexp-tier-up');
// A large batch asks for full collections (gc.ts), which sets --expose-gc when it first does.
// V8's code cache records the flags it was made under and refuses a cache made under others:
// set later in a run, the flag left a cache the next run refused (and wrote again). Set here,
// before any code is compiled, it is the same for every run; it installs no `gc` in this
// context (gc.ts takes it from a fresh one).
setFlagsFromString('--expose-gc');

const args = process.argv.slice(2);
const { main, save } = await loadCli();

main(args, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
  progress: process.stderr,
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
}).then(
  (code) => {
    process.exitCode = code;
    // The code cache is worth keeping after an audit, which compiled most of the program.
    if (!args.some((a) => ['-h', '--help', '-v', '--version'].includes(a)) && args[0] !== 'init') save();
  },
  (error: unknown) => {
    process.stderr.write(`draftaudit: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
