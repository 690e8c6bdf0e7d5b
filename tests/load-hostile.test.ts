/**
 * Hostile inputs at the load stage: links that lead outside the input folders, FIFOs and
 * devices, and cache entries that were tampered with. Each becomes a finding or a miss; none
 * leaks a file, hangs the run or hides a finding.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { INPUT, readEntry, writeEntry } from './helpers.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-hostile-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

describe('links and special files', () => {
  it('does not follow a link that leads outside the input folders, file or folder, and says so', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'private'));
    writeFileSync(path.join(cwd, 'private/token.txt'), 'api-token-7f3a in a draft-looking file');
    symlinkSync('../private/token.txt', path.join(cwd, 'input/token.txt'));
    symlinkSync('../private', path.join(cwd, 'input/more'));
    symlinkSync('/dev/zero', path.join(cwd, 'input/zero.md'));
    // A link that stays inside the input is followed as before.
    mkdirSync(path.join(cwd, 'input/archive'));
    symlinkSync(path.join(cwd, 'input', readdirSync(path.join(cwd, 'input')).find((f) => f.startsWith('004'))!), path.join(cwd, 'input/archive/owl.txt'));
    const result = await audit(['input'], resolveConfig(), { cwd });
    expect(JSON.stringify(result)).not.toContain('api-token-7f3a');
    expect(result.findings.filter((f) => /outside the input folders/.test(f.message)).map((f) => f.path)).toEqual(['input/more', 'input/token.txt', 'input/zero.md']);
    expect(result.documents.map((d) => d.path)).toContain('input/archive/owl.txt');
  });

  it('reports a FIFO instead of waiting on it', async () => {
    const cwd = workspace();
    execFileSync('mkfifo', [path.join(cwd, 'input/pipe.md')]);
    const result = await audit(['input'], resolveConfig(), { cwd });
    const pipe = result.findings.find((f) => f.path === 'input/pipe.md')!;
    expect(pipe.ruleId).toBe('input/unreadable-or-empty');
    expect(pipe.message).toMatch(/Not a regular file/);
  });
});

describe('cache entries are checked before they are trusted', () => {
  it('an emptied or forged entry is a miss: the findings come back and the run goes on', async () => {
    const cwd = workspace();
    const run = () => audit(['input'], resolveConfig(), { cwd, cache: '.cache' });
    const first = await run();
    const folder = path.join(cwd, '.cache', readdirSync(path.join(cwd, '.cache'))[0]!);
    // One entry per draft, beside the index of the drafts' sizes and times (files.json) and the pieces of later stages.
    const entries = readdirSync(folder).filter((f) => /^[0-9a-f]{32}\.entry$/.test(f));
    expect(entries).toHaveLength(5);
    // One entry emptied, one forged to hide every finding, the others kept.
    writeFileSync(path.join(folder, entries[0]!), '{}');
    const forged = readEntry(path.join(folder, entries[1]!));
    forged.findings = [];
    forged.doc.hash = 'f'.repeat(64);
    writeEntry(path.join(folder, entries[1]!), forged);
    const second = await run();
    expect(second.cache).toEqual({ hits: 3, misses: 2 });
    expect(second.findings.length).toBe(first.findings.length);
  });
});
