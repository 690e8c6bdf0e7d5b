/** The benchmarks time the compiled build, as `npm run audit` runs it: this makes sure dist/ is current first. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStamp } from '../scripts/build-stamp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureBuild(): void {
  const state = checkStamp();
  if (state.current) return;
  console.log(`dist/ is out of date (${state.reason}); building it`);
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--js-only'], { cwd: ROOT, stdio: 'inherit' });
}
