/**
 * The output and reports folders through the CLI: files of others never overwritten nor
 * removed, leftovers of killed runs cleaned up, one run at a time per folder, reports as a
 * set, folders checked before any work, and messages of one line naming the file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { LOCK_FILE } from '../src/lock.js';
import { MANIFEST } from '../src/write.js';

/** Two short drafts of two different articles, in our own words. */
const DRAFTS: Record<string, string> = {
  'iron.txt': [
    'Iron and Tiredness',
    '',
    'Iron carries oxygen in the blood. People who eat little meat may run low on it [1].',
    '',
    'Adults should not take more than 45 mg of iron a day from supplements [2].',
    '',
    'References:',
    '1. https://ods.od.nih.gov/factsheets/Iron-Consumer/',
    '2. https://www.nhs.uk/conditions/vitamins-and-minerals/iron/',
    '',
  ].join('\n'),
  'zinc.txt': [
    'Zinc for Colds',
    '',
    'Zinc lozenges taken early may shorten a cold by a day or two [1].',
    '',
    'Too much zinc for a long time lowers copper in the body.',
    '',
    'References:',
    '1. https://ods.od.nih.gov/factsheets/Zinc-Consumer/',
    '',
  ].join('\n'),
};

function workspace(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-outputs-'));
  mkdirSync(path.join(cwd, 'input'));
  for (const [name, text] of Object.entries(DRAFTS)) writeFileSync(path.join(cwd, 'input', name), text);
  return cwd;
}

