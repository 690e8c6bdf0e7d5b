/**
 * Reference URLs written as links are checked on the link target, not only on the text
 * the reader sees: "[NIH](httpss://ods.od.nih.gov/…)", `<a href="https//…">`, a target
 * with spaces or an unclosed parenthesis (which Markdown then leaves as literal text), and
 * a link whose text shows one URL while its target is another.
 */
import type { Document } from '../types.js';
import { spanOf } from '../position.js';
import type { BlockLink } from './links.js';
import type { EntryUrl, UrlProblem } from './types.js';
import { checkUrl, normaliseUrl } from './url.js';

/** Link syntax Markdown did not turn into a link: "[text](target" with its target range in `text`. */
export interface LiteralLink {
  /** Range of the target in the text. */
  start: number;
  end: number;
  target: string;
  /** Whether a ")" closes the target. */
  closed: boolean;
}

const OPENING = /\]\(\s*<?/gu;

/**
 * "[text](target)" left as text, as Markdown leaves a link whose target holds a space or
 * an unbalanced parenthesis. The target runs to the ")" that balances the ones inside it,
 * or to the end of the line when none does.
 */
export function literalLinks(text: string): LiteralLink[] {
  const out: LiteralLink[] = [];
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(text); m !== null; m = OPENING.exec(text)) {
    const start = m.index + m[0].length;
    let depth = 0;
    let end = -1;
    for (let i = start; i < text.length && text[i] !== '\n'; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    const closed = end >= 0;
    let stop = closed ? end : lineEnd(text, start);
    while (stop > start && /[\s>]/u.test(text[stop - 1]!)) stop--;
    if (stop <= start) continue;
    out.push({ start, end: stop, target: text.slice(start, stop), closed });
    OPENING.lastIndex = closed ? end + 1 : stop;
  }
  return out;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** The problem of a literal link's target: its URL's own, or the parenthesis left open. */
export function literalProblem(link: LiteralLink): UrlProblem | undefined {
  const own = checkUrl(link.target);
  if (own) return own;
  // The address is whole; the link syntax lacks its ")", which is no URL repair.
  if (!link.closed) return { reason: 'unbalanced-parenthesis' };
  return undefined;
}

const SITE_RELATIVE = /^(?:\/(?!\/)|\.\.?\/|\?)/;

/**
 * The target of a parsed link as an entry URL, with its problem. `visible` is the link's
 * text and `shown` the URL written in or over it, if any: a target that differs from it in more than the scheme,
 * "www." or a trailing slash is a `link-mismatch` (which one is right cannot be told, so
 * no repair is offered).
 */
export function linkTarget(doc: Document, link: BlockLink, visible: string, shown: string | undefined): EntryUrl | undefined {
  const target = link.url.trim();
  // A fragment or a path on the page's own site ("/about", "../iron.html") is no reference
  // address to check: it has no host to be malformed (the page links within its site).
  if (target === '' || target.startsWith('#') || SITE_RELATIVE.test(target)) return undefined;
  // An autolink ("https://…" or "www.…" made a link by the parser), or a link to the URL it
  // shows, is its text, checked as written.
  if (shown !== undefined && (shown === target || visible === target || `http://${visible}` === target || `https://${visible}` === target)) return undefined;
  const problem = checkUrl(target);
  const span = targetSpan(doc, link);
  const url: EntryUrl = { raw: target, span, fromLink: true };
  if (problem) return { ...url, problem };
  if (shown !== undefined && normaliseUrl(absolute(shown)) !== normaliseUrl(target)) {
    return { ...url, problem: { reason: 'link-mismatch', shown } };
  }
  return shown === undefined ? url : undefined;
}

/**
 * Where the target stands in the file: inside the link's own source ("](…)" or
 * `href="…"`), or the whole link when the source spells it differently (escaped).
 */
function targetSpan(doc: Document, link: BlockLink) {
  const source = doc.text.slice(link.offset, link.endOffset);
  const target = link.url.trim();
  const after = Math.max(source.lastIndexOf(']('), source.search(/href\s*=/iu));
  const at = source.indexOf(target, Math.max(0, after));
  return at < 0
    ? spanOf(doc.lineStarts, link.offset, link.endOffset)
    : spanOf(doc.lineStarts, link.offset + at, link.offset + at + target.length);
}

/** "ods.od.nih.gov/x" read as the address it shows. */
function absolute(url: string): string {
  return /^[a-z][a-z0-9+.-]*:|^www\./iu.test(url) ? url : `https://${url}`;
}
