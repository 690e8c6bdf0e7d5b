/**
 * The publication gate through the CLI, on temporary folders: fixed or open findings and the
 * exit code (--strict), --quiet, inputs with no draft, outputs of other articles, every input
 * in `documents`, directives in the summary (--no-inline-config).
 *
 * Fixtures (tests/fixtures/gate/): `zinc.txt`, one article with a placeholder citation (open),
 * a glued reference URL (repaired) and a CMS leftover (dropped); `iron-a.txt` and
 * `iron-b.txt`, two versions of one article, the second with a Chinese paragraph, a stray tag
 * and a paragraph of its own holding a placeholder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './fixtures/report/workspace.js';
import { INPUT } from './helpers.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/gate');

interface JsonFinding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
  fixed: boolean;
}

/** A working directory with the named fixtures in `input/`. */
function workspace(...files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-gate-'));
  mkdirSync(path.join(dir, 'input'));
  for (const f of files) cpSync(path.join(FIXTURES, f), path.join(dir, 'input', f));
  return dir;
}

function report(cwd: string): { summary: Record<string, unknown>; documents: Array<Record<string, unknown>>; findings: JsonFinding[] } {
  return JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
}

const brief = (f: JsonFinding): string => `${path.basename(f.path)}:${f.line} ${f.ruleId} ${f.fixed ? 'fixed' : 'open'}`;

describe('fixed or open', () => {
  it('marks what the cleaned article no longer carries; the exit code counts open findings', async () => {
    const cwd = workspace('zinc.txt');
    const { code, stdout } = await run(['--no-progress'], cwd);
    expect(report(cwd).findings.map(brief)).toEqual([
      'zinc.txt:7 cite/placeholder open',
      'zinc.txt:9 artifact/cms-leftover fixed',
      'zinc.txt:14 cite/malformed-url fixed',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('2 errors: 1 fixed in output/, 1 needs an editor');
    // (a finding's line wraps to 80 columns when the output is not a terminal)
    expect(stdout.replace(/\n +/g, ' ')).toMatch(/cite\/malformed-url\s+\(fixed\)/);
  });

  it('passes when every error is fixed, unless --strict (or config strict) counts them', async () => {
    const cwd = workspace('zinc.txt');
    const draft = path.join(cwd, 'input/zinc.txt');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(' (source)', ' ( 1 )'));
    expect((await run([], cwd)).code).toBe(0);
    expect(report(cwd).findings.map(brief)).toEqual(['zinc.txt:9 artifact/cms-leftover fixed', 'zinc.txt:14 cite/malformed-url fixed']);
    expect((await run(['--strict'], cwd)).code).toBe(1);
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ strict: true }));
    expect((await run([], cwd)).code).toBe(1);
  });

  it('on a version: fixed where the article holds the passage correctly, open where it took the version’s own text', async () => {
    const cwd = workspace('iron-a.txt', 'iron-b.txt');
    await run([], cwd);
    expect(report(cwd).findings.map(brief)).toEqual([
      'iron-b.txt:1 dup/near-duplicate fixed',
      'iron-b.txt:5 lang/foreign-block fixed',
      'iron-b.txt:7 artifact/html-tag fixed',
      // The paragraph only this version has is inserted in the article as it is.
      'iron-b.txt:13 cite/placeholder open',
    ]);
  });

  it('carries the state into SARIF, GitHub annotations and the HTML report', async () => {
    const cwd = workspace('zinc.txt');
    const { stdout } = await run([], cwd, { GITHUB_ACTIONS: 'true' });
    const annotations = stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error .*title=cite\/placeholder::/);
    const strict = await run(['--strict'], cwd, { GITHUB_ACTIONS: 'true' });
    const all = strict.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(all).toHaveLength(3);
    expect(all.filter((l) => l.includes('(fixed in the cleaned article)'))).toHaveLength(2);

    const sarif = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8'));
    const states = sarif.runs[0].results.map((r: { ruleId: string; properties: { fixed: boolean; state: string } }) => `${r.ruleId} ${r.properties.state} ${r.properties.fixed}`);
    expect(states).toEqual(['cite/placeholder open false', 'artifact/cms-leftover fixed true', 'cite/malformed-url fixed true']);

    const html = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    expect(html.match(/<tr class="finding[^"]*"[^>]*data-state="fixed"/g)).toHaveLength(2);
    expect(html.match(/<tr class="finding[^"]*"[^>]*data-state="open"/g)).toHaveLength(1);
  });
});

