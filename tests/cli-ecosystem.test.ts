/**
 * The CLI conventions linters share: standard input, quoted globs, a read-only --check, the
 * printed formats (SARIF checked against the SARIF 2.1.0 schema), `init`, and a config found
 * in a parent folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { INPUT, samplePath, ROOT } from './helpers.js';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-eco-'));
  cpSync(INPUT, path.join(dir, 'drafts/2026'), { recursive: true });
  return dir;
}

async function run(args: string[], cwd: string, stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    color: false,
    env: {},
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(stdin !== undefined ? { stdin: async () => stdin } : {}),
  });
  return { code, stdout, stderr };
}

const sample004 = readFileSync(path.join(ROOT, samplePath('004')), 'utf8');

describe('--stdin', () => {
  it('audits the text under --stdin-filename and writes nothing', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-stdin-'));
    const { code, stdout } = await run(['--stdin', '--stdin-filename', 'drafts/pasted.txt', '--format', 'json', '--no-progress'], cwd, sample004);
    const report = JSON.parse(stdout);
    expect(report.documents.map((d: { path: string }) => d.path)).toEqual(['drafts/pasted.txt']);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'cite/placeholder').length).toBe(6);
    expect(code).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('needs a draft extension in the name', async () => {
    const { code, stderr } = await run(['--stdin', '--stdin-filename', 'notes.docx'], mkdtempSync(path.join(tmpdir(), 'draftaudit-stdin-')), 'text');
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a draft/);
  });
});

describe('paths and globs', () => {
  it('expands a quoted glob and says when one matches no draft', async () => {
    const cwd = workspace();
    const { code, stdout } = await run(['drafts/**/00[0-1]*.txt', '--check', '--format', 'json'], cwd);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).documents.map((d: { path: string }) => d.path.split('/').pop()!.slice(0, 3))).toEqual(['000', '001']);
    const none = await run(['drafts/**/*.mdx', '--check'], cwd);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^draftaudit: no draft .* found in: drafts\/\*\*\/\*\.mdx\n$/);
  });

  it('--check prints the findings and writes no cleaned article and no report', async () => {
    const cwd = workspace();
    const { code, stdout } = await run(['drafts', '--check', '--no-progress'], cwd);
    expect(code).toBe(1);
    expect(stdout).toMatch(/cite\/placeholder/);
    expect(readdirSync(cwd)).toEqual(['drafts']);
  });
});

describe('--format', () => {
  it('sarif: a SARIF 2.1.0 log valid against the schema, with the run’s results', async () => {
    const cwd = workspace();
    // A silenced finding is a result with a suppression, which the schema checks too.
    writeFileSync(path.join(cwd, 'drafts/silenced.md'), '# Zinc\n\nA trial found shorter colds (source). <!-- draftaudit-disable-line cite/placeholder -- cited in print -->\n');
    const { stdout } = await run(['drafts', '--check', '--format', 'sarif'], cwd);
    const log = JSON.parse(stdout);
    expect(log.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(1);
    // The OASIS schema as the @microsoft/jest-sarif package ships it.
    const schemaFile = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/jest-sarif')), 'schemas/sarif-2.1.0-rtm.5.json');
    // The SARIF schema is written in JSON Schema draft-04.
    // (A CommonJS module: its class is `default` of what ESM imports.) The schema's language-tag
    // pattern is not valid with the u flag, so patterns are compiled without it.
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(50);
  });

  it('junit: one test suite per draft, failures for what fails the run', async () => {
    const cwd = workspace();
    const { stdout } = await run(['drafts', '--check', '--format', 'junit'], cwd);
    expect(stdout.startsWith('<?xml')).toBe(true);
    expect((stdout.match(/<testsuite /g) ?? []).length).toBe(5);
    expect(stdout).toMatch(/<failure message="drafts\/2026\/004[^"]*Citation placeholder/);
    expect(stdout).not.toMatch(/<script|&(?!amp;|lt;|gt;|quot;|apos;|#)/);
  });

  it('github: workflow commands on stdout', async () => {
    const cwd = workspace();
    const { stdout } = await run(['drafts', '--check', '--format', 'github'], cwd);
    expect(stdout.split('\n').filter(Boolean).every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true);
  });

  it('refuses an unknown format, naming the choices', async () => {
    const { code, stderr } = await run(['--format', 'xml'], workspace());
    expect(code).toBe(2);
    expect(stderr).toMatch(/text, json, sarif, github, junit/);
  });
});

describe('configuration', () => {
  it('init writes a starter config with $schema, and never over an existing one', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-init-'));
    expect((await run(['init'], cwd)).code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(cwd, 'draftaudit.config.json'), 'utf8'));
    expect(written.$schema).toBe('./node_modules/draftaudit/schema/draftaudit.config.schema.json');
    const again = await run(['init'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('finds a JSONC config in a parent folder', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'draftaudit.config.jsonc'), '{\n  // publication is gated elsewhere\n  "failOn": "never",\n}\n');
    mkdirSync(path.join(cwd, 'site/pages'), { recursive: true });
    const { code } = await run(['../../drafts', '--check'], path.join(cwd, 'site/pages'));
    expect(code).toBe(0);
  });

  it('names a close key for a mistyped one', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), '{ "similarityTreshold": 0.6 }');
    const { code, stderr } = await run(['drafts', '--check'], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown key "similarityTreshold" \(did you mean "similarityThreshold"\?\)/);
  });

  it('ships a JSON schema generated from the config schema (run `npm run schema` after changing it)', async () => {
    const { configJsonSchema, CONFIG_SCHEMA_FILE } = await import('../src/config-schema.js');
    expect(readFileSync(path.join(ROOT, CONFIG_SCHEMA_FILE), 'utf8')).toBe(configJsonSchema());
    const schema = JSON.parse(configJsonSchema());
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ failOn: 'warning', rules: { 'lang/mt-artifact': 'off' } })).toBe(true);
    expect(validate({ failOn: 'sometimes' })).toBe(false);
    expect(validate({ unknownKey: 1 })).toBe(false);
    expect(existsSync(path.join(ROOT, 'schema'))).toBe(true);
  });
});
