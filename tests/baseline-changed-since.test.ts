/**
 * `--changed-since REF` in a temporary git repository: the whole corpus is audited and
 * reported, but only findings on drafts changed since REF (or untracked) decide the exit code.
 * The repository root is one folder above the working directory, so paths are mapped.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { changedSince } from '../src/changed.js';
import { run, workspace, write } from './fixtures/report/workspace.js';

const exec = promisify(execFile);

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'user.name=draftaudit tests', '-c', 'user.email=tests@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd });
  return stdout;
}

/** A repository whose root holds `site/`, the working directory with the samples in `site/input/`. */
async function repository(): Promise<{ root: string; cwd: string }> {
  const root = mkdtempSync(path.join(tmpdir(), 'draftaudit-git-'));
  const cwd = path.join(root, 'site');
  mkdirSync(cwd);
  workspace('samples', cwd);
  write(cwd, 'input/old-empty.txt', '');
  write(cwd, 'input/later-empty.txt', 'Magnesium is a mineral your body needs.\n');
  write(root, '.gitignore', 'site/output/\nsite/reports/\n');
  await git(root, 'init', '--quiet');
  await git(root, 'add', '.');
  await git(root, 'commit', '--quiet', '-m', 'drafts');
  return { root, cwd };
}

describe('--changed-since', () => {
  it('lets only drafts changed since the ref, tracked or untracked, decide the exit code', async () => {
    const { root, cwd } = await repository();

    // Nothing changed: every finding is reported, none counts.
    const clean = await run(['--changed-since', 'HEAD'], cwd);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/input\/old-empty\.txt\n {2}1:1 +error +File is empty +input\/unreadable-or-empty +\(unchanged since HEAD\)\n/);
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    expect(report.findings.some((f: { path: string }) => f.path === 'input/old-empty.txt')).toBe(true);
    const html = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    expect(html.match(/data-gate="unchanged"/g)).toHaveLength(report.findings.length);
    expect(html).toContain('class="verdict pass"');

    // An untracked draft counts.
    write(cwd, 'input/new-empty.txt', '');
    const untracked = await run(['--changed-since', 'HEAD'], cwd);
    expect(untracked.code).toBe(1);
    expect(untracked.stdout).toMatch(/input\/new-empty\.txt\n {2}1:1 +error +File is empty +input\/unreadable-or-empty\n/);
    rmSync(path.join(cwd, 'input/new-empty.txt'));

    // A tracked draft changed in the working tree counts; then committed, it counts against HEAD~1 only.
    write(cwd, 'input/later-empty.txt', '');
    expect((await run(['--changed-since', 'HEAD'], cwd)).code).toBe(1);
    await git(root, 'commit', '--quiet', '-am', 'empty it');
    expect((await run(['--changed-since', 'HEAD'], cwd)).code).toBe(0);
    const sinceParent = await run(['--changed-since', 'HEAD~1'], cwd);
    expect(sinceParent.code).toBe(1);
    // (the line wraps to 80 columns when the output is not a terminal)
    expect(sinceParent.stdout.replace(/\n +/g, ' ')).toMatch(/of which \d+ on drafts not changed since HEAD~1: reported, not counted toward the exit code/);

    // The list comes from git: one changed file, relative to the repository root.
    const changed = await changedSince('HEAD~1', cwd);
    expect(changed.files.map((f) => path.relative(root, f))).toEqual(['site/input/later-empty.txt']);
    expect(changed.has('input/later-empty.txt')).toBe(true);
    expect(changed.has(path.join(cwd, 'input/later-empty.txt'))).toBe(true);
    expect(changed.has('input/old-empty.txt')).toBe(false);
  });

  it.each([
    ['an unknown ref', 'no-such-branch', /^draftaudit: --changed-since: unknown git ref "no-such-branch"\n$/],
    ['a ref that looks like an option', '--output=elsewhere', /^draftaudit: --changed-since needs a git ref such as main or HEAD~1 \(got "--output=elsewhere"\)\n$/],
  ])('%s exits 2 with one line', async (_name, ref, message) => {
    const { cwd } = await repository();
    const { code, stderr } = await run([`--changed-since=${ref}`], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(existsSync(path.join(cwd, 'reports'))).toBe(false);
  });

  it('outside a git repository exits 2 with one line', async () => {
    const cwd = workspace();
    const { code, stderr } = await run(['--changed-since', 'main'], cwd);
    expect(code).toBe(2);
    expect(stderr).toBe(`draftaudit: --changed-since: ${cwd} is not inside a git repository\n`);
  });
});
