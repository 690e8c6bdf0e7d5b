/**
 * Sentences of a block's text, as ranges, for every stage that reads sentences (language
 * switches, citations, doses, the cleaner): one splitter, so a sentence is the same span
 * to every rule. A sentence ends at ". ", "! ", "? ", "… " (a capital, a digit, a CJK
 * character or the end after it) or at "。", "！", "？", "．"; a citation marker written right
 * after the full stop ("… sleep.[3] Next") stays with the sentence it cites. Abbreviations,
 * initials, decimals and a stop followed by a lower-case word do not end a sentence.
 */

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'e.g i.e etc al vs approx ca cf dr mr mrs ms prof st fig figs vol pp ed eds jr sr inc incl ltd resp'.split(' '),
);
const CLOSERS = /["'”’)）\]］」』]/u;
/** A bracketed, parenthesised or superscript marker written after the full stop (sticky: tried where the stop's closers end). */
const TRAILING_MARKER = /(?:\[\s*\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\s*\]|\(\s*\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\s*\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,˒⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)/uy;
/** A character that may end a sentence; the loop below jumps from one to the next. */
const STOP = /[.!?…。！？．]/g;
/** What may follow a Latin stop that ends a sentence. */
const SPACE_OR_CJK = /[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const NON_SPACE = /\S/gu;

/** Sentence ranges of `text`; `keep` are ranges never cut (markers, links). */
export function sentences(text: string, keep: Range[] = []): Range[] {
  const out: Range[] = [];
  const sorted = keep.length === 0 ? keep : [...keep].sort((a, b) => a.start - b.start);
  let from = 0;
  let i = nextStop(text, 0);
  while (i >= 0) {
    // A stop inside a kept range does not count: the search resumes at the range's end.
    const inside = sorted.length === 0 ? undefined : sorted.find((r) => i >= r.start && i < r.end);
    if (inside) {
      i = nextStop(text, inside.end);
      continue;
    }
    const c = text[i]!;
    const cjk = c === '。' || c === '！' || c === '？' || c === '．';
    let j = i + 1;
    while (j < text.length && CLOSERS.test(text[j]!)) j++;
    // Markers right after the stop belong to this sentence.
    for (;;) {
      const r = sorted.length === 0 ? undefined : sorted.find((k) => k.start === j);
      let written: RegExpExecArray | null = null;
      if (!r) {
        TRAILING_MARKER.lastIndex = j;
        written = TRAILING_MARKER.exec(text);
      }
      if (!r && !written) break;
      j = r ? r.end : j + written![0].length;
      while (j < text.length && CLOSERS.test(text[j]!)) j++;
    }
    if (!cjk && ((j < text.length && !SPACE_OR_CJK.test(text[j]!)) || (c === '.' && !endsSentence(text, i, j)))) {
      i = nextStop(text, i + 1);
      continue;
    }
    push(out, text, from, j);
    from = j;
    i = nextStop(text, j);
  }
  push(out, text, from, text.length);
  return out;
}

/** Index of the first stop character at or after `from`, or -1. */
function nextStop(text: string, from: number): number {
  STOP.lastIndex = from;
  return STOP.exec(text)?.index ?? -1;
}

function push(out: Range[], text: string, from: number, to: number): void {
  const piece = text.slice(from, to);
  const lead = piece.length - piece.trimStart().length;
  const trail = piece.length - piece.trimEnd().length;
  if (piece.trim() !== '') out.push({ start: from + lead, end: to - trail });
}

/** Whether the full stop at `i` (sentence continuing at `j`) ends a sentence. */
function endsSentence(text: string, i: number, j: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // An initial: "J. Smith".
  if (/^\p{Lu}$/u.test(word)) return false;
  NON_SPACE.lastIndex = j;
  const next = NON_SPACE.exec(text);
  // A lower-case word after the stop continues the sentence.
  if (next && /\p{Ll}/u.test(next[0])) return false;
  return true;
}
