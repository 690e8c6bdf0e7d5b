/**
 * What citation extraction needs from the mdast tree, gathered in one walk per tree: the
 * link nodes, and the number of each item of an ordered list. The extraction walks once
 * and hands the facts to both the links and the reference list.
 */
import type { Link, Root } from 'mdast';
import type { Node, Parent } from 'unist';

export interface TreeFacts {
  /** Link nodes in document (pre-)order. */
  links: Link[];
  /** Number of an ordered-list item, by the start offset of its first child. */
  listNumbers: Map<number, number>;
}

/**
 * A pre-order walk, the order unist-util-visit visits in (a node before its children,
 * children left to right), without its per-node visitor closures, which cost more than
 * the rest of the extraction.
 */
export function treeFacts(tree: Root): TreeFacts {
  const links: Link[] = [];
  const listNumbers = new Map<number, number>();
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link') links.push(node as Link);
    else if (node.type === 'list') {
      const list = node as Parent & { ordered?: boolean | null; start?: number | null };
      if (list.ordered) {
        const first = list.start ?? 1;
        list.children.forEach((item, k) => {
          const at = (item as Parent).children[0]?.position?.start.offset;
          if (at !== undefined) listNumbers.set(at, first + k);
        });
      }
    }
    const children = (node as Partial<Parent>).children;
    if (Array.isArray(children)) for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return { links, listNumbers };
}
