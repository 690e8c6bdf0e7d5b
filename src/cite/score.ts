/**
 * The evidence (`src/cite/evidence.ts`) of each marker found in one block: how it is
 * written, what closes after it, what stands before it, and whether it is one of a run of
 * enumerated items in its sentence. Kept apart from the weighing so the weights can be
 * read and tested as a table.
 */
import { type MarkerEvidence, NUMBER_WORD_BEFORE, markerScore } from './evidence.js';
import type { TextMarker } from './markers.js';
import { sentences } from './sentences.js';

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

export function evidenceOf(text: string, m: TextMarker, inEnumeration: boolean): MarkerEvidence {
  const inner = m.style === 'paren' ? m.text.slice(1, -1) : '';
  const after = text.slice(m.end, m.end + 8);
  return {
    style: m.style,
    padded: inner !== '' && /^\s/u.test(inner) && /\s$/u.test(inner),
    items: m.items.length,
    range: m.items.some((it) => it.to > it.from),
    closes: CLOSES_SENTENCE.test(after) ? 'sentence' : CLOSES_CLAUSE.test(after) ? 'clause' : 'none',
    numberWordBefore: m.style === 'paren' && NUMBER_WORD_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)),
    inEnumeration,
    opensBlock: m.style === 'paren' && text.slice(0, m.start).trim() === '',
  };
}

/** A lone, unpadded "(n)": the only kind of marker an enumeration is written with. */
function lone(m: TextMarker): boolean {
  return m.style === 'paren' && m.items.length === 1 && m.items[0]!.from === m.items[0]!.to && !/^[(（]\s/u.test(m.text);
}

/**
 * Indices of markers that are items of an enumeration: two or more lone "(n)" in one
 * sentence numbered one up from the last, starting at 1 or running three long.
 */
function enumerationRuns(text: string, found: TextMarker[]): Set<number> {
  const out = new Set<number>();
  const candidates = found.map((m, k) => [m, k] as const).filter(([m]) => lone(m));
  if (candidates.length < 2) return out;
  for (const s of sentences(text)) {
    const inside = candidates.filter(([m]) => m.start >= s.start && m.end <= s.end);
    let run: number[] = [];
    const flush = () => {
      const first = found[run[0]!]?.items[0]!.from;
      if (run.length >= 2 && (first === 1 || run.length >= 3)) for (const k of run) out.add(k);
      run = [];
    };
    for (const [m, k] of inside) {
      const n = m.items[0]!.from;
      const prev = run.length > 0 ? found[run[run.length - 1]!]!.items[0]!.from : undefined;
      if (prev !== undefined && n !== prev + 1) flush();
      run.push(k);
    }
    flush();
  }
  return out;
}
