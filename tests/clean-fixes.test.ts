/** How sure a proposed repair is: the rule's own word first, else the cleaner's table. */
import { describe, expect, it } from 'vitest';
import { repairsOf, surenessOf } from '../src/clean/fixes.js';
import type { Finding } from '../src/types.js';

function finding(ruleId: string, data: Record<string, unknown>): Finding {
  const at = { line: 1, column: 1, offset: 0 };
  return { ruleId, severity: 'warning', path: 'a.txt', span: { start: at, end: { ...at, column: 5, offset: 4 } }, message: '', excerpt: '', data };
}

describe('surenessOf', () => {
  it.each<[string, Record<string, unknown>, 'high' | 'low' | undefined]>([
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'andeating', expected: 'and eating' }, 'high'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'Norway', expected: 'Nor way' }, 'low'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'Verywell', expected: 'Very well' }, 'low'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'levothyroxine', expected: 'levo thyroxine' }, 'low'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'considerlifestyle', expected: 'consider lifestyle' }, 'low'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'foodsand', expected: 'foods and' }, 'high'],
    ['lang/mt-artifact', { kind: 'doubled-character', actual: '镁镁', expected: '镁' }, 'low'],
    ['lang/mt-artifact', { kind: 'doubled-character', actual: '吁吁', expected: '吁' }, 'low'],
    ['lang/mt-artifact', { kind: 'split-word', actual: '分钟eral' }, undefined],
    ['artifact/html-tag', { tag: 'br', expected: ' ' }, 'high'],
    ['artifact/html-tag', { tag: 'sup', expected: '' }, 'low'],
    ['artifact/html-tag', { tag: 'abbr', expected: '' }, 'low'],
    ['artifact/cms-leftover', { phrase: 'Leave a Reply', expected: '' }, 'high'],
    ['cite/malformed-url', { reason: 'second-scheme', expected: 'https://ods.od.nih.gov/' }, 'high'],
    ['cite/malformed-url', { reason: 'space', expected: 'https://example.org/ab' }, 'low'],
    // The rule's own word wins over the table, either way.
    ['artifact/cms-leftover', { expected: '', confidence: 'low', reason: 'a phrase that may be content' }, 'low'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'Andrew', expected: 'An drew', confidence: 'high' }, 'high'],
    // A rule the table does not know is sure only when it says so.
    ['artifact/site-chrome', { expected: '' }, 'low'],
    ['artifact/site-chrome', { expected: '', confidence: 'high', reason: 'a journal site menu line' }, 'high'],
  ])('%s %j → %s', (ruleId, data, expected) => {
    expect(surenessOf(finding(ruleId, data))?.confidence).toBe(expected);
    expect(repairsOf([finding(ruleId, data)]).length).toBe(expected === 'high' ? 1 : 0);
  });
});
