/**
 * A block as the rest of the run keeps it. A batch keeps every draft's blocks from the
 * analysis until its reports are written — tens of thousands of them — so a block holds
 * numbers, not objects:
 * - its span is made from the draft's line starts when it is read, from the two offsets
 *   the parser gave (a span the line starts would not give back is kept as it came);
 * - its text is a slice of the draft's text where it stands there as it reads (nearly
 *   every block: one segment, no markup), so the draft's characters are held once;
 * - that one segment is implied by `textAt`, the offset of the text in the draft.
 *
 * Only own data fields are copied to a worker's parent or written to the cache; `revive`
 * makes such a copy a SourceBlock again, with its text sliced from the draft's once more.
 */
import type { Block, BlockKind, Point, Span, TextSegment } from '../types.js';
import { pointAt } from '../position.js';

/** A block as data: what crosses threads and sits in the cache. */
export interface BlockData {
  index: number;
  kind: BlockKind;
  text: string;
  /** Source offsets of the block's start and end. */
  start: number;
  end: number;
  /** Source offset of the text when it is one segment standing as it reads; else its segments. */
  textAt: number | TextSegment[];
  depth?: number;
  /** The parser's span, when `start`/`end` and the line starts would not give it back. */
  span?: Span;
}

/** A unist point as a parser gives it (the offset may be missing). */
export interface PointLike {
  line: number;
  column: number;
  offset?: number | undefined;
}

export class SourceBlock implements Block, BlockData {
  index: number;
  kind: BlockKind;
  text: string;
  start: number;
  end: number;
  textAt: number | TextSegment[];
  depth?: number;
  span?: Span;
  readonly #lineStarts: number[];

  private constructor(data: BlockData, lineStarts: number[]) {
    this.index = data.index;
    this.kind = data.kind;
    this.text = data.text;
    this.start = data.start;
    this.end = data.end;
    this.textAt = data.textAt;
    if (data.depth !== undefined) this.depth = data.depth;
    if (data.span) this.span = data.span;
    this.#lineStarts = lineStarts;
  }

  /** A block from what block extraction collected: its text, the parser's points and its segments. */
  static create(
    fields: { index: number; kind: BlockKind; text: string; start: PointLike; end: PointLike; segments: TextSegment[]; depth?: number },
    source: string,
    lineStarts: number[],
  ): SourceBlock {
    const { text, segments } = fields;
    const start = fields.start.offset ?? 0;
    const end = fields.end.offset ?? 0;
    const one = segments.length === 1 ? segments[0]! : undefined;
    const standing = one !== undefined && one.at === 0 && one.length === text.length && source.startsWith(text, one.offset);
    const data: BlockData = {
      index: fields.index,
      kind: fields.kind,
      text: standing ? source.slice(one.offset, one.offset + text.length) : text,
      start,
      end,
      // A copy without the spare room an array grown by `push` keeps.
      textAt: standing ? one.offset : segments.slice(),
    };
    if (fields.depth !== undefined) data.depth = fields.depth;
    if (!samePoint(pointAt(lineStarts, start), fields.start) || !samePoint(pointAt(lineStarts, end), fields.end)) {
      data.span = { start: { line: fields.start.line, column: fields.start.column, offset: start }, end: { line: fields.end.line, column: fields.end.column, offset: end } };
    }
    return new SourceBlock(data, lineStarts);
  }

  /**
   * A block again from its data (from a worker or the cache), its text shared with the draft's.
   * `sliced`: the data's text is a slice of `source` already, or stands nowhere in it (a cache
   * entry's, see engine/cache.ts `unpackBlocks`), and is taken as it is.
   */
  static revive(data: BlockData, source: string, lineStarts: number[], sliced = false): SourceBlock {
    const block = new SourceBlock(data, lineStarts);
    // (Set on the block, not on a copy of `data`: a rerun revives every block of every draft.)
    const at = data.textAt;
    if (!sliced && typeof at === 'number' && source.startsWith(data.text, at)) block.text = source.slice(at, at + data.text.length);
    return block;
  }

  get position(): Span {
    return this.span ?? { start: pointAt(this.#lineStarts, this.start), end: pointAt(this.#lineStarts, this.end) };
  }

  get segments(): TextSegment[] {
    return typeof this.textAt === 'number' ? [{ at: 0, offset: this.textAt, length: this.text.length }] : this.textAt;
  }
}

function samePoint(a: Point, b: PointLike): boolean {
  return a.line === b.line && a.column === b.column;
}
