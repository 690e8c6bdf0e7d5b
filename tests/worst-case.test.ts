/**
 * Worst-case drafts (bench/worst-case.ts) and generated hostile drafts: none crashes the batch
 * or stops it, each is audited, and the bounds the parser hit are findings. Time budgets are
 * generous (a shared machine is slow); the benchmark holds the precise timings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { LINE_LENGTH, MARKS, NESTING, TREE_DEPTH } from '../src/parse/limits.js';
import type { Format } from '../src/types.js';
import { WORST_CASES } from '../bench/worst-case.js';

const config = resolveConfig({ maxFileSize: 64 * 1024 * 1024 });

async function auditText(text: string, format: Format) {
  return audit([], config, { texts: [{ path: `draft.${format}`, text }], workers: 0 });
}

function assertAudited(result: Awaited<ReturnType<typeof auditText>>, paths: number): void {
  expect(result.documents.filter((d) => d.status === 'audited')).toHaveLength(paths);
  expect(result.findings.filter((f) => f.ruleId.startsWith('internal/')).map((f) => f.message)).toEqual([]);
  expect(result.outputs).toHaveLength(paths);
}

describe('worst-case drafts are audited in bounded time, the batch goes on', () => {
  it.each(WORST_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // A quarter of the benchmark's size: still far past every bound.
    const text = c.make(0.25);
    const result = await auditText(text, c.format);
    assertAudited(result, 1);
    // A plain-text draft of a long line or a Markdown draft of plain text passes no bound;
    // the pathological Markdown and HTML ones say where the parser was bounded.
    const bounded = result.findings.filter((f) => f.ruleId === 'input/too-complex');
    if (c.format !== 'txt' && !/magnesium|javascript/.test(c.name)) expect(bounded.length).toBeGreaterThan(0);
    for (const f of bounded) expect(['line-length', 'nesting', 'marks', 'tree-depth']).toContain(f.data?.kind);
  }, 120_000);

  it('the cleaned article of a list nested 800 deep is written (the writer once overflowed the stack)', async () => {
    const result = await auditText(`Intro line.\n\n${'- '.repeat(800)}x\n\nClosing line.\n`, 'md');
    assertAudited(result, 1);
    const content = result.outputs[0]!.content;
    expect(content).toContain('Intro line.');
    expect(content).toContain('Closing line.');
    expect(result.findings.find((f) => f.ruleId === 'input/too-complex')).toMatchObject({ span: { start: { line: 3, column: 1 } }, data: { kind: 'nesting', limit: NESTING } });
  });

  it('a bounded passage is still read by the rules, and the rest of the draft is Markdown as usual', async () => {
    const brackets = '['.repeat(MARKS + 10);
    const text = `# Magnesium\n\nTake 900 mg of magnesium a day for sleep. ${brackets}\n\nThe **bold** paragraph stays Markdown.\n`;
    const result = await auditText(text, 'md');
    assertAudited(result, 1);
    expect(result.findings.filter((f) => f.ruleId === 'input/too-complex').map((f) => [f.span.start.line, f.data?.kind])).toEqual([[3, 'marks']]);
    expect(result.findings.some((f) => f.ruleId === 'dose/above-upper-limit' && f.span.start.line === 3)).toBe(true);
    expect(result.outputs[0]!.content).toContain('The **bold** paragraph stays Markdown.');
  });

  it('bounds are far from real articles: the limits are what the docs say', () => {
    expect([LINE_LENGTH, NESTING, MARKS, TREE_DEPTH]).toEqual([20_000, 32, 4_000, 64]);
  });
});

describe('per-draft time budget', () => {
  it('a draft past its budget is stopped in the middle of a rule and gets internal/timeout, and the next draft is audited in full', async () => {
    const slow = {
      id: 'test/slow',
      scope: 'document' as const,
      meta: { description: 'slow', defaultSeverity: 'warning' as const, docs: 'slow', example: 'slow' },
      check(doc: { text: string }) {
        if (doc.text.includes('SLOW')) {
          const until = performance.now() + 1_500;
          while (performance.now() < until) {
            // busy: longer than the budget below (one second, far above what parsing a line takes)
          }
        }
        return [];
      },
    };
    const after = { ...slow, id: 'test/after', check: () => [] };
    const result = await audit([], resolveConfig({ timeBudget: 1 }), {
      texts: [
        { path: 'a.md', text: 'A SLOW draft.\n' },
        { path: 'b.md', text: 'A quick draft.\n' },
      ],
      rules: [slow, after],
      workers: 0,
    });
    const timeouts = result.findings.filter((f) => f.ruleId === 'internal/timeout');
    expect(timeouts.map((f) => [f.path, f.data?.stopped, f.data?.skipped])).toEqual([['a.md', true, ['test/slow', 'test/after']]]);
    expect(result.documents.map((d) => d.status)).toEqual(['timed-out', 'audited']);
    expect(result.outputs.map((o) => o.sources)).toEqual([['b.md']]);
  });
});

/** Pieces hostile drafts are made of: nesting, long runs, brackets, HTML, control characters. */
const UNITS = ['- ', '> ', '  ', '[', ']', '[a](', '](', '*', '_', '`', '<b>', '</b>', '<div>', '<script>', 'text<br>', ' ', '\t', '\n', '\n\n', '\u200b', '\u202e', '\u00ad', '\u0001', '|', '1. ', '# ', '&', '(', 'mg ', '5 mg of magnesium ', '镁', 'https://', 'javascript:'];

const hostile = fc.record({
  format: fc.constantFrom<Format>('md', 'html', 'txt'),
  unit: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 4 }).map((u) => u.join('')),
  prefix: fc.array(fc.constantFrom(...UNITS), { maxLength: 6 }).map((u) => u.join('')),
});

describe('generated hostile drafts (fast-check)', () => {
  it('no batch of generated drafts crashes: every draft is audited and cleaned', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3_000 }), async (drafts, n) => {
        const texts = drafts.map((d, i) => ({ path: `d${i}.${d.format}`, text: `Magnesium.\n${d.prefix}${d.unit.repeat(n)}x\n` }));
        const result = await audit([], config, { texts, workers: 0 });
        assertAudited(result, drafts.length);
      }),
      { numRuns: 25, seed: 20261202 },
    );
  }, 300_000);

  it('time grows linearly: a draft four times larger takes less than 12 times as long (linear is 4, quadratic 16)', async () => {
    const time = async (text: string, format: Format): Promise<number> => {
      const start = performance.now();
      await auditText(text, format);
      return performance.now() - start;
    };
    await fc.assert(
      fc.asyncProperty(hostile, async (d) => {
        const n = Math.ceil(6_000 / d.unit.length);
        const draft = (k: number): string => `${d.prefix}${d.unit.repeat(k)}x\n`;
        await time(draft(n), d.format); // warm up the paths this draft takes
        const small = await time(draft(n), d.format);
        const large = await time(draft(4 * n), d.format);
        // Below 1.5 s a large draft is fast whatever the ratio (timer and collector noise).
        expect(large < 1_500 || large < 12 * small).toBe(true);
      }),
      { numRuns: 12, seed: 20261202 },
    );
  }, 600_000);
});
