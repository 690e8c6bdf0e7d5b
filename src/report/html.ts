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
 *
 * The page is serialised a section (and a draft, and an article) at a time, so the hast of
 * thousands of drafts never exists at once and `renderHtmlChunks` can hand it out in pieces.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Comment, Element, ElementContent, ElementData } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { AuditResult, BlockEntry, ClusterEntry, DocumentEntry, SkippedEntry } from '../audit.js';
import { meetsFailOn } from '../audit.js';
import type { CitationTable } from '../cite/types.js';
import type { DoseTable } from '../dose/index.js';
import { cmp } from '../order.js';
import { ruleById } from '../rules/index.js';
import type { Change, Cluster, DiffPart, Finding, Severity } from '../types.js';
import { countedFindings, gateFails, stateLabel, stateOf, type Gate } from './gate.js';
import { citationTableElement, doseTableElement, el, textCell, type Child, type Share } from './html-tables.js';
import { groupBy, setBounded } from '../collections.js';

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
      const ok = severities.has(d.severity) && (rule === '' || d.rule === rule) && (file === '' || d.file === file) && (!countedOnly || d.gate === 'counted');
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

/**
 * The page in pieces, in order: the head and the start of the body, the summary, the start
 * of the drafts section, each draft, its end, the same for the articles, the change log and
 * the end of the page. Each piece is a hast tree serialised on its own.
 */
export function* renderHtmlChunks(result: AuditResult, options: HtmlOptions): Generator<string> {
  const ctx = context(result, options);
  for (const part of parts(ctx)) yield typeof part === 'string' ? part : ctx.fragments.serialise(part);
}

/** The whole page as one string: the chunks of `renderHtmlChunks`, joined (without making each chunk a string first). */
export function renderHtml(result: AuditResult, options: HtmlOptions): string {
  const ctx = context(result, options);
  const out: string[] = [];
  for (const part of parts(ctx)) {
    if (typeof part === 'string') out.push(part);
    else ctx.fragments.write(part, out);
  }
  return out.join('');
}

