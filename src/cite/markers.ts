/**
 * Citation markers in one block of text: numbers in parentheses or brackets, superscript
 * digits, links, and placeholders that name no source.
 *
 * Numbers in parentheses are the ambiguous case: "(2016)" is a year, "(65+)" an age band,
 * "(1 oz)" a serving. A parenthesised group counts as a citation when it is padded the way
 * the drafts write markers ("( 4 )", "( 1 , 2 )"), when it lists several numbers ("(1, 2)"),
 * or when a lone unpadded number closes a clause ("… sleep (3).") or follows the full stop
 * ("… sleep.(3) Next"). Numbers have one to
 * three digits, so a year never passes. Brackets are always markers, except a label
 * opening the block ("[1] Smith J …" is an entry, not a citation).
 */
import type { BlockLink } from './links.js';
import type { Marker, MarkerItem, MarkerStyle } from './types.js';

/** A marker found in a block's text, before it is placed in the file (no block, no span yet). */
export type TextMarker = Omit<Marker, 'block' | 'span'>;

export interface ScanOptions {
  /** Table cells hold figures, so only padded and bracketed groups count there. */
  tableCell?: boolean;
}

// The marker regexes are global and run with exec loops from lastIndex 0 (none can match
// empty text), which is what matchAll does without cloning the regex on every call.
const PAREN = /[(（]([^()（）\n]{1,80})[)）]/gu;
const BRACKET = /[[［【]([^[\]［］【】\n]{1,80})[\]］】]/gu;
const SUP_TAG = /<sup>([^<]{1,40})<\/sup>/giu;
/** A Markdown footnote's label that is no number ("[^smith-2019]"). */
const FOOTNOTE_NAME = /^[\p{L}\p{N}_-]{1,40}$/u;
const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,˒⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/gu;
const PLACEHOLDER_WORDS =
  'citation needed|source needed|needs citation|reference needed|ref needed|citation\\?|source\\?|ref\\??|refs|citation|sources?|link|cite|来源请求|需要来源|需要引用|需要引證|来源|來源|链接|出处|出處';
/**
 * A placeholder word in brackets, question marks in square brackets ("[?]": the source is
 * still to find), or a list of citations whose numbers a copy stripped, its separators left
 * ("(, )", "[ , , ]").
 */
const PLACEHOLDER = new RegExp(`[(（\\[［【]\\s*(?:${PLACEHOLDER_WORDS})\\s*[)）\\]］】]|[\\[［【]\\s*\\?{1,3}\\s*[\\]］】]|[(（\\[［]\\s*[,，、](?:\\s*[,，、;；])*\\s*[)）\\]］]`, 'giu');
const PLACEHOLDER_WORD = new RegExp(`^\\s*[(（\\[［【]?\\s*(?:${PLACEHOLDER_WORDS})\\s*[)）\\]］】]?\\s*$`, 'iu');
/** A clause or sentence ends right after a lone "(3)" (sticky: tried at the ")"'s end). */
const CLOSES_CLAUSE = /\s*(?:[.。!！?？;；:：,，]|$)/uy;
/** A sentence stop a citation may follow with no space ("….(1)"). */
const AFTER_STOP = /[.!?。！？]/u;
/** A letter or digit right after a ")": the group opens an item ("(2)妊娠期"), it does not close one. */
const ITEM_START = /[\p{L}\p{N}]/u;
const ITEM = /\s*(\d{1,3})(?:\s*[-–—‐−]\s*(\d{1,3}))?\s*(?:[,，、;；]|$)/gy;
const ITEM_SEPARATOR_END = /[,，、;；]$/u;
/** Three or more numbers joined by full stops: "1.2.3" (two, "1.5", may be a section or a decimal). */
const DOTTED_LIST = /^\s*\d{1,3}(?:\.\d{1,3}){2,}\s*$/u;
const DANGLING_SEPARATOR = /[,，、;；]\s*$/u;
const STARTS_WITH_SPACE = /^\s/;
const ENDS_WITH_SPACE = /\s$/;
const BRACKETED = /^\s*\[(.*)\]\s*$/u;
const SUPER_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Longest range a marker may expand to ("[1–40]"); longer ones are not citations. */
const MAX_RANGE = 50;

/** Whether a sentence stop stands right before `at` ("….(1)": a citation may follow it with no space). */
export function followsStop(text: string, at: number): boolean {
  return at > 0 && AFTER_STOP.test(text[at - 1]!);
}

