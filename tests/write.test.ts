import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, readManifest, writeFolder } from '../src/write.js';

describe('writeFolder', () => {
  it('leaves a file that already holds its content as it is, and rewrites one that does not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-write-'));
    const files = [
      { file: 'magnesium.md', content: '# Magnesium\n\n镁 helps sleep.\n' },
      { file: 'zinc.md', content: '# Zinc\n' },
    ];
    writeFolder(dir, files);
    const old = new Date('2026-01-01T00:00:00Z');
    for (const f of files) utimesSync(path.join(dir, f.file), old, old);
    // Same bytes again for one, a change for the other, and a stray edit undone.
    writeFileSync(path.join(dir, 'zinc.md'), '# Zinc, edited by hand\n');
    writeFolder(dir, files);
    expect(statSync(path.join(dir, 'magnesium.md')).mtime).toEqual(old);
    expect(readFileSync(path.join(dir, 'zinc.md'), 'utf8')).toBe('# Zinc\n');
    expect(statSync(path.join(dir, 'zinc.md')).mtime).not.toEqual(old);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'magnesium.md', 'zinc.md']);
  });
});

describe('writeFolder removes stale outputs only of drafts the run read', () => {
  it.each<[string, { inRun?: string[]; prune?: boolean }, string[]]>([
    ['a run on other drafts keeps them', { inRun: ['drafts/zinc.txt'] }, ['iron.md', 'old-format.md', 'zinc.md']],
    ['a run that read all their drafts removes them', { inRun: ['drafts/zinc.txt', 'drafts/iron-a.txt', 'drafts/iron-b.txt'] }, ['old-format.md', 'zinc.md']],
    ['a run that read only some of their drafts keeps them', { inRun: ['drafts/zinc.txt', 'drafts/iron-a.txt'] }, ['iron.md', 'old-format.md', 'zinc.md']],
    ['--prune removes every stale one, of an older manifest too', { prune: true }, ['zinc.md']],
  ])('%s', (_name, options, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-write-'));
    writeFolder(dir, [
      { file: 'iron.md', content: '# Iron\n', sources: ['drafts/iron-a.txt', 'drafts/iron-b.txt'] },
      { file: 'zinc.md', content: '# Zinc\n', sources: ['drafts/zinc.txt'] },
    ]);
    // An output listed by the manifest of an older version, which recorded no drafts.
    writeFileSync(path.join(dir, 'old-format.md'), '# Old\n');
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
    manifest.files.push('old-format.md');
    writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
    const folder = { ...(options.prune ? { prune: true } : {}), ...(options.inRun ? { inRun: new Set(options.inRun) } : {}) };
    writeFolder(dir, [{ file: 'zinc.md', content: '# Zinc\n', sources: ['drafts/zinc.txt'] }], folder);
    expect(readdirSync(dir).filter((f) => f.endsWith('.md')).sort()).toEqual(expected);
    // What is kept stays in the manifest, so a later run can still remove it.
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')).files).toEqual(expected);
  });
});

describe('writeFolder and a run that stops half-way', () => {
  it('lists every article in the manifest before writing the first, so the next run can remove them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-write-'));
    writeFolder(dir, [{ file: 'calcium.md', content: '# Calcium\n', sources: ['drafts/calcium.txt'] }]);
    // The second article's name is held by a folder (listed as ours): its write fails after
    // the first article was written.
    const m = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
    m.files.push('iodine.md');
    writeFileSync(path.join(dir, MANIFEST), JSON.stringify(m));
    mkdirSync(path.join(dir, 'iodine.md'));
    writeFileSync(path.join(dir, 'iodine.md/keep'), 'x');
    const planned = [
      { file: 'folate.md', content: '# Folate\n', sources: ['drafts/folate.txt'] },
      { file: 'iodine.md', content: '# Iodine\n', sources: ['drafts/iodine.txt'] },
      { file: 'selenium.md', content: '# Selenium\n', sources: ['drafts/selenium.txt'] },
    ];
    expect(() => writeFolder(dir, planned)).toThrow();
    expect(readFileSync(path.join(dir, 'folate.md'), 'utf8')).toBe('# Folate\n');
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')).files).toEqual(['calcium.md', 'folate.md', 'iodine.md', 'selenium.md']);
    // The next run, on the folate draft alone, removes what the stopped run wrote of it.
    writeFolder(dir, [], { inRun: new Set(['drafts/folate.txt']) });
    expect(existsSync(path.join(dir, 'folate.md'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not trust a manifest that is not its own, nor names that leave the folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-write-'));
    writeFileSync(path.join(dir, 'index.md'), '# Home\n');
    writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ tool: 'other', files: ['index.md'], sources: { 'index.md': ['a.txt'] } }));
    expect(writeFolder(dir, [], { prune: true }).refused).toEqual([]);
    expect(existsSync(path.join(dir, 'index.md'))).toBe(true);
    writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ tool: 'draftaudit', files: ['../index.md', '.git'], sources: {} }));
    writeFolder(dir, [], { prune: true });
    expect(existsSync(path.join(dir, 'index.md'))).toBe(true);
    expect(readManifest(dir).size).toBe(0);
  });
});