/** The chunks of the page: HTML of the shells around the sections, and the trees of the sections. */
function* parts(ctx: Ctx): Generator<string | Element> {
  const { result } = ctx;
  const page = el('html', { lang: 'en' }, [
    el('head', {}, [
      el('meta', { charSet: 'utf-8' }),
      el('meta', { httpEquiv: ['Content-Security-Policy'], content: CSP }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('meta', { name: 'referrer', content: 'no-referrer' }),
      el('title', {}, `draftaudit report: ${gateFails(result.findings, result.failOn, ctx.gate) ? 'fail' : 'pass'}`),
      el('link', { rel: ['icon'], href: 'data:,' }),
      el('style', {}, CSS + ctx.colours.css),
    ]),
    el('body', {}, [
      el('header', {}, [
        el('h1', {}, 'draftaudit report'),
        el('p', { className: ['muted'] }, `${result.tool.name} ${result.tool.version}, generated ${result.generatedAt}`),
        el('nav', {}, [
          el('a', { href: '#summary' }, 'Summary'),
          el('a', { href: '#drafts' }, 'Drafts'),
          el('a', { href: '#articles' }, 'Articles'),
          el('a', { href: '#changes' }, 'Changes'),
        ]),
      ]),
      el('main', {}, PARTS),
      el('script', {}, SCRIPT),
    ]),
  ]);
  const [open, close] = split(page);
  yield `<!doctype html>\n${open}`;
  yield summarySection(ctx);
  yield* draftsSection(ctx);
  yield* articlesSection(ctx);
  yield changesSection(ctx);
  yield `${close}\n`;
}

/**
 * Where a shell takes its parts. Its HTML cannot occur anywhere else in the page: `<` is
 * escaped in text and `"` in attribute values.
 */
const PARTS: Comment = { type: 'comment', value: '"draftaudit:parts"' };
const PARTS_HTML = `<!--${PARTS.value}-->`;

/** The HTML of `shell` before and after its PARTS comment. */
function split(shell: Element): [string, string] {
  const html = toHtml(shell);
  const at = html.indexOf(PARTS_HTML);
  return [html.slice(0, at), html.slice(at + PARTS_HTML.length)];
}

/**
 * Serialising with memory. Thousands of drafts repeat the same subtrees (a language strip, a
 * severity badge, a rule's cell, a line number) and the same start tags (a finding's row, a
 * diff cell); attributes cost most in serialising. `shared` gives one element object per
 * content, serialised by hast-util-to-html once; `tagged` marks an element whose start and end
 * tags are serialised once for all elements with its name and properties. `serialise` writes a
 * tree piece by piece: the HTML remembered in `data`, toHtml of the rest. The tree stays the
 * page as it is (toHtml of it gives the same HTML, only slower).
 *
 * What is remembered is bounded: a draft's own language strip or a row's own anchor repeats
 * nowhere, and keeping every one of them would hold the HTML of the whole page. Past
 * `REMEMBERED` entries of a kind, the oldest is forgotten; the HTML is the same either way.
 */
class Fragments {
  private readonly elements = new Map<string, Map<string, Element>>();
  private readonly tags = new Map<string, [string, string]>();

  /** The element of `key` among those of `kind`; `make` builds it the first time. */
  shared(kind: string, key: string, make: (key: string) => Element): Element {
    let elements = this.elements.get(kind);
    if (!elements) this.elements.set(kind, (elements = new Map()));
    let element = elements.get(key);
    if (!element) {
      element = make(key);
      element.data = { html: this.serialise(element) } as ElementData;
      setBounded(elements, key, element, REMEMBERED);
    }
    return element;
  }

  /** `element`, its start and end tags serialised once for every element with its name and properties. */
  tagged(element: Element): Element {
    element.data = { tags: this.tagsOf(element) } as ElementData;
    return element;
  }

  private tagsOf(element: Element): [string, string] {
    const key = `${element.tagName} ${JSON.stringify(element.properties)}`;
    let tags = this.tags.get(key);
    if (!tags) setBounded(this.tags, key, (tags = split({ ...element, children: [PARTS] })), REMEMBERED);
    return tags;
  }

  /** The HTML of `tree`. */
  serialise(tree: Element): string {
    const out: string[] = [];
    this.write(tree, out);
    return out.join('');
  }

  /** Appends the HTML of `element` to `out`. */
  write(element: Element, out: string[]): void {
    const { data } = element;
    if (data?.html !== undefined) {
      out.push(data.html);
      return;
    }
    const tags = data?.tags ?? (holdsSerialised(element) ? this.tagsOf(element) : undefined);
    if (!tags) {
      out.push(toHtml(element));
      return;
    }
    out.push(tags[0]);
    let plain: ElementContent[] = [];
    for (const child of element.children) {
      if (child.type === 'element' && (child.data !== undefined || holdsSerialised(child))) {
        if (plain.length > 0) out.push(toHtml(plain));
        plain = [];
        this.write(child, out);
      } else {
        plain.push(child);
      }
    }
    if (plain.length > 0) out.push(toHtml(plain));
    out.push(tags[1]);
  }
}

/** Entries of each kind Fragments remembers. */
const REMEMBERED = 4096;

// The cast where `data` is set: hast-util-from-parse5 (loaded with rehype-parse in the tests)
// declares its `position` required.
declare module 'hast' {
  interface ElementData {
    /** The element's HTML, for every place it stands in (see Fragments). */
    html?: string;
    /** Its start and end tags, for every element with its name and properties (see Fragments). */
    tags?: [string, string];
  }
}

/** Whether `element` holds an element with serialised HTML or tags (only Fragments sets `data`). */
function holdsSerialised(element: Element): boolean {
  for (const child of element.children) if (child.type === 'element' && (child.data !== undefined || holdsSerialised(child))) return true;
  return false;
}

interface Ctx {
  result: AuditResult;
  gate: Gate | undefined;
  link: (output: string) => string;
  /** Every draft with a document or a finding, sorted. */
  files: string[];
  docAnchor: Map<string, string>;
  clusterAnchor: Map<string, string>;
  byFile: Map<string, Finding[]>;
  colours: Colours;
  fragments: Fragments;
  /** `fragments.shared`, for the article tables. */
  share: Share;
  docs: Map<string, DocumentEntry>;
  /** Drafts not audited, and why. */
  skipped: Map<string, SkippedEntry>;
  clusters: Map<string, ClusterEntry>;
  /** Article titles by cluster id. */
  titles: Map<string, string>;
  /** Each member version's cluster and similarity to the canonical, by path. */
  members: Map<string, { cluster: string; similarity: number }>;
  /** Dose and citation tables by path. */
  doses: Map<string, DoseTable>;
  citations: Map<string, CitationTable>;
}

/** Everything the sections look up, indexed once. */
function context(result: AuditResult, options: HtmlOptions): Ctx {
  const link = (output: string): string =>
    path.relative(options.reportsDir, path.resolve(options.cwd, output)).split(path.sep).map(encodeURIComponent).join('/');
  const files = [...new Set([...result.documents.map((d) => d.path), ...result.findings.map((f) => f.path)])].sort(cmp);
  const byFile = groupBy(result.findings, (f) => f.path);
  const fragments = new Fragments();
  const members = new Map<string, { cluster: string; similarity: number }>();
  for (const c of result.clusters) for (const m of c.members) if (!members.has(m.path)) members.set(m.path, { cluster: c.id, similarity: m.similarity });
  return {
    result,
    gate: options.gate,
    link,
    files,
    docAnchor: new Map(files.map((p, i) => [p, `doc-${i + 1}`])),
    clusterAnchor: new Map(result.clusters.map((c, i) => [c.id, `article-${i + 1}`])),
    byFile,
    colours: languageColours(result),
    fragments,
    share: (kind, key, make) => fragments.shared(kind, key, make),
    docs: new Map(result.documents.filter((d): d is DocumentEntry => d.status === 'audited').map((d) => [d.path, d])),
    skipped: new Map(result.documents.filter((d): d is SkippedEntry => d.status !== 'audited').map((d) => [d.path, d])),
    clusters: new Map(result.clusters.map((c) => [c.id, c])),
    titles: new Map(result.clusters.map((c) => [c.id, articleTitle(c)])),
    members,
    doses: firstByPath(result.doses),
    citations: firstByPath(result.citations),
  };
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

  const notCounted: Child[] = [];
  if (gate?.baseline) {
    const n = result.findings.filter((f) => stateOf(f, gate) === 'baselined').length;
    notCounted.push(el('li', {}, [`${n} finding${n === 1 ? '' : 's'} in the baseline `, el('code', {}, gate.baseline.file), ' (reported, not counted)']));
  }
  if (gate?.changed) {
    const n = result.findings.filter((f) => stateOf(f, gate) === 'unchanged').length;
    notCounted.push(el('li', {}, [`${n} finding${n === 1 ? '' : 's'} on drafts not changed since `, el('code', {}, gate.changed.ref), ' (reported, not counted)']));
  }
  const fixedCount = result.findings.filter((f) => stateOf(f, gate) === 'fixed').length;
  if (fixedCount > 0) {
    notCounted.push(el('li', {}, `${fixedCount} finding${fixedCount === 1 ? '' : 's'} fixed in the cleaned articles (reported, not counted; --strict counts them)`));
  }

  const byRule = new Map<string, Record<Severity, number>>();
  for (const f of result.findings) {
    let tally = byRule.get(f.ruleId);
    if (!tally) byRule.set(f.ruleId, (tally = { error: 0, warning: 0, info: 0 }));
    tally[f.severity]++;
  }
  const ruleRows = Object.entries(summary.byRule)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, n]) =>
      el('tr', {}, [
        el('td', {}, el('code', {}, id)),
        el('td', {}, ruleById(id)?.meta.description ?? ''),
        ...severityCells(ctx, byRule.get(id)),
        countCell(ctx, n),
      ]),
    );

  return el('section', { id: 'summary' }, [
    el('h2', {}, 'Summary'),
    el('p', {}, [el('span', { className: ['verdict', failed ? 'fail' : 'pass'], id: 'verdict' }, verdict)]),
    notCounted.length > 0 ? el('ul', {}, notCounted) : el('p', { className: ['muted'] }, 'Every finding counts toward the exit code.'),
    el('table', { id: 'counts' }, [
      el('thead', {}, el('tr', {}, [el('th', {}, 'Drafts'), el('th', {}, 'Articles'), ...severityHeads()])),
      el(
        'tbody',
        {},
        el('tr', {}, [
          el('td', {}, String(summary.documents)),
          el('td', {}, String(summary.clusters)),
          countCell(ctx, summary.errors),
          countCell(ctx, summary.warnings),
          countCell(ctx, summary.infos),
        ]),
      ),
    ]),
    el('h3', {}, 'Findings by rule'),
    ruleRows.length === 0
      ? el('p', { className: ['muted'] }, 'No findings.')
      : el('table', { id: 'by-rule' }, [
          el('thead', {}, el('tr', {}, [el('th', {}, 'Rule'), el('th', {}, 'What it catches'), ...severityHeads(), el('th', { className: ['num'] }, 'Total')])),
          el('tbody', {}, ruleRows),
        ]),
    el('h3', {}, 'Drafts'),
    el('table', { id: 'documents' }, [
      el('thead', {}, el('tr', {}, [el('th', {}, 'Draft'), el('th', {}, 'Language'), el('th', { className: ['num'] }, 'Blocks'), el('th', {}, 'Article'), ...severityHeads()])),
      el(
        'tbody',
        {},
        ctx.files.map((file) => {
          const doc = ctx.docs.get(file);
          const cluster = doc ? ctx.clusters.get(doc.cluster) : undefined;
          return el('tr', {}, [
            ctx.fragments.tagged(el('td', { className: ['path'] }, el('a', { href: `#${ctx.docAnchor.get(file)!}` }, file))),
            ctx.fragments.shared('td', doc ? doc.primaryLanguage : '—', textCell),
            ctx.fragments.shared('td.num', doc ? String(doc.blocks) : '—', numberCell),
            el('td', {}, cluster ? [el('a', { href: `#${ctx.clusterAnchor.get(cluster.id)!}` }, ctx.titles.get(cluster.id)!), doc?.canonical ? ' (canonical)' : ''] : '—'),
            ...severityCells(ctx, tally(ctx.byFile.get(file))),
          ]);
        }),
      ),
    ]),
  ]);
}