describe('--quiet', () => {
  // Open: the two placeholders (errors) and an uncited research claim (warning); fixed: the
  // glued URL, the stray tag, the Chinese paragraph of the version.
  it.each<[string[], string[]]>([
    [[], ['cite/placeholder', 'cite/placeholder']],
    [['--fail-on', 'warning'], ['cite/placeholder', 'cite/placeholder', 'cite/uncited-claim']],
    [['--strict'], ['cite/malformed-url', 'cite/placeholder', 'cite/placeholder', 'lang/foreign-block']],
    [['--fail-on', 'never'], []],
  ])('%j prints every finding that counts toward the exit code, and only those', async (args, expected) => {
    const cwd = workspace('zinc.txt', 'iron-a.txt', 'iron-b.txt');
    const draft = path.join(cwd, 'input/zinc.txt');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('Leave a Reply', 'Studies have shown that zinc shortens colds.'));
    const { stdout } = await run(['--quiet', ...args], cwd);
    // Each finding: its line and the lines it wraps onto; the rule id is its last `family/name` word.
    const entries: string[] = [];
    for (const l of stdout.split('\n')) {
      if (/^\s+\d+:\d+/.test(l)) entries.push(l.trim());
      else if (/^ {8,}\S/.test(l) && entries.length > 0) entries[entries.length - 1] += ` ${l.trim()}`;
    }
    const shown = entries.map((e) => e.split(/\s+/).filter((w) => /^[a-z]+\/[a-z-]+$/.test(w)).at(-1));
    expect(shown.sort()).toEqual(expected);
    expect(stdout).toMatch(/✖ \d+ problems/);
  });
});