async function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; writes: number }> {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  const code = await main(['--no-progress', ...args], {
    cwd,
    color: false,
    env,
    stdout: (s) => {
      stdout += s;
      writes++;
    },
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr, writes };
}

const manifest = (cwd: string): string[] => JSON.parse(readFileSync(path.join(cwd, 'output', MANIFEST), 'utf8')).files;
const report = (cwd: string) => JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
const outputOf = (cwd: string, draft: string): string =>
  path.basename(report(cwd).clusters.find((c: { canonical: string }) => c.canonical === `input/${draft}`).output);

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

const children: Array<{ kill: () => void }> = [];
afterAll(() => children.forEach((c) => c.kill()));

describe('files draftaudit did not write', () => {
  it('are neither overwritten nor removed: the run names them on one line, writes the rest and exits 2', async () => {
    const probe = workspace();
    expect((await run([], probe)).code).toBeLessThan(2);
    const iron = outputOf(probe, 'iron.txt');
    const zinc = outputOf(probe, 'zinc.txt');

    const cwd = workspace();
    mkdirSync(path.join(cwd, 'output'));
    const own = '# My own page about iron\n\nWritten by hand for the site.\n';
    writeFileSync(path.join(cwd, 'output', iron), own);
    const first = await run([], cwd);
    expect(first.code).toBe(2);
    const lines = first.stderr.trim().split('\n');
    expect(lines[0]).toBe(`draftaudit: output/${iron} exists and was not written by draftaudit; its cleaned article was not written (move the file away or choose another --output)`);
    expect(lines[1]).toMatch(/^draftaudit: 1 cleaned article not written/);
    expect(readFileSync(path.join(cwd, 'output', iron), 'utf8')).toBe(own);
    expect(existsSync(path.join(cwd, 'output', zinc))).toBe(true);
    expect(manifest(cwd)).toEqual([zinc]);
    expect(report(cwd).summary.documents).toBe(2);

    // Later runs, pruning ones included, leave it alone too.
    rmDraft(cwd, 'iron.txt');
    expect((await run(['--prune'], cwd)).code).toBeLessThan(2);
    expect(readFileSync(path.join(cwd, 'output', iron), 'utf8')).toBe(own);
  });

  it('a file holding exactly the article is taken as the article', async () => {
    const cwd = workspace();
    await run([], cwd);
    const zinc = outputOf(cwd, 'zinc.txt');
    const text = readFileSync(path.join(cwd, 'output', zinc), 'utf8');
    // The manifest lost (an older version's folder, say): the same bytes are no conflict.
    writeFileSync(path.join(cwd, 'output', MANIFEST), '{}');
    const again = await run([], cwd);
    expect(again.code).toBeLessThan(2);
    expect(readFileSync(path.join(cwd, 'output', zinc), 'utf8')).toBe(text);
    expect(manifest(cwd)).toContain(zinc);
  });
});

function rmDraft(cwd: string, name: string): void {
  spawnSync('rm', [path.join(cwd, 'input', name)]);
}

describe('what a killed run left', () => {
  it('is removed by the next run: its articles, temporary files and staging folders', async () => {
    const cwd = workspace();
    await run([], cwd);
    const dead = deadPid();
    // A killed run had planned (and written) an article of iron.txt under an older name.
    const m = JSON.parse(readFileSync(path.join(cwd, 'output', MANIFEST), 'utf8'));
    m.files.push('iron-old-title.md');
    m.sources['iron-old-title.md'] = ['input/iron.txt'];
    writeFileSync(path.join(cwd, 'output', MANIFEST), JSON.stringify(m));
    writeFileSync(path.join(cwd, 'output/iron-old-title.md'), '# Iron\n');
    writeFileSync(path.join(cwd, 'output', `.iron-old-title.md.${dead}.tmp`), '# Ir');
    writeFileSync(path.join(cwd, 'reports', `.audit.json.${dead}.tmp`), '{"schema');
    writeFileSync(path.join(cwd, 'reports', `.audit.html.${dead}.staged`), '<html');
    mkdirSync(path.join(cwd, '.reports.draftaudit-new'));
    writeFileSync(path.join(cwd, '.reports.draftaudit-new/audit.json'), '{}');
    // A user's file that merely looks temporary, and one of a run still going, stay.
    writeFileSync(path.join(cwd, 'output/notes.tmp'), 'mine');
    writeFileSync(path.join(cwd, 'output', `.zinc.md.${process.pid}.tmp`), 'in progress');

    expect((await run([], cwd)).code).toBeLessThan(2);
    const files = readdirSync(path.join(cwd, 'output')).sort();
    expect(files).not.toContain('iron-old-title.md');
    expect(files).not.toContain(`.iron-old-title.md.${dead}.tmp`);
    expect(files).toEqual(expect.arrayContaining(['notes.tmp', `.zinc.md.${process.pid}.tmp`]));
    expect(readdirSync(path.join(cwd, 'reports')).sort()).toEqual(['audit.html', 'audit.json', 'audit.sarif']);
    expect(readdirSync(cwd).filter((f) => f.includes('draftaudit'))).toEqual([]);
  });
});

describe('one run at a time on a folder', () => {
  it('a second run waits briefly, then stops with one line naming the folder and the run', async () => {
    const cwd = workspace();
    const holder = spawn('sleep', ['60']);
    children.push(holder);
    mkdirSync(path.join(cwd, 'output'));
    writeFileSync(path.join(cwd, 'output', LOCK_FILE), JSON.stringify({ pid: holder.pid, host: hostname() }));
    const { code, stderr } = await run([], cwd, { DRAFTAUDIT_LOCK_WAIT_MS: '200' });
    expect(code).toBe(2);
    expect(stderr).toBe(`draftaudit: output/ is in use by another draftaudit run (process ${holder.pid}); try again when it ends, or remove output/${LOCK_FILE} if no run is going on\n`);
    expect(existsSync(path.join(cwd, 'reports/audit.json'))).toBe(false);
    holder.kill();
  });

  it('a lock whose process is gone is taken over, and released at the end', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'reports'));
    writeFileSync(path.join(cwd, 'reports', LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const { code } = await run([], cwd, { DRAFTAUDIT_LOCK_WAIT_MS: '200' });
    expect(code).toBeLessThan(2);
    expect(existsSync(path.join(cwd, 'reports', LOCK_FILE))).toBe(false);
    expect(existsSync(path.join(cwd, 'output', LOCK_FILE))).toBe(false);
    expect(report(cwd).summary.documents).toBe(2);
  });

  it('two runs started together on the same folders both finish, one after the other', async () => {
    const cwd = workspace();
    const env = { DRAFTAUDIT_LOCK_WAIT_MS: '120000' };
    const [a, b] = await Promise.all([run([], cwd, env), run([], cwd, env)]);
    expect([a.code, b.code]).toEqual([a.code, a.code]);
    expect(a.code).toBeLessThan(2);
    expect(report(cwd).summary.documents).toBe(2);
  });
});