function tally(findings: readonly Finding[] = []): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function severityHeads(): Element[] {
  return SEVERITIES.map((s) => el('th', { className: ['num'] }, capital(PLURAL[s])));
}

function severityCells(ctx: Ctx, counts: Record<Severity, number> | undefined): Element[] {
  return SEVERITIES.map((s) => countCell(ctx, counts?.[s] ?? 0));
}

function numberCell(text: string): Element {
  return el('td', { className: ['num'] }, text);
}

function countCell(ctx: Ctx, n: number): Element {
  return ctx.fragments.shared('td.num', String(n), numberCell);
}

// ——— drafts ———

function* draftsSection(ctx: Ctx): Generator<string | Element> {
  const { result, gate } = ctx;
  const rules = [...new Set(result.findings.map((f) => f.ruleId))].sort(cmp);
  const totals = tally(result.findings);
  const filters = el('form', { id: 'filters', className: ['filters'], hidden: true, ariaLabel: 'Filter findings' }, [
    el('fieldset', {}, [
      el('legend', {}, 'Severity'),
      ...SEVERITIES.map((s) => el('label', {}, [el('input', { type: 'checkbox', name: 'severity', value: s, checked: true }), ` ${PLURAL[s]} (${totals[s]}) `])),
    ]),
    el('label', {}, ['Rule ', el('select', { name: 'rule' }, [el('option', { value: '' }, 'all rules'), ...rules.map((r) => el('option', { value: r }, r))])]),
    el('label', {}, ['File ', el('select', { name: 'file' }, [el('option', { value: '' }, 'all files'), ...ctx.files.map((p) => el('option', { value: p }, p))])]),
    gate ? el('label', {}, [el('input', { type: 'checkbox', name: 'counted' }), ' only findings that count']) : '',
    el('button', { type: 'reset' }, 'Show all'),
    el('output', { id: 'filter-count', ariaLive: 'polite' }),
  ]);
  const [open, close] = split(el('section', { id: 'drafts' }, [el('h2', {}, 'Drafts'), filters, PARTS]));
  yield open;
  for (const file of ctx.files) yield documentSection(ctx, file);
  yield close;
}