describe('inputs that hold no draft exit 2 with one line', () => {
  it.each<[string, (cwd: string) => void, string[], RegExp]>([
    ['an empty folder', (cwd) => mkdirSync(path.join(cwd, 'drafts')), ['drafts'], /^draftaudit: no draft \(.txt, .md, .markdown, .html, .htm\) found in: drafts\n$/],
    ['a folder of .docx files', (cwd) => (mkdirSync(path.join(cwd, 'drafts')), writeFileSync(path.join(cwd, 'drafts/zinc.docx'), 'PK')), ['drafts'], /found in: drafts\n$/],
    ['a glob that matches nothing', () => {}, ['input/*.mdx'], /found in: input\/\*\.mdx\n$/],
    ['one input of two that matches nothing', (cwd) => mkdirSync(path.join(cwd, 'drafts')), ['input', 'drafts'], /found in: drafts\n$/],
    ['a mistyped path', () => {}, ['inptu'], /^draftaudit: no such file or folder: inptu\n$/],
  ])('%s', async (_name, prepare, args, message) => {
    const cwd = workspace('zinc.txt');
    prepare(cwd);
    const { code, stderr, stdout } = await run(args, cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(existsSync(path.join(cwd, 'reports'))).toBe(false);
  });

  it('quoted globs that match drafts are audited, two on one folder too', async () => {
    const cwd = workspace('zinc.txt', 'iron-a.txt', 'iron-b.txt');
    const { code } = await run(['input/z*.txt'], cwd);
    expect(code).toBe(1);
    expect(report(cwd).documents.map((d) => d.path)).toEqual(['input/zinc.txt']);
    await run(['input/z*.txt', 'input/**/iron-a.txt', 'input'], cwd);
    expect(report(cwd).documents.map((d) => d.path)).toEqual(['input/iron-a.txt', 'input/iron-b.txt', 'input/zinc.txt']);
  });
});

describe('outputs of articles a run did not audit', () => {
  const articles = (cwd: string): string[] => readdirSync(path.join(cwd, 'output')).filter((f) => f.endsWith('.md')).sort();

  it('are kept; stale outputs go only when all their drafts were in the run, or with --prune', async () => {
    const cwd = workspace('zinc.txt', 'iron-a.txt');
    mkdirSync(path.join(cwd, 'more'));
    cpSync(path.join(FIXTURES, 'iron-b.txt'), path.join(cwd, 'more/iron-b.txt'));
    await run(['input'], cwd);
    expect(articles(cwd)).toEqual(['iron-for-runners-what-the-evidence-says.md', 'zinc-and-your-immune-system.md']);

    // A run on one draft replaces that article only.
    await run(['input/zinc.txt'], cwd);
    expect(articles(cwd)).toEqual(['iron-for-runners-what-the-evidence-says.md', 'zinc-and-your-immune-system.md']);

    // Another article with the same title, audited on its own, does not take the first one's file.
    const before = readFileSync(path.join(cwd, 'output/iron-for-runners-what-the-evidence-says.md'), 'utf8');
    await run(['more'], cwd);
    expect(articles(cwd)).toEqual(['iron-for-runners-what-the-evidence-says-2.md', 'iron-for-runners-what-the-evidence-says.md', 'zinc-and-your-immune-system.md']);
    expect(readFileSync(path.join(cwd, 'output/iron-for-runners-what-the-evidence-says.md'), 'utf8')).toBe(before);

    // A draft deleted: rerunning its folder removes its article, not the others'.
    rmSync(path.join(cwd, 'input/zinc.txt'));
    writeFileSync(path.join(cwd, 'input/zinc-note.txt'), 'Zinc lozenges\n\nA short note on zinc lozenges for a later article, kept apart from the iron piece.\n');
    await run(['input'], cwd);
    expect(articles(cwd)).toContain('zinc-and-your-immune-system.md');
    // The zinc article was made from input/zinc.txt alone, which this run did not read: kept.
    await run(['input', '--prune'], cwd);
    expect(articles(cwd)).toEqual(['iron-for-runners-what-the-evidence-says.md', 'zinc-lozenges.md']);
  });

  it('a stale output whose drafts were all in the run goes without --prune', async () => {
    const cwd = workspace('zinc.txt', 'iron-a.txt');
    await run([], cwd);
    const draft = path.join(cwd, 'input/zinc.txt');
    // Retitled: the same draft now gives another file name.
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('Zinc and Your Immune System', 'Zinc in Winter'));
    await run([], cwd);
    expect(articles(cwd)).toEqual(['iron-for-runners-what-the-evidence-says.md', 'zinc-in-winter.md']);
  });
});

describe('every input in documents', () => {
  it('lists drafts that were not audited with their status', async () => {
    const cwd = workspace('zinc.txt');
    writeFileSync(path.join(cwd, 'input/blank.md'), '');
    writeFileSync(path.join(cwd, 'input/spaces.txt'), '   \n\n  \n');
    writeFileSync(path.join(cwd, 'input/photo.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0]));
    writeFileSync(path.join(cwd, 'input/export.txt'), `${'Magnesium and sleep. '.repeat(200)}\n`);
    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ maxFileSize: 3000 }));
    await run([], cwd);
    const docs = report(cwd).documents;
    expect(docs.map((d) => [d.path, d.status])).toEqual([
      ['input/blank.md', 'empty'],
      ['input/export.txt', 'too-large'],
      ['input/photo.html', 'binary'],
      ['input/spaces.txt', 'empty'],
      ['input/zinc.txt', 'audited'],
    ]);
    expect(docs[0]).toEqual({ path: 'input/blank.md', status: 'empty', format: 'md', bytes: 0 });
    expect(docs[1]).toEqual({ path: 'input/export.txt', status: 'too-large', format: 'txt', bytes: 4201 });
    expect(report(cwd).summary.documents).toBe(1);
    const html = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    expect(html).toContain('Not audited: binary, 12 bytes');
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId.startsWith('input/'))).toHaveLength(4);
  });
});

