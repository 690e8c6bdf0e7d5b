/**
 * The skeleton of a cleaned article: its Markdown with the text of each plain paragraph and
 * heading replaced by a placeholder of as many lines. The report renders the article from it
 * (report/html/markdown.ts): parsing Markdown is most of the rendering's cost, and most of an
 * article's text is plain prose that the parser would give back as it is.
 *
 * A block is *inert* when its text can start no Markdown construct of CommonMark or GFM,
 * inline or block: no character that opens one (`\ ` * _ ~ [ ] < > & | @`, a tab, a control
 * character), no address GFM links by itself (`://`, `www.`, `mailto:`), no line that starts
 * with what starts a block or a table's delimiter row (`#`, `+`, `-`, `=`, `:`, `1.`, `1)`, a
 * space) nor ends with a space (a hard break, or a space the parser drops), and no empty line.
 * The parser reads such a paragraph, wherever it stands, as one text node holding exactly its
 * text, line ends included (a container's indentation in front of each line is the
 * container's); a heading's text, one line without `#`, likewise. A placeholder line is
 * inert too, so the rest of the Markdown parses the same around it.
 */

/** Starts a placeholder: its block's index (base 36) follows, then the end of the line. */
export const MARK = '\uE000';
/** Stands for each further line of a placeholder's paragraph. */
export const MORE = '\uE001';

/** The text of a block the skeleton holds a placeholder for. */
export interface InertBlock {
  kind: 'paragraph' | 'heading';
  /** The block's text as the Markdown holds it (a paragraph's lines without their container's indentation). */
  text: string;
}

/** A cleaned article's skeleton: `markdown` with each of `blocks` put back is the article's Markdown. */
export interface Skeleton {
  markdown: string;
  blocks: InertBlock[];
}

/** A character that may open a construct, a control character, or one of the placeholders' own. */
const OPENS = /[\\`*_~[\]<>&|@\u0000-\u0009\u000b-\u001f\u007f\uE000\uE001]|:\/\/|www\.|mailto:|xmpp:/i;
/** What may start a block (or a table's delimiter row) at the start of a line, or a space at either end of one. */
const LINE_EDGE = /(?:^|\n)(?:[ #+=:-]|\d+[.)]|\n|$)| (?:\n|$)/;

/** Whether the parser reads `text`, as the whole of a paragraph or heading (`kind`), as one text node of exactly `text`. */
export function isInert(kind: InertBlock['kind'], text: string): boolean {
  if (text === '' || OPENS.test(text) || LINE_EDGE.test(text)) return false;
  return kind === 'paragraph' || !/[#\n]/.test(text);
}

/** The placeholder of the `index`th inert block, whose text is `text`: as many lines as the text. */
export function placeholder(index: number, text: string): string {
  return MARK + index.toString(36) + `\n${MORE}`.repeat(lineEnds(text));
}

/** The number of line ends in `text`. */
export function lineEnds(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * The index of the block whose placeholder `value` is, when `value` is exactly the
 * placeholder of a block of `blocks` (its index and its number of lines); else undefined.
 */
export function placeholderIndex(value: string, blocks: readonly InertBlock[]): number | undefined {
  if (value.charCodeAt(0) !== 0xe000) return undefined;
  const end = value.indexOf('\n');
  const digits = end === -1 ? value.slice(1) : value.slice(1, end);
  if (!/^[0-9a-z]+$/.test(digits)) return undefined;
  const index = Number.parseInt(digits, 36);
  const block = blocks[index];
  return block !== undefined && index.toString(36) === digits && value === placeholder(index, block.text) ? index : undefined;
}

const MARKS = /\uE000([0-9a-z]+)|\uE001/g;

/**
 * The Markdown of a skeleton: each placeholder line replaced by its block's line. Each
 * placeholder stands in order, each of its lines at the end of a line of the skeleton; undefined
 * when the skeleton holds a mark that is not one of its placeholders' (the text had one).
 */
export function fill(skeleton: string, blocks: readonly InertBlock[]): string | undefined {
  const out: string[] = [];
  let last = 0;
  let next = 0;
  let lines = [''];
  let line = 0;
  for (const m of skeleton.matchAll(MARKS)) {
    const end = m.index + m[0].length;
    if (end < skeleton.length && skeleton.charCodeAt(end) !== 10) return undefined;
    out.push(skeleton.slice(last, m.index));
    if (m[1] !== undefined) {
      if (line !== lines.length - 1 || m[1] !== next.toString(36) || next >= blocks.length) return undefined;
      lines = blocks[next++]!.text.split('\n');
      line = 0;
    } else if (++line >= lines.length) {
      return undefined;
    }
    out.push(lines[line]!);
    last = end;
  }
  if (next !== blocks.length || line !== lines.length - 1) return undefined;
  out.push(skeleton.slice(last));
  return out.join('');
}
