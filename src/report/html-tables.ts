/**
 * The per-article tables of the HTML report: dose figures and citations of the canonical
 * version, as hast elements (every value from a draft is a text node, escaped by construction).
 * Also the element builder both HTML modules use.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { CitationTable } from '../cite/types.js';
import type { DoseTable } from '../dose/index.js';
import { describePeriod, formatAmount } from '../dose/index.js';

/** A child of `el`: a node, or a string that becomes a text node. */
export type Child = ElementContent | string;

/**
 * A hast element as a plain object: what hastscript's `h()` builds, without parsing a selector
 * and every property on each call. Class names are arrays, property names as hast spells them
 * (`dataFile`, `ariaLabel`); an empty string adds no text node.
 */
export function el(tagName: string, properties: Properties, children?: Child | Child[]): Element {
  const nodes: ElementContent[] = [];
  if (Array.isArray(children)) {
    for (const child of children) add(nodes, child);
  } else if (children !== undefined) {
    add(nodes, children);
  }
  return { type: 'element', tagName, properties, children: nodes };
}

/** A second scheme inside an address. */
const GLUED = /^[a-z][a-z0-9+.-]*:\/\/.*[a-z]:\/\//i;

function add(nodes: ElementContent[], child: Child): void {
  if (typeof child !== 'string') nodes.push(child);
  else if (child !== '') nodes.push({ type: 'text', value: child });
}

/**
 * The element of `key` among those of `kind`, built by `make` (given the key). The HTML report
 * passes one that builds and serialises each distinct cell once (most cells repeat from
 * article to article); the default builds every time.
 */
export type Share = (kind: string, key: string, make: (key: string) => Element) => Element;

const build: Share = (_kind, key, make) => make(key);

/** A cell holding only text. */
export function textCell(text: string): Element {
  return el('td', {}, text);
}

function cell(share: Share, text: string): Element {
  return share('td', text, textCell);
}

const ROLE: Record<string, string> = {
  advice: 'advice',
  report: 'study report',
  regimen: 'supervised regimen',
  limit: 'upper limit',
  content: 'content',
  laboratory: 'laboratory value',
  intake: 'intake',
  amount: 'amount',
};

const DOSE_HEAD = ['Line', 'Figure', 'Substance', 'Period', 'Who', 'What it is'];
const CITATION_HEAD = ['Marker', 'Reference', 'Used at'];

function head(share: Share, names: string[]): Element {
  return share('table head', names.join('\n'), () => el('thead', {}, el('tr', {}, names.map((name) => el('th', {}, name)))));
}

export function doseTableElement(table: DoseTable | undefined, share: Share = build): Element {
  if (!table || table.doses.length === 0) return el('p', { className: ['muted'] }, 'No dose figures.');
  return el('table', { className: ['doses'] }, [
    el('caption', {}, `Dose figures (${table.doses.length})`),
    head(share, DOSE_HEAD),
    el(
      'tbody',
      {},
      table.doses.map((d) =>
        el('tr', {}, [
          cell(share, `${d.span.start.line}:${d.span.start.column}`),
          figureCell(share, d.text, d.amount && d.amountUnit ? normalised(d.text, formatAmount(d.amount, d.amountUnit)) : ''),
          cell(share, d.substance ?? '—'),
          cell(share, describePeriod(d.period)),
          cell(share, d.population ?? '—'),
          cell(share, `${ROLE[d.role] ?? d.role}${d.referral ? ', refers to a doctor' : ''}`),
        ]),
      ),
    ),
  ]);
}

export function citationTableElement(table: CitationTable | undefined, share: Share = build): Element {
  if (!table || (table.rows.length === 0 && table.links.length === 0 && table.placeholders.length === 0)) {
    return el('p', { className: ['muted'] }, 'No citations.');
  }
  const where = (at: Array<{ line: number; column: number }>): string =>
    at.length === 0 ? 'not cited' : at.map((u) => `${u.line}:${u.column}`).join(', ');
  return el('div', { className: ['citations'] }, [
    el('table', {}, [
      el('caption', {}, `Citations (${table.entries} reference ${table.entries === 1 ? 'entry' : 'entries'})`),
      head(share, CITATION_HEAD),
      el(
        'tbody',
        {},
        table.rows.map((row) =>
          el('tr', {}, [
            cell(share, String(row.marker)),
            referenceCell(share, row.reference),
            cell(share, where(row.usedAt)),
          ]),
        ),
      ),
    ]),
    table.placeholders.length > 0
      ? el('p', { className: ['error'] }, `Placeholders with no source: ${table.placeholders.map((p) => `${p.text} at ${p.line}:${p.column}`).join('; ')}`)
      : '',
    table.links.length > 0
      ? el('p', { className: ['muted'] }, ['Links used as citations: ', ...table.links.flatMap((l, i) => [i ? '; ' : '', `${l.line}:${l.column} `, urlElement(l.url)])])
      : '',
  ]);
}

/**
 * ` = 400 mg` where the knowledge base's reading of a figure says more than the figure as
 * written (another unit, a range made plain); nothing where the two read the same
 * ("500 mg = 500 mg" tells the editor nothing).
 */
export function normalised(written: string, amount: string): string {
  const plain = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s\u2009\u202f]+/g, '').replace(/[–—−]/g, '-');
  return plain(written) === plain(amount) ? '' : ` = ${amount}`;
}

/** A dose figure as written, and its amount in the unit the knowledge base uses. */
function figureCell(share: Share, text: string, amount: string): Element {
  return share('table figure', JSON.stringify([text, amount]), () => el('td', {}, [el('code', {}, text), amount === '' ? '' : el('span', { className: ['muted'] }, amount)]));
}

/** The reference entry a marker points to. */
function referenceCell(share: Share, reference: CitationTable['rows'][number]['reference']): Element {
  if (!reference) return share('table reference', '', () => el('td', {}, el('span', { className: ['error'] }, 'no such entry')));
  const shown = reference.url ?? reference.text;
  const malformed = Boolean(reference.malformed);
  const repair = malformed ? (reference.expected ? ` malformed; repaired to ${reference.expected}` : ' malformed') : '';
  // A malformed address is shown as written, never as a link: it leads nowhere, or somewhere else.
  return share('table reference', JSON.stringify([reference.line, shown, repair]), () =>
    el('td', {}, [
      el('span', { className: ['muted'] }, `line ${reference.line}: `),
      malformed ? el('code', {}, shown) : urlElement(shown),
      repair === '' ? '' : el('span', { className: ['error'] }, repair),
    ]),
  );
}

/**
 * A web address as a link when it is plain http(s); anything else stays text, and so does an
 * address that reads as two glued together (`https://a.comhttps://b.org/…`, which a URL
 * parser takes as one).
 */
export function urlElement(url: string): Child {
  if (GLUED.test(url) || /\s/.test(url)) return el('code', {}, url);
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return el('a', { href: parsed.href, rel: ['noreferrer'] }, url);
  } catch {
    // not a URL: shown as written
  }
  return url;
}
