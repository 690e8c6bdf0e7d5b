/**
 * Images a page loads late. A lazily loaded `<img>` holds a placeholder — no `src`, an empty
 * one, or a tiny `data:image/…` picture — and keeps its real address in `data-src` (or
 * `data-lazy-src`, `data-original`, a `srcset`) for a script to move into `src` as the reader
 * scrolls; a `<noscript>` right after it often holds a plain copy of the same image for
 * readers without scripts. Read as the page's readers see it, that is one image at its real
 * address: so the placeholder takes the real address, and the `<noscript>` copy goes.
 * (Article extractors such as Mozilla Readability resolve lazy images the same way before
 * they read a page; no maintained hast utility does it, hence this module.)
 */
import type { Element, Parents, Properties, Root } from 'hast';

/** Attributes that hold the real address of a lazily loaded image, as hast names them, in the order they are trusted. */
const LAZY_SOURCES = ['dataSrc', 'dataLazySrc', 'dataOriginal', 'dataLazy', 'dataUrl'];
const LAZY_SOURCE_SETS = ['dataSrcset', 'dataLazySrcset', 'srcSet'];

/** An address a reader's browser would show: relative, or http(s). Never a script or data URL. */
function isPlainAddress(url: string): boolean {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  return url.trim() !== '' && (scheme === undefined || scheme === 'http' || scheme === 'https');
}

/** A `src` that only holds the place of the real image: none, empty, or an inline data image. */
export function isPlaceholderSource(src: unknown): boolean {
  return src === undefined || src === null || (typeof src === 'string' && (src.trim() === '' || /^\s*data:image\//i.test(src)));
}

/** The real address of a lazily loaded image (from its data attributes or the first candidate of a srcset), or undefined. */
export function lazySource(properties: Properties): string | undefined {
  for (const name of LAZY_SOURCES) {
    const value = properties[name];
    if (typeof value === 'string' && isPlainAddress(value)) return value.trim();
  }
  for (const name of LAZY_SOURCE_SETS) {
    const value = properties[name];
    const first = (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').split(',')[0]?.trim().split(/\s+/)[0];
    if (first && isPlainAddress(first)) return first;
  }
  return undefined;
}

const isImage = (node: unknown): node is Element => (node as Element | undefined)?.type === 'element' && (node as Element).tagName === 'img';
const isBlank = (node: Parents['children'][number]): boolean => (node.type === 'text' && node.value.trim() === '') || node.type === 'comment';

/** The one image a `<noscript>` holds (nothing else but white space), or undefined. */
function onlyImage(noscript: Element): Element | undefined {
  const content = noscript.children.filter((c) => !isBlank(c));
  return content.length === 1 && isImage(content[0]) ? content[0] : undefined;
}

/**
 * Gives each placeholder image its real address, in place, and drops a `<noscript>` copy of
 * the image just before it. Positions are kept: the image still points at its own tag.
 */
export function resolveLazyImages(tree: Root): void {
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type !== 'element') continue;
      if (isImage(node) && isPlaceholderSource(node.properties.src)) {
        const real = lazySource(node.properties);
        if (real !== undefined) node.properties.src = real;
      } else if (node.tagName === 'noscript') {
        const copy = onlyImage(node);
        let before = i - 1;
        while (before >= 0 && isBlank(children[before]!)) before--;
        const image = children[before];
        if (copy && isImage(image) && typeof copy.properties.src === 'string' && isPlainAddress(copy.properties.src)) {
          if (isPlaceholderSource(image.properties.src)) image.properties.src = copy.properties.src;
          if (image.properties.src === copy.properties.src) {
            children.splice(i, 1);
            i--;
            continue;
          }
        }
      }
      stack.push(node);
      if (node.content) stack.push(node.content);
    }
  }
}
