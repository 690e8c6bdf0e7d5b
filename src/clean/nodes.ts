/**
 * Finding the mdast node behind a block (by the offset both start at), with its parents,
 * so the cleaner can replace, mark or remove exactly that block.
 */
import type { Nodes, Parents, Root } from 'mdast';

export interface Located {
  /** The paragraph, heading or table cell holding the block's text. */
  node: Extract<Nodes, { type: 'paragraph' | 'heading' | 'tableCell' }>;
  /** Parents from the root down to the node's parent. */
  parents: Parents[];
}

export function locateBlocks(tree: Root): Map<number, Located> {
  const out = new Map<number, Located>();
  const walk = (node: Nodes, parents: Parents[]): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      if (node.position?.start.offset !== undefined && !out.has(node.position.start.offset)) out.set(node.position.start.offset, { node, parents });
      return; // phrasing content holds no block
    }
    if ('children' in node) {
      // Siblings share one parents array (it is only read).
      const inner = [...parents, node as Parents];
      for (const c of node.children as Nodes[]) walk(c, inner);
    }
  };
  walk(tree, []);
  return out;
}

/**
 * Removes a located block: a list item goes with its paragraph, an emptied list with its
 * last item. Table cells are emptied rather than removed so the table keeps its shape.
 */
export function removeBlock(located: Located): void {
  const { node, parents } = located;
  if (node.type === 'tableCell') {
    node.children = [];
    return;
  }
  let child: Nodes = node;
  for (let i = parents.length - 1; i >= 0; i--) {
    const parent = parents[i]!;
    const siblings = parent.children as Nodes[];
    const at = siblings.indexOf(child);
    if (at >= 0) siblings.splice(at, 1);
    // Go up while the parent is a list item or list left empty by the removal.
    if (siblings.length > 0 || parent.type === 'root' || (parent.type !== 'listItem' && parent.type !== 'list')) return;
    child = parent;
  }
}

/** The top-level node (child of the root) that holds a located block. */
export function topLevelOf(located: Located): Nodes {
  return (located.parents[1] ?? located.node) as Nodes;
}

/** The number each item of an ordered list shows, as the draft numbers it: its list's start plus its place. */
export type ItemNumbers = WeakMap<Nodes, number>;

export function numberItems(tree: Root): ItemNumbers {
  const numbers: ItemNumbers = new WeakMap();
  const walk = (node: Nodes): void => {
    if (node.type === 'list' && node.ordered) node.children.forEach((item, i) => numbers.set(item, (node.start ?? 1) + i));
    if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  walk(tree);
  return numbers;
}

/**
 * After list items were removed, each remaining item of an ordered list shows the number it
 * had in the draft: a list that lost its first items starts at the first kept one's number,
 * and a list that lost items in the middle is split where its numbers jump ("1. 3. 4." is
 * written as "1." and a list starting at 3). Items without a number (brought from a sibling
 * version) follow the item before them.
 */
export function keepItemNumbers(tree: Root, numbers: ItemNumbers): void {
  const walk = (parent: Parents): void => {
    const out: Nodes[] = [];
    for (const node of parent.children as Nodes[]) {
      if ('children' in node) walk(node as Parents);
      if (node.type !== 'list' || !node.ordered) {
        out.push(node);
        continue;
      }
      let current = node;
      let previous: number | undefined;
      const items = node.children;
      current.children = [];
      for (const item of items) {
        const n = numbers.get(item);
        if (n !== undefined && previous === undefined && current.children.length === 0) current.start = n;
        else if (n !== undefined && previous !== undefined && n !== previous + 1) {
          out.push(current);
          current = { ...node, start: n, children: [] };
          if (node.position) delete current.position;
        }
        current.children.push(item);
        previous = n ?? (previous === undefined ? undefined : previous + 1);
      }
      out.push(current);
    }
    parent.children = out as typeof parent.children;
  };
  walk(tree);
}
