/**
 * Runs the engine on an evaluation corpus as one batch (so the versions of an article
 * cluster) and scores its findings against the labels. Nothing is written: `audit()` keeps
 * the cleaned articles in memory, and no cache is used.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { audit } from '../../src/audit.js';
import { resolveConfig } from '../../src/config.js';
import { rules, ruleIds } from '../../src/rules/index.js';
import { parseLabels, type Labels } from './labels.js';
import { score, type EvalFinding, type EvalReport } from './score.js';

const DRAFT = /\.(md|markdown|txt|html?)$/i;

export interface EvalRun {
  corpus: string;
  labels: Labels;
  findings: EvalFinding[];
  report: EvalReport;
  /** Clusters of more than one draft: the canonical version and the other members. */
  clusters: Array<{ canonical: string; members: string[] }>;
}

/** Drafts of the corpus folder, as paths inside it with `/` separators, sorted. */
export function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else if (DRAFT.test(name)) out.push(r);
    }
  };
  walk('');
  return out;
}

export async function runEval(corpusDir: string, labelsFile: string): Promise<EvalRun> {
  const corpus = path.resolve(corpusDir);
  const files = corpusFiles(corpus);
  const labels = parseLabels(JSON.parse(readFileSync(labelsFile, 'utf8')), labelsFile, ruleIds(), files);
  const cwd = path.dirname(corpus);
  const result = await audit([path.basename(corpus)], resolveConfig(), { cwd, outputDir: path.join(cwd, '.eval-output-not-written') });
  const findings: EvalFinding[] = result.findings.map((f) => ({
    file: path.relative(corpus, path.resolve(cwd, f.path)).split(path.sep).join('/'),
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.span.start.line,
    endLine: Math.max(f.span.start.line, f.span.end.line),
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
  }));
  const infoRules = new Set(rules.filter((r) => r.meta.defaultSeverity === 'info').map((r) => r.id));
  const ids = rules.filter((r) => r.scope !== 'stage').map((r) => r.id);
  const inCorpus = (p: string) => path.relative(corpus, path.resolve(cwd, p)).split(path.sep).join('/');
  const clusters = result.clusters
    .filter((c) => c.members.some((m) => m.path !== c.canonical))
    .map((c) => ({ canonical: inCorpus(c.canonical), members: c.members.filter((m) => m.path !== c.canonical).map((m) => inCorpus(m.path)) }));
  return { corpus, labels, findings, clusters, report: score(findings, labels, { infoRules, ruleIds: ids }) };
}
