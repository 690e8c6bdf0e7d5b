/** A row of figures of a flattened table, as the plain-text parser and the debris look both read it. */
import { describe, expect, it } from 'vitest';
import { isFigureRow, isValueCell } from '../src/parse/figure-row.js';

describe('a row of figures', () => {
  it.each([
    ['Men 400 420 350', true],
    ['400 420 350', true],
    ['<1 ≥2 ~3', true],
    ['19–50 y 400 mg 420', false],
    ['1 2 3 Total', true],
    ['Week 1 2 3', true],
    ['1 2 3 4', false],
    ['12 13 14', false],
    ['Site 2025-05-10 Health 1602 0', false],
    ['Updated 10:30 12 15 20', false],
    ['Zinc 8 11', false],
    ['Take 2 tablets with 200 ml of water', false],
  ])('%j: %s', (text, row) => {
    expect(isFigureRow(text)).toBe(row);
  });
});

describe('one cell of figures, a table flattened a cell a line', () => {
  it.each([
    ['7.5', true],
    ['0.2 mcg', true],
    ['29–30 mcg', true],
    ['males 25 mcg, females 21 mcg', true],
    ['2 (AI)', true],
    ['1', true],
    ['Whole wheat bread, 1 slice', false],
    ['Take 2 tablets', false],
    ['10 20 30', false],
    ['Chromium (mcg)', false],
    ['25 mcg is plenty for most women', false],
  ])('%j: %s', (text, cell) => {
    expect(isValueCell(text)).toBe(cell);
  });
});
