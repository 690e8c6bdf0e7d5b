/**
 * The last step of cleaning an article: nothing unsafe and nothing invisible is published.
 * HTML that holds a script, a frame, an event handler or an unsafe URL goes through
 * hast-util-sanitize (src/safety/unsafe.ts); a link with a `javascript:`, `vbscript:` or
 * `data:` URL keeps only its text, such an image or definition goes; invisible characters
 * (src/safety/invisible.ts) are dropped from text, code and addresses. Every
 * `artifact/unsafe-html` and `artifact/invisible-char` finding is thereby fixed.
 */
import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { sanitizeHtml, unsafeInHtml, unsafeUrl } from '../safety/unsafe.js';
import { hasInvisible, withoutInvisible } from '../safety/invisible.js';

/** The rules whose every finding this step fixes. */
export const MADE_SAFE = new Set(['artifact/unsafe-html', 'artifact/invisible-char']);

/** Text nodes that lost invisible characters (see `makeSafe`). */
const stripped = new WeakSet<RootContent>();

/** Makes `tree` safe to publish, in place (walked without recursion). */
export function makeSafe(tree: Root): Root {
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      for (const node of safeNodes(child)) {
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
  return tree;
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

/** What stands in the article for `node`: itself made safe, its children alone, or nothing. */
function safeNodes(node: RootContent): RootContent[] {
  switch (node.type) {
    case 'html': {
      const value = withoutInvisible(node.value);
      if (unsafeInHtml(value, true).length === 0) return [{ ...node, value }];
      const clean = sanitizeHtml(value);
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
