/**
 * The drafts section: each draft's facts, language strip, findings (each a row carrying
 * `data-finding`, its index in audit.json's `findings` — in a folded detail counted from the
 * `data-base` of its holder, which the page's script adds back when it unfolds it — and
 * `data-state`, fixed or open) and
 * its full text, which every finding's position links into. In a large batch the strip,
 * the rows and the text are kept folded (see `Deferred`) behind a summary of the counts.
 */
import type { Element } from 'hast';
import type { BlockEntry, DocumentEntry } from '../../audit.js';
import { cmp } from '../../order.js';
import { ruleById } from '../../rules/index.js';
import type { Finding, Severity } from '../../types.js';
import { stateLabel } from '../gate.js';
import { el, textCell, type Child } from '../html-tables.js';
import type { Ctx } from './context.js';
import { BlockIndex, excerptParts } from './excerpt.js';
import { PARTS, split } from './fragments.js';
import { fullText } from './fulltext.js';
import { keptDetail, rowBase } from './kept.js';
import { kindName, languageName } from './languages.js';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
export const PLURAL: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'infos' };

export function* draftsSection(ctx: Ctx): Generator<string | Element> {
  const [open, close] = split(
    el('section', { id: 'drafts' }, [
      el('h2', {}, 'Drafts'),
      el('p', { className: ['muted'] }, [
        'Each finding links to its line in the draft’s full text. ',
        ctx.lazy ? 'Open a draft to see its findings and text (kept folded so that a large batch loads quickly).' : '',
      ]),
      el('div', { id: 'doc-list' }, PARTS),
    ]),
  );
  yield open;
  let position = 0;
  for (const file of ctx.files) {
    yield documentSection(ctx, file, position++);
    const group = ctx.deferred.flush();
    if (group) yield group;
  }
  const rest = ctx.deferred.flush(true);
  if (rest) yield rest;
  yield close;
}

/** The filter form, shown by the script; it sits above every section it filters. */
export function filtersForm(ctx: Ctx): Element {
  const totals = tally(ctx.result.findings);
  return el('form', { id: 'filters', className: ['filters'], hidden: true, ariaLabel: 'Filter findings' }, [
    el('fieldset', {}, [
      el('legend', {}, 'Severity'),
      ...SEVERITIES.map((s) => el('label', {}, [el('input', { type: 'checkbox', name: 'severity', value: s, checked: true }), ` ${PLURAL[s]} (${totals[s]}) `])),
    ]),
    el('label', {}, ['Rule ', el('select', { name: 'rule' }, [el('option', { value: '' }, 'all rules'), ...ctx.rules.map((r) => el('option', { value: r }, r))])]),
    el('label', {}, ['File ', el('select', { name: 'file' }, [el('option', { value: '' }, 'all files'), ...ctx.files.map((p) => el('option', { value: p }, p))])]),
    el('label', {}, ['Drafts ', el('select', { name: 'order' }, [el('option', { value: 'path' }, 'by name'), el('option', { value: 'worst' }, 'worst first')])]),
    ctx.gate ? el('label', {}, [el('input', { type: 'checkbox', name: 'counted' }), ' only findings that count']) : '',
    el('button', { type: 'reset' }, 'Show all'),
    el('output', { id: 'filter-count', ariaLive: 'polite' }),
  ]);
}

export function tally(findings: readonly Finding[] = []): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A draft's findings as the script counts them: [rule, severity, gate state, count]. */
function tallyData(ctx: Ctx, findings: readonly Finding[]): string {
  const counts = new Map<string, [string, Severity, string, number]>();
  for (const f of findings) {
    const gate = ctx.states.get(f)!;
    const key = `${f.ruleId}\0${f.severity}\0${gate}`;
    const entry = counts.get(key);
    if (entry) entry[3]++;
    else counts.set(key, [f.ruleId, f.severity, gate, 1]);
  }
  return JSON.stringify([...counts.values()]);
}

