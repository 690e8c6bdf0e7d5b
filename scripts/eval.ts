/**
 * `npm run eval [-- --corpus DIR --labels FILE --json]`: audits an evaluation corpus
 * (default tests/eval/corpus with tests/eval/labels.json) as one batch and prints
 * precision and recall per rule and family, the warnings and errors of each clean article,
 * and the false findings and missed labels. Writes nothing.
 */
import { parseArgs } from 'node:util';
import { runEval } from './eval/run.js';
import { formatReport } from './eval/format.js';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        corpus: { type: 'string', default: 'tests/eval/corpus' },
        labels: { type: 'string', default: 'tests/eval/labels.json' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\nusage: npm run eval -- [--corpus DIR] [--labels FILE] [--json]\n`);
    return 2;
  }
  try {
    const { report, clusters } = await runEval(values.corpus, values.labels);
    process.stdout.write(values.json ? `${JSON.stringify({ ...report, clusters }, null, 2)}\n` : formatReport(report, clusters));
    return 0;
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n`);
    return 2;
  }
}

process.exitCode = await main();