describe('reports as a set', () => {
  it('swaps the reports folder in whole, keeping what else it held (a README, a link)', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'reports'));
    writeFileSync(path.join(cwd, 'reports/README.md'), '# reports\n');
    symlinkSync('audit.html', path.join(cwd, 'reports/latest.html'));
    await run([], cwd);
    expect(readdirSync(path.join(cwd, 'reports')).sort()).toEqual(['README.md', 'audit.html', 'audit.json', 'audit.sarif', 'latest.html']);
    expect(readFileSync(path.join(cwd, 'reports/README.md'), 'utf8')).toBe('# reports\n');
    expect(readFileSync(path.join(cwd, 'reports/latest.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('a reports folder that holds folders is not moved: the set is staged beside the old one', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'reports/archive'), { recursive: true });
    writeFileSync(path.join(cwd, 'reports/archive/2025.json'), '{}');
    await run([], cwd);
    expect(readdirSync(path.join(cwd, 'reports')).sort()).toEqual(['archive', 'audit.html', 'audit.json', 'audit.sarif']);
    expect(report(cwd).summary.documents).toBe(2);
  });
});

describe('folders checked before any work', () => {
  it.each([
    ['--output', 'notes.txt', 'draftaudit: --output notes.txt/: a file is in the way, not a folder'],
    ['--reports', 'notes.txt/reports', 'draftaudit: --reports notes.txt/reports/: cannot be created: a file is in the way'],
  ])('%s %s stops the run before any draft is read, on one line', async (flag, value, message) => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'notes.txt'), 'not a folder');
    const { code, stderr } = await run([flag, value], cwd);
    expect(code).toBe(2);
    expect(stderr).toBe(`${message}\n`);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
    expect(existsSync(path.join(cwd, 'reports'))).toBe(false);
  });

  it('a cache folder that cannot be used turns the cache off with a warning; the run goes on', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'cache'), 'a file');
    const { code, stderr } = await run(['--cache=cache'], cwd);
    expect(code).toBeLessThan(2);
    expect(stderr).toBe('draftaudit: warning: cache folder cache/ a file is in the way, not a folder; running without the cache\n');
    expect(report(cwd).summary.documents).toBe(2);
  });
});

describe('messages', () => {
  it('an I/O error names the file and gives its code once', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'baseline.json'));
    const { code, stderr } = await run(['--write-baseline', '--baseline', 'baseline.json'], cwd);
    expect(code).toBe(2);
    expect(stderr).toBe('draftaudit: cannot write baseline.json: illegal operation on a directory (EISDIR)\n');
  });
});

describe('--format json', () => {
  it('is written to standard output in pieces, the same text as reports/audit.json', async () => {
    const cwd = workspace();
    for (let i = 0; i < 40; i++) writeFileSync(path.join(cwd, 'input', `copy-${i}.txt`), DRAFTS['iron.txt']!.replace('Iron and Tiredness', `Iron and Tiredness, note ${i}`));
    const { stdout, writes } = await run(['--format', 'json'], cwd);
    expect(writes).toBeGreaterThan(1);
    expect(stdout.replace(/"generatedAt": "[^"]+"/, '')).toBe(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8').replace(/"generatedAt": "[^"]+"/, ''));
    expect(JSON.parse(stdout).summary.documents).toBe(42);
  });
});
