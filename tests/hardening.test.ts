import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderJson } from '../src/report/json.js';
import type { ResolvedConfig } from '../src/types.js';
import { INPUT } from './helpers.js';

async function auditFiles(files: Record<string, string>, config: Partial<ResolvedConfig> = {}): Promise<{ dir: string; result: AuditResult }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-hard-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const result = await audit(['.'], resolveConfig(config), { cwd: dir, outputDir: path.join(dir, 'out') });
  return { dir, result };
}

/** Every finding's start and end lie inside its file. */
function expectPositionsInside(dir: string, result: AuditResult): void {
  const lines = new Map<string, string[]>();
  for (const f of result.findings) {
    if (!lines.has(f.path)) lines.set(f.path, readFileSync(path.join(dir, f.path), 'utf8').split(/\r\n|\r|\n/));
    const file = lines.get(f.path)!;
    for (const p of [f.span.start, f.span.end]) {
      expect(p.line).toBeLessThanOrEqual(file.length);
      expect(p.column).toBeLessThanOrEqual(file[p.line - 1]!.length + 1);
    }
  }
}

describe('bad input gets a finding or is audited; the batch goes on', () => {
  it('a 20 MB single line: too large by default, audited when the limit allows it', async () => {
    const line = 'Magnesium helps andeating sleep. '.repeat(620_000);
    const small = await auditFiles({ 'huge.txt': line, 'ok.txt': 'A fine draft.\n' });
    expect(small.result.findings.map((f) => [f.path, f.ruleId])).toEqual([['huge.txt', 'input/too-large']]);
    expect(small.result.documents.map((d) => [d.path, d.status])).toEqual([
      ['huge.txt', 'too-large'],
      ['ok.txt', 'audited'],
    ]);
    const big = await auditFiles({ 'huge.txt': line }, { maxFileSize: 25 * 1024 * 1024 });
    expect(big.result.documents).toHaveLength(1);
    expect(big.result.outputs).toHaveLength(1);
  });

  it('a 100,000-line draft', async () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 0 ? `镁是一种矿物质 ${i}。` : `Line ${i} of a very long draft.`)).join('\n');
    const { dir, result } = await auditFiles({ 'long.txt': text });
    expect(result.documents[0]).toMatchObject({ status: 'audited', blocks: 100_000 });
    expect(result.findings.filter((f) => f.ruleId === 'lang/foreign-block').map((f) => f.span.start.line).slice(0, 3)).toEqual([1, 1001, 2001]);
    expectPositionsInside(dir, result);
  });

  it.each([
    ['a dose of 100,000 digits', `${'9'.repeat(100_000)} mg`, 'more than 10^308 mg'],
    ['a dose of 41 digits', `25${'0'.repeat(39)} mg`, '2.5 × 10^40 mg'],
  ])('%s is written as a power of ten, never "∞"', async (_, dose, shown) => {
    const { result } = await auditFiles({ 'huge-dose.md': `# Magnesium\n\nSome adults take ${dose} of magnesium a day, which is far too much.\n` });
    const messages = result.findings.filter((f) => f.ruleId.startsWith('dose/')).map((f) => f.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => !m.includes('∞'))).toBe(true);
    expect(messages.some((m) => m.includes(shown))).toBe(true);
  });

  it('Markdown nested 400 levels deep', async () => {
    const quotes = Array.from({ length: 400 }, (_, i) => `${'>'.repeat(i + 1)} level ${i}`).join('\n');
    const lists = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const { dir, result } = await auditFiles({ 'deep.md': `${quotes}\n\n${lists}\n` });
    expect(result.documents).toHaveLength(1);
    expect(result.findings.filter((f) => f.ruleId === 'internal/rule-crash')).toEqual([]);
    expectPositionsInside(dir, result);
  }, 120_000);

  it('HTML with broken tags, and file names with spaces and non-ASCII characters', async () => {
    const { dir, result } = await auditFiles({
      'broken page.html': '<html><body><h1>Magnesium<p>Unclosed <b>bold <i>both</p><div><table><tr><td>cell one<td>cell two</div>References: <ul><li>https://a.org',
      'Título del artículo é.md': '# Título\n\nTexto en español para comprobar los nombres de archivo con espacios.\n',
    });
    expect(result.documents.map((d) => d.path)).toEqual(['Título del artículo é.md', 'broken page.html'].sort());
    const page = result.blocks['broken page.html']!;
    expect(page.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Magnesium'],
      ['paragraph', 'Unclosed bold both'],
      ['tableCell', 'cell one'],
      ['tableCell', 'cell twoReferences: https://a.org'],
    ]);
    expectPositionsInside(dir, result);
    expect(result.outputs.map((o) => o.file).sort()).toEqual(['magnesium.md', 'titulo.md']);
  });
});

describe('determinism', () => {
  it('file-system order does not matter: the corpus copied in another order gives the same reports', async () => {
    const at = new Date('2026-11-23T00:00:00.000Z');
    const forward = mkdtempSync(path.join(tmpdir(), 'draftaudit-order-a-'));
    const backward = mkdtempSync(path.join(tmpdir(), 'draftaudit-order-b-'));
    cpSync(INPUT, path.join(forward, 'input'), { recursive: true });
    mkdirSync(path.join(backward, 'input'));
    for (const f of readdirSync(INPUT).sort().reverse()) writeFileSync(path.join(backward, 'input', f), readFileSync(path.join(INPUT, f)));
    const run = (cwd: string) => audit(['input'], resolveConfig(), { cwd, outputDir: path.join(cwd, 'output'), now: () => at });
    const [a, b] = [await run(forward), await run(backward)];
    expect(renderJson(b)).toBe(renderJson(a));
    expect(b.outputs).toEqual(a.outputs);
  });
});
