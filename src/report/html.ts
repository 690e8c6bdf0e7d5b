/**
 * reports/audit.html — one self-contained page for editors, built as a hast tree so that
 * every piece of draft text and every file name is escaped by construction.
 *
 * Sections: summary (verdict against --fail-on, counts by severity and rule, drafts,
 * articles), each draft (language strip, findings with the offending span highlighted), each
 * article (side-by-side diff of every version against the canonical) and the change log of
 * the cleaned output. The page is complete without JavaScript; the one inline script only
 * adds the filters. A Content-Security-Policy allows that script (by hash) and nothing else
 * to run, and the page loads nothing from anywhere.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { h } from 'hastscript';
import { citationTableElement, doseTableElement } from './html-tables.js';
import { toHtml } from 'hast-util-to-html';
import type { Comment, Element, Text } from 'hast';

/** What the page is made of: elements, text nodes and plain strings (escaped by hastscript). */
type Content = Element | Text | string;
import type { AuditResult, BlockEntry, ClusterEntry, DocumentEntry } from '../audit.js';
import { meetsFailOn } from '../audit.js';
import { ruleById } from '../rules/index.js';
import type { Change, Cluster, DiffPart, Finding, Severity } from '../types.js';
import { countedFindings, gateFails, stateLabel, stateOf, type Gate } from './gate.js';
import { cmp } from '../order.js';

export interface HtmlOptions {
  /** Folder the report is written to, and the working directory output paths are relative to. */
  reportsDir: string;
  cwd: string;
  /** Baseline and --changed-since state of the findings, when the CLI uses them. */
  gate?: Gate;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const PLURAL: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'infos' };

const CSS = `
:root{color-scheme:light}
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:80rem;padding:1rem 2rem 4rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;margin-bottom:.3rem}h2{margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{margin:1.8rem 0 .4rem;overflow-wrap:anywhere}
nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
th{font-weight:600;background:#fafafa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
[hidden]{display:none!important}
.sev{display:inline-block;min-width:4.2rem;padding:0 .35rem;border-radius:.25rem;font-size:.85em;font-weight:600;text-align:center}
.sev-error{background:#fde8ea;color:#9b1c1c}.sev-warning{background:#fff4d6;color:#7a4d00}.sev-info{background:#e3f1fa;color:#0b4f75}
.state{display:inline-block;margin-left:.3rem;padding:0 .35rem;border-radius:.25rem;font-size:.8em;background:#eee;color:#444}
tr.not-counted td{color:#666}
.verdict{display:inline-block;padding:.2rem .6rem;border-radius:.3rem;font-weight:600}
.pass{background:#e5f6e8;color:#14532d}.fail{background:#fde8ea;color:#7f1d1d}
code,.excerpt,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.88em}
.excerpt{overflow-wrap:anywhere;max-width:32rem}
mark{background:#ffe066;color:inherit;padding:0 .1rem;border-radius:.15rem}
.muted{color:#666}.path{overflow-wrap:anywhere}
.meta{margin:.2rem 0 .6rem;color:#555}
.strip{display:flex;flex-wrap:wrap;gap:1px;margin:.4rem 0 .2rem;max-width:60rem}
.cell{flex:1 0 4px;height:1.1rem;min-width:4px;max-width:2rem;border-radius:1px}
.legend{font-size:.85em;color:#444;margin:.2rem 0 .6rem}.legend span.item{margin-right:1rem;white-space:nowrap}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-.1rem;margin-right:.3rem}
.filters{position:sticky;top:0;z-index:1;background:#f6f8fa;border:1px solid #ddd;border-radius:.4rem;padding:.5rem .8rem;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:inline}.filters legend{float:left;margin-right:.4rem;font-weight:600}
.filters label{white-space:nowrap}.filters select{max-width:22rem}
table.diff{table-layout:fixed}table.diff td{overflow-wrap:anywhere}table.diff td.ln{width:3.5rem;color:#888;text-align:right;font-variant-numeric:tabular-nums}
table.diff th.ln{width:3.5rem}
tr.op-equal td.text{color:#555}
tr.op-delete td.left{background:#fdecee}tr.op-insert td.right{background:#e6f6ea}
tr.op-replace td.left{background:#fff6f6}tr.op-replace td.right{background:#f3fbf5}
del{background:#f8c9cf;text-decoration:line-through}ins{background:#bfe8c8;text-decoration:none}
.lang{font-size:.75em;margin-left:.3rem;padding:0 .3rem;border-radius:.2rem;background:#eee;color:#333}
details{margin:.4rem 0}summary{cursor:pointer}
@media print{.filters{display:none}details{display:block}}
`;

