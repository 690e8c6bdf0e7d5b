import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:fast`: the edit loop's suite, under 30 s on an idle two-core machine. It
 * leaves out the files that build, install, drive a browser or audit large or many batches
 * end to end, or wait for real time budgets — each of them took 2 s or more (up to three
 * minutes) in a measured run, together about two thirds of `npm test`'s time.
 * `npm test` runs everything, these included.
 */
export const SLOW = [
  'tests/hardening.test.ts', // 20 MB and 100,000-line drafts, Markdown nested 400 deep
  'tests/pack.test.ts', // npm pack, a build and an install
  'tests/launcher.test.ts', // two builds of a copy of the project, five runs of it
  'tests/browser.test.ts', // Chromium
  'tests/browser-report.test.ts', // Chromium
  'tests/worst-case.test.ts', // the pathological drafts of bench/worst-case.ts, each audited
  'tests/budget.test.ts', // runaway rules stopped by real time budgets
  'tests/markdown-writer.test.ts', // worker threads writing and rendering articles
  'tests/pool.test.ts', // worker threads on a large batch
  'tests/property.test.ts', // fast-check runs of the whole engine
  'tests/eval.test.ts', // the evaluation corpus and the held-out set
  'tests/clean-corpus.test.ts', // the evaluation corpus cleaned and audited again
  'tests/clean-safety.test.ts',
  'tests/cache.test.ts', // several audits of the samples each
  'tests/cache-pieces.test.ts', // the samples audited with and without the cache, several times
  'tests/cache-reader.test.ts', // the samples audited with the cache, and again with the cache reader's thread started from the sources
  'tests/report-junit.test.ts', // 60,000 drafts' report streamed
  'tests/baseline.test.ts',
  'tests/baseline-changed-since.test.ts', // git repositories made and audited
  'tests/cli.test.ts',
  'tests/sarif.test.ts',
  'tests/article-skeleton.test.ts', // fast-check runs over random articles, each parsed twice
  'tests/rerun-pieces.test.ts', // batches audited, edited and audited again with the cache
  'tests/release-models.test.ts', // every model loaded, released and loaded again
];

// Test files share their workers' loaded modules (no fresh module graph per file): loading the
// pipeline again for each of some sixty files was over half of this suite's time. Two workers:
// on a two-core machine vitest's default gives one.
export default mergeConfig(base, defineConfig({ test: { exclude: SLOW, isolate: false, maxWorkers: 2 } }));
