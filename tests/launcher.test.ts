/**
 * `npm run audit` as an author runs it, on a copy of the project (so the worktree's dist/ is
 * left alone): scripts/audit.mjs builds dist/ when there is none, runs the bundle and leaves
 * V8's code cache in dist/.cache/; the next run starts from that cache and prints the same;
 * a cache that does not fit is refused and written again; and after a source edit the stale
 * build is never run: the launcher says so, builds again and runs the edited code. Slow (two
 * builds), so it is one of the SLOW files of vitest.fast.config.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, samplePath } from './helpers.js';

const MINUTE = 60_000;
let project = '';
let work = '';

beforeAll(() => {
  const top = mkdtempSync(path.join(tmpdir(), 'draftaudit-launcher-'));
  project = path.join(top, 'project');
  mkdirSync(project);
  for (const entry of ['src', 'scripts', 'data', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  work = path.join(top, 'work');
  mkdirSync(path.join(work, 'drafts'), { recursive: true });
  cpSync(path.join(ROOT, samplePath('004')), path.join(work, 'drafts/owl.txt'));
});

afterAll(() => {
  if (project) rmSync(path.dirname(project), { recursive: true, force: true });
});

function audit(env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string; json: string } {
  const run = spawnSync(process.execPath, [path.join(project, 'scripts/audit.mjs'), 'drafts', '--no-progress'], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env } });
  const json = readFileSync(path.join(work, 'reports/audit.json'), 'utf8').replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json };
}

const caches = (): string[] => readdirSync(path.join(project, 'dist/.cache')).filter((f) => f.endsWith('.v8'));

describe('the launcher, the bundle and its code cache', () => {
  let first: ReturnType<typeof audit>;

  it('builds dist/ when there is none, says so, and runs it', () => {
    first = audit();
    expect(first.stderr).toMatch(/dist\/ is out of date \(there is no build yet\); building it again/);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/cite\/placeholder/);
    expect(readdirSync(path.join(project, 'dist'))).toEqual(expect.arrayContaining(['bin.js', 'cli.cjs', 'index.js', 'engine']));
    expect(readdirSync(path.join(project, 'dist/engine'))).toEqual(expect.arrayContaining(['worker.js', 'markdown-worker.js']));
    expect(caches()).toHaveLength(1);
  }, 3 * MINUTE);

  it('starts the next run from the code cache, with the same output and nothing built', () => {
    const cache = path.join(project, 'dist/.cache', caches()[0]!);
    const written = statSync(cache).mtimeMs;
    const second = audit();
    expect(second.stderr).toBe('');
    expect([second.code, second.stdout, second.json]).toEqual([first.code, first.stdout, first.json]);
    // A cache that fitted is used as it is, not written again.
    expect(statSync(cache).mtimeMs).toBe(written);
  }, MINUTE);

  it('refuses a cache that does not fit, runs the same, and writes a good one', () => {
    const cache = path.join(project, 'dist/.cache', caches()[0]!);
    writeFileSync(cache, 'not a code cache');
    const third = audit();
    expect(third.stderr).toBe('');
    expect([third.code, third.stdout, third.json]).toEqual([first.code, first.stdout, first.json]);
    expect(statSync(cache).size).toBeGreaterThan(100_000);
  }, MINUTE);

  it('runs the worker threads from their own bundles, with the same output', () => {
    expect(readdirSync(path.join(project, 'dist/engine'))).toEqual(expect.arrayContaining(['start.js', 'worker.cjs', 'markdown-worker.cjs']));
    // The analysis worker claims the first drafts: the draft is analysed there.
    const threaded = audit({ DRAFTAUDIT_THREADS: '2' });
    expect(threaded.stderr).toBe('');
    expect([threaded.code, threaded.stdout, threaded.json]).toEqual([first.code, first.stdout, first.json]);
  }, MINUTE);

  it('never runs a stale build: after a source edit it builds again and runs the edited code', () => {
    const rule = path.join(project, 'src/rules/cite/placeholder.ts');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('names no source`', 'names no source at all`'));
    const edited = audit();
    expect(edited.stderr).toMatch(/dist\/ is out of date \(src\/rules\/cite\/placeholder\.ts changed since the last build\); building it again/);
    expect(edited.stdout).toMatch(/names no source at all/);
    // The new bundle has a cache of its own; the old one is gone.
    expect(caches()).toHaveLength(1);
    const again = audit();
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(edited.stdout);
  }, 3 * MINUTE);
});
