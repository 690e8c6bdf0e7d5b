/**
 * Writing the reports as a set, I/O messages, and collecting findings without spread
 * arguments: the pieces of the CLI's write path tested on their own.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/audit.js';
import { append } from '../src/collections.js';
import { writeReports } from '../src/outputs.js';
import { describeIoError } from '../src/preflight.js';
import type { Reporter } from '../src/report/index.js';
import { renderText } from '../src/report/text.js';
import type { Finding } from '../src/types.js';

const result = { summary: { documents: 1 } } as unknown as AuditResult;
const reporter = (file: string, text: string): Reporter => ({ file, chunks: () => [text] });
/** A reporter whose write fails half-way, as on a full disk. */
const failing = (file: string): Reporter => ({
  file,
  *chunks() {
    yield '<html>';
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
  },
});

describe('writeReports', () => {
  it('keeps the previous set whole when a report of the new one cannot be written', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-set-'));
    const dir = path.join(cwd, 'reports');
    writeReports(result, dir, cwd, undefined, [reporter('audit.json', '{"run":1}'), reporter('audit.html', '<p>run 1</p>')]);
    expect(() => writeReports(result, dir, cwd, undefined, [reporter('audit.json', '{"run":2}'), failing('audit.html')])).toThrow(/no space/);
    expect(readFileSync(path.join(dir, 'audit.json'), 'utf8')).toBe('{"run":1}');
    expect(readFileSync(path.join(dir, 'audit.html'), 'utf8')).toBe('<p>run 1</p>');
    expect(readdirSync(cwd)).toEqual(['reports']);
    expect(readdirSync(dir).sort()).toEqual(['audit.html', 'audit.json']);
  });

  it('staged beside the old set in a folder that holds folders, the old set is kept whole too', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-set-'));
    const dir = path.join(cwd, 'site');
    mkdirSync(path.join(dir, 'pages'), { recursive: true });
    writeReports(result, dir, cwd, undefined, [reporter('audit.json', '{"run":1}'), reporter('audit.html', '<p>run 1</p>')]);
    expect(() => writeReports(result, dir, cwd, undefined, [reporter('audit.json', '{"run":2}'), failing('audit.html')])).toThrow(/no space/);
    expect(readFileSync(path.join(dir, 'audit.json'), 'utf8')).toBe('{"run":1}');
    expect(readdirSync(dir).sort()).toEqual(['audit.html', 'audit.json', 'pages']);
    writeReports(result, dir, cwd, undefined, [reporter('audit.json', '{"run":3}'), reporter('audit.html', '<p>run 3</p>')]);
    expect(readFileSync(path.join(dir, 'audit.html'), 'utf8')).toBe('<p>run 3</p>');
  });
});

describe('describeIoError', () => {
  const error = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), fields);
  it.each([
    [error("EACCES: permission denied, open '/srv/site/a.md'", { code: 'EACCES', syscall: 'open', path: '/srv/site/a.md' }), 'cannot open /srv/site/a.md: permission denied (EACCES)'],
    [error('ENOSPC: no space left on device, write', { code: 'ENOSPC', syscall: 'write', path: 'reports/audit.json' }), 'cannot write reports/audit.json: no space left on device (ENOSPC)'],
    [error("ENOTDIR: not a directory, mkdir 'out/x'", { code: 'ENOTDIR', syscall: 'mkdir', path: 'out/x' }), 'cannot create the folder out/x: not a directory (ENOTDIR)'],
    [error('EPIPE: broken pipe', { code: 'EPIPE' }), 'broken pipe (EPIPE)'],
  ])('%s', (e, expected) => {
    const text = describeIoError(e);
    expect(text).toBe(expected);
    expect(text.split((e as unknown as { code: string }).code).length).toBe(2);
  });
});

describe('a draft with more findings than a call takes arguments', () => {
  const many = 200_000;
  it('append takes them all', () => {
    const items = Array.from({ length: many }, (_, i) => i);
    expect(append([-1], items)).toHaveLength(many + 1);
  });

  it('the terminal report lists them', () => {
    const finding = (i: number): Finding =>
      ({ ruleId: 'artifact/html-tag', severity: 'warning', path: 'input/huge.md', span: { start: { line: i + 1, column: 1, offset: i }, end: { line: i + 1, column: 4, offset: i + 3 } }, message: 'HTML tag left in the text', excerpt: '<b>' }) as Finding;
    const findings = Array.from({ length: many }, (_, i) => finding(i));
    const text = renderText({ findings, documents: [], clusters: [], summary: { documents: 1, clusters: 1, errors: 0, warnings: many, infos: 0, byRule: {}, suppressed: 0 }, failOn: 'error' } as unknown as AuditResult);
    expect(text).toContain(`${many}:1`);
  });
});
