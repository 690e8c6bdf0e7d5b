/**
 * reports/audit.sarif: the SARIF 2.1.0 properties code-scanning tools require, checked by a
 * small structural validator, and the results checked against reports/audit.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { toSarif } from '../src/report/sarif.js';
import { hostileResult } from './fixtures/report/hostile-result.js';
import { run, workspace } from './fixtures/report/workspace.js';

const LEVELS = ['none', 'note', 'warning', 'error'];
const BASELINE_STATES = ['new', 'unchanged', 'updated', 'absent'];

/** Problems with the required structure of a SARIF 2.1.0 log (an empty list when it is sound). */
function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isPos = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  const text = (v: unknown): boolean => isObj(v) && typeof v.text === 'string' && v.text.length > 0;

  if (!isObj(log)) return ['log is not an object'];
  check(log.version === '2.1.0', 'version is "2.1.0"');
  check(typeof log.$schema === 'string' && /sarif-2\.1\.0/.test(log.$schema), '$schema names SARIF 2.1.0');
  check(Array.isArray(log.runs) && log.runs.length === 1, 'exactly one run');
  for (const [r, runLog] of ((log.runs as unknown[]) ?? []).entries()) {
    if (!isObj(runLog)) {
      problems.push(`runs[${r}] is an object`);
      continue;
    }
    const driver = isObj(runLog.tool) && isObj(runLog.tool.driver) ? runLog.tool.driver : undefined;
    check(driver !== undefined && typeof driver.name === 'string', `runs[${r}].tool.driver.name`);
    const driverRules = (driver?.rules as unknown[] | undefined) ?? [];
    check(Array.isArray(driver?.rules), `runs[${r}].tool.driver.rules is an array`);
    const ids = new Set<string>();
    for (const [i, rule] of driverRules.entries()) {
      const at = `rules[${i}]`;
      if (!isObj(rule)) {
        problems.push(`${at} is an object`);
        continue;
      }
      check(typeof rule.id === 'string' && rule.id.length > 0, `${at}.id`);
      check(!ids.has(rule.id as string), `${at}.id is unique`);
      ids.add(rule.id as string);
      check(text(rule.shortDescription), `${at}.shortDescription.text`);
      check(text(rule.fullDescription), `${at}.fullDescription.text`);
      check(text(rule.help), `${at}.help.text`);
      check(isObj(rule.defaultConfiguration) && LEVELS.includes(rule.defaultConfiguration.level as string), `${at}.defaultConfiguration.level`);
    }
    check(Array.isArray(runLog.results), `runs[${r}].results is an array`);
    for (const [i, result] of ((runLog.results as unknown[]) ?? []).entries()) {
      const at = `results[${i}]`;
      if (!isObj(result)) {
        problems.push(`${at} is an object`);
        continue;
      }
      check(typeof result.ruleId === 'string', `${at}.ruleId`);
      check(Number.isInteger(result.ruleIndex) && isObj(driverRules[result.ruleIndex as number]) && (driverRules[result.ruleIndex as number] as { id: unknown }).id === result.ruleId, `${at}.ruleIndex points at its rule`);
      check(LEVELS.includes(result.level as string), `${at}.level`);
      check(text(result.message), `${at}.message.text`);
      if (result.baselineState !== undefined) check(BASELINE_STATES.includes(result.baselineState as string), `${at}.baselineState`);
      const locations = result.locations as unknown[];
      check(Array.isArray(locations) && locations.length === 1, `${at}.locations has one location`);
      const physical = isObj(locations?.[0]) ? (locations[0] as { physicalLocation?: unknown }).physicalLocation : undefined;
      if (!isObj(physical)) {
        problems.push(`${at}.physicalLocation`);
        continue;
      }
      const artifact = physical.artifactLocation;
      check(isObj(artifact) && typeof artifact.uri === 'string' && /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/.test(artifact.uri), `${at}.artifactLocation.uri is a URI reference`);
      const region = physical.region;
      if (!isObj(region)) {
        problems.push(`${at}.region`);
        continue;
      }
      check(isPos(region.startLine) && isPos(region.startColumn) && isPos(region.endLine) && isPos(region.endColumn), `${at}.region has 1-based lines and columns`);
      check((region.endLine as number) > (region.startLine as number) || ((region.endLine as number) === (region.startLine as number) && (region.endColumn as number) > (region.startColumn as number)), `${at}.region ends after it starts`);
    }
  }
  return problems;
}