/** Numbers and ranges inside a marker group: "1 , 2 , 3", "1–3", "4, 7-9". */
export function parseMarkerList(inner: string, base = 0): MarkerItem[] | undefined {
  // A count with a thousands separator ("(3,562)" participants) is a number, not two citations.
  if (THOUSANDS.test(inner)) return undefined;
  const items: MarkerItem[] = [];
  let at = 0;
  while (at < inner.length) {
    ITEM.lastIndex = at;
    const m = ITEM.exec(inner);
    if (!m || m[0].length === 0) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to - from > MAX_RANGE) return undefined;
    if (m[1]!.charCodeAt(0) === 48 || (m[2] !== undefined && m[2].charCodeAt(0) === 48)) return undefined; // a leading "0"
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim().replace(ITEM_SEPARATOR_END, '').trimEnd();
    items.push({ from, to, start: base + at + lead, end: base + at + lead + body.length });
    at = ITEM.lastIndex;
    if (DANGLING_SEPARATOR.test(m[0]) && at >= inner.length) return undefined;
  }
  return items.length > 0 ? items : undefined;
}

/** One number written with thousands separators and nothing else: "3,562", "12,400". */
const THOUSANDS = /^\s*[1-9]\d{0,2}(?:,\d{3})+\s*$/u;

/** A number glued to the label of a link the copy lost: "33Trusted Source". */
const LINK_LABELLED = /^([1-9]\d{0,2})\s*Trusted\s+Source$/u;

/** An endnote's number in lower-case roman numerals, i to xxxix. */
const ROMAN = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/;

export function numbersOf(items: MarkerItem[]): number[] {
  const set = new Set<number>();
  for (const it of items) for (let n = it.from; n <= it.to; n++) set.add(n);
  return [...set].sort((a, b) => a - b);
}

/** Bits of `openers`: which characters that can open a marker a text holds. */
const HAS_PAREN = 1;
const HAS_BRACKET = 2;
const HAS_ANGLE = 4;
const HAS_SUPERSCRIPT = 8;

/** Any character that can open a marker (all in the BMP, so no `u` flag is needed). */
const OPENER = /[(（[［【<⁰¹²³⁴⁵⁶⁷⁸⁹]/g;

/**
 * Which marker-opening characters `text` holds: "(" "（" / "[" "［" "【" / "<" / superscript
 * digits. Every marker regex below must start on one of them, so a regex whose openers are
 * absent cannot match and is not run (most blocks hold no marker at all). One regex pass
 * over the text is cheaper than a test per kind or a charCodeAt loop.
 */
function openers(text: string): number {
  let found = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(text); m !== null; m = OPENER.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c === 0x28 || c === 0xff08) found |= HAS_PAREN;
    else if (c === 0x5b || c === 0xff3b || c === 0x3010) found |= HAS_BRACKET;
    else if (c === 0x3c) found |= HAS_ANGLE;
    else found |= HAS_SUPERSCRIPT;
  }
  return found;
}

/** Whether [s, e) overlaps the visible text of a link. */
function inLink(visible: BlockLink[], s: number, e: number): boolean {
  for (const l of visible) if (s < l.end && e > l.start) return true;
  return false;
}