function documentSection(ctx: Ctx, file: string): Element {
  const doc = ctx.docs.get(file);
  const findings = ctx.byFile.get(file) ?? [];
  const blocks = ctx.result.blocks[file] ?? [];
  const meta: Child[] = [];
  if (doc) {
    const cluster = ctx.clusters.get(doc.cluster);
    meta.push(`${doc.format}, ${doc.encoding}, ${doc.bytes} bytes, ${doc.blocks} blocks, mostly ${languageName(doc.primaryLanguage)}. `);
    if (cluster) {
      const member = ctx.members.get(file);
      meta.push(doc.canonical ? 'Canonical version of ' : `Version of `);
      meta.push(el('a', { href: `#${ctx.clusterAnchor.get(cluster.id)!}` }, ctx.titles.get(cluster.id)!));
      meta.push(member?.cluster === cluster.id ? ` (similarity ${member.similarity}).` : '.');
    }
  } else {
    const skipped = ctx.skipped.get(file);
    meta.push(skipped ? `Not audited: ${skipped.status}${skipped.bytes === undefined ? '' : `, ${skipped.bytes} bytes`} (see the findings).` : 'Not audited (see the findings).');
  }
  // Block text with white space collapsed, once per block however many findings it holds.
  const flat = new Map<BlockEntry, string>();
  const flatText = (b: BlockEntry): string => {
    let text = flat.get(b);
    if (text === undefined) flat.set(b, (text = flatten(b)));
    return text;
  };
  return el('section', { className: ['doc'], id: ctx.docAnchor.get(file)!, dataFile: file }, [
    ctx.fragments.tagged(el('h3', { className: ['path'] }, file)),
    ctx.fragments.tagged(el('p', { className: ['meta'] }, meta)),
    ...(doc && blocks.length > 0 ? languageStrip(ctx, doc.languages, blocks) : []),
    findings.length === 0
      ? el('p', { className: ['muted'] }, 'No findings.')
      : ctx.fragments.tagged(el('table', { className: ['findings'] }, [
          ctx.fragments.shared('findings', 'head', () => el('thead', {}, el('tr', {}, FINDING_HEAD.map((name) => el('th', {}, name))))),
          el('tbody', {}, findings.map((f) => findingRow(ctx, f, blocks, flatText))),
        ])),
    ctx.fragments.shared('none-shown', '', () => el('p', { className: ['muted', 'none-shown'], hidden: true }, 'No finding of this draft matches the filters.')),
  ]);
}