/** Tableau 10: distinct colours for the languages of the corpus, most frequent first. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const LANGUAGE_NAMES: Record<string, string> = {
  ara: 'Arabic',
  cmn: 'Chinese',
  deu: 'German',
  eng: 'English',
  fra: 'French',
  hin: 'Hindi',
  ita: 'Italian',
  jpn: 'Japanese',
  kor: 'Korean',
  nld: 'Dutch',
  por: 'Portuguese',
  rus: 'Russian',
  spa: 'Spanish',
  tha: 'Thai',
  tur: 'Turkish',
  und: 'undetermined',
  vie: 'Vietnamese',
};

/** The filters: progressive enhancement over a page that is complete without them. */
const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  if (!form) return;
  const rows = Array.from(document.querySelectorAll('tr.finding'));
  const sections = Array.from(document.querySelectorAll('section.doc'));
  const count = document.getElementById('filter-count');
  const apply = () => {
    const severities = new Set(Array.from(form.querySelectorAll('input[name=severity]')).filter((b) => b.checked).map((b) => b.value));
    const rule = form.elements.namedItem('rule').value;
    const file = form.elements.namedItem('file').value;
    const countedBox = form.elements.namedItem('counted');
    const countedOnly = Boolean(countedBox && countedBox.checked);
    const active = severities.size < 3 || rule !== '' || file !== '' || countedOnly;
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = severities.has(d.severity) && (rule === '' || d.rule === rule) && (file === '' || d.file === file) && (!countedOnly || d.state === 'counted');
      row.hidden = !ok;
      if (ok) shown++;
    }
    for (const section of sections) {
      const visible = section.querySelectorAll('tr.finding:not([hidden])').length;
      section.hidden = file !== '' ? section.dataset.file !== file : active && visible === 0;
      const none = section.querySelector('.none-shown');
      if (none) none.hidden = visible > 0 || section.querySelectorAll('tr.finding').length === 0;
    }
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
  };
  form.addEventListener('change', apply);
  form.addEventListener('input', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
`;

const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

/** Nothing but the page's own script and styles; no request leaves the file. */
const CSP = `default-src 'none'; script-src '${SCRIPT_HASH}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;

export function renderHtml(result: AuditResult, options: HtmlOptions): string {
  const { gate } = options;
  const link = (output: string): string =>
    path.relative(options.reportsDir, path.resolve(options.cwd, output)).split(path.sep).map(encodeURIComponent).join('/');

  const files = [...new Set([...result.documents.map((d) => d.path), ...result.findings.map((f) => f.path)])].sort(cmp);
  const docAnchor = new Map(files.map((p, i) => [p, `doc-${i + 1}`]));
  const clusterAnchor = new Map(result.clusters.map((c, i) => [c.id, `article-${i + 1}`]));
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.path);
    if (list) list.push(f);
    else byFile.set(f.path, [f]);
  }
  const colours = languageColours(result);
  const docs = new Map(result.documents.map((d) => [d.path, d]));
  const clusters = new Map(result.clusters.map((c) => [c.id, c]));
  const titles = new Map(result.clusters.map((c) => [c.id, articleTitle(result, c)]));
  const ctx: Ctx = { result, gate, link, docAnchor, clusterAnchor, byFile, colours, docs, clusters, titles };

  const tree = h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('title', `draftaudit report: ${gateFails(result.findings, result.failOn, gate) ? 'fail' : 'pass'}`),
      h('link', { rel: 'icon', href: 'data:,' }),
      h('style', CSS + colours.css),
    ]),
    h('body', [
      h('header', [
        h('h1', 'draftaudit report'),
        h('p.muted', `${result.tool.name} ${result.tool.version}, generated ${result.generatedAt}`),
        h('nav', [h('a', { href: '#summary' }, 'Summary'), h('a', { href: '#drafts' }, 'Drafts'), h('a', { href: '#articles' }, 'Articles'), h('a', { href: '#changes' }, 'Changes')]),
      ]),
      h('main', [PARTS]),
      h('script', SCRIPT),
    ]),
  ]);
  // Serialised section by section, so the hast of thousands of drafts never exists at once.
  const main = function* (): Generator<Element | Serialised> {
    yield summarySection(ctx);
    yield draftsSection(ctx, files);
    yield articlesSection(ctx);
    yield changesSection(ctx);
  };
  return `<!doctype html>\n${streamed(tree, main).html}\n`;
}

