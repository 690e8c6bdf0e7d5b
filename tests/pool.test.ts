import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { renderHtml } from '../src/report/html.js';
import { renderJson } from '../src/report/json.js';
import { ROOT } from './helpers.js';

describe('the worker pool', () => {
  it('gives byte-identical results to a single-thread run', async () => {
    const at = new Date('2026-11-23T00:00:00.000Z');
    const run = (workers: number) => audit(['input', 'tests/fixtures/encodings'], resolveConfig(), { cwd: ROOT, workers, now: () => at });
    const [one, two] = [await run(0), await run(2)];
    expect(renderJson(two)).toBe(renderJson(one));
    const options = { reportsDir: `${ROOT}/reports`, cwd: ROOT };
    expect(renderHtml(two, options)).toBe(renderHtml(one, options));
    expect(two.outputs).toEqual(one.outputs);
  });

  it('reports progress for every draft', async () => {
    const seen: number[] = [];
    await audit(['input'], resolveConfig(), { cwd: ROOT, workers: 2, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
