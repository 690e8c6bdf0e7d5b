import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import { collectGarbage, collectIfGrown, collectingAsNeeded, HEAP_FLOOR } from '../src/gc.js';

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
    expect([...collectingAsNeeded(pieces)]).toEqual(pieces);
  });
});

describe('collectIfGrown', () => {
  const used = (): number => v8.getHeapStatistics().used_heap_size;

  it('leaves a heap under the floor to V8', () => {
    expect(used()).toBeLessThan(HEAP_FLOOR);
    expect(collectIfGrown()).toBe(false);
  });

  it('collects once the heap has grown by a tenth past what the last collection left, then not again at once', () => {
    collectGarbage();
    const after = used();
    expect(collectIfGrown(0)).toBe(false);
    // Live data worth half the heap: well past the tenth.
    const held: string[] = [];
    while (used() < after * 1.5) held.push(`row ${held.length} `.repeat(64));
    expect(collectIfGrown(0)).toBe(true);
    // What survived now includes the rows, so the heap has not grown past it.
    expect(collectIfGrown(0)).toBe(false);
    expect(held.length).toBeGreaterThan(0);
  });
});
