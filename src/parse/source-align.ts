/**
 * Maps a text node's value back onto the characters of the file it came from.
 *
 * A parser gives each text node one source range, but the value is not always the source
 * sliced: character references are decoded (`&amp;` → `&`), backslash escapes dropped
 * (`\*` → `*`), a blockquote's `> ` or a list item's indent left out of continuation lines, and
 * HTML whitespace collapsed. Reading such a value as if it stood in the file puts every
 * position after the first difference a few columns off. No parser exposes the mapping per
 * character (mdast and hast keep positions per node), so it is rebuilt here by walking value
 * and source side by side; the walk is linear in their lengths.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { TextSegment } from '../types.js';

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/y;
const SPACE = /\s/u;
/** How far ahead a character missing from the source is looked for before it is left unmapped. */
const RESYNC_WINDOW = 64;

/** The character(s) a character reference at `j` stands for, and its length in the source. */
function referenceAt(source: string, j: number): { value: string; length: number } | undefined {
  REFERENCE.lastIndex = j;
  const m = REFERENCE.exec(source);
  if (!m) return undefined;
  let value: string | false = false;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number.parseInt(m[2]!, 10);
    value = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : false;
  } else value = decodeNamedCharacterReference(m[3]!);
  return value === false ? undefined : { value, length: m[0].length };
}

/**
 * Segments placing `value` (appended to a block's text at `at`) in `source`, the file's text
 * from `offset` on (the node's source range). Runs of characters that stand as they read
 * become one segment; a decoded reference maps to where it starts; whitespace runs match
 * whitespace runs; a character found nowhere near is left unmapped (it takes the position of
 * the character before it).
 */
export function alignToSource(value: string, source: string, offset: number, at: number): TextSegment[] {
  const out: TextSegment[] = [];
  const map = (i: number, j: number, length: number): void => {
    const last = out[out.length - 1];
    if (last && last.at + last.length === at + i && last.offset + last.length === offset + j) last.length += length;
    else out.push({ at: at + i, offset: offset + j, length });
  };
  let i = 0;
  let j = 0;
  while (i < value.length && j < source.length) {
    const v = value[i]!;
    const s = source[j]!;
    const ref = s === '&' ? referenceAt(source, j) : undefined;
    if (ref && value.startsWith(ref.value, i)) {
      map(i, j, 1);
      i += ref.value.length;
      j += ref.length;
    } else if (v === s) {
      map(i, j, 1);
      i++;
      j++;
    } else if (SPACE.test(v) && SPACE.test(s)) {
      map(i, j, 1);
      while (i < value.length && SPACE.test(value[i]!)) i++;
      while (j < source.length && SPACE.test(source[j]!)) j++;
    } else if (s === '\\' && source[j + 1] === v) {
      j++;
    } else if (SPACE.test(s)) {
      j++;
    } else {
      // Markup the value leaves out (a blockquote's `>`, a list marker): skip to the next place
      // the character stands, or leave it unmapped when it stands nowhere near.
      const next = source.indexOf(v, j + 1);
      if (next !== -1 && next - j <= RESYNC_WINDOW) j = next;
      else i++;
    }
  }
  return out;
}
