/**
 * File names and draft text printed to a terminal or a CI log never act: an ESC sequence, a
 * bell or a bidi override in a file name or a draft is shown as an escape, and a line break
 * in a file name cannot start a workflow command of its own.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { printable } from '../src/report/printable.js';

describe('printable', () => {
  it.each([
    ['plain text', 'plain text'],
    ['red\u001b[31mtext', 'red\\u{1b}[31mtext'],
    ['bell\u0007', 'bell\\u{7}'],
    ['abc\u202edcb', 'abc\\u{202e}dcb'],
    ['tab\tstays', 'tab\tstays'],
    ['中文和 English', '中文和 English'],
  ])('%j → %j', (input, expected) => {
    expect(printable(input)).toBe(expected);
    expect(printable(input)).toBe(expected); // no state kept between calls
  });
});

describe('hostile names through the CLI', () => {
  it('prints a name with an ESC sequence or a line break as text, in the terminal and in GitHub commands', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-names-'));
    mkdirSync(path.join(cwd, 'drafts'));
    const names = ['red\u001b[31m.md', 'two\n::error file=x::forged.md'];
    for (const n of names) writeFileSync(path.join(cwd, 'drafts', n), '# Zinc\n\nA study found that zinc shortens colds.<br>It is cheap.\n');
    let stdout = '';
    const code = await main(['drafts', '--check', '--no-progress'], { cwd, color: false, env: { GITHUB_ACTIONS: 'true' }, stdout: (s) => (stdout += s), stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('red\\u{1b}[31m.md');
    expect(stdout.split('\n').filter((l) => l.startsWith('::error file=x'))).toEqual([]);
  });
});