/** Every citation marker in `text`, in text order. `links` are the block's links. */
export function scanMarkers(text: string, links: BlockLink[] = [], options: ScanOptions = {}): TextMarker[] {
  const out: TextMarker[] = [];
  const visible = links.length === 0 ? links : links.filter((l) => l.end > l.start);
  for (const link of visible) out.push(linkMarker(text, link));

  const has = openers(text);
  if (has === 0) return out.length > 1 ? keepOuter(out) : out;

  if (has & (HAS_PAREN | HAS_BRACKET)) {
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(text); m !== null; m = PLACEHOLDER.exec(text)) {
      if (inLink(visible, m.index, m.index + m[0].length)) continue;
      out.push(placeholder(m.index, m[0]));
    }
  }

  if (has & HAS_PAREN) {
    PAREN.lastIndex = 0;
    for (let m = PAREN.exec(text); m !== null; m = PAREN.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (inLink(visible, s, e)) continue;
      const inner = m[1]!;
      // A source's number glued to the label of its lost link ("(33Trusted Source)", as one
      // health site prints every citation): a marker wherever it stands.
      const labelled = LINK_LABELLED.exec(inner);
      if (labelled) {
        out.push(numeric('paren', s, m[0], [{ from: Number(labelled[1]), to: Number(labelled[1]), start: s + 1, end: s + 1 + labelled[1]!.length }]));
        continue;
      }
      const items = parseMarkerList(inner, s + 1);
      if (!items) continue;
      const padded = STARTS_WITH_SPACE.test(inner) && ENDS_WITH_SPACE.test(inner);
      const several = items.length > 1;
      if (!padded && !several) {
        // A lone unpadded number or short range: only where it closes a clause, never in a table.
        const only = items[0]!;
        if (options.tableCell || s === 0 || only.to - only.from > 20) continue;
        CLOSES_CLAUSE.lastIndex = e;
        // "… by three days.(1) Next …": right after the full stop it cites the sentence before;
        // glued to the words after it ("…如下。(2)妊娠期…") it numbers the next item of a list.
        if (!CLOSES_CLAUSE.test(text) && !(followsStop(text, s) && !ITEM_START.test(text[e] ?? ''))) continue;
      }
      out.push(numeric('paren', s, m[0], items));
    }
  }

  if (has & HAS_BRACKET) {
    BRACKET.lastIndex = 0;
    for (let m = BRACKET.exec(text); m !== null; m = BRACKET.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (inLink(visible, s, e)) continue;
      // A label opening the block is an entry number, and "[1](…)" is link syntax left as text.
      if (s === 0 && text.slice(e).trim() !== '') continue;
      if (text[e] === '(') continue;
      // A volume's issue glued to it, its pages after ("Nutrients 7[1]: 12-20"), numbers no source.
      if (s > 0 && /\d/u.test(text[s - 1]!) && /^\s*[:：]\s*\d/u.test(text.slice(e, e + 6))) continue;
      // A Markdown footnote's mark ("[^3]", "[^smith]"): its number cites the entry of that
      // label; a named one cites its note as an endnote does.
      const footnote = m[1]!.startsWith('^');
      const raw = footnote ? m[1]!.slice(1) : m[1]!;
      // Numbers joined by full stops inside brackets ("[1.2.3]") list sources as commas do;
      // in parentheses "(1.5)" is a decimal, so only brackets read them so.
      const inner = DOTTED_LIST.test(raw) ? raw.replaceAll('.', ',') : raw;
      const items = footnote && !/^\d{1,3}$/u.test(inner) ? undefined : parseMarkerList(inner, s + 1 + (footnote ? 1 : 0));
      if (items) out.push(numeric('bracket', s, m[0], items));
      else if (ROMAN.test(inner) || (footnote && FOOTNOTE_NAME.test(inner))) out.push(endnote(s, m[0]));
    }
  }

  if (has & HAS_ANGLE) {
    SUP_TAG.lastIndex = 0;
    for (let m = SUP_TAG.exec(text); m !== null; m = SUP_TAG.exec(text)) {
      const s = m.index;
      if (inLink(visible, s, s + m[0].length)) continue;
      const inner = m[1]!;
      // ("I<sup>2</sup>", "m<sup>2</sup>", "10<sup>6</sup>": a statistic's or a unit's power, as for superscript digits.)
      if (!superscriptIsMarker(text, s)) continue;
      const open = '<sup>'.length;
      const bracketed = BRACKETED.exec(inner);
      const items = bracketed
        ? parseMarkerList(bracketed[1]!, s + open + inner.indexOf('[') + 1)
        : parseMarkerList(inner, s + open);
      if (items) out.push(numeric('superscript', s, m[0], items));
      else if (ROMAN.test(inner)) out.push(endnote(s, m[0]));
    }
  }

  if (has & HAS_SUPERSCRIPT) {
    SUPERSCRIPT.lastIndex = 0;
    for (let m = SUPERSCRIPT.exec(text); m !== null; m = SUPERSCRIPT.exec(text)) {
      const s = m.index;
      if (!superscriptIsMarker(text, s)) continue;
      const items = superscriptItems(m[0], s);
      if (items) out.push(numeric('superscript', s, m[0], items));
    }
  }

  return out.length > 1 ? withoutEnumerators(text, keepOuter(out)) : out;
}

/** A word or mark that opens the items of a list run into a sentence: "… not sure if [1] …, and [2] …". */
const ENUM_BEFORE = /(?:\b(?:if|whether|and|or|either|both|that)|[:：,，])\s+$/iu;
const ENUM_AFTER = /^\s+\p{Ll}/u;

/**
 * `out` without the numbers in brackets that count the items of a list run into a sentence
 * ("Scientists are not sure if [1] diabetes lowers it, or … and [2] seizures …"): each stands
 * after a word that opens an item and before the item's first word, and they count 1, 2, …
 */
