/**
 * Markup that must not reach a published page: script, iframe, object and embed elements,
 * event-handler attributes (`onclick`, `onerror`…) and `javascript:`, `vbscript:` or
 * `data:` URLs, in HTML drafts, in HTML inside Markdown, and in Markdown links, images and
 * definitions. `unsafeIn*` find them for the `artifact/unsafe-html` rule (reading only);
 * `sanitizeHtml` and `unsafeUrl` are what the cleaner drops them with — the HTML through
 * hast-util-sanitize's GitHub schema, a maintained sanitiser, rather than a filter of our own.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { loadNow } from '../lazy.js';
import { boundHtml } from '../parse/limits.js';
import { resolveLazyImages } from '../parse/lazy-images.js';

/** The HTML parser (parse5 and its kin, large), loaded on the first text that may hold unsafe markup (see lazy.ts). */
const fromHtml: typeof FromHtml = (...args) => loadNow<{ fromHtml: typeof FromHtml }>('hast-util-from-html').fromHtml(...args);

export interface UnsafeHit {
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** What was found, for the message: "a script element", "an onclick attribute", "a javascript: URL". */
  what: string;
  kind: 'element' | 'handler' | 'url';
}

/** Elements that run code or embed another page (the sanitiser removes them, tags and all). */
export const ELEMENTS: ReadonlySet<string> = new Set(['script', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset']);
/** hast properties that hold a URL a browser follows or loads. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'background', 'cite', 'srcSet', 'ping'];
const MAYBE_UNSAFE = /<\s*(?:script|iframe|object|embed|applet|frame)|on[a-z]+\s*=|javascript|vbscript|data|&/i;
/** Schemes that run code or carry a whole document in the URL. */
const SCHEMES = new Set(['javascript', 'vbscript', 'data']);

/**
 * The dangerous scheme of a URL, or undefined. Browsers ignore white space and control
 * characters inside a scheme ("java\tscript:") and read it in any case: so does this.
 */
export function unsafeUrl(url: string): string | undefined {
  let scheme = '';
  for (let i = 0; i < url.length && scheme.length <= 16; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x7f && c <= 0x9f)) continue;
    const ch = url[i]!;
    if (ch === ':') return SCHEMES.has(scheme) ? scheme : undefined;
    if (!/[A-Za-z0-9+.-]/.test(ch)) return undefined;
    scheme += ch.toLowerCase();
  }
  return undefined;
}

/** Unsafe markup in HTML text (`fragment`: a piece of a Markdown draft; else a whole page). */
export function unsafeInHtml(html: string, fragment: boolean): UnsafeHit[] {
  // Only text that could hold one of them is parsed (a URL's scheme may be written with
  // character references, hence `&`).
  if (!MAYBE_UNSAFE.test(html)) return [];
  // Bounded as the parse stage bounds it (offsets kept): the conversion to hast recurses.
  const tree = fromHtml(boundHtml(html), { fragment });
  // A lazily loaded image's placeholder (a tiny data: picture) is not what readers get: the
  // page's script, and the parse, put the real address in its place (see lazy-images.ts).
  resolveLazyImages(tree);
  const hits: UnsafeHit[] = [];
  const stack: Array<HastRoot | Element> = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      const start = node.position?.start.offset;
      if (start !== undefined) {
        const close = html.indexOf('>', start);
        const end = close < 0 ? (node.position?.end.offset ?? html.length) : close + 1;
        const at = (what: string, kind: UnsafeHit['kind']) => hits.push({ start, end, what, kind });
        if (ELEMENTS.has(node.tagName)) at(`${/^[aeiou]/.test(node.tagName) ? 'an' : 'a'} ${node.tagName} element`, 'element');
        for (const [name, value] of Object.entries(node.properties)) {
          if (/^on[A-Za-z]/.test(name)) at(`an ${name.toLowerCase()} attribute`, 'handler');
          else if (URL_PROPERTIES.includes(name)) {
            const scheme = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? unsafeUrl(v) : undefined)).find(Boolean);
            if (scheme) at(`a ${scheme}: URL`, 'url');
          }
        }
      }
    }
    const children = node.type === 'element' && node.tagName === 'template' && node.content ? [...node.children, node.content] : node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i] as HastContent | HastRoot;
      if (c.type === 'element' || c.type === 'root') stack.push(c);
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Unsafe markup in an mdast tree of `text`: HTML nodes (mapped to their place in the text
 * when the node holds it verbatim, else the node as a whole) and links, images and
 * definitions with a dangerous URL.
 */
export function unsafeInTree(tree: Root, text: string): UnsafeHit[] {
  const hits: UnsafeHit[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'html' && start !== undefined && end !== undefined) {
      const verbatim = text.startsWith(node.value, start);
      for (const h of unsafeInHtml(node.value, true)) hits.push(verbatim ? { ...h, start: start + h.start, end: start + h.end } : { ...h, start, end });
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && start !== undefined && end !== undefined) {
      const scheme = unsafeUrl(node.url);
      if (scheme) hits.push({ start, end, what: `a ${scheme}: URL`, kind: 'url' });
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** An HTML fragment as hast-util-sanitize's GitHub schema leaves it (scripts, frames, handlers and unsafe URLs gone). */
export function sanitizeHtml(html: string): string {
  return toHtml(sanitize(fromHtml(boundHtml(html), { fragment: true })));
}
