import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { rules } from '../src/rules/index.js';
import type { DocumentRule } from '../src/types.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-engine-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const throwsOnB: DocumentRule = {
  id: 'artifact/throws-on-b',
  scope: 'document',
  meta: { description: 'test rule', defaultSeverity: 'warning', docs: 'test', example: 'test' },
  check(doc) {
    if (doc.path.endsWith('b.txt')) throw new TypeError('cannot read properties of undefined');
    return [{ span: doc.blocks[0]!.position, message: 'seen' }];
  },
};

describe('the engine', () => {
  it('turns a rule that throws on one draft into internal/rule-crash there and checks the others', async () => {
    const cwd = workspace({ 'a.txt': 'Alpha text here.\n', 'b.txt': 'Beta text here.\n', 'c.txt': 'Gamma text here.\n' });
    const result = await audit(['.'], resolveConfig(), { cwd, rules: [throwsOnB] });
    expect(result.findings.map((f) => [f.path, f.ruleId, f.severity])).toEqual([
      ['a.txt', 'artifact/throws-on-b', 'warning'],
      ['b.txt', 'internal/rule-crash', 'error'],
      ['c.txt', 'artifact/throws-on-b', 'warning'],
    ]);
    expect(result.findings[1]!.message).toBe('Rule artifact/throws-on-b failed on this draft: cannot read properties of undefined');
    expect(result.outputs).toHaveLength(3);
  });

  it('never lets a rule change the Document it reads', async () => {
    const snapshots: string[] = [];
    const watcher: DocumentRule = {
      ...throwsOnB,
      id: 'artifact/watcher',
      check(doc) {
        snapshots.push(JSON.stringify(doc));
        return [];
      },
    };
    const cwd = workspace({ 'a.txt': 'What Is Magnesium?\n\n镁是地球上最常见的矿物之一( 1 ).\n\nIt helps andeating.<br>\n' });
    await audit(['.'], resolveConfig(), { cwd, rules: [watcher, ...rules, watcher] });
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]).toBe(snapshots[0]);
  });

  it('stamps generatedAt from the clock it is given and nothing else varies', async () => {
    const cwd = workspace({ 'a.txt': 'Alpha text here.\n' });
    const at = new Date('2026-01-02T03:04:05.000Z');
    const one = await audit(['.'], resolveConfig(), { cwd, now: () => at });
    const two = await audit(['.'], resolveConfig(), { cwd, now: () => at });
    expect(one.generatedAt).toBe('2026-01-02T03:04:05.000Z');
    // Stage timings and memory figures are for the benchmark and vary; everything else is the same.
    const { timings: _t1, memory: _m1, ...rest1 } = one;
    const { timings: _t2, memory: _m2, ...rest2 } = two;
    expect(JSON.stringify(rest2)).toBe(JSON.stringify(rest1));
  });
});