function withoutEnumerators(text: string, out: TextMarker[]): TextMarker[] {
  const items = out.filter(
    (m) => m.style === 'bracket' && m.numbers.length === 1 && ENUM_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) && ENUM_AFTER.test(text.slice(m.end, m.end + 3)),
  );
  if (items.length < 2 || !items.every((m, k) => m.numbers[0] === k + 1)) return out;
  return out.filter((m) => !items.includes(m));
}

/** Markers sorted by start; a bracket inside a parenthesised group ("( [1] )") or any overlap keeps the outer marker. */
function keepOuter(out: TextMarker[]): TextMarker[] {
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextMarker[] = [];
  for (const mk of out) {
    const last = kept[kept.length - 1];
    if (last && mk.start < last.end) continue;
    kept.push(mk);
  }
  return kept;
}

function numeric(style: MarkerStyle, start: number, text: string, items: MarkerItem[]): TextMarker {
  return { kind: 'numeric', style, start, end: start + text.length, text, numbers: numbersOf(items), items };
}

/** An endnote marker in roman numerals (see MarkerStyle): a citation with no number of the reference list. */
function endnote(start: number, text: string): TextMarker {
  return { kind: 'numeric', style: 'endnote', start, end: start + text.length, text, numbers: [], items: [] };
}

function placeholder(start: number, text: string): TextMarker {
  return { kind: 'placeholder', style: 'placeholder', start, end: start + text.length, text, numbers: [], items: [] };
}

/** A link is a numeric marker when its text is a number list, a placeholder when it has no target. */
function linkMarker(text: string, link: BlockLink): TextMarker {
  const shown = text.slice(link.start, link.end);
  const target = link.url.trim();
  const page = target !== '' && !target.startsWith('#') ? target : undefined;
  const bare = /^\s*[[(]?(.*?)[\])]?\s*$/su.exec(shown)![1]!;
  const lead = shown.indexOf(bare);
  const items = parseMarkerList(bare, link.start + Math.max(0, lead));
  const base = { start: link.start, end: link.end, text: shown };
  if (items) {
    const mk: TextMarker = { kind: 'numeric', style: 'link', ...base, numbers: numbersOf(items), items };
    if (page) mk.url = page;
    return mk;
  }
  if (target === '' || target === '#') {
    if (PLACEHOLDER_WORD.test(shown)) return { kind: 'placeholder', style: 'placeholder', ...base, numbers: [], items: [] };
  }
  return { kind: 'link', style: 'link', ...base, numbers: [], items: [], url: target };
}

/**
 * Superscript digits cite after a word or closing punctuation; after a digit they are an
 * exponent ("10³") and after a one- or two-letter unit or statistic a power ("m²", "cm³",
 * "I²"), though not after "et al".
 */
function superscriptIsMarker(text: string, at: number): boolean {
  if (at === 0) return false;
  const prev = text[at - 1]!;
  if (/\d/.test(prev)) return false;
  if (/[.,;:!?)\]"'”’。，；：！？）]/u.test(prev)) return true;
  if (!/\p{L}/u.test(prev)) return false;
  if (!/\p{Script=Latin}/u.test(prev)) return true;
  const before = text.slice(Math.max(0, at - 40), at);
  const word = /\p{Script=Latin}+$/u.exec(before)![0];
  return word.length >= 3 || /\bet\s+al$/u.test(before);
}

function superscriptItems(raw: string, base: number): MarkerItem[] | undefined {
  const plain = [...raw].map((c) => {
    const d = SUPER_DIGITS.indexOf(c);
    if (d >= 0) return String(d);
    return c === '⁻' ? '-' : c === '˒' ? ',' : c;
  });
  // Superscript digits are single UTF-16 units, so indices carry over one to one.
  return parseMarkerList(plain.join(''), base);
}

/**
 * "¹²³" reads as 123 or as 1, 2, 3. With a reference list shorter than the number, a run
 * of rising single digits each within the list cites them one by one.
 */
export function splitSuperscriptRun(marker: TextMarker, entries: number): TextMarker {
  if (marker.style !== 'superscript' || entries === 0 || !/^[⁰¹²³⁴⁵⁶⁷⁸⁹]{2,}$/u.test(marker.text)) return marker;
  if (marker.numbers[0]! <= entries) return marker;
  const digits = [...marker.text].map((c) => SUPER_DIGITS.indexOf(c));
  const rising = digits.every((d, k) => d >= 1 && d <= entries && (k === 0 || d > digits[k - 1]!));
  if (!rising) return marker;
  const items = digits.map((d, k) => ({ from: d, to: d, start: marker.start + k, end: marker.start + k + 1 }));
  return { ...marker, items, numbers: numbersOf(items) };
}