describe('directives in the summary', () => {
  const draft = [
    'Magnesium and Sleep',
    '',
    'A small trial found better sleep in older adults (source). <!-- draftaudit-disable-line cite/placeholder -- the study is cited in the print edition -->',
    '',
    '<!-- draftaudit-disable -->',
    '',
    'Some readers take 900 mg of magnesium at night (source).',
    '',
  ].join('\n');

  it('counts suppressed findings and reports the unclosed disable; --no-inline-config ignores all directives', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'input/magnesium.txt'), draft);
    const { stdout } = await run([], cwd);
    expect(report(cwd).summary.suppressed).toBe(3);
    expect(stdout).toMatch(/\(3 suppressed by directives\)/);
    expect(report(cwd).findings.map((f) => f.ruleId)).toEqual(['directive/unclosed']);
    expect(stdout).toMatch(/draftaudit-disable has no draftaudit-enable: it hides 2 findings/);
    // The silenced findings are kept apart, each with the directive that silenced it.
    const json = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    expect(json.suppressed.map((f: { ruleId: string; line: number; suppression: unknown }) => [f.ruleId, f.line, f.suppression])).toEqual([
      ['cite/placeholder', 3, { directive: 'draftaudit-disable-line', line: 3, justification: 'the study is cited in the print edition' }],
      ['dose/above-upper-limit', 7, { directive: 'draftaudit-disable', line: 5 }],
      ['cite/placeholder', 7, { directive: 'draftaudit-disable', line: 5 }],
    ]);
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.sarif'), 'utf8'));
    const silenced = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(silenced).toHaveLength(3);
    expect(silenced[0].suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'the study is cited in the print edition', properties: { directive: 'draftaudit-disable-line', line: 3 } },
    ]);
    expect(silenced.every((r: { properties: { counted: boolean } }) => r.properties.counted === false)).toBe(true);

    const bare = await run(['--no-inline-config'], cwd);
    expect(bare.stdout).not.toMatch(/suppressed/);
    const rules = report(cwd).findings.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['cite/placeholder', 'dose/above-upper-limit']));
    expect(rules.filter((r) => r.startsWith('directive/'))).toEqual([]);
    expect(report(cwd).summary.suppressed).toBe(0);

    writeFileSync(path.join(cwd, 'draftaudit.config.json'), JSON.stringify({ noInlineConfig: true }));
    await run([], cwd);
    expect(report(cwd).findings.map((f) => f.ruleId)).toEqual(rules);
  });
});

describe('the samples', () => {
  it('every finding says fixed or open; the 004 placeholders are open, the foreign blocks of 000 and 001 fixed', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'draftaudit-gate-'));
    cpSync(INPUT, path.join(cwd, 'input'), { recursive: true });
    const { stdout } = await run([], cwd);
    const findings = report(cwd).findings;
    expect(findings.every((f) => typeof f.fixed === 'boolean')).toBe(true);
    const placeholders = findings.filter((f) => f.path.startsWith('input/004_') && f.ruleId === 'cite/placeholder');
    expect(placeholders.length).toBeGreaterThan(0);
    expect(placeholders.every((f) => !f.fixed)).toBe(true);
    const foreign = findings.filter((f) => /^input\/00[01]_/.test(f.path) && f.ruleId === 'lang/foreign-block');
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.every((f) => f.fixed)).toBe(true);
    const errors = findings.filter((f) => f.severity === 'error');
    const open = errors.filter((f) => !f.fixed).length;
    expect(stdout).toContain(`${errors.length} errors: ${errors.length - open} fixed in output/, ${open} need${open === 1 ? 's' : ''} an editor`);
  });
});
