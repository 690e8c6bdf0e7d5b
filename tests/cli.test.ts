import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { ruleIds } from '../src/rules/index.js';
import { INPUT, ROOT } from './helpers.js';

/** A working directory holding a copy of the sample drafts in input/. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-cli-'));
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  return dir;
}

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, color: false, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function withoutTime(json: string): string {
  return json.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "…"');
}

describe('npm run audit on the samples', () => {
  it('writes the JSON contract, the HTML report and one article per cluster', async () => {
    const cwd = workspace();
    const { code, stdout } = await run(['--no-progress'], cwd);
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));

    // The contract's keys in order, then the extensions.
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'generatedAt', 'summary', 'documents', 'clusters', 'findings', 'changes', 'citations', 'doses', 'suppressed']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'draftaudit', version: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version });
    expect(new Date(report.generatedAt).toISOString()).toBe(report.generatedAt);
    expect(report.summary.documents).toBe(5);
    expect(Object.keys(report.summary.byRule)).toEqual(expect.arrayContaining(ruleIds()));
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error').length;
    expect(report.summary.errors).toBe(errors);
    // The exit code counts the open findings: those the cleaned articles still carry.
    const open = report.findings.filter((f: { severity: string; fixed: boolean }) => f.severity === 'error' && !f.fixed).length;
    expect(open).toBeGreaterThan(0);
    expect(code).toBe(1);

    expect(report.documents.map((d: { path: string }) => d.path)).toEqual(readdirSync(INPUT).sort().map((f) => `input/${f}`));
    for (const d of report.documents) {
      expect(d).toEqual({
        path: expect.any(String),
        status: 'audited',
        format: 'txt',
        encoding: 'utf-8',
        bytes: expect.any(Number),
        primaryLanguage: 'eng',
        languages: expect.any(Object),
        blocks: expect.any(Number),
        cluster: expect.stringMatching(/^c-[0-9a-f]{12}$/),
        canonical: expect.any(Boolean),
      });
    }
    // Every cluster has exactly one output, and each output exists.
    const outputs = report.clusters.map((c: { output: string }) => c.output);
    expect(new Set(outputs).size).toBe(report.clusters.length);
    for (const o of outputs) expect(existsSync(path.join(cwd, o))).toBe(true);
    expect(readdirSync(path.join(cwd, 'output')).filter((f) => f.endsWith('.md'))).toHaveLength(report.clusters.length);

    // Findings sorted by path, line, column, rule; each with a position inside its file.
    for (const f of report.findings) {
      expect(f).toMatchObject({ ruleId: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), line: expect.any(Number), column: expect.any(Number) });
      const lines = readFileSync(path.join(cwd, f.path), 'utf8').split('\n');
      expect(f.line).toBeLessThanOrEqual(lines.length);
      expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
    }
    const keys = report.findings.map((f: { path: string; line: number; column: number; ruleId: string }) => [f.path, f.line, f.column, f.ruleId]);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0))));

    const html = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(stdout).toMatch(/5 drafts in \d+ articles?/);
  });

  it('gives byte-identical files on a second run, but for generatedAt, and never writes into input/', async () => {
    const cwd = workspace();
    await run([], cwd);
    const first = readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8');
    const firstHtml = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    const firstOut = readdirSync(path.join(cwd, 'output')).map((f) => readFileSync(path.join(cwd, 'output', f), 'utf8'));
    await run([], cwd);
    expect(withoutTime(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'))).toBe(withoutTime(first));
    expect(readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8').replace(/generated \S+/, '')).toBe(firstHtml.replace(/generated \S+/, ''));
    expect(readdirSync(path.join(cwd, 'output')).map((f) => readFileSync(path.join(cwd, 'output', f), 'utf8'))).toEqual(firstOut);
    expect(readdirSync(path.join(cwd, 'input')).sort()).toEqual(readdirSync(INPUT).sort());
  });

  it('--format json prints the report to stdout', async () => {
    const cwd = workspace();
    const { stdout } = await run(['--format', 'json'], cwd);
    expect(JSON.parse(stdout).schemaVersion).toBe(1);
  });

  it('--fail-on never exits 0, and an empty draft gives a finding while the run goes on', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'input/empty.txt'), '');
    writeFileSync(path.join(cwd, 'input/binary.md'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    const { code } = await run(['--fail-on', 'never'], cwd);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    expect(report.summary.documents).toBe(5);
    const bad = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'input/unreadable-or-empty');
    expect(bad.map((f: { path: string }) => f.path)).toEqual(['input/binary.md', 'input/empty.txt']);
    const strict = await run([], cwd);
    expect(strict.code).toBe(1);
  });

  it('custom --output and --reports folders; a run on one draft keeps the other articles, --prune removes them, other files kept', async () => {
    const cwd = workspace();
    await run(['--output', 'out', '--reports', 'rep'], cwd);
    writeFileSync(path.join(cwd, 'out/editor-notes.md'), 'mine');
    const before = readdirSync(path.join(cwd, 'out'));
    await run(['input/002_42ea68e9ece25881.txt', '--output', 'out', '--reports', 'rep'], cwd);
    expect(readdirSync(path.join(cwd, 'out'))).toEqual(before);
    await run(['input/002_42ea68e9ece25881.txt', '--output', 'out', '--reports', 'rep', '--prune'], cwd);
    const after = readdirSync(path.join(cwd, 'out'));
    expect(after).toContain('editor-notes.md');
    expect(after.filter((f) => f.endsWith('.md') && f !== 'editor-notes.md')).toEqual(['does-magnesium-help-you-sleep-better.md']);
    expect(existsSync(path.join(cwd, 'rep/audit.json'))).toBe(true);
  });
});

describe('a draft named on its own', () => {
  it('may have its outputs in a subfolder of its own folder, never in that folder', async () => {
    const cwd = workspace();
    // 002's errors (glued reference URLs) are all repaired in its cleaned article: the run
    // passes, unless --strict counts fixed findings too.
    const { code } = await run(['input/002_42ea68e9ece25881.txt', '--output', 'input/cleaned', '--reports', 'input/reports'], cwd);
    expect(code).toBe(0);
    expect((await run(['input/002_42ea68e9ece25881.txt', '--output', 'input/cleaned', '--reports', 'input/reports', '--strict'], cwd)).code).toBe(1);
    expect(readdirSync(path.join(cwd, 'input/cleaned')).filter((f) => f.endsWith('.md'))).toEqual(['does-magnesium-help-you-sleep-better.md']);
  });
});

describe('--check', () => {
  it.each([
    [['.', '--check']],
    [['input', '--check', '--output', 'input/out', '--reports', 'input']],
  ])('audits %j although its output folders would be among the drafts: it writes none', async (args) => {
    const cwd = workspace();
    const { code, stdout } = await run(args, cwd);
    expect(code).toBe(1);
    expect(stdout).toMatch(/problems? \(/);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
    expect(existsSync(path.join(cwd, 'reports'))).toBe(false);
    expect(existsSync(path.join(cwd, 'input/out'))).toBe(false);
  });
});

describe('usage and config errors exit 2 with one line', () => {
  it.each([
    [['--fail-on', 'sometimes'], /--fail-on must be one of error, warning, info, never/],
    [['--format', 'xml'], /--format must be one of text, json/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['missing/'], /no such file or folder: missing\//],
    [['--output', 'input/out'], /--output input\/out is inside an input path \(input\)/],
    [['--reports', 'input'], /--reports input is inside an input path/],
    [['input/002_42ea68e9ece25881.txt', '--output', 'input'], /--output input is inside an input path \(input\)/],
    [['--config', 'nope.json'], /nope\.json: cannot read config/],
  ])('%j', async (args, message) => {
    const cwd = workspace();
    const { code, stderr } = await run(args, cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['{ "rules": { "lang/no-such-rule": "error" } }', /rules: unknown rule id "lang\/no-such-rule"; valid rule ids: .*input\/encoding/],
    ['{ "rules": { "input/encoding": "loud" } }', /rules\.input\/encoding: .*allowed: off, info, warning, error/],
    ['{ "colour": true }', /unknown key "colour"; allowed keys: language, languages, rules/],
    ['{ "failOn": 3 }', /failOn/],
    ['{ not json', /not valid JSON/],
    ['{ "nutrients": { "magnesium": { "plausible": { "high": "lots" } } } }', /nutrients\.magnesium\.plausible\.high/],
  ])('config %s', async (json, message) => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), json);
    const { code, stderr } = await run([], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^draftaudit: .*draftaudit\.config\.json/);
    expect(stderr).toMatch(message);
  });

  it('a config turns a rule off and sets severities', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ rules: { 'artifact/html-tag': 'off' } }));
    await run([], cwd);
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'artifact/html-tag')).toEqual([]);
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ rules: { 'artifact/html-tag': 'error' } }));
    await run([], cwd);
    const again = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    const tags = again.findings.filter((f: { ruleId: string }) => f.ruleId === 'artifact/html-tag');
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });
});

describe('the executable', () => {
  it('sets the exit code and prints help', async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/bin.ts'), '--help'], { cwd: ROOT });
    expect(stdout).toMatch(/^Usage: draftaudit/);
    const failure = await exec(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/bin.ts'), 'nowhere'], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: 'draftaudit: no such file or folder: nowhere\n' });
  });
});
