import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { withRulesTable } from '../src/rules/docs.js';
import { ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('has the rules table of the current rule metadata (run `npm run docs` after changing a rule)', () => {
    expect(readme).toBe(withRulesTable(readme));
  });

  it('lists every rule id of the design and each rule in the registry once', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(readme).toContain(`\`${id}\``);
  });

  it('has a Quick start with exactly the two commands', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const commands = [...quick.matchAll(/^```(?:sh|bash)?\n([^]*?)```/gm)].flatMap((m) => m[1]!.trim().split('\n'));
    expect(commands).toEqual(['npm ci && npm run audit', 'npm test']);
  });

  it('names the test command .ci/run runs', () => {
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
