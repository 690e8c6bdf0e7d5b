import { describe, expect, it } from 'vitest';
import { groupBy, pushTo } from '../src/collections.js';

describe('lists kept by key', () => {
  it('groups in first-seen key order, each list in item order', () => {
    const grouped = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...grouped]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('appends to an existing list and starts a missing one', () => {
    const map = new Map<number, string[]>([[1, ['x']]]);
    pushTo(map, 1, 'y');
    pushTo(map, 2, 'z');
    expect([...map]).toEqual([
      [1, ['x', 'y']],
      [2, ['z']],
    ]);
  });
});
