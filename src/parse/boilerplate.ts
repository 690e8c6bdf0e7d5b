/**
 * Regions of an HTML page that the page itself marks as site furniture: navigation, asides,
 * footers, forms, and elements whose class or id names a share bar, related posts, comments,
 * an ad slot or an author box (the class vocabulary content extractors such as Readability
 * and trafilatura score down). The conversion to Markdown drops some of these (scripts,
 * forms, bare link bars) and keeps others as ordinary paragraphs; the regions are read from
 * the HTML tree before conversion and kept on the Markdown root, with offsets in the
 * original file, so the debris classifier can weigh the blocks that survive.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { lastAtOrBefore } from '../collections.js';

export interface BoilerplateRegion {
  start: number;
  end: number;
  /** What marked it: a tag name (`nav`) or a class/id token (`share`). */
  mark: string;
  /**
   * 3 for an element classed as furniture (a class says what it is), 2 for a nav, footer or
   * form, 1 for an `aside` (also used for an article's own call-out boxes).
   */
  weight: number;
}

declare module 'mdast' {
  interface RootData {
    /** HTML drafts: site-furniture regions of the page (see src/parse/boilerplate.ts). */
    boilerplate?: BoilerplateRegion[];
  }
}

const TAGS: Record<string, number> = { nav: 2, footer: 2, form: 2, aside: 1, menu: 2, dialog: 2 };
// Class and id tokens of furniture; matched on whole hyphen/underscore-separated parts, so
// "shared-decision" or "adrenal" do not match but "share-bar" and "ad-slot" do.
const MARK = /(?:^|[-_\s])(share|sharing|social|related|comments?|respond|reply|advert|advertisement|ads?|adsbygoogle|sponsor(?:ed)?|promo|author-?box|author-?bio|about-author|newsletter|subscribe|signup|cookie|consent|breadcrumbs?|sidebar|widget|popup|modal|banner|menu|navbar|pagination|tags|tagcloud|byline-share|print)(?=$|[-_\s])/i;

export function boilerplateRegions(tree: HastRoot): BoilerplateRegion[] {
  const out: BoilerplateRegion[] = [];
  // A "region" holding half the page is the page (a theme that classes its main column
  // "post-related" or wraps everything in a form): Readability's lesson of false negatives.
  const size = (tree.position?.end.offset ?? 0) - (tree.position?.start.offset ?? 0);
  const visit = (node: HastContent | HastRoot): void => {
    if (node.type === 'element') {
      const found = markOf(node);
      const pos = node.position;
      if (found && pos?.start.offset !== undefined && pos.end.offset !== undefined && pos.end.offset - pos.start.offset < size / 2) {
        // Nothing inside a region adds to it: the outermost mark is the one kept.
        out.push({ start: pos.start.offset, end: pos.end.offset, ...found });
        return;
      }
    }
    if ('children' in node) for (const c of node.children) visit(c as HastContent);
  };
  visit(tree);
  return out;
}

function markOf(el: Element): { mark: string; weight: number } | undefined {
  // A class naming the furniture says more than the tag (an `aside` of related posts).
  const names = [el.properties['className'], el.properties['id']].flat().filter((v): v is string => typeof v === 'string');
  for (const name of names) {
    const m = MARK.exec(name);
    if (m) return { mark: m[1]!.toLowerCase(), weight: 3 };
  }
  const tag = TAGS[el.tagName];
  return tag === undefined ? undefined : { mark: el.tagName, weight: tag };
}

// Marks of furniture that never holds the article's own words: what readers wrote
// (comments), what links elsewhere (related, share, menus, tags, pages) and what sells
// (ads, sign-ups, cookie notices). A sidebar, widget, banner or aside may be the article's
// own box of facts, so they are not among them.
const NEVER_CONTENT = new Set([
  'share', 'sharing', 'social', 'related', 'comment', 'comments', 'respond', 'reply', 'advert', 'advertisement', 'ad', 'ads',
  'adsbygoogle', 'sponsor', 'sponsored', 'newsletter', 'subscribe', 'signup', 'cookie', 'consent', 'breadcrumb', 'breadcrumbs',
  'menu', 'navbar', 'pagination', 'tags', 'tagcloud', 'nav', 'footer', 'form', 'dialog',
]);

/**
 * Offsets of an HTML draft that stand in furniture the page itself marks as holding none
 * of the article's words (see NEVER_CONTENT), as a test of a block's start offset; always
 * false for drafts with no such regions.
 */
export function neverContentTest(tree: { data?: { boilerplate?: BoilerplateRegion[] } } | undefined): (offset: number) => boolean {
  const at = regionLocator((tree?.data?.boilerplate ?? []).filter((r) => NEVER_CONTENT.has(r.mark)));
  return (offset) => at(offset) >= 0;
}

/**
 * For `regions`, a lookup of the one holding an offset: its index in the regions sorted by
 * start, or -1 (undefined offsets are in none). Regions do not overlap (the outermost mark is
 * kept), so only the last one starting at or before the offset can hold it.
 */
export function regionLocator(regions: readonly BoilerplateRegion[]): (offset: number | undefined) => number {
  const sorted = [...regions].sort((a, b) => a.start - b.start);
  return (offset) => {
    if (offset === undefined) return -1;
    const i = lastAtOrBefore(sorted, (r) => r.start, offset);
    return i >= 0 && offset < sorted[i]!.end ? i : -1;
  };
}
