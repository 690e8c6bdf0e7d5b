/**
 * The evidence (`src/cite/evidence.ts`) of each marker found in one block: how it is
 * written, what closes after it, what stands before it, and whether it is one of a run of
 * enumerated items in its sentence. Kept apart from the weighing so the weights can be
 * read and tested as a table.
 */
import { type MarkerEvidence, NUMBER_WORD_BEFORE, markerScore } from './evidence.js';
import { type TextMarker, followsStop } from './markers.js';
import { sentences } from '../sentences.js';

const CLOSES_SENTENCE = /^\s*(?:[.。!！?？]|$)/u;
const CLOSES_CLAUSE = /^\s*[;；:：,，、]/u;

/**
 * Score of each marker of `found` (same order); zero for markers that are not numbered
 * citations into the list (links to pages, placeholders), which therefore always stay.
 */
export function scoreMarkers(text: string, found: TextMarker[]): number[] {
  if (found.length === 0) return [];
  const enumerated = enumerationRuns(text, found);
  return found.map((m, k) => {
    if (m.kind !== 'numeric' || m.url !== undefined) return 0;
    return markerScore(evidenceOf(text, m, enumerated.has(k)));
  });
}

function evidenceOf(text: string, m: TextMarker, inEnumeration: boolean): MarkerEvidence {
  const inner = m.style === 'paren' ? m.text.slice(1, -1) : '';
  const after = text.slice(m.end, m.end + 8);
  return {
    style: m.style,
    padded: inner !== '' && /^\s/u.test(inner) && /\s$/u.test(inner),
    items: m.items.length,
    range: m.items.some((it) => it.to > it.from),
    // A marker right after the full stop ("… days.(1) Next") closes the sentence before it.
    closes: CLOSES_SENTENCE.test(after) || followsStop(text, m.start) ? 'sentence' : CLOSES_CLAUSE.test(after) ? 'clause' : 'none',
    numberWordBefore: m.style === 'paren' && NUMBER_WORD_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)),
    inEnumeration,
    opensBlock: m.style === 'paren' && text.slice(0, m.start).trim() === '',
    gluedToNumber: m.style === 'paren' && m.start > 0 && /\d/u.test(text[m.start - 1]!),
  };
}

/** A lone, unpadded "(n)" anywhere in the text, taken or not by the scanner ("(2) or" closes nothing). */
const LONE = /[(（](\d{1,3})[)）]/gu;

/**
 * Indices of markers that are items of an enumeration: two or more lone "(n)" in one
 * sentence numbered one up from the last, starting at 1 or running three long.
 */
function enumerationRuns(text: string, found: TextMarker[]): Set<number> {
  const out = new Set<number>();
  if (!found.some((m) => m.style === 'paren')) return out;
  const lone: Array<{ start: number; n: number }> = [];
  LONE.lastIndex = 0;
  for (let m = LONE.exec(text); m !== null; m = LONE.exec(text)) lone.push({ start: m.index, n: Number(m[1]) });
  if (lone.length < 2) return out;
  const starts = new Set<number>();
  for (const s of sentences(text)) {
    let run: Array<{ start: number; n: number }> = [];
    const flush = () => {
      if (run.length >= 2 && (run[0]!.n === 1 || run.length >= 3)) for (const r of run) starts.add(r.start);
      run = [];
    };
    for (const item of lone) {
      if (item.start < s.start || item.start >= s.end) continue;
      if (run.length > 0 && item.n !== run[run.length - 1]!.n + 1) flush();
      run.push(item);
    }
    flush();
  }
  found.forEach((m, k) => {
    if (m.style === 'paren' && starts.has(m.start)) out.add(k);
  });
  return out;
}
