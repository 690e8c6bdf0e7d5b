/**
 * Serialising the report's hast a piece at a time, with memory (see Fragments), and the
 * shells of sections whose parts are serialised one by one.
 */
import type { Comment, Element, ElementContent, ElementData } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { setBounded } from '../../collections.js';

/**
 * Where a shell takes its parts. Its HTML cannot occur anywhere else in the page: `<` is
 * escaped in text and `"` in attribute values.
 */
export const PARTS: Comment = { type: 'comment', value: '"draftaudit:parts"' };
const PARTS_HTML = `<!--${PARTS.value}-->`;

/** The HTML of `shell` before and after its PARTS comment. */
export function split(shell: Element): [string, string] {
  const html = toHtml(shell);
  const at = html.indexOf(PARTS_HTML);
  return [html.slice(0, at), html.slice(at + PARTS_HTML.length)];
}

/**
 * Serialising with memory. Thousands of drafts repeat the same subtrees (a language strip, a
 * severity badge, a rule's cell, a line number) and the same start tags (a finding's row, a
 * diff cell); attributes cost most in serialising. `shared` gives one element object per
 * content, serialised by hast-util-to-html once; `tagged` marks an element whose start and end
 * tags are serialised once for all elements with its name and properties. `serialise` writes a
 * tree piece by piece: the HTML remembered in `data`, toHtml of the rest. The tree stays the
 * page as it is (toHtml of it gives the same HTML, only slower).
 *
 * What is remembered is bounded: a draft's own language strip or a row's own anchor repeats
 * nowhere, and keeping every one of them would hold the HTML of the whole page. Past
 * `REMEMBERED` entries of a kind, the oldest is forgotten; the HTML is the same either way.
 */
export class Fragments {
  private readonly elements = new Map<string, Map<string, Element>>();
  private readonly tags = new Map<string, [string, string]>();

  /** The element of `key` among those of `kind`; `make` builds it the first time. */
  shared(kind: string, key: string, make: (key: string) => Element): Element {
    let elements = this.elements.get(kind);
    if (!elements) this.elements.set(kind, (elements = new Map()));
    let element = elements.get(key);
    if (!element) {
      element = make(key);
      element.data = { html: this.serialise(element) } as ElementData;
      setBounded(elements, key, element, REMEMBERED);
    }
    return element;
  }

  /** `element`, its start and end tags serialised once for every element with its name and properties. */
  tagged(element: Element): Element {
    element.data = { tags: this.tagsOf(element) } as ElementData;
    return element;
  }

  private tagsOf(element: Element): [string, string] {
    const key = `${element.tagName} ${JSON.stringify(element.properties)}`;
    let tags = this.tags.get(key);
    if (!tags) setBounded(this.tags, key, (tags = split({ ...element, children: [PARTS] })), REMEMBERED);
    return tags;
  }

  /** The HTML of `tree`. */
  serialise(tree: Element): string {
    const out: string[] = [];
    this.write(tree, out);
    return out.join('');
  }

  /** Appends the HTML of `element` to `out`. */
  write(element: Element, out: string[]): void {
    const { data } = element;
    if (data?.html !== undefined) {
      out.push(data.html);
      return;
    }
    const tags = data?.tags ?? (holdsSerialised(element) ? this.tagsOf(element) : undefined);
    if (!tags) {
      out.push(toHtml(element));
      return;
    }
    out.push(tags[0]);
    let plain: ElementContent[] = [];
    for (const child of element.children) {
      if (child.type === 'element' && (child.data !== undefined || holdsSerialised(child))) {
        if (plain.length > 0) out.push(toHtml(plain));
        plain = [];
        this.write(child, out);
      } else {
        plain.push(child);
      }
    }
    if (plain.length > 0) out.push(toHtml(plain));
    out.push(tags[1]);
  }
}

/** Entries of each kind Fragments remembers. */
const REMEMBERED = 4096;

// The cast where `data` is set: hast-util-from-parse5 (loaded with rehype-parse in the tests)
// declares its `position` required.
declare module 'hast' {
  interface ElementData {
    /** The element's HTML, for every place it stands in (see Fragments). */
    html?: string;
    /** Its start and end tags, for every element with its name and properties (see Fragments). */
    tags?: [string, string];
  }
}

/** Whether `element` holds an element with serialised HTML or tags (only Fragments sets `data`). */
function holdsSerialised(element: Element): boolean {
  for (const child of element.children) if (child.type === 'element' && (child.data !== undefined || holdsSerialised(child))) return true;
  return false;
}

/**
 * HTML kept for later: a comment holding the serialised HTML of `elements`, which the
 * page's script parses into place when the reader opens the part that holds it (a large
 * batch's per-draft detail). A browser skips a comment while loading, where it would build
 * and style every node of the same HTML. The HTML is hast-util-to-html's (every piece of
 * draft text in it escaped); `--` is written `-&#45;` (the same characters once parsed, in
 * text and in attribute values alike), so the comment cannot end early.
 */
export function deferred(fragments: Fragments, elements: Element[]): Comment {
  const html = elements.map((e) => fragments.serialise(e)).join('');
  return { type: 'comment', value: html.replace(/--/g, '-&#45;') };
}
