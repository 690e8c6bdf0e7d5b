import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';

async function tagLines(text: string, file = 'draft.md'): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-suppress-'));
  writeFileSync(path.join(dir, file), text);
  const result = await audit(['.'], resolveConfig(), { cwd: dir, outputDir: path.join(dir, 'out') });
  return result.findings.filter((f) => f.ruleId === 'artifact/html-tag').map((f) => f.span.start.line);
}

describe('suppression comments', () => {
  // Each draft line is followed by a blank line, so draft line k stands at file line 2k − 1.
  it.each([
    ['none', ['one<br>', 'two<br>', 'three<br>'], [1, 3, 5]],
    ['disable … enable by id', ['one<br>', '<!-- draftaudit-disable artifact/html-tag -->', 'two<br>', '<!-- draftaudit-enable artifact/html-tag -->', 'three<br>'], [1, 9]],
    ['disable without id covers every rule', ['<!-- draftaudit-disable -->', 'one<br>', '<!-- draftaudit-enable -->', 'two<br>'], [7]],
    ['disable to the end of the file', ['one<br>', '<!-- draftaudit-disable artifact/html-tag -->', 'two<br>', 'three<br>'], [1]],
    ['another rule id does not silence this one', ['<!-- draftaudit-disable lang/foreign-block -->', 'one<br>'], [3]],
    ['disable-next-line applies to the next line with text', ['<!-- draftaudit-disable-next-line artifact/html-tag -->', 'one<br>', 'two<br>'], [5]],
  ])('%s', async (_name, lines, expected) => {
    expect(await tagLines(lines.map((l) => `${l}\n\n`).join(''), 'draft.txt')).toEqual(expected);
  });

  it('works in Markdown, where the comment is an HTML node', async () => {
    const md = ['Para one<br> here.', '', '<!-- draftaudit-disable-next-line artifact/html-tag -->', 'Para two<br> here.', '', 'Para three<br> here.', ''].join('\n');
    expect(await tagLines(md)).toEqual([1, 6]);
  });
});