const FINDING_HEAD = ['Line', 'Severity', 'Rule', 'Message', 'Excerpt'];

/** A finding's row; the draft's findings of one rule share its tags, and most cells repeat across drafts. */
function findingRow(ctx: Ctx, f: Finding, blocks: readonly BlockEntry[], flatText: (b: BlockEntry) => string): Element {
  const { fragments } = ctx;
  const state = stateOf(f, ctx.gate);
  // What the cleaning did (data-state) and whether the finding counts toward the exit code (data-gate).
  const cleaning = f.fixed ? 'fixed' : 'open';
  const label = state === 'counted' ? (f.fixed ? 'fixed' : '') : stateLabel(state, ctx.gate);
  const parts = excerptParts(f, blocks, flatText);
  const row = el(
    'tr',
    { className: state === 'counted' ? ['finding'] : ['finding', 'not-counted'], dataSeverity: f.severity, dataRule: f.ruleId, dataFile: f.path, dataState: cleaning, dataGate: state },
    [
      fragments.shared('td.mono', `${f.span.start.line}:${f.span.start.column}`, positionCell),
      fragments.shared('severity', `${f.severity} ${state} ${label}`, () =>
        el('td', {}, [
          el('span', { className: ['sev', `sev-${f.severity}`] }, f.severity),
          label === '' ? '' : el('span', { className: ['state'] }, label),
        ]),
      ),
      fragments.shared('td code', f.ruleId, codeCell),
      fragments.shared('td', f.message, textCell),
      fragments.tagged(el('td', { className: ['excerpt'] }, parts.match === '' ? '' : [parts.before, el('mark', {}, parts.match), parts.after])),
    ],
  );
  return fragments.tagged(row);
}

function positionCell(text: string): Element {
  return el('td', { className: ['mono'] }, text);
}

function codeCell(text: string): Element {
  return el('td', {}, el('code', {}, text));
}

/** How much block text to show on each side of the highlighted span. */
const CONTEXT = 60;

/** A block's text with every run of white space made one space. */
function flatten(b: BlockEntry): string {
  return collapse(b.text);
}