describe('reports/audit.sarif of the samples', () => {
  it('is a sound SARIF 2.1.0 log with one result per finding, at the finding positions', async () => {
    const cwd = workspace();
    await run([], cwd);
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8'));
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    expect(sarifProblems(sarif)).toEqual([]);

    const runLog = sarif.runs[0];
    expect(runLog.tool.driver).toMatchObject({ name: 'draftaudit', version: report.tool.version });
    expect(runLog.columnKind).toBe('utf16CodeUnits');
    expect(runLog.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(rules.map((r) => r.id)));
    for (const rule of rules) {
      const entry = runLog.tool.driver.rules.find((r: { id: string }) => r.id === rule.id);
      expect(entry).toMatchObject({
        shortDescription: { text: rule.meta.description },
        fullDescription: { text: rule.meta.docs },
        help: { text: expect.stringContaining(rule.meta.docs) },
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[rule.meta.defaultSeverity] },
      });
    }

    expect(runLog.results).toHaveLength(report.findings.length);
    runLog.results.forEach((r: Record<string, any>, i: number) => {
      const f = report.findings[i];
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity as string]);
      expect(r.message.text).toBe(f.message);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(f.path);
      const region = r.locations[0].physicalLocation.region;
      expect([region.startLine, region.startColumn]).toEqual([f.line, f.column]);
      if (f.endLine !== f.line || f.endColumn !== f.column) expect([region.endLine, region.endColumn]).toEqual([f.endLine, f.endColumn]);
      expect(r.baselineState).toBeUndefined();
    });
  });

  it('is byte-identical on a second run: no timestamps', async () => {
    const cwd = workspace();
    await run([], cwd);
    const first = readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8');
    await run([], cwd);
    expect(readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8')).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('marks baseline state when a baseline is in use', async () => {
    const cwd = workspace();
    await run(['--write-baseline'], cwd);
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8'));
    expect(sarifProblems(sarif)).toEqual([]);
    for (const r of sarif.runs[0].results) expect(r.baselineState).toBe('unchanged');
  });
});

describe('SARIF of hostile names and empty regions', () => {
  const sarif = toSarif(hostileResult()) as any;

  it('encodes file names as URI references and lists unknown rules', () => {
    expect(sarifProblems(sarif)).toEqual([]);
    const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('input/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D\'file\'%3E%2C%20%22name%22.txt');
    expect(decodeURIComponent(uris[1].split('/')[1])).toBe(`<img src=x onerror=window.__pwned='file'>, "name".txt`);
  });

  it('gives a file-level finding (1:1 to 1:1) a one-character region', () => {
    const result = hostileResult();
    result.findings = [{ ...result.findings[0]!, span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } }];
    const region = (toSarif(result) as any).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
  });

  it('catches a broken log (the checker itself)', () => {
    const broken = JSON.parse(JSON.stringify(sarif));
    broken.version = '2.0.0';
    broken.runs[0].results[0].ruleIndex = 999;
    delete broken.runs[0].results[0].locations[0].physicalLocation.region.startLine;
    broken.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'fatal';
    expect(sarifProblems(broken)).toEqual([
      'version is "2.1.0"',
      'rules[0].defaultConfiguration.level',
      'results[0].ruleIndex points at its rule',
      'results[0].region has 1-based lines and columns',
      'results[0].region ends after it starts',
    ]);
  });
});
