/**
 * The last step of cleaning an article: nothing unsafe and nothing invisible is published.
 * HTML that holds a script, a frame, an event handler or an unsafe URL goes through
 * hast-util-sanitize (src/safety/unsafe.ts); a link with a `javascript:`, `vbscript:` or
 * `data:` URL keeps only its text, such an image or definition goes; invisible characters
 * (src/safety/invisible.ts) are dropped from text, code and addresses. Every
 * `artifact/unsafe-html` and `artifact/invisible-char` finding is thereby fixed.
 */
import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { ELEMENTS, sanitizeHtml, unsafeInHtml, unsafeUrl } from '../safety/unsafe.js';
import { hasInvisible, withoutInvisible } from '../safety/invisible.js';

/** The rules whose every finding this step fixes. */
export const MADE_SAFE = new Set(['artifact/unsafe-html', 'artifact/invisible-char']);

/** Text nodes that lost invisible characters (see `makeSafe`). */
const stripped = new WeakSet<RootContent>();

/**
 * HTML the sanitiser rewrote: where it stood in the draft the node was parsed from (offsets),
 * what it was, and what the article holds instead ('' when it went).
 */
export interface Sanitised {
  start: number;
  end: number;
  before: string;
  after: string;
}

/** Makes `tree` safe to publish, in place (walked without recursion); returns the HTML it rewrote. */
export function makeSafe(tree: Root): Sanitised[] {
  const sanitised: Sanitised[] = [];
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const out: RootContent[] = [];
    const children = parent.children as RootContent[];
    const closed = closedWithTheirOpening(children);
    for (const [i, child] of children.entries()) {
      if (closed.has(i)) {
        const { start, end } = { start: child.position?.start.offset, end: child.position?.end.offset };
        if (start !== undefined && end !== undefined) sanitised.push({ start, end, before: child.type === 'html' || child.type === 'text' ? child.value : '', after: '' });
        continue;
      }
      for (const node of safeNodes(child, sanitised)) {
        out.push(node);
        if ('children' in node) stack.push(node);
      }
    }
    // White space an invisible character stood behind, at either end of a block, would be
    // dropped when the article is read back: it goes now.
    if (parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell') {
      const first = out[0];
      if (first?.type === 'text' && stripped.has(first)) first.value = first.value.trimStart();
      const last = out[out.length - 1];
      if (last?.type === 'text' && stripped.has(last)) last.value = last.value.trimEnd();
      if (out.some((c) => c.type === 'text' && c.value === '')) out.splice(0, out.length, ...out.filter((c) => !(c.type === 'text' && c.value === '')));
    }
    (parent as { children: RootContent[] }).children = out;
  }
  dropEmptied(tree);
  return sanitised;
}

/**
 * Removes the paragraphs, headings, list items, lists and quotes left with no content once
 * their invisible characters went (a line that held only a zero-width space), so that the
 * article reads back as written. Children are seen before their parents (no recursion).
 */
const EMPTIABLE = new Set(['paragraph', 'heading', 'listItem', 'list', 'blockquote']);

function dropEmptied(tree: Root): void {
  const order: Parents[] = [];
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    order.push(parent);
    for (const c of parent.children as RootContent[]) if ('children' in c) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const parent = order[i]!;
    const children = parent.children as RootContent[];
    if (children.some((c) => EMPTIABLE.has(c.type) && 'children' in c && c.children.length === 0)) {
      (parent as { children: RootContent[] }).children = children.filter((c) => !(EMPTIABLE.has(c.type) && 'children' in c && c.children.length === 0));
    }
  }
}

const LONE_OPENING_TAG = /^<([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>$/;

/**
 * Inline HTML comes in pieces: `<script>`, the text `track()`, `</script>`. The sanitiser
 * removes an unsafe element's opening tag; its closing tag, a piece of its own that holds
 * nothing unsafe, goes with it here, and so does a script's code between the two. The
 * indexes of the children that go.
 */
function closedWithTheirOpening(children: readonly RootContent[]): Set<number> {
  const gone = new Set<number>();
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'html') continue;
    const name = LONE_OPENING_TAG.exec(child.value.trim())?.[1]?.toLowerCase();
    if (!name || !ELEMENTS.has(name)) continue;
    const closing = new RegExp(`^</${name}\\s*>$`, 'i');
    const j = children.findIndex((c, k) => k > i && c.type === 'html' && closing.test(c.value.trim()));
    if (j < 0) continue;
    gone.add(j);
    if (name === 'script') for (let k = i + 1; k < j; k++) gone.add(k);
    i = j;
  }
  return gone;
}

/** What stands in the article for `node`: itself made safe, its children alone, or nothing (HTML rewritten is noted in `sanitised`). */
function safeNodes(node: RootContent, sanitised: Sanitised[]): RootContent[] {
  switch (node.type) {
    case 'html': {
      const value = withoutInvisible(node.value);
      if (unsafeInHtml(value, true).length === 0) return [{ ...node, value }];
      let clean = sanitizeHtml(value);
      // A lone opening tag (`<b onclick="…">` before the text it marks) is parsed as an
      // element the parser closes at once: its closing tag stands later in the paragraph.
      const lone = LONE_OPENING_TAG.exec(value.trim());
      if (lone && clean.endsWith(`</${lone[1]!.toLowerCase()}>`)) clean = clean.slice(0, clean.length - lone[1]!.length - 3);
      const { start, end } = { start: node.position?.start.offset, end: node.position?.end.offset };
      if (start !== undefined && end !== undefined) sanitised.push({ start, end, before: node.value, after: clean.trim() === '' ? '' : clean });
      return clean.trim() === '' ? [] : [{ ...node, value: clean }];
    }
    case 'link':
      if (unsafeUrl(node.url)) return node.children as RootContent[];
      break;
    case 'image':
    case 'definition':
      if (unsafeUrl(node.url)) return [];
      break;
    case 'text':
    case 'inlineCode': {
      if (!hasInvisible(node.value)) return [node];
      const value = withoutInvisible(node.value);
      if (value === '') return [];
      const made = { ...node, value };
      stripped.add(made);
      return [made];
    }
    case 'code':
      return hasInvisible(node.value) ? [{ ...node, value: withoutInvisible(node.value) }] : [node];
  }
  const n = node as Nodes & { url?: string; title?: string | null; alt?: string | null };
  if (typeof n.url === 'string' && hasInvisible(n.url)) n.url = withoutInvisible(n.url);
  if (typeof n.title === 'string' && hasInvisible(n.title)) n.title = withoutInvisible(n.title);
  if (typeof n.alt === 'string' && hasInvisible(n.alt)) n.alt = withoutInvisible(n.alt);
  return [node];
}
