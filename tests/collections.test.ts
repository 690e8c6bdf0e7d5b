import { describe, expect, it } from 'vitest';
import { groupBy, lastAtOrBefore, pushTo, setBounded } from '../src/collections.js';

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

describe('bounded maps', () => {
  it('forget the oldest entry once full, and keep their size when a key is set again', () => {
    const map = new Map<string, number>();
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) setBounded(map, k, v, 2);
    expect([...map]).toEqual([['b', 2], ['c', 3]]);
    setBounded(map, 'b', 20, 2);
    expect([...map]).toEqual([['b', 20], ['c', 3]]);
  });
});

describe('lastAtOrBefore', () => {
  const starts = [0, 10, 10, 25, 40];
  it.each([
    [-1, -1],
    [0, 0],
    [9, 0],
    [10, 2],
    [24, 2],
    [25, 3],
    [99, 4],
  ])('at %i gives index %i', (at, index) => {
    expect(lastAtOrBefore(starts, (s) => s, at)).toBe(index);
  });
  it('is -1 on no items', () => expect(lastAtOrBefore([], (s: number) => s, 5)).toBe(-1));
});
