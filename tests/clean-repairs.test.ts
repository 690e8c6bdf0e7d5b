/**
 * What the cleaner does with the repairs of artifact/html-tag and lang/mt-artifact: it
 * applies the high-confidence ones, inline HTML of Markdown drafts included, and leaves the
 * low-confidence ones in the text (they stay reported).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';

async function cleaned(name: string, text: string): Promise<{ out: string; found: Array<[string, number]>; changed: Array<[string, number]> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-repairs-'));
  writeFileSync(path.join(dir, name), text);
  const result = await audit(['.'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'output') });
  const ours = (id: string): boolean => id === 'artifact/html-tag' || id === 'lang/mt-artifact';
  return {
    out: result.outputs[0]!.content,
    found: result.findings.filter((f) => ours(f.ruleId)).map((f) => [f.ruleId, f.span.start.line]),
    changed: result.changes.filter((c) => ours(c.ruleId)).map((c) => [c.ruleId, c.from.line]),
  };
}

describe('cleaning the repairs of html-tag and mt-artifact', () => {
  it('drops a stray closing tag and a mid-line <br> of a Markdown draft, keeping its superscripts', async () => {
    const { out, found, changed } = await cleaned(
      'iron.md',
      '# Iron\n\nIron carries oxygen in the blood.<sup>1</sup> Low stores cause fatigue.</div> Food comes first.\n\nRed meat<br> and lentils are good sources.\n',
    );
    expect(out).toContain('blood.<sup>1</sup> Low stores cause fatigue. Food comes first.');
    expect(out).toContain('Red meat and lentils');
    expect(out).not.toMatch(/<\/div>|<br>/);
    expect(found).toEqual([
      ['artifact/html-tag', 3],
      ['artifact/html-tag', 5],
    ]);
    expect(changed).toEqual(found);
  });

  it('keeps one copy of a term glossed by itself and the rest of the sentence as written', async () => {
    const { out, found, changed } = await cleaned('folate.txt', '叶酸\n\n孕妇每天需要补充叶酸(叶酸)400微克，最好从孕前三个月开始。\n');
    expect(out).toContain('孕妇每天需要补充叶酸400微克，最好从孕前三个月开始。');
    expect(found).toEqual([['lang/mt-artifact', 3]]);
    expect(changed).toEqual(found);
  });

  it('drops an element of a text draft as one repair', async () => {
    const { out } = await cleaned('zinc.txt', 'Zinc\n\nZinc supports <span class="hl">immune</span> function.\n');
    expect(out).toContain('Zinc supports immune function.');
  });

  it('repairs a common glued pair and leaves a low-confidence one as written', async () => {
    const { out, found, changed } = await cleaned(
      'magnesium.txt',
      'Magnesium and sleep\n\nMost people can get enough magnesium from their diet: drink water andeating green vegetables, nuts and whole grains will cover what the body needs. If you take a supplement, take magnesiumand zinc at different times of the day.\n\n镁对睡眠很重要。\n',
    );
    expect(out).toContain('and eating green vegetables');
    expect(out).toContain('magnesiumand zinc');
    expect(found).toEqual([
      ['lang/mt-artifact', 3],
      ['lang/mt-artifact', 3],
    ]);
    expect(changed).toEqual([['lang/mt-artifact', 3]]);
  });
});
