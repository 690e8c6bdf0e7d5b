/**
 * Positions for the blocks an HTML page implies. rehype-remark wraps text that a page puts
 * straight in a `<div>` or `<section>` (no `<p>` around it) in a paragraph of its own making,
 * and such a made-up node has no position, though every piece of text in it has one. A
 * block with no position is invisible to the rules — yet its text reaches the cleaned
 * article — so each such node is given the span from its first positioned piece to its last.
 */
import type { Nodes, Root } from 'mdast';

type Span = NonNullable<Nodes['position']>;

/** Gives each node without a position the span of its positioned descendants, in place. */
export function fillImplicitPositions(tree: Root): void {
  spanOf(tree);
}

function spanOf(node: Nodes): Span | undefined {
  if (!('children' in node)) return node.position;
  let first: Span | undefined;
  let last: Span | undefined;
  for (const child of node.children as Nodes[]) {
    const span = spanOf(child);
    if (!span) continue;
    first ??= span;
    last = span;
  }
  if (!node.position && first && last && first.start.offset !== undefined && last.end.offset !== undefined && first.start.offset <= last.end.offset) {
    node.position = { start: { ...first.start }, end: { ...last.end } };
  }
  return node.position;
}
