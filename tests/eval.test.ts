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
  it('meets the precision and recall bar for lang, artifact, cite and dose', async () => {
    const { report, clusters } = await runEval(path.join(ROOT, 'tests/eval/corpus'), path.join(ROOT, 'tests/eval/labels.json'));
    console.log(formatReport(report, clusters));
    expect(gateFailures(report, ['lang', 'artifact', 'cite', 'dose']).map((g) => `${g.what}: ${g.detail}`)).toEqual([]);
  }, 120_000);
});
