/**
 * The clean articles of the evaluation corpus (tests/eval), audited as one batch as `npm run
 * eval` does: each comes out with every sentence no finding touches word for word, and the
 * cleaned articles audited again give no language or artifact finding their drafts did not
 * have; cleaning them again changes nothing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { parse, formatOf } from '../src/parse/index.js';
import { body, readable, ROOT, untouchedSentences } from './helpers.js';

const CORPUS = path.join(ROOT, 'tests/eval/corpus');
const labels = JSON.parse(readFileSync(path.join(ROOT, 'tests/eval/labels.json'), 'utf8')).articles as Record<string, { clean: boolean }>;
const cleanArticles = Object.keys(labels).filter((name) => labels[name]!.clean);

async function auditFolder(files: Record<string, string> | string): Promise<AuditResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-corpus-'));
  if (typeof files === 'string') cpSync(files, path.join(dir, 'corpus'), { recursive: true });
  else {
    mkdirSync(path.join(dir, 'corpus'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'corpus', name), text);
  }
  return audit(['corpus'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output') });
}

describe.runIf(cleanArticles.length > 0)('clean articles of the evaluation corpus', () => {
  let result: AuditResult;
  // The whole corpus is audited once, as in eval.test.ts (and with its time allowance).
  beforeAll(async () => {
    result = await auditFolder(CORPUS);
  }, 120_000);

  const outputOf = (p: string) => {
    const cluster = result.clusters.find((c) => c.canonical === p || c.members.some((m) => m.path === p))!;
    return { cluster, output: result.outputs.find((o) => o.cluster === cluster.id)! };
  };

  it.each(cleanArticles)('%s: every sentence no finding touches is in its cleaned article', (name) => {
    const p = `corpus/${name}`;
    const { cluster, output } = outputOf(p);
    // A clean member of a family is published through its canonical; its own text is not the output's.
    if (cluster.canonical !== p) return;
    const text = readable(output.content);
    const source = parse(readFileSync(path.join(CORPUS, name), 'utf8'), formatOf(name)!);
    for (const s of untouchedSentences({ path: p, blocks: source.blocks }, result.findings)) expect(text, name).toContain(s);
  });

  // The drafts' own false findings (a drug name read as glued words) are the rules' to lose;
  // the cleaner must add none.
  it('audited again, the cleaned clean articles give no language or artifact finding their drafts lacked, and clean to themselves', async () => {
    const canonicals = cleanArticles.map((n) => `corpus/${n}`).filter((p) => outputOf(p).cluster.canonical === p);
    const files = Object.fromEntries(canonicals.map((p) => [outputOf(p).output.file, outputOf(p).output.content]));
    const again = await auditFolder(files);
    const count = (r: AuditResult, paths: string[], id: string): number => r.findings.filter((f) => paths.includes(f.path) && f.ruleId === id).length;
    const ids = new Set(again.findings.map((f) => f.ruleId).filter((id) => id.startsWith('lang/') || id.startsWith('artifact/')));
    for (const id of ids) expect(count(again, Object.keys(files).map((f) => `corpus/${f}`), id), id).toBeLessThanOrEqual(count(result, canonicals, id));
    for (const o of Object.values(files)) expect(again.outputs.map((x) => body(x.content))).toContain(body(o));
  });
});
