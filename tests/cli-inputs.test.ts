/**
 * What the CLI reads: regular files only, links followed only inside the inputs, hidden
 * drafts audited, include/exclude globs on paths relative to the working folder. Each case
 * runs the whole command on a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

const DRAFT = [
  'Vitamin C and Colds',
  '',
  'Taking vitamin C every day does not stop most colds, but it may make them a little shorter [1].',
  '',
  'References:',
  '1. https://ods.od.nih.gov/factsheets/VitaminC-Consumer/',
  '',
].join('\n');

function workspace(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-inputs-'));
  mkdirSync(path.join(cwd, 'input'));
  writeFileSync(path.join(cwd, 'input/vitamin-c.txt'), DRAFT);
  return cwd;
}

async function run(args: string[], cwd: string): Promise<{ code: number; stderr: string; report: { documents: Array<{ path: string; status: string }>; findings: Array<{ path: string; ruleId: string; message: string }> } }> {
  let stderr = '';
  const code = await main(['--no-progress', '--quiet', ...args], { cwd, color: false, env: {}, stdout: () => {}, stderr: (s) => (stderr += s) });
  const report = code === 2 && stderr ? { documents: [], findings: [] } : JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
  return { code, stderr, report };
}

const paths = (r: { documents: Array<{ path: string }> }): string[] => r.documents.map((d) => d.path);

describe('inputs that are not regular files', () => {
  it('a FIFO becomes input/unreadable-or-empty and the run ends', async () => {
    const cwd = workspace();
    execFileSync('mkfifo', [path.join(cwd, 'input/notes.md')]);
    const { code, report } = await run([], cwd);
    expect(code).toBeLessThan(2);
    expect(report.findings.find((f) => f.path === 'input/notes.md')).toMatchObject({ ruleId: 'input/unreadable-or-empty', message: expect.stringMatching(/Not a regular file/) });
    expect(report.documents.find((d) => d.path === 'input/notes.md')?.status).toBe('unreadable');
  });

  it('a FIFO named on the command line too', async () => {
    const cwd = workspace();
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]);
    const { code, report } = await run(['pipe.md', 'input'], cwd);
    expect(code).toBeLessThan(2);
    expect(report.findings.find((f) => f.path === 'pipe.md')?.ruleId).toBe('input/unreadable-or-empty');
  });
});

describe('links', () => {
  it('to a file or folder outside the inputs: a finding, and nothing of the target anywhere', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'secrets'));
    writeFileSync(path.join(cwd, 'secrets/token.md'), 'Deploy token: tok-93c1e7 for the staging site.\n');
    symlinkSync('../secrets/token.md', path.join(cwd, 'input/token.md'));
    symlinkSync('../secrets', path.join(cwd, 'input/private'));
    symlinkSync('/dev/zero', path.join(cwd, 'input/zero.txt'));
    const { code, report } = await run([], cwd);
    expect(code).toBeLessThan(2);
    expect(report.findings.filter((f) => /outside the input folders/.test(f.message)).map((f) => f.path)).toEqual(['input/private', 'input/token.md', 'input/zero.txt']);
    const written = [
      ...['audit.json', 'audit.html', 'audit.sarif'].map((f) => readFileSync(path.join(cwd, 'reports', f), 'utf8')),
      ...readdirSync(path.join(cwd, 'output')).map((f) => `${f}\n${readFileSync(path.join(cwd, 'output', f), 'utf8')}`),
    ].join('\n');
    expect(written).not.toContain('tok-93c1e7');
    expect(written).not.toContain('token.md\n# Deploy');
  });

  it('to a draft inside the inputs: followed', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'input/archive'));
    symlinkSync('../vitamin-c.txt', path.join(cwd, 'input/archive/old.txt'));
    const { report } = await run([], cwd);
    expect(paths(report)).toEqual(['input/archive/old.txt', 'input/vitamin-c.txt']);
  });
});

describe('hidden drafts', () => {
  it('are audited, in hidden folders too; version control folders are not walked', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'input/.draft-in-progress.md'), DRAFT.replace('Vitamin C and Colds', 'Vitamin C, a Second Look'));
    mkdirSync(path.join(cwd, 'input/.drafts'));
    writeFileSync(path.join(cwd, 'input/.drafts/zinc.txt'), DRAFT.replace('Vitamin C and Colds', 'Vitamin C for Athletes'));
    mkdirSync(path.join(cwd, 'input/.git'));
    writeFileSync(path.join(cwd, 'input/.git/COMMIT_EDITMSG.md'), 'Fix typo\n');
    const { report } = await run([], cwd);
    expect(paths(report)).toEqual(['input/.draft-in-progress.md', 'input/.drafts/zinc.txt', 'input/vitamin-c.txt']);
  });

  it('are matched by a quoted glob', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'input/.later.txt'), DRAFT.replace('Vitamin C and Colds', 'Vitamin C Later'));
    const { report } = await run(['input/*.txt'], cwd);
    expect(paths(report)).toEqual(['input/.later.txt', 'input/vitamin-c.txt']);
  });
});

describe('include and exclude', () => {
  it('match drafts outside the working folder by their path relative to it, or as reported', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'draftaudit-globs-'));
    const cwd = path.join(root, 'project');
    mkdirSync(path.join(root, 'drafts/skip'), { recursive: true });
    mkdirSync(cwd);
    writeFileSync(path.join(root, 'drafts/vitamin-c.txt'), DRAFT);
    writeFileSync(path.join(root, 'drafts/skip/old.txt'), DRAFT.replace('Vitamin C and Colds', 'Vitamin C, Old Notes'));
    for (const exclude of [['../drafts/skip/**'], ['**/skip/**']]) {
      writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ exclude }));
      const { code, report } = await run(['../drafts'], cwd);
      expect(code).toBeLessThan(2);
      expect(paths(report)).toEqual([path.join(root, 'drafts/vitamin-c.txt')]);
    }
  });
});

describe('sizes', () => {
  it('are checked on the bytes read: a draft over maxFileSize is refused without being audited', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'input/long.txt'), `${DRAFT}\n${'More text about vitamin C. '.repeat(200)}`);
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ maxFileSize: 2000 }));
    const { report } = await run([], cwd);
    expect(report.documents.find((d) => d.path === 'input/long.txt')?.status).toBe('too-large');
    expect(report.documents.find((d) => d.path === 'input/vitamin-c.txt')?.status).toBe('audited');
  });

  it('a file whose size the system gives as 0 (/proc) is held to the limit by what is read', async () => {
    const cwd = workspace();
    symlinkSync('/proc/self/status', path.join(cwd, 'status.txt'));
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ maxFileSize: 200 }));
    const { report } = await run(['status.txt', 'input'], cwd);
    expect(report.documents.find((d) => d.path === 'status.txt')?.status).toBe('too-large');
    expect(report.findings.find((f) => f.path === 'status.txt')?.ruleId).toBe('input/too-large');
  });
});
