/**
 * `npm run build`: compiles src/ into dist/ — JavaScript with esbuild, one module per source
 * file as tsc would write it (the config has `isolatedModules`, so a file compiles on its
 * own), then the type declarations with tsc, then the stamp of what it was built from
 * (build-stamp.mjs).
 *
 * `--js-only` leaves out the declarations: the launcher (audit.mjs) rebuilds so after a source
 * edit, in well under a second where tsc takes ten or more, and a type error mid-edit does
 * not stop the run (`npm test` and `npx tsc --noEmit` check the types).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT, writeStamp } from './build-stamp.mjs';

const jsOnly = process.argv.includes('--js-only');
const dist = path.join(ROOT, 'dist');
const entryPoints = readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
  .map((e) => path.join(e.parentPath ?? e.path, e.name));

// A removed source leaves no module behind (a quick rebuild keeps the declarations).
if (!jsOnly) rmSync(dist, { recursive: true, force: true });
try {
  await build({
    entryPoints,
    outdir: dist,
    outbase: path.join(ROOT, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: path.join(ROOT, 'tsconfig.build.json'),
    logLevel: 'warning',
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}
if (!jsOnly) {
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
writeStamp();
