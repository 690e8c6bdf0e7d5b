/**
 * The library entry (`import { audit } from 'draftaudit'`): drafts given as paths or as
 * `{ path, text }`, a partial config checked by the CLI's schema, plugin rules beside the
 * built-in ones, and nothing written unless asked.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type DocumentRule } from '../src/index.js';
import { blockSpan } from '../src/position.js';

const DRAFT = `# Magnesium and sleep!

Magnesium helps muscles relax, and many adults take 900 mg of magnesium every night before bed.

Studies show that it shortens the time it takes to fall asleep.
`;

const headingBang: DocumentRule = {
  id: 'house/heading-bang',
  scope: 'document',
  meta: { description: 'Exclamation in a heading', defaultSeverity: 'warning', docs: 'Headings do not exclaim.', example: '# Sleep!' },
  check(doc) {
    return doc.blocks.flatMap((b) =>
      b.kind === 'heading' && b.text.includes('!') ? [{ span: blockSpan(doc.lineStarts, b, b.text.indexOf('!'), b.text.indexOf('!') + 1), message: 'Exclamation mark in a heading' }] : [],
    );
  },
};

function emptyFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'draftaudit-api-'));
}

describe('audit(inputs, options)', () => {
  it('audits a {path, text} draft with built-in rules and writes nothing', async () => {
    const cwd = emptyFolder();
    const result = await audit([{ path: 'drafts/sleep.md', text: DRAFT }], { cwd });
    expect(result.documents.map((d) => d.path)).toEqual(['drafts/sleep.md']);
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toContain('dose/above-upper-limit');
    const dose = result.findings.find((f) => f.ruleId === 'dose/above-upper-limit')!;
    expect(dose.span.start.line).toBe(3);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('fills a partial config with the defaults and rejects what the config file would reject', async () => {
    const cwd = emptyFolder();
    const quiet = await audit({ path: 'a.md', text: DRAFT }, { cwd, config: { rules: { 'dose/above-upper-limit': 'off' } } });
    expect(quiet.findings.some((f) => f.ruleId === 'dose/above-upper-limit')).toBe(false);
    expect(quiet.failOn).toBe('error');
    await expect(audit({ path: 'a.md', text: DRAFT }, { cwd, config: { failOnn: 'never' } as never })).rejects.toThrow(/unknown key "failOnn" \(did you mean "failOn"\?\)/);
    await expect(audit({ path: 'a.md', text: DRAFT }, { cwd, config: { rules: { 'dose/above-upper-limt': 'off' } } })).rejects.toThrow(/did you mean "dose\/above-upper-limit"/);
  });

  it('runs plugin rules beside the built-in ones, and lets the config set their severity', async () => {
    const cwd = emptyFolder();
    const result = await audit({ path: 'a.md', text: DRAFT }, { cwd, plugins: [headingBang] });
    const ids = new Set(result.findings.map((f) => f.ruleId));
    expect(ids.has('house/heading-bang')).toBe(true);
    expect(ids.has('dose/above-upper-limit')).toBe(true);
    const bang = result.findings.find((f) => f.ruleId === 'house/heading-bang')!;
    expect([bang.span.start.line, bang.span.start.column, bang.severity]).toEqual([1, 22, "warning"]);
    const raised = await audit({ path: 'a.md', text: DRAFT }, { cwd, plugins: [headingBang], config: { rules: { 'house/heading-bang': 'error' } } });
    expect(raised.findings.find((f) => f.ruleId === 'house/heading-bang')!.severity).toBe('error');
  });

  it('refuses a plugin rule of the wrong shape or with a built-in id', async () => {
    const cwd = emptyFolder();
    const noCheck = { ...headingBang, check: undefined } as unknown as DocumentRule;
    await expect(audit({ path: 'a.md', text: DRAFT }, { cwd, plugins: [noCheck] })).rejects.toThrow(/check: a function/);
    await expect(audit({ path: 'a.md', text: DRAFT }, { cwd, plugins: [{ ...headingBang, id: 'lang/mt-artifact' }] })).rejects.toThrow(/id of a built-in rule/);
  });

  it('reads drafts from paths beside text inputs, in path order, and writes when asked', async () => {
    const cwd = emptyFolder();
    writeFileSync(path.join(cwd, 'b.md'), DRAFT.replace('900 mg', '200 mg'));
    const result = await audit(['b.md', { path: 'a.md', text: DRAFT }], { cwd, write: { output: 'out', reports: 'rep' } });
    expect(result.documents.map((d) => d.path)).toEqual(['a.md', 'b.md']);
    expect(existsSync(path.join(cwd, 'rep/audit.json'))).toBe(true);
    expect(readdirSync(path.join(cwd, 'out')).filter((f) => f.endsWith('.md')).length).toBeGreaterThan(0);
  });

  it('names a text input that is not a draft', async () => {
    await expect(audit({ path: 'notes.docx', text: 'x' }, { cwd: emptyFolder() })).rejects.toThrow(/not a draft name/);
  });
});

describe('writing through the library', () => {
  it('does not overwrite a file it did not write: the rest is written, then the call rejects naming it', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-api-own-'));
    const first = await audit({ path: 'magnesium.md', text: DRAFT }, { cwd });
    const name = path.basename(first.clusters[0]!.output);
    mkdirSync(path.join(cwd, 'site'));
    writeFileSync(path.join(cwd, 'site', name), '# Our own page\n');
    await expect(audit({ path: 'magnesium.md', text: DRAFT }, { cwd, write: { output: 'site', reports: 'reports' } })).rejects.toThrow(
      `site/${name} exists and was not written by draftaudit; not overwritten`,
    );
    expect(readFileSync(path.join(cwd, 'site', name), 'utf8')).toBe('# Our own page\n');
    expect(existsSync(path.join(cwd, 'reports/audit.json'))).toBe(true);
  });
});
