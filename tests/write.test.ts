import { mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeFolder } from '../src/write.js';

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