/** HTML that `streamed` produced from hast (so escaped by construction), to nest in another shell. */
interface Serialised {
  html: string;
}

/** Where `streamed` puts the serialised parts inside its shell. */
const PARTS: Comment = { type: 'comment', value: 'draftaudit:parts' };

/**
 * Serialises `shell` with `parts()` where its PARTS comment stands, each part serialised on
 * its own: every part is still a hast tree turned into HTML by hast-util-to-html.
 */
function streamed(shell: Element, parts: () => Iterable<Element | Serialised>): Serialised {
  const html = toHtml(shell);
  const mark = `<!--${PARTS.value}-->`;
  const at = html.indexOf(mark);
  let out = html.slice(0, at);
  for (const part of parts()) out += 'html' in part && typeof part.html === 'string' ? part.html : toHtml(part as Element);
  return { html: out + html.slice(at + mark.length) };
}

interface Ctx {
  result: AuditResult;
  gate: Gate | undefined;
  link: (output: string) => string;
  docAnchor: Map<string, string>;
  clusterAnchor: Map<string, string>;
  byFile: Map<string, Finding[]>;
  colours: { css: string; classOf: (lang: string) => string };
  docs: Map<string, DocumentEntry>;
  clusters: Map<string, ClusterEntry>;
  /** Article titles by cluster id. */
  titles: Map<string, string>;
}

// ——— summary ———

function summarySection(ctx: Ctx): Element {
  const { result, gate } = ctx;
  const { summary } = result;
  const failed = gateFails(result.findings, result.failOn, gate);
  const counted = countedFindings(result.findings, gate);
  const blocking = counted.filter((f) => meetsFailOn(f.severity, result.failOn)).length;
  const verdict = failed
    ? `Fail: ${blocking} finding${blocking === 1 ? '' : 's'} at or above ${result.failOn}`
    : result.failOn === 'never'
      ? 'Pass (--fail-on never)'
      : `Pass: no finding at or above ${result.failOn}`;

  const notCounted: Content[] = [];
  if (gate?.baseline) {
    const n = result.findings.filter((f) => stateOf(f, gate) === 'baselined').length;
    notCounted.push(h('li', [`${n} finding${n === 1 ? '' : 's'} in the baseline `, h('code', gate.baseline.file), ' (reported, not counted)']));
  }
  if (gate?.changed) {
    const n = result.findings.filter((f) => stateOf(f, gate) === 'unchanged').length;
    notCounted.push(h('li', [`${n} finding${n === 1 ? '' : 's'} on drafts not changed since `, h('code', gate.changed.ref), ' (reported, not counted)']));
  }

  const bySeverity = (list: Finding[], s: Severity): number => list.filter((f) => f.severity === s).length;
  const ruleRows = Object.entries(summary.byRule)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, n]) => {
      const own = result.findings.filter((f) => f.ruleId === id);
      return h('tr', [
        h('td', h('code', id)),
        h('td', ruleById(id)?.meta.description ?? ''),
        ...SEVERITIES.map((s) => h('td.num', String(bySeverity(own, s)))),
        h('td.num', String(n)),
      ]);
    });

  return h('section#summary', [
    h('h2', 'Summary'),
    h('p', [h('span', { className: ['verdict', failed ? 'fail' : 'pass'], id: 'verdict' }, verdict)]),
    notCounted.length > 0 ? h('ul', notCounted) : h('p.muted', 'Every finding counts toward the exit code.'),
    h('table#counts', [
      h('thead', h('tr', [h('th', 'Drafts'), h('th', 'Articles'), ...SEVERITIES.map((s) => h('th.num', capital(PLURAL[s])))])),
      h(
        'tbody',
        h('tr', [
          h('td', String(summary.documents)),
          h('td', String(summary.clusters)),
          h('td.num', String(summary.errors)),
          h('td.num', String(summary.warnings)),
          h('td.num', String(summary.infos)),
        ]),
      ),
    ]),
    h('h3', 'Findings by rule'),
    ruleRows.length === 0
      ? h('p.muted', 'No findings.')
      : h('table#by-rule', [
          h('thead', h('tr', [h('th', 'Rule'), h('th', 'What it catches'), ...SEVERITIES.map((s) => h('th.num', capital(PLURAL[s]))), h('th.num', 'Total')])),
          h('tbody', ruleRows),
        ]),
    h('h3', 'Drafts'),
    h('table#documents', [
      h('thead', h('tr', [h('th', 'Draft'), h('th', 'Language'), h('th.num', 'Blocks'), h('th', 'Article'), ...SEVERITIES.map((s) => h('th.num', capital(PLURAL[s])))])),
      h(
        'tbody',
        [...ctx.docAnchor.keys()].map((file) => {
          const doc = ctx.docs.get(file);
          const cluster = doc ? ctx.clusters.get(doc.cluster) : undefined;
          const own = ctx.byFile.get(file) ?? [];
          return h('tr', [
            h('td.path', h('a', { href: `#${ctx.docAnchor.get(file)!}` }, file)),
            h('td', doc ? doc.primaryLanguage : '—'),
            h('td.num', doc ? String(doc.blocks) : '—'),
            h('td', cluster ? [h('a', { href: `#${ctx.clusterAnchor.get(cluster.id)!}` }, ctx.titles.get(cluster.id)!), doc?.canonical ? ' (canonical)' : ''] : '—'),
            ...SEVERITIES.map((s) => h('td.num', String(bySeverity(own, s)))),
          ]);
        }),
      ),
    ]),
  ]);
}

