/**
 * The per-article tables of the HTML report: dose figures and citations of the canonical
 * version, as hast elements (every value from a draft is a text node, escaped by construction).
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { CitationTable } from '../cite/types.js';
import type { DoseTable } from '../dose/index.js';
import { describePeriod, formatAmount } from '../dose/index.js';

const ROLE: Record<string, string> = {
  limit: 'upper limit',
  recommendation: 'recommendation',
  study: 'study report',
  amount: 'amount',
};

export function doseTableElement(table: DoseTable | undefined): Element {
  if (!table || table.doses.length === 0) return h('p.muted', 'No dose figures.');
  return h('table.doses', [
    h('caption', `Dose figures (${table.doses.length})`),
    h('thead', h('tr', [h('th', 'Line'), h('th', 'Figure'), h('th', 'Substance'), h('th', 'Period'), h('th', 'Who'), h('th', 'What it is')])),
    h(
      'tbody',
      table.doses.map((d) =>
        h('tr', [
          h('td', `${d.span.start.line}:${d.span.start.column}`),
          h('td', [h('code', d.text), d.amount && d.amountUnit ? h('span.muted', ` = ${formatAmount(d.amount, d.amountUnit)}`) : '']),
          h('td', d.substance ?? '—'),
          h('td', describePeriod(d.period)),
          h('td', d.population ?? '—'),
          h('td', `${ROLE[d.role] ?? d.role}${d.referral ? ', refers to a doctor' : ''}`),
        ]),
      ),
    ),
  ]);
}

export function citationTableElement(table: CitationTable | undefined): Element {
  if (!table || (table.rows.length === 0 && table.links.length === 0 && table.placeholders.length === 0)) {
    return h('p.muted', 'No citations.');
  }
  const where = (at: Array<{ line: number; column: number }>): string =>
    at.length === 0 ? 'not cited' : at.map((u) => `${u.line}:${u.column}`).join(', ');
  return h('div.citations', [
    h('table', [
      h('caption', `Citations (${table.entries} reference ${table.entries === 1 ? 'entry' : 'entries'})`),
      h('thead', h('tr', [h('th', 'Marker'), h('th', 'Reference'), h('th', 'Used at')])),
      h(
        'tbody',
        table.rows.map((row) =>
          h('tr', [
            h('td', String(row.marker)),
            h(
              'td',
              row.reference
                ? [
                    h('span.muted', `line ${row.reference.line}: `),
                    urlElement(row.reference.url ?? row.reference.text),
                    row.reference.malformed ? h('span.error', row.reference.expected ? ` malformed; repaired to ${row.reference.expected}` : ' malformed') : '',
                  ]
                : h('span.error', 'no such entry'),
            ),
            h('td', where(row.usedAt)),
          ]),
        ),
      ),
    ]),
    table.placeholders.length > 0
      ? h('p.error', `Placeholders with no source: ${table.placeholders.map((p) => `${p.text} at ${p.line}:${p.column}`).join('; ')}`)
      : '',
    table.links.length > 0
      ? h('p.muted', ['Links used as citations: ', ...table.links.flatMap((l, i) => [i ? '; ' : '', `${l.line}:${l.column} `, urlElement(l.url)])])
      : '',
  ]);
}

/** A web address as a link when it is plain http(s); anything else stays text. */
function urlElement(url: string): Element | string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return h('a', { href: parsed.href, rel: 'noreferrer' }, url);
  } catch {
    // not a URL: shown as written
  }
  return url;
}
