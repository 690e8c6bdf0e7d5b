/**
 * Starting the CLI, and the worker threads, from V8's code cache. A one-draft run spends much
 * of its time compiling: the 2 MB of the bundle at start-up, then each function the first time
 * it runs; a worker thread of a large batch pays the same again for its own code. Node 20
 * keeps no compiled code between runs of ES modules (Node 22's `module.enableCompileCache`
 * does), but a script compiled with `vm.Script` can be given the code V8 made for it last time.
 *
 * So the build also writes the CLI and each worker as one CommonJS bundle (dist/cli.cjs,
 * dist/engine/worker.cjs, dist/engine/markdown-worker.cjs, dist/engine/cache-reader.cjs; see
 * scripts/build.mjs), and they are compiled here, with the cache an earlier run left in
 * dist/.cache/. A cache is named after its bundle's size and modification time and the Node
 * version, so a rebuilt bundle never meets an older cache; V8 checks it again (its version,
 * flags and the source's length) and refuses one that does not fit, and then the bundle is
 * compiled as if there were none. A cache is only a copy of what V8 would compile anyway: the
 * program runs the same with it, without it, or when it cannot be written (a read-only
 * install).
 * Measured on one sample draft (medians of 7, loaded machine): 0.56 s of CPU without, 0.41 s with.
 *
 * Run from the sources (tsx), or from a build without the bundles, the modules are imported as usual.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

type Cli = typeof import('./cli.js');

export interface LoadedCli {
  main: Cli['main'];
  /** Leaves the code compiled so far for the next run, when there was no cache to use (call after a full run). */
  save(): void;
}

/** A CommonJS bundle of dist/ run from the code cache (see `runBundle`). */
export interface LoadedBundle {
  exports: unknown;
  /** Leaves the code compiled so far for the next run, when there was no cache to use. */
  save(): void;
}

/** The bundles the build writes beside this module's own place in dist/, by their path there without `.cjs`. */
export type BundleName = 'cli' | 'engine/worker' | 'engine/markdown-worker' | 'engine/cache-reader';

export async function loadCli(): Promise<LoadedCli> {
  const bundle = runBundle('cli');
  if (!bundle) return imported();
  return { main: (bundle.exports as Cli).main, save: bundle.save };
}

/**
 * Compiles and runs the bundle `name` (from its code cache when there is one that fits);
 * undefined when there is no such bundle (run from the sources, or a build without it).
 */
export function runBundle(name: BundleName): LoadedBundle | undefined {
  if (import.meta.url.endsWith('.ts')) return undefined;
  const bundleUrl = new URL(`./${name}.cjs`, import.meta.url);
  if (bundleUrl.protocol !== 'file:') return undefined;
  const file = fileURLToPath(bundleUrl);
  let size: number;
  let mtime: number;
  try {
    ({ size, mtimeMs: mtime } = statSync(file));
  } catch {
    return undefined; // a build without the bundle
  }
  // This module's own folder is dist/ (the bundles' paths are relative to it).
  const dist = path.dirname(fileURLToPath(new URL('./cli.cjs', import.meta.url)));
  const folder = path.join(dist, '.cache');
  const prefix = `${name.replaceAll('/', '-')}-`;
  const cacheFile = path.join(folder, `${prefix}${size}-${Math.round(mtime * 1000)}-${process.version}-${process.arch}.v8`);
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  // CommonJS's own wrapper, with three more parameters: what the bundle has in place of
  // `import.meta.url`, `import.meta.resolve` and `import()` (see scripts/build.mjs).
  const source = `(function (exports, require, module, __filename, __dirname, __draftauditModuleUrl, __draftauditResolve, __draftauditImport) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const moduleUrl = (own: string): string => pathToFileURL(path.join(dist, own)).href;
  const resolve = (specifier: string): string => import.meta.resolve(specifier);
  const load = (specifier: string): Promise<unknown> => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, Module.createRequire(file), mod, file, path.dirname(file), moduleUrl, resolve, load);
  const fresh = !cached || script.cachedDataRejected === true;
  return {
    exports: mod.exports,
    save() {
      if (!fresh) return;
      try {
        mkdirSync(folder, { recursive: true });
        // Caches of earlier builds of this bundle go (not another thread's or run's cache being
        // written); the new one is written whole, then named (runs and threads may overlap).
        for (const old of readdirSync(folder)) if (old.startsWith(prefix) && /^\d/.test(old.slice(prefix.length)) && old.endsWith('.v8') && path.join(folder, old) !== cacheFile) rmSync(path.join(folder, old), { force: true });
        const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // a read-only install: the next run compiles again
      }
    },
  };
}

async function imported(): Promise<LoadedCli> {
  const { main } = await import('./cli.js');
  return { main, save() {} };
}
