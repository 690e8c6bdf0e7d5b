import { beforeEach, describe, expect, it, vi } from 'vitest';

const collected = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/gc.js', () => ({ collectGarbage: () => collected.count++ }));

const { analyzeFiles, COLLECT_EVERY } = await import('../src/engine/pool.js');
const { collectFiles } = await import('../src/load/index.js');
const { resolveConfig } = await import('../src/config.js');
const { ROOT } = await import('./helpers.js');

describe('garbage collection in the pool', () => {
  beforeEach(() => {
    collected.count = 0;
  });

  it.each([
    ['with a progress callback', true],
    ['without one', false],
  ])('collects only after every COLLECT_EVERY drafts in this thread, %s', async (_label, progress) => {
    const config = resolveConfig();
    const load = { cwd: ROOT, include: config.include, exclude: config.exclude, maxFileSize: config.maxFileSize };
    const { files } = await collectFiles(['input'], load);
    expect(files.length).toBeLessThan(COLLECT_EVERY);
    const results = await analyzeFiles(files, config, load, { workers: 2, ...(progress ? { onProgress: () => {} } : {}) });
    expect(results.every((r) => r.doc)).toBe(true);
    expect(collected.count).toBe(0);
  });
});
