/**
 * reports/audit.html — one self-contained page for editors, built as a hast tree so that
 * every piece of draft text and every file name is escaped by construction.
 */
import path from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { AuditResult } from '../audit.js';
import { meetsFailOn } from '../audit.js';
import type { Finding } from '../types.js';

const CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.error{color:#b00020}.warning{color:#8a5a00}.info{color:#005f8a}
.verdict{display:inline-block;padding:.2rem .6rem;border-radius:.3rem;font-weight:600}
.pass{background:#e5f6e8;color:#14532d}.fail{background:#fde8ea;color:#7f1d1d}
code,.excerpt{font-family:ui-monospace,monospace;font-size:.9em}.muted{color:#666}
`;

export interface HtmlOptions {
  /** Folder the report is written to, and the working directory output paths are relative to. */
  reportsDir: string;
  cwd: string;
}

export function renderHtml(result: AuditResult, options: HtmlOptions): string {
  const link = (output: string): string =>
    path.relative(options.reportsDir, path.resolve(options.cwd, output)).split(path.sep).map(encodeURIComponent).join('/');
  const failed = result.findings.some((f) => meetsFailOn(f.severity, result.failOn));
  const { summary } = result;
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.path, [...(byFile.get(f.path) ?? []), f]);

  const tree = h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', 'draftaudit report'),
      h('style', CSS),
    ]),
    h('body', [
      h('h1', 'draftaudit report'),
      h('p', [
        h('span', { className: ['verdict', failed ? 'fail' : 'pass'] }, failed ? `Fail (at or above ${result.failOn})` : 'Pass'),
        ` ${summary.documents} drafts, ${summary.clusters} articles: `,
        h('span.error', `${summary.errors} errors`),
        ', ',
        h('span.warning', `${summary.warnings} warnings`),
        ', ',
        h('span.info', `${summary.infos} infos`),
        '.',
      ]),
      h('p.muted', `${result.tool.name} ${result.tool.version}, generated ${result.generatedAt}`),
      h('h2', 'Findings by rule'),
      h('table', [
        h('thead', h('tr', [h('th', 'Rule'), h('th', 'Findings')])),
        h(
          'tbody',
          Object.entries(summary.byRule)
            .filter(([, n]) => n > 0)
            .map(([rule, n]) => h('tr', [h('td', h('code', rule)), h('td', String(n))])),
        ),
      ]),
      h('h2', 'Articles'),
      h('table', [
        h('thead', h('tr', [h('th', 'Article'), h('th', 'Canonical'), h('th', 'Other versions'), h('th', 'Cleaned output')])),
        h(
          'tbody',
          result.clusters.map((c) =>
            h('tr', [
              h('td', h('code', c.id)),
              h('td', c.canonical),
              h('td', c.members.map((m) => h('div', `${m.path} (${m.similarity})`))),
              h('td', h('a', { href: link(c.output) }, c.output)),
            ]),
          ),
        ),
      ]),
      h('h2', 'Drafts'),
      ...result.documents.map((d) => documentSection(d.path, d.primaryLanguage, byFile.get(d.path) ?? [])),
      ...[...byFile.keys()]
        .filter((p) => !result.documents.some((d) => d.path === p))
        .map((p) => documentSection(p, 'und', byFile.get(p)!)),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}

function documentSection(file: string, lang: string, findings: Finding[]): Element {
  return h('section', [
    h('h3', [file, ' ', h('span.muted', `(${lang}, ${findings.length} findings)`)]),
    findings.length === 0
      ? h('p.muted', 'No findings.')
      : h('table', [
          h('thead', h('tr', [h('th', 'Line'), h('th', 'Severity'), h('th', 'Message'), h('th', 'Rule'), h('th', 'Excerpt')])),
          h(
            'tbody',
            findings.map((f) =>
              h('tr', [
                h('td', `${f.span.start.line}:${f.span.start.column}`),
                h('td', { className: [f.severity] }, f.severity),
                h('td', f.message),
                h('td', h('code', f.ruleId)),
                h('td.excerpt', f.excerpt),
              ]),
            ),
          ),
        ]),
  ]);
}
