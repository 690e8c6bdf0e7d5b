/** How sure a proposed repair is: the rule's own word, and low when it says nothing. */
import { describe, expect, it } from 'vitest';
import { repairsOf, surenessOf } from '../src/clean/fixes.js';
import type { Finding } from '../src/types.js';

function finding(ruleId: string, data: Record<string, unknown>): Finding {
  const at = { line: 1, column: 1, offset: 0 };
  return { ruleId, severity: 'warning', path: 'a.txt', span: { start: at, end: { ...at, column: 5, offset: 4 } }, message: '', excerpt: '', data };
}

describe('surenessOf', () => {
  it.each<[string, Record<string, unknown>, 'high' | 'low' | undefined]>([
    // The rule's word decides, either way.
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'andeating', expected: 'and eating', confidence: 'high', reason: 'a function word run into the next word' }, 'high'],
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'Andrew', expected: 'An drew', confidence: 'low', reason: 'a capital: it may be a name' }, 'low'],
    ['artifact/cms-leftover', { expected: '', confidence: 'low', reason: 'a phrase that may be content' }, 'low'],
    ['cite/malformed-url', { reason: 'second-scheme', expected: 'https://ods.od.nih.gov/', confidence: 'high' }, 'high'],
    // A repair whose rule does not say it is sure is not applied, whatever the rule.
    ['lang/mt-artifact', { kind: 'glued-words', actual: 'andeating', expected: 'and eating' }, 'low'],
    ['artifact/html-tag', { tag: 'br', expected: ' ' }, 'low'],
    ['artifact/site-chrome', { expected: '' }, 'low'],
    ['artifact/site-chrome', { expected: '', confidence: 'high', reason: 'a journal site menu line' }, 'high'],
    // No repair at all.
    ['lang/mt-artifact', { kind: 'split-word', actual: '分钟eral' }, undefined],
  ])('%s %j → %s', (ruleId, data, expected) => {
    expect(surenessOf(finding(ruleId, data))?.confidence).toBe(expected);
    expect(repairsOf([finding(ruleId, data)]).length).toBe(expected === 'high' ? 1 : 0);
  });
});
