/**
 * The full text of a draft as the editor's editor shows it: one row per line, numbered, each
 * with an anchor (`doc-3-line-12`) a finding's row links to, and every finding's span marked
 * (spans that overlap are marked once, titled with every rule that found something there).
 * Line breaks are the loader's (`\n`, `\r\n`, `\r`), so line numbers match the findings'.
 */
import type { Element } from 'hast';
import type { Finding } from '../../types.js';
import { el, type Child } from '../html-tables.js';

/** A marked range of one line, in UTF-16 columns (0-based, end exclusive), and what found it. */
interface Range {
  from: number;
  to: number;
  rules: string[];
}

/**
 * The draft's lines, an ordered list (the browser numbers them); `anchor` is the draft's id,
 * each line's `${anchor}-line-${n}`. Without `ids` the lines carry none: the page's script finds
 * a line by its number (a large batch's drafts, where every byte of the page counts).
 */
export function fullText(anchor: string, text: string, findings: readonly Finding[], ids = true): Element {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const marks = rangesByLine(findings, lines);
  const digits = String(lines.length).length;
  const items = lines.map((line, i) => el('li', ids ? { id: `${anchor}-line-${i + 1}` } : {}, marked(line, marks.get(i + 1))));
  return el('ol', { className: ['source', `digits-${Math.min(digits, 7)}`] }, items);
}

/** Lines a span may cover and still be marked in full. */
const LONG_SPAN = 5;

/** Each line's ranges, merged where they overlap or touch. */
function rangesByLine(findings: readonly Finding[], lines: string[]): Map<number, Range[]> {
  const byLine = new Map<number, Range[]>();
  for (const f of findings) {
    const { start, end } = f.span;
    // A span over a whole section (a near-duplicate draft, a list with no entries) is marked on its first line only.
    const last = end.line - start.line > LONG_SPAN ? start.line : end.line;
    for (let line = start.line; line <= Math.min(last, lines.length); line++) {
      const length = lines[line - 1]?.length ?? 0;
      const from = line === start.line ? start.column - 1 : 0;
      const to = line === end.line ? end.column - 1 : length;
      if (to <= from && !(line === start.line && line === end.line)) continue;
      let list = byLine.get(line);
      if (!list) byLine.set(line, (list = []));
      // An empty span (a missing list, a line with nothing under it) marks the line's first character.
      const a = Math.max(0, Math.min(from, length));
      const b = Math.max(a, Math.min(to <= from ? from + 1 : to, length));
      list.push({ from: a, to: b, rules: [f.ruleId] });
    }
  }
  for (const [line, list] of byLine) {
    list.sort((x, y) => x.from - y.from || x.to - y.to);
    const merged: Range[] = [];
    for (const r of list) {
      const last = merged[merged.length - 1];
      if (last && r.from <= last.to) {
        last.to = Math.max(last.to, r.to);
        for (const id of r.rules) if (!last.rules.includes(id)) last.rules.push(id);
      } else {
        merged.push({ ...r, rules: [...r.rules] });
      }
    }
    byLine.set(line, merged);
  }
  return byLine;
}

/** A line's text with its ranges marked; an empty range marks nothing but stays findable by its line. */
function marked(line: string, ranges: Range[] | undefined): Child[] {
  if (!ranges) return [line];
  const out: Child[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.from > at) out.push(line.slice(at, r.from));
    const text = line.slice(r.from, r.to);
    out.push(el('mark', { title: r.rules.join(', ') }, text === '' ? '⏎' : text));
    at = Math.max(at, r.to);
  }
  if (at < line.length) out.push(line.slice(at));
  return out;
}