function collapse(text: string): string {
  return ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** White space other than single spaces (most text has none). */
const ODD_SPACE = /[^\S ]| {2}/;

/**
 * The excerpt in its context: the text of the block the finding starts in, with the excerpt
 * (the text under the finding's span) marked. Where the block text does not hold the excerpt
 * (markup between them, a rule's own excerpt), the excerpt alone is marked. `flatText` gives
 * a block's text with its white space collapsed (the report passes a cached one).
 */
export function excerptParts(
  f: Finding,
  blocks: readonly BlockEntry[],
  flatText: (b: BlockEntry) => string = flatten,
): { before: string; match: string; after: string } {
  const excerpt = collapse(f.excerpt).trim();
  if (excerpt === '') return { before: '', match: '', after: '' };
  const truncated = excerpt.endsWith('…');
  const needle = truncated ? excerpt.slice(0, -1) : excerpt;
  const { line, column } = f.span.start;
  let block: BlockEntry | undefined;
  for (const b of blocks) if (b.line < line || (b.line === line && b.column <= column)) block = b;
  const text = block ? flatText(block) : '';
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

/**
 * The language strip (one cell per block) and its legend. Versions of one article, and
 * articles written from one outline, share their block layout: the cells, the strip and the
 * legend are each serialised once per distinct content.
 */
function languageStrip(ctx: Ctx, shares: Record<string, number>, blocks: readonly BlockEntry[]): Element[] {
  const { fragments, colours } = ctx;
  const counts = new Map<string, number>();
  // Each block's line, kind and language (after its length, so that the key reads one way only).
  const layout: Array<string | number> = [];
  for (const b of blocks) {
    counts.set(b.lang, (counts.get(b.lang) ?? 0) + 1);
    layout.push(b.line, b.kind, b.lang.length, b.lang);
  }
  const strip = fragments.shared('strip', layout.join(' '), () => {
    const label = [...counts].sort(([a, x], [b, y]) => y - x || cmp(a, b)).map(([lang, n]) => `${n} ${languageName(lang)}`).join(', ');
    const cells = blocks.map((b) =>
      fragments.shared('cell', `${b.line} ${b.kind} ${b.lang}`, () =>
        el('span', { className: ['cell', colours.classOf(b.lang)], title: `line ${b.line}: ${b.kind}, ${languageName(b.lang)}` }),
      ),
    );
    return el('div', { className: ['strip'], role: 'img', ariaLabel: `Language of each block: ${label}` }, cells);
  });
  const langs = [...new Set([...Object.keys(shares), ...counts.keys()])].sort((a, b) => (shares[b] ?? 0) - (shares[a] ?? 0) || cmp(a, b));
  const items = langs.map((lang): [string, string] => {
    const n = counts.get(lang) ?? 0;
    const share = shares[lang];
    return [lang, `${languageName(lang)} (${lang})${share !== undefined ? ` ${Math.round(share * 100)}% of letters` : ''}, ${n} block${n === 1 ? '' : 's'}`];
  });
  const legend = fragments.shared('legend', JSON.stringify(items), () =>
    el(
      'p',
      { className: ['legend'] },
      items.map(([lang, text]) => el('span', { className: ['item'] }, [el('span', { className: ['swatch', colours.classOf(lang)] }), text])),
    ),
  );
  return [strip, legend];
}

// ——— articles ———

function* articlesSection(ctx: Ctx): Generator<string | Element> {
  const corpus = new Map(ctx.result.corpus.map((k) => [k.id, k]));
  const [open, close] = split(
    el('section', { id: 'articles' }, [
      el('h2', {}, 'Articles'),
      el('p', { className: ['muted'] }, 'Each article is a group of versions of one text. Every version is compared with the canonical one, block by block.'),
      PARTS,
    ]),
  );
  yield open;
  for (const c of ctx.result.clusters) yield articleSection(ctx, c, corpus.get(c.id));
  yield close;
}

function articleSection(ctx: Ctx, c: ClusterEntry, cluster: Cluster | undefined): Element {
  const details: Element[] = [];
  if (cluster) {
    const diffs = firstByPath(cluster.diffs);
    const left = byIndex(ctx.result.blocks[cluster.canonical]);
    for (const m of c.members) {
      details.push(diffDetails(ctx, cluster, m.path, m.similarity, c.members.length <= 3, diffs.get(m.path)?.parts ?? [], left));
    }
  }
  return el('section', { className: ['article'], id: ctx.clusterAnchor.get(c.id)! }, [
    el('h3', {}, ctx.titles.get(c.id)!),
    ctx.fragments.tagged(el('p', { className: ['meta'] }, [
      'Canonical: ',
      el('a', { className: ['path'], href: `#${ctx.docAnchor.get(c.canonical) ?? ''}` }, c.canonical),
      '. Cleaned output: ',
      el('a', { className: ['path'], href: ctx.link(c.output) }, c.output),
      `. ${c.members.length === 0 ? 'One version.' : `${c.members.length + 1} versions.`}`,
    ])),
    ...details,
    ctx.fragments.tagged(el('div', { className: ['tables'] }, [
      el('h4', {}, 'Dose figures and citations of the canonical version'),
      doseTableElement(ctx.doses.get(c.canonical), ctx.share),
      citationTableElement(ctx.citations.get(c.canonical), ctx.share),
    ])),
  ]);
}

function diffDetails(
  ctx: Ctx,
  cluster: Cluster,
  member: string,
  similarity: number,
  open: boolean,
  parts: DiffPart[],
  left: Map<number, BlockEntry>,
): Element {
  const { fragments } = ctx;
  const right = byIndex(ctx.result.blocks[member]);
  let changed = 0;
  for (const p of parts) if (p.op !== 'equal') changed++;
  const details = el('details', { className: ['diff'], open }, [
    el('summary', {}, [
      fragments.tagged(el('span', { className: ['path'] }, member)),
      ` against the canonical: similarity ${similarity}, ${changed} of ${parts.length} blocks differ`,
    ]),
    parts.length === 0
      ? el('p', { className: ['muted'] }, 'No block diff for this version.')
      : fragments.tagged(el('table', { className: ['diff'] }, [
          el(
            'thead',
            {},
            el('tr', {}, [
              fragments.shared('th.ln', '', () => el('th', { className: ['ln'] }, 'Line')),
              fragments.tagged(el('th', { className: ['path'] }, cluster.canonical)),
              fragments.shared('th.ln', '', () => el('th', { className: ['ln'] }, 'Line')),
              fragments.tagged(el('th', { className: ['path'] }, member)),
            ]),
          ),
          el('tbody', {}, diffRows(ctx, parts, left, right)),
        ])),
  ]);
  return fragments.tagged(details);
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
      const first = left.get(parts[i]!.canonical ?? -1)?.line;
      const last = left.get(parts[j - 1]!.canonical ?? -1)?.line;
      const lines = first === undefined ? '' : first === last ? String(first) : `${first}–${last}`;
      const n = j - i;
      rows.push(
        ctx.fragments.shared('folded', `${n} ${lines}`, () =>
          el('tr', { className: ['op-equal', 'folded'] }, [
            el('td', { className: ['ln'] }, lines),
            el('td', { className: ['text', 'muted'], colSpan: 3 }, `${n} identical blocks`),
          ]),
        ),
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
  const { fragments } = ctx;
  const a = part.canonical !== undefined ? left.get(part.canonical) : undefined;
  const b = part.member !== undefined ? right.get(part.member) : undefined;
  const leftText: Child[] = [];
  const rightText: Child[] = [];
  if (part.op === 'replace' && part.words && part.words.length > 0) {
    for (const w of part.words) {
      if (w.op !== 'insert') leftText.push(w.op === 'delete' ? el('del', {}, w.text) : w.text);
      if (w.op !== 'delete') rightText.push(w.op === 'insert' ? el('ins', {}, w.text) : w.text);
    }
  } else {
    if (a) leftText.push(a.text);
    if (b) rightText.push(b.text);
  }
  leftText.push(langTag(ctx, a, b));
  rightText.push(langTag(ctx, b, a));
  const row = el('tr', { className: [`op-${part.op}`] }, [
    lineCell(ctx, a ? String(a.line) : ''),
    fragments.tagged(el('td', { className: ['text', 'left'] }, leftText)),
    lineCell(ctx, b ? String(b.line) : ''),
    fragments.tagged(el('td', { className: ['text', 'right'] }, rightText)),
  ]);
  return fragments.tagged(row);
}

/** The language of a block where the other side of the diff is in another one. */
function langTag(ctx: Ctx, x: BlockEntry | undefined, other: BlockEntry | undefined): Child {
  if (!x || !other || x.lang === other.lang) return '';
  const { lang } = x;
  return ctx.fragments.shared('span.lang', lang, () => el('span', { className: ['lang', ctx.colours.classOf(lang)] }, lang));
}

/** The line-number cell of a diff row (the same few hundred numbers in every article). */
function lineCell(ctx: Ctx, lines: string): Element {
  return ctx.fragments.shared('td.ln', lines, lineNumberCell);
}

function lineNumberCell(text: string): Element {
  return el('td', { className: ['ln'] }, text);
}

// ——— changes ———

function changesSection(ctx: Ctx): Element {
  const { result } = ctx;
  const where = (p: { path: string; line: number } | undefined): Child => {
    if (!p) return '';
    const anchor = ctx.docAnchor.get(p.path);
    return anchor ? el('a', { className: ['path'], href: `#${anchor}` }, `${p.path}:${p.line}`) : el('span', { className: ['path'] }, `${p.path}:${p.line}`);
  };
  return el('section', { id: 'changes' }, [
    el('h2', {}, 'Changes to the cleaned articles'),
    el('p', {}, [
      'Cleaned articles: ',
      ...result.clusters.flatMap((c, i) => [i > 0 ? ', ' : '', el('a', { className: ['path'], href: ctx.link(c.output) }, c.output)]),
      '.',
    ]),
    result.changes.length === 0
      ? el('p', { className: ['muted'] }, 'The cleaning changed nothing.')
      : el('table', { id: 'change-log' }, [
          el('thead', {}, el('tr', {}, CHANGE_HEAD.map((name) => el('th', {}, name)))),
          el(
            'tbody',
            {},
            result.changes.map((c: Change) =>
              el('tr', {}, [
                el('td', {}, el('a', { className: ['path'], href: ctx.link(c.output) }, c.output)),
                el('td', {}, c.kind),
                el('td', {}, el('code', {}, c.ruleId)),
                el('td', {}, where(c.from)),
                el('td', {}, where(c.source)),
                el('td', { className: ['excerpt'] }, c.text ?? ''),
              ]),
            ),
          ),
        ]),
  ]);
}

const CHANGE_HEAD = ['Output', 'Change', 'Rule', 'From', 'Taken from', 'Text'];

// ——— helpers ———

/** The article's title: the canonical version's first heading, else its output file. */
function articleTitle(c: ClusterEntry): string {
  return c.title || path.posix.basename(c.output);
}

interface Colours {
  /** The rule for each language class. */
  css: string;
  classOf: (lang: string) => string;
}

/** One CSS class and colour per language, in order of how many blocks are in it. */
function languageColours(result: AuditResult): Colours {
  const counts = new Map<string, number>();
  for (const blocks of Object.values(result.blocks)) for (const b of blocks) counts.set(b.lang, (counts.get(b.lang) ?? 0) + 1);
  for (const d of result.documents) if (d.status === 'audited') for (const lang of Object.keys(d.languages)) if (!counts.has(lang)) counts.set(lang, 0);
  const safe = (lang: string): boolean => /^[a-z]{2,8}$/.test(lang);
  const order = [...counts].filter(([lang]) => safe(lang) && lang !== 'und').sort(([a, x], [b, y]) => y - x || cmp(a, b)).map(([lang]) => lang);
  const colour = new Map(order.map((lang, i) => [lang, PALETTE[i % PALETTE.length]!]));
  const css = [
    '.lang-und{background:#d6d6d6}',
    '.lang-other{background:repeating-linear-gradient(45deg,#ccc 0 3px,#eee 3px 6px)}',
    ...order.map((lang) => `.lang-${lang}{background:${colour.get(lang)!}}`),
  ].join('\n');
  const classes = new Map<string, string>([['und', 'lang-und'], ...order.map((lang): [string, string] => [lang, `lang-${lang}`])]);
  return { css, classOf: (lang) => classes.get(lang) ?? 'lang-other' };
}

function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? lang;
}

function byIndex(blocks: BlockEntry[] | undefined): Map<number, BlockEntry> {
  return new Map((blocks ?? []).map((b) => [b.index, b]));
}

/** The first entry of each path, as `list.find((x) => x.path === p)` would give it. */
function firstByPath<T extends { path: string }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const x of list) if (!out.has(x.path)) out.set(x.path, x);
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
