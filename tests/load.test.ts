import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, loadSources, readSource, UsageError, type LoadOptions } from '../src/load/index.js';
import { ROOT } from './helpers.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/encodings');
const options = (over: Partial<LoadOptions> = {}): LoadOptions => ({ cwd: ROOT, include: [], exclude: [], maxFileSize: 5 * 1024 * 1024, ...over });

describe('encodings', () => {
  it.each([
    ['utf8-bom.txt', 'utf-8', 'What Is Magnesium?', true],
    ['utf16le-bom.txt', 'utf-16le', '镁是一种矿物质。', true],
    ['utf16be-bom.txt', 'utf-16be', '镁是一种矿物质。', true],
    ['gb18030.txt', 'gb18030', '镁是地球上最常见的矿物之一', true],
    ['big5.txt', 'big5', '鎂是地球上最常見的礦物之一', true],
    ['shift_jis.txt', 'shift_jis', 'マグネシウムは地球上で最も一般的なミネラル', true],
    ['windows-1252.txt', 'windows-1252', 'Café au lait and crème brûlée', true],
    // Curly quotes, dashes and the euro sign sit in bytes 0x80–0x9F, which ISO-8859-1 would turn into control characters.
    ['windows-1252-quotes.txt', 'windows-1252', '“Magnesium isn’t a sleeping pill” — but café owners in München sell it for €5 a tub. It eases cramps … sometimes.', true],
    ['invalid-utf8.txt', 'utf-8', 'Magnesium is one of \uFFFDthe most common minerals', true],
  ])('%s decodes as %s', async (file, encoding, expected, noted) => {
    const { source, findings } = await readSource(path.join(FIXTURES, file), options());
    expect(source?.encoding).toBe(encoding);
    expect(source?.text).toContain(expected);
    expect(source?.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(findings.map((f) => f.ruleId)).toEqual(noted ? ['input/encoding'] : []);
  });

  it('plain UTF-8 gives no encoding note', async () => {
    const { source, findings } = await readSource(path.join(ROOT, 'input/002_42ea68e9ece25881.txt'), options());
    expect(source?.encoding).toBe('utf-8');
    expect(findings).toEqual([]);
  });
});

describe('bad input becomes a finding and the batch goes on', () => {
  it.each([
    ['empty.txt', 'input/unreadable-or-empty', /empty/],
    ['blank.md', 'input/unreadable-or-empty', /white space/],
    ['binary.txt', 'input/unreadable-or-empty', /binary/],
  ])('%s → %s', async (file, ruleId, message) => {
    const { source, findings } = await readSource(path.join(FIXTURES, file), options());
    expect(source).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId, path: `tests/fixtures/encodings/${file}`, span: { start: { line: 1, column: 1 } } });
    expect(findings[0]!.message).toMatch(message);
  });

  it('a file over the size limit → input/too-large', async () => {
    const { source, findings } = await readSource(path.join(ROOT, 'input/003_a640f6bfd24ca5b0.txt'), options({ maxFileSize: 1000 }));
    expect(source).toBeUndefined();
    expect(findings.map((f) => f.ruleId)).toEqual(['input/too-large']);
  });

  it('a file that cannot be read → input/unreadable-or-empty with the reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-'));
    mkdirSync(path.join(dir, 'folder.txt'));
    const { findings } = await readSource(path.join(dir, 'folder.txt'), options({ cwd: dir }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/Cannot read file: EISDIR/);
  });

  it('a folder of good and bad drafts loads the good ones and reports the bad ones', async () => {
    const { sources, findings } = await loadSources(['tests/fixtures/encodings'], options());
    expect(sources.map((s) => s.path)).toEqual([
      'tests/fixtures/encodings/big5.txt',
      'tests/fixtures/encodings/gb18030.txt',
      'tests/fixtures/encodings/invalid-utf8.txt',
      'tests/fixtures/encodings/shift_jis.txt',
      'tests/fixtures/encodings/utf16be-bom.txt',
      'tests/fixtures/encodings/utf16le-bom.txt',
      'tests/fixtures/encodings/utf8-bom.txt',
      'tests/fixtures/encodings/windows-1252-quotes.txt',
      'tests/fixtures/encodings/windows-1252.txt',
    ]);
    expect(findings.filter((f) => f.ruleId === 'input/unreadable-or-empty').map((f) => path.basename(f.path)).sort()).toEqual([
      'binary.txt',
      'blank.md',
      'empty.txt',
    ]);
  });
});

describe('walking the input paths', () => {
  it('walks folders recursively in sorted order, by extension, once each, through symlink loops', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-'));
    mkdirSync(path.join(dir, 'b/deep'), { recursive: true });
    mkdirSync(path.join(dir, 'a'));
    for (const f of ['a/z.txt', 'a/y.md', 'b/deep/x.html', 'b/w.htm', 'b/v.markdown', 'b/notes.docx', 'top file é.txt']) {
      writeFileSync(path.join(dir, f), 'Text.\n');
    }
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'b/deep/loop'));
    const { files } = await collectFiles(['.', 'a'], options({ cwd: dir }));
    expect(files.map((f) => path.relative(dir, f))).toEqual(['a/y.md', 'a/z.txt', 'b/deep/x.html', 'b/v.markdown', 'b/w.htm', 'top file é.txt']);
  });

  it('applies include and exclude globs', async () => {
    const { files } = await collectFiles(['input'], options({ include: ['**/00[0-2]_*'], exclude: ['**/001_*'] }));
    expect(files.map((f) => path.basename(f).slice(0, 3))).toEqual(['000', '002']);
  });

  it('a path that does not exist is a usage error naming it', async () => {
    await expect(collectFiles(['no/such/dir'], options())).rejects.toThrow(new UsageError('no such file or folder: no/such/dir'));
  });
});
