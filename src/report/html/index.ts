/**
 * reports/audit.html — one self-contained page for editors, built as a hast tree so that
 * every piece of draft text and every file name is escaped by construction.
 *
 * Sections: the filters (which apply to every section, their state in the URL fragment),
 * summary (verdict against --fail-on, counts, findings by rule, drafts), each draft
 * (language strip, findings linked to its full text, the full text with every finding's
 * span marked), each article (for each edition: the cleaned article rendered, the canonical
 * draft against it, every version against the canonical), the rule explanations and the
 * change log. The page reads without JavaScript; its one inline script adds the filters,
 * ordering, and the unfolding of parts a large batch keeps folded. A Content-Security-Policy
 * allows that script (by hash) and nothing else to run, and the page loads nothing.
 *
 * The page is serialised a section (and a draft, and an article) at a time, so the hast of
 * thousands of drafts never exists at once and `renderHtmlChunks` can hand it out in pieces.
 */
import type { Element } from 'hast';
import type { AuditResult } from '../../audit.js';
import { gateFails } from '../gate.js';
import { el } from '../html-tables.js';
import { articlesSection } from './articles.js';
import { changesSection } from './changes.js';
import { context, type Ctx, type HtmlOptions } from './context.js';
import { draftsSection, filtersForm } from './drafts.js';
import { PARTS, split } from './fragments.js';
import { rulesSection } from './rules.js';
import { CSP, SCRIPT } from './script.js';
import { CSS } from './style.js';
import { summarySection } from './summary.js';

export type { HtmlOptions } from './context.js';
export { LAZY_ABOVE } from './context.js';
export { excerptParts } from './excerpt.js';

/**
 * The page in pieces, in order: the head and the start of the body, the summary, the start
 * of the drafts section, each draft, its end, the same for the articles, the rules, the
 * change log and the end of the page. Each piece is a hast tree serialised on its own.
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
    el('body', ctx.lazy ? { className: ['large'] } : {}, [
      el('header', {}, [
        el('h1', {}, 'draftaudit report'),
        el('p', { className: ['muted'] }, `${result.tool.name} ${result.tool.version}, generated ${result.generatedAt}`),
        el('nav', {}, [
          el('a', { href: '#summary' }, 'Summary'),
          el('a', { href: '#drafts' }, 'Drafts'),
          el('a', { href: '#articles' }, 'Articles'),
          el('a', { href: '#rules' }, 'Rules'),
          el('a', { href: '#changes' }, 'Changes'),
        ]),
      ]),
      filtersForm(ctx),
      el('main', {}, PARTS),
      el('script', {}, SCRIPT),
    ]),
  ]);
  const [open, close] = split(page);
  yield `<!doctype html>\n${open}`;
  yield summarySection(ctx);
  yield* draftsSection(ctx);
  yield* articlesSection(ctx);
  yield rulesSection(ctx);
  yield* changesSection(ctx);
  yield `${close}\n`;
}
