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