// ——— drafts ———

function draftsSection(ctx: Ctx, files: string[]): Serialised {
  const { result, gate } = ctx;
  const rules = [...new Set(result.findings.map((f) => f.ruleId))].sort(cmp);
  const total = (s: Severity): number => result.findings.filter((f) => f.severity === s).length;
  const filters = h('form#filters.filters', { hidden: true, ariaLabel: 'Filter findings' }, [
    h('fieldset', [
      h('legend', 'Severity'),
      ...SEVERITIES.map((s) => h('label', [h('input', { type: 'checkbox', name: 'severity', value: s, checked: true }), ` ${PLURAL[s]} (${total(s)})`, ' '])),
    ]),
    h('label', ['Rule ', h('select', { name: 'rule' }, [h('option', { value: '' }, 'all rules'), ...rules.map((r) => h('option', { value: r }, r))])]),
    h('label', ['File ', h('select', { name: 'file' }, [h('option', { value: '' }, 'all files'), ...files.map((p) => h('option', { value: p }, p))])]),
    gate ? h('label', [h('input', { type: 'checkbox', name: 'counted' }), ' only findings that count']) : '',
    h('button', { type: 'reset' }, 'Show all'),
    h('output#filter-count', { ariaLive: 'polite' }),
  ]);
  return streamed(h('section#drafts', [h('h2', 'Drafts'), filters, PARTS]), function* () {
    for (const file of files) yield documentSection(ctx, file);
  });
}

function documentSection(ctx: Ctx, file: string): Element {
  const { result } = ctx;
  const doc = ctx.docs.get(file);
  const findings = ctx.byFile.get(file) ?? [];
  const blocks = result.blocks[file] ?? [];
  const meta: Content[] = [];
  if (doc) {
    const cluster = ctx.clusters.get(doc.cluster);
    const member = cluster?.members.find((m) => m.path === file);
    meta.push(`${doc.format}, ${doc.encoding}, ${doc.bytes} bytes, ${doc.blocks} blocks, mostly ${languageName(doc.primaryLanguage)}. `);
    if (cluster) {
      meta.push(doc.canonical ? 'Canonical version of ' : `Version of `);
      meta.push(h('a', { href: `#${ctx.clusterAnchor.get(cluster.id)!}` }, ctx.titles.get(cluster.id)!));
      meta.push(member ? ` (similarity ${member.similarity}).` : '.');
    }
  } else {
    meta.push('Not audited (see the findings).');
  }
  return h('section.doc', { id: ctx.docAnchor.get(file)!, dataFile: file }, [
    h('h3.path', file),
    h('p.meta', meta),
    ...(doc && blocks.length > 0 ? languageStrip(ctx, doc.languages, blocks) : []),
    findings.length === 0
      ? h('p.muted', 'No findings.')
      : h('table.findings', [
          h('thead', h('tr', [h('th', 'Line'), h('th', 'Severity'), h('th', 'Rule'), h('th', 'Message'), h('th', 'Excerpt')])),
          h('tbody', findings.map((f) => findingRow(ctx, f, blocks))),
        ]),
    h('p.muted.none-shown', { hidden: true }, 'No finding of this draft matches the filters.'),
  ]);
}

