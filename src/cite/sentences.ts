/**
 * Sentences of a block's text, as ranges. A sentence ends at ". ", "! ", "? " (a capital,
 * a digit or the end after it) or at "。", "！", "？"; a citation marker written right after
 * the full stop ("… sleep.[3] Next") stays with the sentence it cites. Abbreviations,
 * initials and decimals do not end a sentence.
 */

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'e.g i.e etc al vs approx ca cf dr mr mrs ms prof st fig figs vol eds jr sr inc ltd'.split(' '),
);
const CLOSERS = /["'”’)）\]］」』]/u;
/** A bracketed or superscript marker written after the full stop. */
const TRAILING_MARKER = /^(?:\[\s*\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\s*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,˒⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)/u;

/** Sentence ranges of `text`; `keep` are ranges never cut (markers, links). */
export function sentences(text: string, keep: Range[] = []): Range[] {
  const out: Range[] = [];
  const sorted = [...keep].sort((a, b) => a.start - b.start);
  const insideKeep = (i: number) => sorted.find((r) => i >= r.start && i < r.end);
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const inside = insideKeep(i);
    if (inside) {
      i = inside.end - 1;
      continue;
    }
    const c = text[i]!;
    const cjk = c === '。' || c === '！' || c === '？';
    if (!cjk && c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && CLOSERS.test(text[j]!)) j++;
    // Markers right after the stop belong to this sentence.
    for (;;) {
      const r = sorted.find((k) => k.start === j);
      const written = r ? undefined : TRAILING_MARKER.exec(text.slice(j));
      if (!r && !written) break;
      j = r ? r.end : j + written![0].length;
      while (j < text.length && CLOSERS.test(text[j]!)) j++;
    }
    if (!cjk) {
      if (j < text.length && !/[\s\p{Script=Han}]/u.test(text[j]!)) continue;
      if (c === '.' && !endsSentence(text, i, j)) continue;
    }
    push(out, text, from, j);
    from = j;
    i = j - 1;
  }
  push(out, text, from, text.length);
  return out;
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
  const next = /\S/u.exec(text.slice(j));
  // A lower-case word after the stop continues the sentence.
  if (next && /\p{Ll}/u.test(next[0])) return false;
  return true;
}
