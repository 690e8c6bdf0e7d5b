/**
 * The summary: verdict against --fail-on, counts, findings by rule (each rule linked to its
 * explanation) and the drafts table (ordered with the drafts, filtered with them).
 */
import type { Element } from 'hast';
import { meetsFailOn } from '../../audit.js';
import { cmp } from '../../order.js';
import { ruleById } from '../../rules/index.js';
import type { Severity } from '../../types.js';
import { countedFindings, gateFails, stateOf } from '../gate.js';
import { el, textCell, type Child } from '../html-tables.js';
import type { Ctx } from './context.js';
import { PLURAL, ruleLink, SEVERITIES, tally } from './drafts.js';

export function summarySection(ctx: Ctx): Element {
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
    let counts = byRule.get(f.ruleId);
    if (!counts) byRule.set(f.ruleId, (counts = { error: 0, warning: 0, info: 0 }));
    counts[f.severity]++;
  }
  const ruleRows = Object.entries(summary.byRule)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, n]) =>
      el('tr', { dataRule: id }, [
        el('td', {}, ruleLink(ctx, id)),
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
      : scroll(el('table', { id: 'by-rule' }, [
          el('thead', {}, el('tr', {}, [el('th', {}, 'Rule'), el('th', {}, 'What it catches'), ...severityHeads(), el('th', { className: ['num'] }, 'Total')])),
          el('tbody', {}, ruleRows),
        ])),
    el('h3', {}, 'Drafts'),
    ctx.lazy
      ? el('p', { className: ['muted'] }, [`${ctx.files.length} drafts: see `, el('a', { href: '#drafts' }, 'the list of drafts'), ' (each with its language, blocks, article and counts; order them worst first with the filters).'])
      : scroll(el('table', { id: 'documents' }, [
      el('thead', {}, el('tr', {}, [el('th', {}, 'Draft'), el('th', {}, 'Language'), el('th', { className: ['num'] }, 'Blocks'), el('th', {}, 'Article'), ...severityHeads()])),
      el(
        'tbody',
        {},
        ctx.files.map((file, position) => {
          const doc = ctx.docs.get(file);
          const cluster = doc ? ctx.clusters.get(doc.cluster) : undefined;
          return el('tr', { dataFile: file, dataPos: position, dataWorst: ctx.worst.get(file)! }, [
            ctx.fragments.tagged(el('td', { className: ['path'] }, el('a', { href: `#${ctx.docAnchor.get(file)!}` }, file))),
            ctx.fragments.shared('td', doc ? doc.primaryLanguage : '—', textCell),
            ctx.fragments.shared('td.num', doc ? String(doc.blocks) : '—', numberCell),
            el('td', {}, cluster ? [el('a', { href: `#${ctx.clusterAnchor.get(cluster.id)!}` }, ctx.titles.get(cluster.id)!), doc?.canonical ? ' (canonical)' : ''] : '—'),
            ...severityCells(ctx, tally(ctx.byFile.get(file))),
          ]);
        }),
      ),
    ])),
  ]);
}

/** A wide table in a box that scrolls sideways on its own (the page never does). */
export function scroll(table: Element): Element {
  return el('div', { className: ['scroll'] }, table);
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


function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