function findingRow(ctx: Ctx, f: Finding, blocks: BlockEntry[]): Element {
  const state = stateOf(f, ctx.gate);
  const parts = excerptParts(f, blocks);
  return h(
    'tr.finding',
    { className: state === 'counted' ? [] : ['not-counted'], dataSeverity: f.severity, dataRule: f.ruleId, dataFile: f.path, dataState: state },
    [
      h('td.mono', `${f.span.start.line}:${f.span.start.column}`),
      h('td', [h('span', { className: ['sev', `sev-${f.severity}`] }, f.severity), state === 'counted' ? '' : h('span.state', stateLabel(state, ctx.gate))]),
      h('td', h('code', f.ruleId)),
      h('td', f.message),
      h('td.excerpt', parts.match === '' ? '' : [parts.before, h('mark', parts.match), parts.after]),
    ],
  );
}

/** How much block text to show on each side of the highlighted span. */
const CONTEXT = 60;

/**
 * The excerpt in its context: the text of the block the finding starts in, with the excerpt
 * (the text under the finding's span) marked. Where the block text does not hold the excerpt
 * (markup between them, a rule's own excerpt), the excerpt alone is marked.
 */
export function excerptParts(f: Finding, blocks: readonly BlockEntry[]): { before: string; match: string; after: string } {
  const excerpt = f.excerpt.replace(/\s+/g, ' ').trim();
  if (excerpt === '') return { before: '', match: '', after: '' };
  const truncated = excerpt.endsWith('…');
  const needle = truncated ? excerpt.slice(0, -1) : excerpt;
  const { line, column } = f.span.start;
  let block: BlockEntry | undefined;
  for (const b of blocks) if (b.line < line || (b.line === line && b.column <= column)) block = b;
  const text = block ? block.text.replace(/\s+/g, ' ') : '';
  const guess = block && block.line === line ? column - block.column : 0;
  let at = -1;
  for (let i = text.indexOf(needle); i >= 0 && needle !== ''; i = text.indexOf(needle, i + 1)) {
    if (at < 0 || Math.abs(i - guess) < Math.abs(at - guess)) at = i;
  }
  if (at < 0) return { before: '', match: excerpt, after: '' };
  const end = at + needle.length;
  const from = Math.max(0, at - CONTEXT);
  const to = truncated ? end : Math.min(text.length, end + CONTEXT);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, at),
    match: text.slice(at, end) + (truncated ? '…' : ''),
    after: text.slice(end, to) + (to < text.length && !truncated ? '…' : ''),
  };
}

function languageStrip(ctx: Ctx, shares: Record<string, number>, blocks: BlockEntry[]): Content[] {
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.lang, (counts.get(b.lang) ?? 0) + 1);
  const label = [...counts].sort(([a, x], [b, y]) => y - x || cmp(a, b)).map(([lang, n]) => `${n} ${languageName(lang)}`).join(', ');
  const langs = [...new Set([...Object.keys(shares), ...counts.keys()])].sort((a, b) => (shares[b] ?? 0) - (shares[a] ?? 0) || cmp(a, b));
  return [
    h(
      'div.strip',
      { role: 'img', ariaLabel: `Language of each block: ${label}` },
      blocks.map((b) => h('span', { className: ['cell', ctx.colours.classOf(b.lang)], title: `line ${b.line}: ${b.kind}, ${languageName(b.lang)}` })),
    ),
    h(
      'p.legend',
      langs.map((lang) =>
        h('span.item', [
          h('span', { className: ['swatch', ctx.colours.classOf(lang)] }),
          `${languageName(lang)} (${lang})`,
          shares[lang] !== undefined ? ` ${Math.round(shares[lang]! * 100)}% of letters` : '',
          `, ${counts.get(lang) ?? 0} block${counts.get(lang) === 1 ? '' : 's'}`,
        ]),
      ),
    ),
  ];
}

