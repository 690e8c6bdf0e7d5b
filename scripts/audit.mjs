#!/usr/bin/env node
/**
 * `npm run audit`: runs the compiled CLI (dist/bin.js) when dist/ was built from the sources
 * as they are (see build-stamp.mjs), so a run pays no TypeScript compilation. When a source
 * changed since the build, it says so in one line and compiles the JavaScript again (build.mjs
 * --js-only, under a second); if that fails (a syntax error mid-edit), it says so and runs the
 * sources through tsx instead.
 * A stale build is never run.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkStamp, ROOT } from './build-stamp.mjs';

const state = checkStamp();
let entry = path.join(ROOT, 'dist', 'bin.js');
if (!state.current) {
  process.stderr.write(`draftaudit: dist/ is out of date (${state.reason}); building it again…\n`);
  // Messages go to stderr: standard output may be a report someone pipes.
  const { spawnSync } = await import('node:child_process'); // only to build: not loaded on a current build
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--js-only'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) {
    process.stderr.write('draftaudit: the build failed; running the TypeScript sources with tsx instead (slower start)\n');
    const { register } = await import('tsx/esm/api');
    register();
    entry = path.join(ROOT, 'src', 'bin.ts');
  }
}
await import(pathToFileURL(entry).href);
