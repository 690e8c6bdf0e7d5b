/**
 * Baselines: fingerprints that survive line moves, counted duplicates, and the CLI flags
 * `--write-baseline` and `--baseline FILE` (reported but not counted; audit.json unchanged).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBaseline, excerptHash, fingerprintOf, matchBaseline, parseBaseline, renderBaseline } from '../src/baseline.js';
import type { Finding } from '../src/types.js';
import { run, workspace, write } from './fixtures/report/workspace.js';

function finding(over: Partial<Finding> & { line?: number } = {}): Finding {
  const line = over.line ?? 1;
  return {
    ruleId: 'artifact/html-tag',
    severity: 'warning',
    path: 'input/a.txt',
    span: { start: { line, column: 5, offset: 0 }, end: { line, column: 9, offset: 4 } },
    message: 'Stray HTML tag `<br>` in the text',
    excerpt: '<br>',
    ...over,
  };
}

const withoutTime = (json: string): string => json.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "…"');

describe('fingerprints', () => {
  it.each([
    ['another line and column', finding({ line: 40 }), true],
    ['other white space and Unicode form', finding({ excerpt: ' caf\u0065\u0301 \n  au lait ' }), finding({ excerpt: 'café au lait' })],
    ['another rule', finding({ ruleId: 'lang/mt-artifact' }), false],
    ['another file', finding({ path: 'input/b.txt' }), false],
    ['another excerpt', finding({ excerpt: '<p>' }), false],
  ] as const)('%s', (_name, other, same) => {
    if (typeof same === 'boolean') expect(fingerprintOf(other) === fingerprintOf(finding())).toBe(same);
    else expect(fingerprintOf(other)).toBe(fingerprintOf(same));
  });

  it('is a 16-hex hash of the excerpt beside rule id and path', () => {
    expect(excerptHash('<br>')).toMatch(/^[0-9a-f]{16}$/);
    expect(createBaseline([finding()]).findings).toEqual([{ ruleId: 'artifact/html-tag', path: 'input/a.txt', fingerprint: excerptHash('<br>'), count: 1, excerpt: '<br>' }]);
  });
});

describe('matching a baseline', () => {
  it('accepts as many identical findings as it counted; one more is new', () => {
    const baseline = createBaseline([finding({ line: 1 }), finding({ line: 2 })]);
    expect(baseline.findings).toHaveLength(1);
    expect(baseline.findings[0]!.count).toBe(2);
    const now = [finding({ line: 5 }), finding({ line: 6 }), finding({ line: 7 })];
    const { baselined, unused } = matchBaseline(now, baseline);
    expect(now.map((f) => baselined.has(f))).toEqual([true, true, false]);
    expect(unused).toEqual([]);
  });

  it('reports entries that no longer occur', () => {
    const baseline = createBaseline([finding(), finding({ ruleId: 'lang/mt-artifact', excerpt: 'andeating' })]);
    const { baselined, unused } = matchBaseline([finding()], baseline);
    expect(baselined.size).toBe(1);
    expect(unused.map((e) => [e.ruleId, e.count])).toEqual([['lang/mt-artifact', 1]]);
  });

  it('writes sorted, timestamp-free JSON that reads back', () => {
    const b = createBaseline([finding({ path: 'input/b.txt' }), finding({ path: 'input/a.txt', ruleId: 'z/z' }), finding({ path: 'input/a.txt' })]);
    expect(b.findings.map((e) => `${e.path} ${e.ruleId}`)).toEqual(['input/a.txt artifact/html-tag', 'input/a.txt z/z', 'input/b.txt artifact/html-tag']);
    expect(parseBaseline(renderBaseline(b), 'b.json')).toEqual(b);
  });

  it.each([
    ['{', /b\.json: not valid JSON/],
    ['{"tool":"draftaudit","baselineVersion":2,"findings":[]}', /b\.json: not a draftaudit baseline \(baselineVersion: /],
    ['{"tool":"draftaudit","baselineVersion":1,"findings":[{"ruleId":"a/b","path":"x","fingerprint":"zz","count":1,"excerpt":""}]}', /findings\.0\.fingerprint/],
  ])('refuses %s', (text, message) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(message);
  });
});

describe('--write-baseline and --baseline on the samples', () => {
  it('adopts the gate on an existing corpus; findings stay reported; new ones fail the run', async () => {
    const cwd = workspace();
    const plain = await run([], cwd);
    const plainJson = readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8');
    const report = JSON.parse(plainJson);
    const errors = report.summary.errors as number;
    expect(plain.code).toBe(errors > 0 ? 1 : 0);

    const written = await run(['--write-baseline'], cwd);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`draftaudit: wrote draftaudit.baseline.json (${report.findings.length} findings)\n`);
    const baseline = JSON.parse(readFileSync(path.join(cwd, 'draftaudit.baseline.json'), 'utf8'));
    expect(baseline.tool).toBe('draftaudit');
    expect(baseline.findings.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(report.findings.length);

    const gated = await run(['--baseline', 'draftaudit.baseline.json'], cwd);
    expect(gated.code).toBe(0);
    expect(gated.stderr).toBe('');
    // audit.json is the same document with or without a baseline.
    expect(withoutTime(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'))).toBe(withoutTime(plainJson));
    const html = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    expect(html.match(/data-gate="baselined"/g) ?? []).toHaveLength(report.findings.length);
    expect(html).toMatch(/<span class="verdict pass" id="verdict">Pass: no finding at or above error<\/span>/);

    // Findings survive line moves: blank lines on top of every draft shift every finding.
    for (const d of report.documents as Array<{ path: string }>) {
      const file = path.join(cwd, d.path);
      writeFileSync(file, `\n\n\n${readFileSync(file, 'utf8')}`);
    }
    const moved = await run(['--baseline', 'draftaudit.baseline.json', '--format', 'json'], cwd);
    const movedReport = JSON.parse(moved.stdout);
    const key = (f: { ruleId: string; path: string; excerpt: string }): string => `${f.ruleId} ${f.path} ${f.excerpt}`;
    expect(movedReport.findings.map(key).sort()).toEqual(report.findings.map(key).sort());
    if (report.findings.length > 0) expect(movedReport.findings.map((f: { line: number }) => f.line)).not.toEqual(report.findings.map((f: { line: number }) => f.line));
    expect(moved.code).toBe(0);

    // A new blocking finding fails the run; the old ones still don't count.
    write(cwd, 'input/new-empty.txt', '');
    const fresh = await run(['--baseline', 'draftaudit.baseline.json'], cwd);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(/input\/new-empty\.txt\n {2}1:1 +error +File is empty +input\/unreadable-or-empty\n/);
    const freshHtml = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    expect(freshHtml.match(/data-gate="counted"/g)).toHaveLength(1);
    expect(freshHtml).toMatch(/<span class="verdict fail" id="verdict">Fail: 1 finding at or above error<\/span>/);
  });

  it('says when baselined findings are gone, and --write-baseline prunes them', async () => {
    const cwd = workspace();
    write(cwd, 'input/old-empty.txt', '');
    await run(['--write-baseline', '--baseline', 'gate.json'], cwd);
    write(cwd, 'input/old-empty.txt', 'Magnesium is a mineral.\n');
    const { stderr } = await run(['--baseline', 'gate.json'], cwd);
    expect(stderr).toBe('draftaudit: 1 finding in gate.json no longer occurs; run with --write-baseline to update it\n');
    await run(['--write-baseline', '--baseline', 'gate.json'], cwd);
    expect(readFileSync(path.join(cwd, 'gate.json'), 'utf8')).not.toContain('input/old-empty.txt');
  });

  it.each([
    [['--baseline', 'missing.json'], /^draftaudit: missing\.json: cannot read baseline \(ENOENT\); create it with --write-baseline\n$/],
    [['--baseline', 'bad.json'], /^draftaudit: bad\.json: not valid JSON/],
    [['--write-baseline', '--baseline', 'input/gate.json'], /^draftaudit: --write-baseline input is inside an input path/],
  ])('%j exits 2 with one line and writes nothing', async (args, message) => {
    const cwd = workspace();
    write(cwd, 'bad.json', '{ nope');
    const { code, stderr } = await run(args, cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(cwd, 'reports'))).toBe(false);
  });
});
