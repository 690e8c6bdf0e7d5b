/**
 * What the build was made from: every file under src/, the two TypeScript configs and the
 * build script itself (a change of how dist/ is laid out makes it stale too), each
 * with its size and modification time, and one hash of all their contents. `npm run build`
 * records it in dist/.build-stamp.json (`node scripts/build-stamp.mjs`); the launcher
 * (scripts/audit.mjs) compares it with the sources before it runs dist/.
 *
 * The comparison costs a stat per file (about 150 files) when nothing changed, as ESLint's
 * cache does; only when a size or a time differs (an edit, or a checkout that rewrote files)
 * are the contents hashed, and the build is current when the hash still matches.
 * Plain JavaScript: it runs before anything is compiled.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP_FILE = path.join(ROOT, 'dist', '.build-stamp.json');
const BUILT_FROM = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

/** The files a build is made from, relative to the root with `/`, sorted. */
function sources() {
  const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
  return [...files.sort(), ...BUILT_FROM];
}

function statsOf(files) {
  return Object.fromEntries(
    files.map((f) => {
      const s = statSync(path.join(ROOT, f));
      return [f, [s.size, s.mtimeMs]];
    }),
  );
}

function hashOf(files) {
  // node:crypto is loaded only when contents are hashed, not on every run's check.
  const hash = createRequire(import.meta.url)('node:crypto').createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(path.join(ROOT, f))).update('\0');
  return hash.digest('hex');
}

/** Records the sources the build in dist/ was made from. */
export function writeStamp() {
  const files = sources();
  writeFileSync(STAMP_FILE, `${JSON.stringify({ hash: hashOf(files), files: statsOf(files) })}\n`);
}

/**
 * Whether dist/ was built from the sources as they are: `{ current: true }`, or
 * `{ current: false, reason }` naming what differs.
 */
export function checkStamp() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return { current: false, reason: 'there is no build yet' };
  }
  const files = sources();
  const stats = statsOf(files);
  const recorded = stamp.files ?? {};
  const changed = files.filter((f) => !recorded[f] || recorded[f][0] !== stats[f][0] || recorded[f][1] !== stats[f][1]);
  const removed = Object.keys(recorded).filter((f) => !(f in stats));
  if (changed.length === 0 && removed.length === 0) return { current: true };
  if (hashOf(files) === stamp.hash) {
    // Same contents, new times (a checkout, a touch): remember the times, so the next run
    // need not read the files again. Only a cache of the check; failing to write is harmless.
    try {
      writeFileSync(STAMP_FILE, `${JSON.stringify({ hash: stamp.hash, files: stats })}\n`);
    } catch {
      // read-only dist/: the next run hashes again
    }
    return { current: true };
  }
  const named = [...changed, ...removed];
  return { current: false, reason: `${named.slice(0, 2).join(', ')}${named.length > 2 ? ` and ${named.length - 2} more` : ''} changed since the last build` };
}
