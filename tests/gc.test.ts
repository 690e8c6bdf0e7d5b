import { describe, expect, it } from 'vitest';
import { collectGarbage, collectingEvery } from '../src/gc.js';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, without --expose-gc', async () => {
    let held: object | undefined = { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) };
    const ref = new WeakRef(held);
    held = undefined;
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(held).toBeUndefined();
  });

  it('passes pieces through unchanged while it collects between them', () => {
    const pieces = Array.from({ length: 50 }, (_, i) => `piece ${i} ${'镁'.repeat(i)}`);
    expect([...collectingEvery(pieces, 100)]).toEqual(pieces);
  });
});
