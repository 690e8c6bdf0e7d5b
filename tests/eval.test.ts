/**
 * The realistic evaluation corpus (tests/eval/) against the bar of the issues "Trustworthy
 * on real articles" (1) and (2): per rule of the lang, artifact, cite and dose families,
 * precision ≥ 0.95 and recall ≥ 0.9, and no warning or error of those families on a clean
 * article. It prints the figures it judges by.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../scripts/eval/run.js';
import { formatReport } from '../scripts/eval/format.js';
import { gateFailures } from '../scripts/eval/score.js';
import { ROOT } from './helpers.js';

describe('evaluation corpus', () => {
  // corpus/: the drafts the rules were tuned on; holdout/: drafts written apart and first
  // measured after the rules were built (see tests/eval/README.md).
  it.each([
    ['corpus', 'tests/eval/corpus', 'tests/eval/labels.json'],
    ['holdout', 'tests/eval/holdout/corpus', 'tests/eval/holdout/labels.json'],
  ])('%s meets the precision and recall bar for lang, artifact, cite and dose', async (_name, corpus, labels) => {
    const { report, clusters } = await runEval(path.join(ROOT, corpus), path.join(ROOT, labels));
    console.log(formatReport(report, clusters));
    expect(gateFailures(report, ['lang', 'artifact', 'cite', 'dose']).map((g) => `${g.what}: ${g.detail}`)).toEqual([]);
  }, 120_000);
});