// ——— articles ———

function articlesSection(ctx: Ctx): Serialised {
  const { result } = ctx;
  const corpus = new Map(result.corpus.map((k) => [k.id, k]));
  return streamed(h('section#articles', [
    h('h2', 'Articles'),
    h('p.muted', 'Each article is a group of versions of one text. Every version is compared with the canonical one, block by block.'),
    PARTS,
  ]), function* () {
    for (const c of result.clusters) {
      const cluster = corpus.get(c.id);
      yield h('section.article', { id: ctx.clusterAnchor.get(c.id)! }, [
        h('h3', ctx.titles.get(c.id)!),
        h('p.meta', [
          'Canonical: ',
          h('a.path', { href: `#${ctx.docAnchor.get(c.canonical) ?? ''}` }, c.canonical),
          '. Cleaned output: ',
          h('a.path', { href: ctx.link(c.output) }, c.output),
          `. ${c.members.length === 0 ? 'One version.' : `${c.members.length + 1} versions.`}`,
        ]),
        ...(cluster ? c.members.map((m) => diffDetails(ctx, cluster, m.path, m.similarity, c.members.length <= 3)) : []),
        h('div.tables', [
          h('h4', 'Dose figures and citations of the canonical version'),
          doseTableElement(result.doses.find((d) => d.path === c.canonical)),
          citationTableElement(result.citations.find((t) => t.path === c.canonical)),
        ]),
      ]);
    }
  });
}

function diffDetails(ctx: Ctx, cluster: Cluster, member: string, similarity: number, open: boolean): Element {
  const diff = cluster.diffs.find((d) => d.path === member);
  const left = byIndex(ctx.result.blocks[cluster.canonical]);
  const right = byIndex(ctx.result.blocks[member]);
  const parts = diff?.parts ?? [];
  const changed = parts.filter((p) => p.op !== 'equal').length;
  return h('details.diff', { open }, [
    h('summary', [h('span.path', member), ` against the canonical: similarity ${similarity}, ${changed} of ${parts.length} blocks differ`]),
    parts.length === 0
      ? h('p.muted', 'No block diff for this version.')
      : h('table.diff', [
          h('thead', h('tr', [h('th.ln', 'Line'), h('th.path', cluster.canonical), h('th.ln', 'Line'), h('th.path', member)])),
          h('tbody', diffRows(ctx, parts, left, right)),
        ]),
  ]);
}

/**
 * The rows of a diff; a run of two or more identical blocks folds into one row naming its
 * lines, so the page stays readable (and small) for long articles and large clusters.
 */
function diffRows(ctx: Ctx, parts: DiffPart[], left: Map<number, BlockEntry>, right: Map<number, BlockEntry>): Element[] {
  const rows: Element[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j < parts.length && parts[j]!.op === 'equal') j++;
    if (j - i >= 2) {
      const lines = (side: Map<number, BlockEntry>, key: 'canonical' | 'member'): string => {
        const first = side.get(parts[i]![key] ?? -1)?.line;
        const last = side.get(parts[j - 1]![key] ?? -1)?.line;
        return first === undefined ? '' : first === last ? String(first) : `${first}–${last}`;
      };
      rows.push(
        h('tr', { className: ['op-equal', 'folded'] }, [
          h('td.ln', lines(left, 'canonical')),
          h('td.text.muted', { colSpan: 3 }, `${j - i} identical blocks`),
        ]),
      );
      i = j;
      continue;
    }
    rows.push(diffRow(ctx, parts[i]!, left, right));
    i = Math.max(i + 1, j);
  }
  return rows;
}

