/** The `--verbose` line: stage times, then memory at each stage's end when the engine measured it, then the cache. */
import { describe, expect, it } from 'vitest';
import { renderTimings } from '../src/timings.js';

const MB = 2 ** 20;
const timings = { analyze: 1500, corpus: 250, clusterRules: 120, clean: 400, gc: 30 };

describe('renderTimings', () => {
  it.each([
    ['stage times alone', {}, 'draftaudit: 2.50 s in all; analysis 1.50 s, grouping versions 0.25 s, comparing versions 0.12 s, cleaning 0.40 s, garbage collection 0.03 s\n'],
    [
      'memory at the end of each stage, and the peak so far',
      { memory: { analyze: { rss: 300 * MB, heap: 120 * MB, peakRss: 410 * MB }, clean: { rss: 350 * MB, heap: 150.4 * MB, peakRss: 455.6 * MB } } },
      'draftaudit: 2.50 s in all; analysis 1.50 s, grouping versions 0.25 s, comparing versions 0.12 s, cleaning 0.40 s, garbage collection 0.03 s; memory at the end of each stage: analysis 300 MB (heap 120 MB), cleaning 350 MB (heap 150 MB); peak 456 MB\n',
    ],
    [
      'memory before the cache',
      { memory: { analyze: { rss: 64 * MB, heap: 32 * MB, peakRss: 64 * MB } }, cache: { hits: 3, misses: 1 } },
      'draftaudit: 2.50 s in all; analysis 1.50 s, grouping versions 0.25 s, comparing versions 0.12 s, cleaning 0.40 s, garbage collection 0.03 s; memory at the end of each stage: analysis 64 MB (heap 32 MB); peak 64 MB; cache: 3 of 4 drafts from the cache (75.0% hit rate), 1 analysed\n',
    ],
  ])('%s', (_, extra, expected) => {
    expect(renderTimings({ timings, ...extra }, 2500)).toBe(expected);
  });
});
