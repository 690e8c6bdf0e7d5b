/**
 * Loading a heavy dependency when it is first asked for, not when the program starts.
 *
 * A module that only some drafts need (eld's language models take about 0.2 s and 30 MB to
 * load, and most English drafts never ask them) is required on first use, from code that
 * runs synchronously in the middle of a draft's analysis. Node loads an ES module
 * synchronously through `require` from 20.19 on (`process.features.require_module`), hence
 * `engines.node` in package.json.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/** The module `specifier` (an npm package or one of its exported paths), loaded once on first call. */
export function loadNow<T>(specifier: string): T {
  let mod = loaded.get(specifier);
  if (mod === undefined) {
    try {
      mod = require(fileURLToPath(import.meta.resolve(specifier)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_REQUIRE_ESM') {
        throw new Error(`${specifier} cannot be loaded on demand by Node ${process.versions.node}: draftaudit needs Node 20.19 or later`);
      }
      throw error;
    }
    loaded.set(specifier, mod);
  }
  return mod as T;
}

/** What lets go of each model loaded on first use (see `onRelease`). */
const releases = new Set<() => void>();

/**
 * Registers what lets go of a model this module loaded on first use (a word list, a
 * dictionary, a segmenter): `release` forgets it, and the next use loads it again.
 */
export function onRelease(release: () => void): void {
  releases.add(release);
}

/**
 * Lets go of every model loaded on first use, and of what the text memos remember (they
 * register here too). The main thread of a large batch holds some 60 MB of models (and
 * jieba's own copy of its dictionary outside the heap) once the stages that read them are
 * done, and its memos a few thousand blocks' results (the corpus stage's shingles with their
 * typed arrays, the debris evidence), each holding its draft's text; the cleaning and the
 * reports read none of them.
 */
export function releaseModels(): void {
  for (const release of releases) release();
}

/**
 * Forgets the CommonJS module `id` as `require` (made by `createRequire`) loaded it, so the
 * data it exports can go once nothing else holds it; a later `require` reads it again.
 */
export function forgetRequired(require: NodeJS.Require, id: string): void {
  const file = require.resolve(id);
  delete require.cache[file];
}
