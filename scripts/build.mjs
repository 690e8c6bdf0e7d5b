/**
 * `npm run build`: compiles src/ into dist/ — JavaScript bundled with esbuild, then the type
 * declarations with tsc (one .d.ts per source file, as the package's `types` expect), then the
 * stamp of what it was built from (build-stamp.mjs).
 *
 * Why a bundle: a one-draft run used to load about 180 modules of ours and 450 of the
 * dependencies, one file each, and Node spent most of its start-up resolving, reading and
 * linking them (0.6 s of a 1.1 s run). Bundled, the same code is a handful of files. The
 * entry points are the bin, the library (index.js), the three worker threads and the modules
 * the benchmark loads (cli, audit, config); `splitting` puts the code they share in chunks
 * loaded once, and what is imported with `import()` (the JUnit reporter) in chunks of its own,
 * read only when asked for. Dependencies loaded on first use through `loadNow` (src/lazy.ts:
 * franc, rehype-parse, cspell-trie-lib) or through `require` (eld's detector, opencc, jieba,
 * the CEDICT and word-frequency data) stay in node_modules and are read only by the drafts
 * that need them, as before.
 *
 * `import.meta.url` keeps its meaning: where a source reads it (a data file next to the code,
 * the worker's module beside the pool, the version in package.json), the bundle gets the URL
 * that module would have as dist/<same path>.js, computed from the chunk it landed in. See
 * `moduleUrls` below.
 *
 * `--js-only` leaves out the declarations: the launcher (audit.mjs) rebuilds so after a source
 * edit, in about a second where tsc takes ten or more, and a type error mid-edit does not stop
 * the run (`npm test` and `npx tsc --noEmit` check the types).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT, writeStamp } from './build-stamp.mjs';

const jsOnly = process.argv.includes('--js-only');
const SRC = path.join(ROOT, 'src');
const dist = path.join(ROOT, 'dist');

/** The modules run or imported from outside: the bin, the package's entry, the workers, and what bench/child.ts loads. */
export const ENTRIES = ['bin', 'index', 'cli', 'audit', 'config', 'engine/worker', 'engine/markdown-worker', 'engine/cache-reader', 'engine/start'];

/** The modules also written as one CommonJS bundle each, run from V8's code cache (src/compile-cache.ts): the CLI and the workers. */
export const BUNDLES = ['cli', 'engine/worker', 'engine/markdown-worker', 'engine/cache-reader'];

/** The call a source's `import.meta.url` becomes in the bundle, with the module's path in dist/, until the chunk is known. */
const MARK = '__draftauditModuleUrl';

/**
 * esbuild plugin: in each of our sources that reads `import.meta.url`, the expression becomes
 * `__draftauditModuleUrl("dose/kb.js")` (the module's own path in dist/). In the ES module
 * build, once the chunks are written, `resolveModuleUrls` turns that into the URL relative to
 * the chunk it landed in. In the CommonJS bundle of the CLI (`commonjs`), where there is no
 * `import.meta`, the call stays, as do `__draftauditResolve` for `import.meta.resolve` and
 * `__draftauditImport` for an `import()` of a computed specifier: src/compile-cache.ts, which
 * runs that bundle, hands it the three functions.
 */
const moduleUrls = (commonjs) => ({
  name: 'module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.') && !(commonjs && /\bimport\((?!['"`])/.test(text))) return undefined;
      const own = path.relative(SRC, args.path).split(path.sep).join('/').replace(/\.ts$/, '.js');
      let contents = text.replaceAll('import.meta.url', `${MARK}(${JSON.stringify(own)})`);
      if (commonjs) contents = contents.replaceAll('import.meta.resolve(', '__draftauditResolve(');
      // A computed import() (a config's plugin) goes through the ES module that runs the
      // bundle: a script compiled by vm has no loader of its own for it.
      if (commonjs) contents = contents.replace(/\bimport\((?!['"`])/g, '__draftauditImport(');
      return { contents, loader: 'ts' };
    });
  },
});

function resolveModuleUrls(outputs) {
  for (const file of Object.keys(outputs)) {
    if (!file.endsWith('.js')) continue;
    const full = path.join(ROOT, file);
    const text = readFileSync(full, 'utf8');
    if (!text.includes(`${MARK}(`)) continue;
    const fromChunk = path.relative(path.dirname(full), dist).split(path.sep).join('/') || '.';
    const resolved = text.replace(new RegExp(`${MARK}\\("([^"]+)"\\)`, 'g'), (_, own) => `new URL(${JSON.stringify(`${fromChunk}/${own}`)}, import.meta.url).href`);
    if (resolved.includes(`${MARK}(`)) throw new Error(`${file}: an import.meta.url the build could not place`);
    writeFileSync(full, resolved);
  }
}

// A removed source leaves no module behind, nor does an earlier build's chunk (a quick
// rebuild keeps the declarations).
if (jsOnly) {
  if (existsSync(dist)) for (const e of readdirSync(dist, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.(js|mjs|cjs)$/.test(f.name))) rmSync(path.join(e.parentPath ?? e.path, e.name));
} else rmSync(dist, { recursive: true, force: true });
/** What both builds share: the ES module bundle and the CLI as one CommonJS script. */
const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Dependencies that ship both prefer their ES module build (jsonc-parser's CommonJS one
  // requires its parts by paths a bundle does not keep).
  mainFields: ['module', 'main'],
  // A native addon, and the TypeScript loader the launcher falls back on: never bundled.
  external: ['@node-rs/jieba', 'tsx', 'tsx/*'],
  // Not minified: a stack trace names the functions and lines as the sources write them.
  minify: false,
  legalComments: 'none',
  tsconfig: path.join(ROOT, 'tsconfig.build.json'),
  logLevel: 'warning',
};
let result;
try {
  result = await build({
    ...COMMON,
    entryPoints: ENTRIES.map((e) => ({ in: path.join(SRC, `${e}.ts`), out: e })),
    outdir: dist,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    // The CommonJS dependencies bundled in (lilconfig, picomatch, the JUnit writer) require
    // Node's built-in modules; in an ES module that takes a `require` of its own. esbuild
    // renames any `require` of our sources, so this one names nothing else.
    banner: { js: "import { createRequire as __draftauditCreateRequire } from 'node:module';\nconst require = __draftauditCreateRequire(import.meta.url);" },
    plugins: [moduleUrls(false)],
    metafile: true,
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}
resolveModuleUrls(result.metafile.outputs);
// The CLI and the workers once more, each as one CommonJS script, for the bin and the
// workers' starter to run from V8's code cache (src/compile-cache.ts): everything each
// imports is inside (the CLI's JUnit writer too), and a worker's bundle holds only its own code.
try {
  await Promise.all(
    BUNDLES.map((e) =>
      build({
        ...COMMON,
        entryPoints: [path.join(SRC, `${e}.ts`)],
        outfile: path.join(dist, `${e}.cjs`),
        format: 'cjs',
        plugins: [moduleUrls(true)],
      }),
    ),
  );
} catch {
  process.exit(1);
}
if (!jsOnly) {
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
writeStamp();