function diffRow(ctx: Ctx, part: DiffPart, left: Map<number, BlockEntry>, right: Map<number, BlockEntry>): Element {
  const a = part.canonical !== undefined ? left.get(part.canonical) : undefined;
  const b = part.member !== undefined ? right.get(part.member) : undefined;
  let leftText: Content[] = a ? [a.text] : [];
  let rightText: Content[] = b ? [b.text] : [];
  if (part.op === 'replace' && part.words && part.words.length > 0) {
    leftText = part.words.filter((w) => w.op !== 'insert').map((w) => (w.op === 'delete' ? h('del', w.text) : text(w.text)));
    rightText = part.words.filter((w) => w.op !== 'delete').map((w) => (w.op === 'insert' ? h('ins', w.text) : text(w.text)));
  }
  const langTag = (x: BlockEntry | undefined, other: BlockEntry | undefined): Content =>
    x && other && x.lang !== other.lang ? h('span.lang', { className: [ctx.colours.classOf(x.lang)] }, x.lang) : text('');
  return h('tr', { className: [`op-${part.op}`] }, [
    h('td.ln', a ? String(a.line) : ''),
    h('td.text.left', [...leftText, langTag(a, b)]),
    h('td.ln', b ? String(b.line) : ''),
    h('td.text.right', [...rightText, langTag(b, a)]),
  ]);
}

// ——— changes ———

function changesSection(ctx: Ctx): Element {
  const { result } = ctx;
  const where = (p: { path: string; line: number } | undefined): Content => {
    if (!p) return text('');
    const anchor = ctx.docAnchor.get(p.path);
    return anchor ? h('a.path', { href: `#${anchor}` }, `${p.path}:${p.line}`) : h('span.path', `${p.path}:${p.line}`);
  };
  return h('section#changes', [
    h('h2', 'Changes to the cleaned articles'),
    h('p', [
      'Cleaned articles: ',
      ...result.clusters.flatMap((c, i) => [i > 0 ? ', ' : '', h('a.path', { href: ctx.link(c.output) }, c.output)]),
      '.',
    ]),
    result.changes.length === 0
      ? h('p.muted', 'The cleaning changed nothing.')
      : h('table#change-log', [
          h('thead', h('tr', [h('th', 'Output'), h('th', 'Change'), h('th', 'Rule'), h('th', 'From'), h('th', 'Taken from'), h('th', 'Text')])),
          h(
            'tbody',
            result.changes.map((c: Change) =>
              h('tr', [
                h('td', h('a.path', { href: ctx.link(c.output) }, c.output)),
                h('td', c.kind),
                h('td', h('code', c.ruleId)),
                h('td', where(c.from)),
                h('td', where(c.source)),
                h('td.excerpt', c.text ?? ''),
              ]),
            ),
          ),
        ]),
  ]);
}

// ——— helpers ———

/** The article's title: the canonical version's first heading, else its output file. */
function articleTitle(_result: AuditResult, c: ClusterEntry): string {
  return c.title || path.posix.basename(c.output);
}

/** One CSS class and colour per language, in order of how many blocks are in it. */
function languageColours(result: AuditResult): Ctx['colours'] {
  const counts = new Map<string, number>();
  for (const blocks of Object.values(result.blocks)) for (const b of blocks) counts.set(b.lang, (counts.get(b.lang) ?? 0) + 1);
  for (const d of result.documents) for (const lang of Object.keys(d.languages)) if (!counts.has(lang)) counts.set(lang, 0);
  const safe = (lang: string): boolean => /^[a-z]{2,8}$/.test(lang);
  const order = [...counts].filter(([lang]) => safe(lang) && lang !== 'und').sort(([a, x], [b, y]) => y - x || cmp(a, b)).map(([lang]) => lang);
  const colour = new Map(order.map((lang, i) => [lang, PALETTE[i % PALETTE.length]!]));
  const css = [
    '.lang-und{background:#d6d6d6}',
    '.lang-other{background:repeating-linear-gradient(45deg,#ccc 0 3px,#eee 3px 6px)}',
    ...order.map((lang) => `.lang-${lang}{background:${colour.get(lang)!}}`),
  ].join('\n');
  return { css, classOf: (lang) => (lang === 'und' || colour.has(lang) ? `lang-${lang}` : 'lang-other') };
}

function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? lang;
}

function byIndex(blocks: BlockEntry[] | undefined): Map<number, BlockEntry> {
  return new Map((blocks ?? []).map((b) => [b.index, b]));
}

function text(value: string): Text {
  return { type: 'text', value };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

