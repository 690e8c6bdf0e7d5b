/**
 * The run's temporary folders go with it. Tests make their workspaces with `mkdtempSync` under
 * the system's temporary folder, and many never removed them: each `npm test` left about two
 * hundred folders behind. This global setup points TMPDIR (which `os.tmpdir()` reads on each
 * call) at one folder of this run before the test workers start, so the workers, and the CLI
 * processes they spawn, inherit it; the folder and all inside it are removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'draftaudit-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