function documentSection(ctx: Ctx, file: string, position: number): Element {
  const doc = ctx.docs.get(file);
  const findings = ctx.byFile.get(file) ?? [];
  const blocks = ctx.result.blocks[file] ?? [];
  const anchor = ctx.docAnchor.get(file)!;
  const source = ctx.result.sources?.[file];
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
  const counts = tally(findings);
  const fixed = findings.filter((f) => f.fixed).length;
  const countLine = findings.length === 0
    ? 'No findings.'
    : `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${counts[s] === 1 ? s : PLURAL[s]}`).join(', ')}; ${fixed} fixed in the cleaned article.`;
  const hasDetail = Boolean(doc && blocks.length > 0) || findings.length > 0 || source !== undefined;
  // A large batch's detail is folded: its HTML may come from the cache (see keptDetail). Its
  // rows count their places from the draft's first finding, which its holder names
  // (`data-base`, added back by the page's script), so the folded HTML does not change when
  // an earlier draft gains or loses findings.
  const fold = ctx.lazy && hasDetail;
  const base = fold ? rowBase(ctx, findings) : 0;
  const folded = fold ? ctx.deferred.holdPiece(keptDetail(ctx, file, anchor, findings, base, blocks, () => ctx.deferred.serialised(detailOf(ctx, doc, findings, blocks, source, anchor, base))), base > 0 ? { dataBase: base } : {}) : undefined;
  return el('section', { className: ['doc'], id: anchor, dataFile: file, dataTally: tallyData(ctx, findings), dataPos: position, dataWorst: ctx.worst.get(file)! }, [
    ctx.fragments.tagged(el('h3', { className: ['path'] }, file)),
    ctx.fragments.tagged(el('p', { className: ['meta'] }, meta)),
    ctx.lazy || findings.length === 0 ? el('p', { className: ['meta'] }, countLine) : '',
    ...(folded
      ? [el('details', { className: ['detail'] }, [el('summary', {}, 'Findings, language strip and full text'), folded])]
      : ctx.lazy ? [] : detailOf(ctx, doc, findings, blocks, source, anchor, 0)),
    ctx.fragments.shared('none-shown', '', () => el('p', { className: ['muted', 'none-shown'], hidden: true }, 'No finding of this draft matches the filters.')),
  ]);
}

/** A draft's language strip, findings (their places in audit.json less `base`) and full text. */
function detailOf(ctx: Ctx, doc: DocumentEntry | undefined, findings: readonly Finding[], blocks: readonly BlockEntry[], source: string | undefined, anchor: string, base: number): Element[] {
  const index = new BlockIndex(blocks);
  const lineCount = source === undefined ? 0 : source.split(/\r\n|\r|\n/).length;
  const detail: Element[] = [
    ...(doc && blocks.length > 0 ? languageStrip(ctx, doc.languages, blocks) : []),
  ];
  if (findings.length > 0) {
    detail.push(
      ctx.fragments.tagged(el('table', { className: ['findings'] }, [
        ctx.fragments.shared('findings', 'head', () => el('thead', {}, el('tr', {}, FINDING_HEAD.map((name) => el('th', {}, name))))),
        el('tbody', {}, findings.map((f) => findingRow(ctx, f, index, source === undefined ? undefined : anchor, base))),
      ])),
    );
  }
  if (source !== undefined) {
    detail.push(
      el('details', { className: ['source'] }, [
        el('summary', {}, `Full text (${lineCount} line${lineCount === 1 ? '' : 's'}), findings marked`),
        el('div', {}, fullText(anchor, source, findings, !ctx.lazy)),
      ]),
    );
  }
  return detail;
}

const FINDING_HEAD = ['Line', 'Severity', 'Rule', 'Message', 'Excerpt'];

/** A finding's row (its place in audit.json less `base`); most cells repeat across drafts and are serialised once. */
function findingRow(ctx: Ctx, f: Finding, blocks: BlockIndex, anchor: string | undefined, base: number): Element {
  const { fragments } = ctx;
  const state = ctx.states.get(f)!;
  // What the cleaning did (data-state) and whether the finding counts toward the exit code (data-gate).
  const cleaning = f.fixed ? 'fixed' : 'open';
  const label = state === 'counted' ? (f.fixed ? 'fixed' : '') : stateLabel(state, ctx.gate);
  const parts = excerptParts(f, blocks);
  const where = `${f.span.start.line}:${f.span.start.column}`;
  const row = el(
    'tr',
    {
      className: state === 'counted' ? ['finding'] : ['finding', 'not-counted'],
      dataFinding: ctx.index.get(f)! - base,
      dataSeverity: f.severity,
      dataRule: f.ruleId,
      dataFile: f.path,
      dataState: cleaning,
      dataGate: state,
    },
    [
      anchor === undefined
        ? fragments.shared('td.pos', where, (text) => el('td', { className: ['pos', 'mono'] }, text))
        : el('td', { className: ['pos', 'mono'] }, el('a', { href: `#${anchor}-line-${f.span.start.line}`, title: 'Show this line in the full text' }, where)),
      fragments.shared('severity', `${f.severity} ${state} ${label}`, () =>
        el('td', { className: ['sevcell'] }, [
          el('span', { className: ['sev', `sev-${f.severity}`] }, f.severity),
          label === '' ? '' : el('span', { className: label === 'fixed' ? ['state', 'state-fixed'] : ['state'] }, label),
        ]),
      ),
      fragments.shared('td rule', f.ruleId, (id) => ruleCell(ctx, id)),
      fragments.shared('td', f.message, textCell),
      fragments.tagged(el('td', { className: ['excerpt'] }, parts.match === '' ? '' : [parts.before, el('mark', {}, parts.match), parts.after])),
    ],
  );
  return fragments.tagged(row);
}

/** A rule id, linked to its explanation. */
function ruleCell(ctx: Ctx, id: string): Element {
  return el('td', { className: ['rulecell'] }, ruleLink(ctx, id));
}

export function ruleLink(ctx: Ctx, id: string): Element {
  const description = ruleById(id)?.meta.description;
  return el('a', { className: ['rule'], href: `#${ctx.ruleAnchor(id)}`, ...(description ? { title: `${description}: what it means and how to fix it` } : {}) }, el('code', {}, id));
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
    // One cell per run of blocks in one language, as wide as the run is long.
    const cells: Element[] = [];
    for (let i = 0; i < blocks.length; ) {
      let j = i + 1;
      while (j < blocks.length && blocks[j]!.lang === blocks[i]!.lang) j++;
      const first = blocks[i]!;
      const last = blocks[j - 1]!;
      const title = j - i === 1
        ? `line ${first.line}: ${kindName(first.kind)}, ${languageName(first.lang)}`
        : `lines ${first.line}–${last.line}: ${j - i} blocks, ${languageName(first.lang)}`;
      cells.push(el('span', { className: ['cell', colours.classOf(first.lang)], title, style: `flex-grow:${j - i}` }));
      i = j;
    }
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
