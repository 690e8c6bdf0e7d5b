/** GitHub workflow commands: escaping, levels, paths, and when the CLI prints them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../src/report/github.js';
import type { Gate } from '../src/report/gate.js';
import { PAYLOADS, hostileResult } from './fixtures/report/hostile-result.js';
import { run, workspace, write } from './fixtures/report/workspace.js';

describe('escaping', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['file:1,2', 'file:1,2', 'file%3A1%2C2'],
    ['%0A', '%250A', '%250A'],
    ['::error::', '::error::', '%3A%3Aerror%3A%3A'],
  ])('%j', (raw, data, property) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(property);
  });
});

describe('renderGithub', () => {
  const result = hostileResult();
  result.findings = [
    { ...result.findings[0]!, path: 'input/a,b:c.txt', message: '50% of the dose\nin one line', excerpt: '' },
    { ...result.findings[1]!, message: 'foreign', excerpt: 'Some text' },
    { ...result.findings[2]!, path: 'input/note.txt', ruleId: 'input/encoding', message: 'BOM', excerpt: '' },
  ];

  it('prints one command per finding with level, position, title and escaped message', () => {
    const lines = renderGithub(result, { cwd: '/repo' }).trimEnd().split('\n');
    expect(lines).toEqual([
      `::warning file=input/a%2Cb%3Ac.txt,line=3,col=12,endLine=3,endColumn=${12 + PAYLOADS[1].length},title=artifact/html-tag::50%25 of the dose%0Ain one line`,
      `::error file=input/<img src=x onerror=window.__pwned='file'>%2C "name".txt,line=1,col=1,endLine=1,endColumn=21,title=lang/foreign-block::foreign%0ASome text`,
      '::notice file=input/note.txt,line=2,col=5,endLine=2,endColumn=9,title=input/encoding::BOM',
    ]);
  });

  it('gives paths relative to the repository root (GITHUB_WORKSPACE)', () => {
    const out = renderGithub(result, { cwd: '/repo/site', root: '/repo' });
    expect(out).toContain('::warning file=site/input/a%2Cb%3Ac.txt,');
  });

  it('leaves out findings that do not count', () => {
    const gate: Gate = {
      baseline: { file: 'b.json', findings: new Set([result.findings[0]!]) },
      changed: { ref: 'main', has: (p) => p !== 'input/note.txt' },
    };
    const lines = renderGithub(result, { cwd: '/repo', gate }).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error /);
    expect(renderGithub({ ...result, findings: [] }, { cwd: '/repo' })).toBe('');
  });
});

describe('the CLI with GITHUB_ACTIONS=true', () => {
  it('prints the commands after the text report, and on stderr with --format json', async () => {
    const cwd = workspace();
    write(cwd, 'input/empty.txt', '');
    const plain = await run([], cwd, {});
    expect(plain.stdout).not.toMatch(/^::/m);

    const { stdout, code } = await run([], cwd, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: cwd });
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    const commands = stdout.split('\n').filter((l) => l.startsWith('::'));
    // Findings the cleaned articles fixed do not count, and are not annotated.
    const open = report.findings.filter((f: { fixed: boolean }) => !f.fixed).length;
    expect(open).toBeLessThan(report.findings.length);
    expect(commands).toHaveLength(open);
    expect(commands).toContain('::error file=input/empty.txt,line=1,col=1,endLine=1,endColumn=1,title=input/unreadable-or-empty::File is empty');
    expect(stdout.indexOf('::')).toBeGreaterThan(stdout.indexOf('input/empty.txt'));
    expect(code).toBe(1);

    const json = await run(['--format', 'json'], cwd, { GITHUB_ACTIONS: 'true' });
    expect(JSON.parse(json.stdout).findings).toHaveLength(report.findings.length);
    expect(json.stderr.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(open);
    const strict = await run(['--strict'], cwd, { GITHUB_ACTIONS: 'true' });
    expect(strict.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(report.findings.length);
  });
});
