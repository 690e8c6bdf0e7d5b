/**
 * The change log of the cleaned articles: every replacement, removal, restoration and
 * insertion, where in the draft it was made and what it was taken from (a sibling version's
 * block, the rule's proposed repair, or nothing for a removal).
 */
import type { Element } from 'hast';
import type { Change } from '../../types.js';
import { el, type Child } from '../html-tables.js';
import type { Ctx } from './context.js';
import { PARTS, split } from './fragments.js';
import { ruleLink } from './drafts.js';
import { scroll } from './summary.js';

const CHANGE_HEAD = ['Output', 'Change', 'Rule', 'In the draft', 'Taken from', 'Text'];

/**
 * The section, a shell and then one row at a time: a large batch's change log has tens of
 * thousands of rows, and its tree made whole was the report's largest (about 55 MB of memory
 * at 10,000 drafts).
 */
export function* changesSection(ctx: Ctx): Generator<string | Element> {
  const { result } = ctx;
  const where = (p: { path: string; line: number }): Child => {
    const anchor = ctx.docAnchor.get(p.path);
    const text = `${p.path}:${p.line}`;
    return anchor ? el('a', { className: ['path'], href: `#${anchor}-line-${p.line}` }, text) : el('span', { className: ['path'] }, text);
  };
  const head = [
    el('h2', {}, 'Changes to the cleaned articles'),
    el('p', {}, [
      'Cleaned articles: ',
      ...result.clusters.flatMap((c, i) => [i > 0 ? ', ' : '', el('a', { className: ['path'], href: `#${ctx.clusterAnchor.get(c.id)!}` }, c.output)]),
      '.',
    ]),
  ];
  if (result.changes.length === 0) {
    yield el('section', { id: 'changes' }, [...head, el('p', { className: ['muted'] }, 'The cleaning changed nothing.')]);
    return;
  }
  const table = el('table', { id: 'change-log' }, [el('thead', {}, el('tr', {}, CHANGE_HEAD.map((name) => el('th', {}, name)))), el('tbody', {}, PARTS)]);
  const [open, close] = split(el('section', { id: 'changes' }, [...head, scroll(table)]));
  yield open;
  for (const c of result.changes) {
    yield el('tr', { dataRule: c.ruleId, dataFile: c.from.path, ...(c.source ? { dataSource: c.source.path } : {}) }, [
      el('td', {}, el('code', { className: ['path'] }, c.output)),
      el('td', {}, c.kind),
      el('td', {}, ruleLink(ctx, c.ruleId)),
      el('td', {}, where(c.from)),
      el('td', {}, takenFrom(c, where)),
      el('td', { className: ['excerpt'] }, c.text ?? ''),
    ]);
  }
  yield close;
}

/** Where a change's text came from, for every kind of change. */
function takenFrom(c: Change, where: (p: { path: string; line: number }) => Child): Child | Child[] {
  if (c.source) return where(c.source);
  switch (c.kind) {
    case 'repaired':
      return el('span', { className: ['muted'] }, 'the rule’s proposed repair');
    case 'removed':
      return el('span', { className: ['muted'] }, 'nothing: the passage is left out');
    case 'untranslated':
      return el('span', { className: ['muted'] }, 'no version has it in the article’s language: kept and marked untranslated');
    default:
      return el('span', { className: ['muted'] }, '—');
  }
}
