/**
 * Invisible characters: zero-width spaces and joiners, the word joiner, soft hyphens, stray
 * byte-order marks and bidirectional controls. A reader does not see them, but they split
 * "600 mg" or "magnesium" for a program, and bidi controls can make text read in another
 * order than it is stored. Blocks are read without them (parse/blocks.ts), the
 * `artifact/invisible-char` rule reports them and the cleaner drops them.
 *
 * A zero-width joiner between two emoji is kept: it is part of the emoji sequence (👩‍⚕️).
 */

/** The invisible characters, one code unit each. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const INVISIBLE_G = new RegExp(INVISIBLE.source, 'gu');
const ZWJ = 0x200d;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may stand between an emoji and a joiner: variation selector 16, skin-tone modifiers. */
const EMOJI_TAIL = /[\ufe0f\u{1f3fb}-\u{1f3ff}]/u;

/** Names of the invisible characters, for messages. */
const NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space (byte-order mark)',
};

export function invisibleName(code: number): string {
  return NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Bidirectional controls: text around them may read in another order than it is stored. */
export function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** Whether `text` holds any invisible character (a quick test before the scan). */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** Whether the invisible character at `i` of `text` is to be dropped (all but a joiner inside an emoji sequence). */
export function isDroppedAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== ZWJ) return true;
  return !(emojiBefore(text, i) && emojiAfter(text, i + 1));
}

/** Offsets of the invisible characters of `text[from, to)` that are dropped, in order. */
export function invisibleOffsets(text: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  INVISIBLE_G.lastIndex = from;
  for (let m = INVISIBLE_G.exec(text); m && m.index < to; m = INVISIBLE_G.exec(text)) if (isDroppedAt(text, m.index)) out.push(m.index);
  return out;
}

/** `text` without its dropped invisible characters. */
export function withoutInvisible(text: string): string {
  if (!hasInvisible(text)) return text;
  return text.replace(INVISIBLE_G, (c, i: number) => (isDroppedAt(text, i) ? '' : c));
}

function emojiBefore(text: string, end: number): boolean {
  let i = end;
  for (;;) {
    const cp = text.codePointAt(i - 1);
    if (cp === undefined || i <= 0) return false;
    // A low surrogate: the code point starts one unit earlier.
    const start = cp >= 0xdc00 && cp <= 0xdfff && i >= 2 ? i - 2 : i - 1;
    const ch = String.fromCodePoint(text.codePointAt(start)!);
    if (EMOJI_TAIL.test(ch)) {
      i = start;
      continue;
    }
    return PICTOGRAPHIC.test(ch);
  }
}

function emojiAfter(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  return cp !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(cp));
}
