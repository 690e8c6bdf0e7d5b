import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { main } from '../src/cli.js';
import { resolveConfig } from '../src/config.js';
import { renderJson } from '../src/report/json.js';
import { INPUT } from './helpers.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-cache-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

const at = new Date('2026-11-23T00:00:00.000Z');

describe('--cache', () => {
  it('reuses per-draft results by content, gives the same report, and analyses only what changed', async () => {
    const cwd = workspace();
    const run = (config = resolveConfig()) => audit(['input'], config, { cwd, cache: '.draftaudit-cache', now: () => at });
    const first = await run();
    expect(first.cache).toEqual({ hits: 0, misses: 5 });
    const second = await run();
    expect(second.cache).toEqual({ hits: 5, misses: 0 });
    expect(renderJson(second)).toBe(renderJson(first));
    expect(second.outputs).toEqual(first.outputs);

    // A changed draft is analysed again; file times play no part.
    const file = path.join(cwd, 'input', readdirSync(path.join(cwd, 'input')).sort()[4]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA new closing line with <br> in it.\n`);
    const third = await run();
    expect(third.cache).toEqual({ hits: 4, misses: 1 });
    expect(third.findings.some((f) => f.ruleId === 'artifact/html-tag' && f.path.endsWith(path.basename(file)))).toBe(true);

    // Another configuration starts afresh and drops the old entries.
    const fourth = await run(resolveConfig({ rules: { 'artifact/html-tag': 'off' } }));
    expect(fourth.cache).toEqual({ hits: 0, misses: 5 });
    expect(readdirSync(path.join(cwd, '.draftaudit-cache'))).toHaveLength(1);
  });

  it('is off unless asked for, and takes --cache, --cache=DIR and --cache-location DIR', async () => {
    const cwd = workspace();
    const io = { cwd, color: false, stdout: () => {}, stderr: () => {} };
    await main(['--quiet'], io);
    expect(existsSync(path.join(cwd, '.draftaudit-cache'))).toBe(false);
    await main(['--quiet', '--cache'], io);
    expect(existsSync(path.join(cwd, '.draftaudit-cache'))).toBe(true);
    await main(['--quiet', '--cache=tmp/c1'], io);
    expect(existsSync(path.join(cwd, 'tmp/c1'))).toBe(true);
    await main(['--quiet', '--cache-location', 'tmp/c2'], io);
    expect(existsSync(path.join(cwd, 'tmp/c2'))).toBe(true);
    let err = '';
    expect(await main(['--cache=input/c'], { ...io, stderr: (s) => (err += s) })).toBe(2);
    expect(err).toMatch(/--cache input\/c is inside an input path/);
  });
});
