/**
 * The package as a user installs it: `npm pack`, then the tarball installed into a new
 * project. The bin runs; `import { audit } from 'draftaudit'` audits a `{ path, text }` draft
 * with a partial config; a TypeScript file using the API type-checks against the shipped
 * declarations; the example plugin's rule runs beside the built-in ones. Slow (it builds and
 * installs), so it has its own time budget.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, samplePath } from './helpers.js';

const exec = promisify(execFile);
const MINUTES = 60_000;

interface Packed {
  files: Array<{ path: string }>;
  filename: string;
}

let project = '';
let listed: string[] = [];

async function sh(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1 };
  }
}

beforeAll(async () => {
  const dest = mkdtempSync(path.join(tmpdir(), 'draftaudit-pack-'));
  const packed = await sh('npm', ['pack', '--json', '--pack-destination', dest], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const info = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Packed[])[0]!;
  listed = info.files.map((f) => f.path);
  project = path.join(dest, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  const installed = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(dest, info.filename)], project);
  expect(installed.code, installed.stderr).toBe(0);
}, 6 * MINUTES);

describe('the packed package', () => {
  it('holds the build, the data, the schema and the licence, and no tests or fixtures', () => {
    for (const f of ['LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/bin.js', 'data/nutrients.json', 'schema/draftaudit.config.schema.json']) expect(listed).toContain(f);
    expect(listed.filter((f) => /^(tests|bench|input|examples)\/|\.test\.|fixtures/.test(f))).toEqual([]);
  });

  it('runs its bin on a draft', async () => {
    mkdirSync(path.join(project, 'drafts'), { recursive: true });
    copyFileSync(path.join(ROOT, samplePath('004')), path.join(project, 'drafts/owl.txt'));
    const { code, stdout } = await sh(path.join(project, 'node_modules/.bin/draftaudit'), ['drafts', '--check', '--no-progress'], project);
    expect(code).toBe(1);
    expect(stdout).toMatch(/cite\/placeholder/);
  }, 2 * MINUTES);

  it("is imported as 'draftaudit' and audits a {path, text} input with a partial config", async () => {
    writeFileSync(
      path.join(project, 'use.mjs'),
      `import { audit } from 'draftaudit';
const text = '# Sleep\\n\\nMany adults take 900 mg of magnesium every night.\\n';
const result = await audit([{ path: 'notes/sleep.md', text }], { config: { failOn: 'warning' } });
console.log(JSON.stringify({ failOn: result.failOn, docs: result.documents.map((d) => d.path), rules: [...new Set(result.findings.map((f) => f.ruleId))] }));
`,
    );
    const { code, stdout, stderr } = await sh('node', ['use.mjs'], project);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ failOn: 'warning', docs: ['notes/sleep.md'] });
    expect(out.rules).toContain('dose/above-upper-limit');
  }, 2 * MINUTES);

  it('type-checks a TypeScript file that uses the API against the shipped declarations', async () => {
    writeFileSync(
      path.join(project, 'check.ts'),
      `import { audit, type AuditResult, type DocumentRule, type Finding } from 'draftaudit';
const rule: DocumentRule = {
  id: 'house/short', scope: 'document',
  meta: { description: 'd', defaultSeverity: 'info', docs: 'd', example: 'e' },
  check: (doc) => (doc.blocks.length < 2 ? [{ span: doc.blocks[0]!.position, message: 'short' }] : []),
};
const result: AuditResult = await audit([{ path: 'a.md', text: '# A' }], { plugins: [rule], config: { rules: { 'house/short': 'warning' } } });
const first: Finding | undefined = result.findings[0];
export const line: number | undefined = first?.span.start.line;
// @ts-expect-error an unknown option is a type error
await audit('x.md', { configg: {} });
`,
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] }, files: ['check.ts'] }),
    );
    const { code, stdout } = await sh('node', [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  }, 2 * MINUTES);

  it('runs the example plugin’s rule beside the built-in rules', async () => {
    copyFileSync(path.join(ROOT, 'examples/plugin/index.js'), path.join(project, 'house-plugin.js'));
    writeFileSync(path.join(project, 'draftaudit.config.json'), JSON.stringify({ plugins: ['./house-plugin.js'], rules: { 'house/no-exclamation': 'error' } }));
    writeFileSync(path.join(project, 'drafts/bang.md'), readFileSync(path.join(ROOT, samplePath('004')), 'utf8').replace(/^(.+)$/m, '# $1!'));
    const { stdout } = await sh(path.join(project, 'node_modules/.bin/draftaudit'), ['drafts', '--check', '--format', 'json'], project);
    const rules = new Set((JSON.parse(stdout).findings as Array<{ ruleId: string; severity: string }>).map((f) => `${f.ruleId} ${f.severity}`));
    expect(rules.has('house/no-exclamation error')).toBe(true);
    expect(rules.has('cite/placeholder error')).toBe(true);
  }, 2 * MINUTES);
});
