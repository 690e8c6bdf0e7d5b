/**
 * reports/audit.html of the sample drafts, read back as a tree and checked against
 * reports/audit.json: every section shows what the result holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../src/report/text.js';
import { run, workspace } from './fixtures/report/workspace.js';

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  line: number;
  column: number;
  message: string;
  excerpt: string;
}

const classes = (e: Element): string[] => (e.properties.className as string[] | undefined) ?? [];

function all(node: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(node, 'element', (e: Element) => {
    if (test(e)) out.push(e);
  });
  return out;
}

function byId(tree: Root, id: string): Element {
  const found = all(tree, (e) => e.properties.id === id);
  expect(found, `#${id}`).toHaveLength(1);
  return found[0]!;
}

function textOf(node: Root | Element): string {
  let s = '';
  visit(node, 'text', (t: { value: string }) => {
    s += t.value;
  });
  return s;
}

describe('the HTML report of the samples', () => {
  let cwd: string;
  let code: number;
  let html: string;
  let tree: Root;
  let report: any;

  beforeAll(async () => {
    cwd = workspace();
    ({ code } = await run(['--no-progress'], cwd));
    html = readFileSync(path.join(cwd, 'reports/audit.html'), 'utf8');
    tree = unified().use(rehypeParse).parse(html);
    report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
  }, 60_000);

  it('states pass or fail as the exit code does, with the counts of the summary', () => {
    const verdict = textOf(byId(tree, 'verdict'));
    expect(verdict).toMatch(code === 1 ? /^Fail: \d+ findings? at or above error$/ : /^Pass/);
    const counts = all(byId(tree, 'counts'), (e) => e.tagName === 'td').map((td) => textOf(td));
    const { documents, clusters, errors, warnings, infos } = report.summary;
    expect(counts).toEqual([documents, clusters, errors, warnings, infos].map(String));
  });

  it('counts findings by rule and severity', () => {
    const nonZero = Object.entries(report.summary.byRule as Record<string, number>).filter(([, n]) => n > 0);
    if (nonZero.length === 0) return;
    const rows = all(byId(tree, 'by-rule'), (e) => e.tagName === 'tr').slice(1);
    expect(rows).toHaveLength(nonZero.length);
    for (const row of rows) {
      const cells = all(row, (e) => e.tagName === 'td').map((td) => textOf(td));
      const rule = cells[0]!;
      const own = report.findings.filter((f: JsonFinding) => f.ruleId === rule);
      expect(cells.slice(2)).toEqual([
        String(own.filter((f: JsonFinding) => f.severity === 'error').length),
        String(own.filter((f: JsonFinding) => f.severity === 'warning').length),
        String(own.filter((f: JsonFinding) => f.severity === 'info').length),
        String(report.summary.byRule[rule]),
      ]);
    }
  });

  it('lists every draft with its findings: line, severity, rule, message and highlighted excerpt', () => {
    const sections = all(tree, (e) => e.tagName === 'section' && classes(e).includes('doc'));
    expect(sections.map((s) => s.properties.dataFile)).toEqual(report.documents.map((d: { path: string }) => d.path));
    const rows = all(tree, (e) => e.tagName === 'tr' && classes(e).includes('finding'));
    expect(rows).toHaveLength(report.findings.length);
    const seen = rows.map((row) => {
      const cells = all(row, (e) => e.tagName === 'td');
      const mark = all(cells[4]!, (e) => e.tagName === 'mark');
      return {
        path: row.properties.dataFile,
        severity: row.properties.dataSeverity,
        ruleId: row.properties.dataRule,
        position: textOf(cells[0]!),
        rule: textOf(cells[2]!),
        message: textOf(cells[3]!),
        marked: mark.length === 1 ? textOf(mark[0]!) : '',
      };
    });
    const expected = report.findings.map((f: JsonFinding) => ({
      path: f.path,
      severity: f.severity,
      ruleId: f.ruleId,
      position: `${f.line}:${f.column}`,
      rule: f.ruleId,
      message: f.message,
      marked: f.excerpt.replace(/\s+/g, ' ').trim(),
    }));
    // Rows are grouped by draft in path order, as the findings are sorted.
    expect(seen).toEqual(expected);
  });

  it('draws a language strip per draft: one cell per run of blocks in one language, as wide as the run, titled in an editor\'s words', () => {
    let mixed = 0;
    for (const d of report.documents as Array<{ path: string; blocks: number }>) {
      const section = all(tree, (e) => e.tagName === 'section' && e.properties.dataFile === d.path)[0]!;
      const cells = all(section, (e) => classes(e).includes('cell'));
      expect(cells.length).toBeGreaterThan(0);
      if (cells.length > 1) mixed++;
      expect(cells.reduce((sum, cell) => sum + Number(/flex-grow:(\d+)/.exec(String(cell.properties.style))![1]), 0)).toBe(d.blocks);
      for (const cell of cells) {
        expect(String(cell.properties.title)).toMatch(/^(line \d+: (heading|paragraph|list item|table cell|reference entry)|lines \d+–\d+: \d+ blocks), (English|Chinese)$/);
        expect(classes(cell).some((c) => c.startsWith('lang-'))).toBe(true);
      }
    }
    // The samples' machine-translated versions switch language many times.
    expect(mixed).toBeGreaterThan(1);
  });

  it('shows each article with a side-by-side diff of every version against the canonical', () => {
    const articles = all(tree, (e) => e.tagName === 'section' && classes(e).includes('article'));
    expect(articles).toHaveLength(report.clusters.length);
    report.clusters.forEach((c: { canonical: string; output: string; members: Array<{ path: string }> }, i: number) => {
      const article = articles[i]!;
      const diffs = all(article, (e) => e.tagName === 'details' && !classes(e).includes('published-diff'));
      expect(diffs.map((d) => textOf(all(d, (e) => e.tagName === 'summary')[0]!))).toEqual(
        c.members.map((m) => expect.stringContaining(m.path)),
      );
      for (const d of diffs) {
        const head = all(d, (e) => e.tagName === 'th').map((th) => textOf(th));
        expect(head[1]).toBe(c.canonical);
        const body = all(d, (e) => e.tagName === 'tbody')[0];
        if (body) for (const row of all(body, (e) => e.tagName === 'tr')) expect(classes(row)[0]).toMatch(/^op-(equal|insert|delete|replace)$/);
      }
    });
  });

  it('links every cleaned output relative to the reports folder, and the link resolves', () => {
    const links = all(tree, (e) => e.tagName === 'a' && String(e.properties.href).startsWith('../output/'));
    const targets = new Set(links.map((a) => String(a.properties.href)));
    expect(targets.size).toBe(report.clusters.length);
    for (const href of targets) expect(existsSync(path.resolve(cwd, 'reports', decodeURIComponent(href)))).toBe(true);
    const log = all(tree, (e) => e.properties.id === 'change-log');
    if (report.changes.length > 0) expect(all(log[0]!, (e) => e.tagName === 'tr')).toHaveLength(report.changes.length + 1);
  });

  it('reads without JavaScript: the filters are hidden and every finding is shown', () => {
    const form = byId(tree, 'filters');
    expect(form.properties.hidden).toBe(true);
    expect(all(tree, (e) => e.tagName === 'tr' && e.properties.hidden === true)).toEqual([]);
    expect(all(tree, (e) => e.tagName === 'section' && e.properties.hidden === true)).toEqual([]);
  });

  it('loads nothing: no external URL but links a reader may follow to a reference', () => {
    for (const e of all(tree, () => true)) {
      for (const key of ['href', 'src']) {
        const v = e.properties[key];
        if (v === undefined) continue;
        if (key === 'href' && e.tagName === 'a' && /^https?:\/\//.test(String(v))) {
          expect(e.properties.rel).toEqual(['noreferrer']);
          continue;
        }
        expect(String(v)).not.toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
      }
    }
    expect(html).not.toMatch(/@import|url\(/);
  });
});

describe('the terminal report', () => {
  it('marks findings that do not count and says how many', async () => {
    const cwd = workspace();
    await run(['--write-baseline', '--quiet'], cwd);
    const { stdout } = await run(['--baseline', 'draftaudit.baseline.json'], cwd);
    const report = JSON.parse(readFileSync(path.join(cwd, 'reports/audit.json'), 'utf8'));
    const n = report.findings.length;
    if (n === 0) return;
    expect(stdout.match(/\(baselined\)$/gm)).toHaveLength(n);
    // (the line wraps to 80 columns when the output is not a terminal)
    expect(stdout.replace(/\n +/g, ' ')).toContain(`of which ${n} in the baseline draftaudit.baseline.json: reported, not counted toward the exit code`);
  });

  it('prints nothing about a gate when there is none', () => {
    const text = renderText({
      summary: { documents: 1, clusters: 1, errors: 0, warnings: 0, infos: 0, byRule: {} },
      findings: [],
    } as never);
    expect(text).toBe('\n1 draft in 1 article\n✔ no problems\n');
  });
});
