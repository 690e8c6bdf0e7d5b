/**
 * Serialising the report a piece at a time (fragments.ts): an element whose start and end
 * tags are remembered, each attribute serialised on its own, gives the HTML
 * hast-util-to-html gives for the whole element, whatever its properties hold (quotes,
 * ampersands, angle brackets, Han text, numbers, lists, booleans, empty values).
 */
import fc from 'fast-check';
import type { Element, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { Fragments } from '../src/report/html/fragments.js';

const NAMES = ['className', 'id', 'dataFinding', 'dataFile', 'dataRule', 'dataState', 'href', 'title', 'hidden', 'lang', 'dataZ', 'colSpan', 'ariaHidden', 'style'];
const text = fc.oneof(fc.string(), fc.constantFrom('', 'a"b', "it's", 'a&b<c>', '镁 350 毫克', 'input/<!--x-->.txt', ' spaced ', 'true', 'false'));
const value = fc.oneof(text, fc.integer({ min: -5, max: 5000 }), fc.boolean(), fc.array(text, { maxLength: 3 }), fc.constant(null), fc.constant(undefined));
const properties = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 7 }) as fc.Arbitrary<Properties>;
const element = fc.record({ tagName: fc.constantFrom('tr', 'td', 'p', 'h3', 'table', 'div', 'span'), properties }).map(
  ({ tagName, properties }): Element => ({ type: 'element', tagName, properties, children: [{ type: 'text', value: 'x < y' }] }),
);

describe('Fragments', () => {
  it('serialises a tagged element as toHtml does', () => {
    const fragments = new Fragments();
    fc.assert(
      fc.property(element, (e) => {
        const expected = toHtml(e);
        expect(fragments.serialise(fragments.tagged(structuredClone(e)))).toBe(expected);
        // Remembered now: the same again.
        expect(fragments.serialise(fragments.tagged(structuredClone(e)))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('serialises a tree of tagged and shared elements as toHtml does', () => {
    const fragments = new Fragments();
    const row = (n: number, file: string): Element =>
      fragments.tagged({
        type: 'element',
        tagName: 'tr',
        properties: { className: ['finding'], dataFinding: n, dataFile: file, hidden: n % 2 === 0 },
        children: [fragments.shared('td', `cell ${n % 3}`, (key) => ({ type: 'element', tagName: 'td', properties: {}, children: [{ type: 'text', value: key }] })), { type: 'text', value: `"${file}" & more` }],
      });
    const table: Element = { type: 'element', tagName: 'table', properties: {}, children: [1, 2, 3, 4].map((n) => row(n, n > 2 ? 'input/a"b.txt' : 'input/镁.txt')) };
    const plain = structuredClone(table);
    const strip = (e: Element): void => {
      delete e.data;
      for (const c of e.children) if (c.type === 'element') strip(c);
    };
    strip(plain);
    expect(fragments.serialise(table)).toBe(toHtml(plain));
  });
});
