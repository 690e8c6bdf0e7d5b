/**
 * dup/near-duplicate: one info finding on every non-canonical member, at its first block.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../src/corpus/index.js';
import { nearDuplicate } from '../src/rules/dup/near-duplicate.js';
import { dupRules } from '../src/rules/dup/index.js';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import type { ClusterView, Document } from '../src/types.js';
import { ROOT, docFromText, sampleDoc, samplePath } from './helpers.js';

const config = resolveConfig();

function views(docs: Document[]): ClusterView[] {
  const byPath = new Map(docs.map((d) => [d.path, d]));
  return buildCorpus(docs, config).map((cluster) => ({
    cluster,
    canonical: byPath.get(cluster.canonical)!,
    members: cluster.members.map((m) => byPath.get(m.path)!),
    alignment: (p: string) => cluster.alignments.find((a) => a.path === p),
  }));
}

describe('dup/near-duplicate', () => {
  it('is registered as an info cluster rule', () => {
    expect(dupRules).toContain(nearDuplicate);
    expect(nearDuplicate).toMatchObject({ id: 'dup/near-duplicate', scope: 'cluster', meta: { defaultSeverity: 'info' } });
  });

  it('reports 000 and 001 at their first block, naming 002 and the similarity', () => {
    const docs = ['000', '001', '002', '003', '004'].map((p) => sampleDoc(p));
    const findings = views(docs).flatMap((v) => nearDuplicate.check(v, { config }));
    expect(
      findings.map((f) => ({ path: f.path, line: f.span.start.line, column: f.span.start.column, endLine: f.span.end.line, data: f.data })),
    ).toEqual([
      // 000 opens with a blank line; its first block is line 2.
      { path: samplePath('000'), line: 2, column: 1, endLine: 2, data: { canonical: samplePath('002'), similarity: expect.closeTo(0.95, 1) } },
      { path: samplePath('001'), line: 1, column: 1, endLine: 1, data: { canonical: samplePath('002'), similarity: expect.closeTo(0.95, 1) } },
    ]);
    expect(findings[1]!.message).toBe(
      `Version of ${samplePath('002')} (similarity ${(findings[1]!.data!.similarity as number).toFixed(2)}); the article is published from that one`,
    );
    expect(findings[1]!.message).toMatch(/\(similarity 0\.9\d\)/);
  });

  it('reports nothing on singletons and on the canonical version', () => {
    const docs = [sampleDoc('003'), sampleDoc('004')];
    expect(views(docs).flatMap((v) => nearDuplicate.check(v, { config }))).toEqual([]);
  });

  it('points at 1:1 in a member without blocks', () => {
    const doc = docFromText('\n', 'txt', 'empty.txt');
    const canonical = sampleDoc('002');
    const view: ClusterView = {
      cluster: { id: 'c-000000000000', canonical: canonical.path, members: [{ path: 'empty.txt', similarity: 0.5 }], alignments: [], diffs: [] },
      canonical,
      members: [doc],
      alignment: () => undefined,
    };
    expect(nearDuplicate.check(view, { config })).toMatchObject([{ path: 'empty.txt', span: { start: { line: 1, column: 1 } } }]);
  });

  it('shows in an audit of the samples, once per non-canonical member', async () => {
    const result = await audit(['input'], config, { cwd: ROOT });
    const found = result.findings.filter((f) => f.ruleId === 'dup/near-duplicate');
    expect(found.map((f) => [f.path, f.severity, f.data?.canonical])).toEqual([
      [samplePath('000'), 'info', samplePath('002')],
      [samplePath('001'), 'info', samplePath('002')],
    ]);
  });
});
