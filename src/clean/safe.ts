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
    (parent as { children: RootContent[] }).children = out;
  }
  return tree;
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
    case 'inlineCode':
    case 'code':
      if (hasInvisible(node.value)) return [{ ...node, value: withoutInvisible(node.value) } as RootContent];
      return [node];
  }
  const n = node as Nodes & { url?: string; title?: string | null; alt?: string | null };
  if (typeof n.url === 'string' && hasInvisible(n.url)) n.url = withoutInvisible(n.url);
  if (typeof n.title === 'string' && hasInvisible(n.title)) n.title = withoutInvisible(n.title);
  if (typeof n.alt === 'string' && hasInvisible(n.alt)) n.alt = withoutInvisible(n.alt);
  return [node];
}
