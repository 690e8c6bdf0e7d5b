/**
 * The diff of a member against its canonical version, block by block, from the alignment:
 * equal and replaced blocks, blocks only the member has (insert) and blocks it lacks
 * (delete). Replaced blocks in the same language carry a word-level diff for the report;
 * Chinese is split into words with `Intl.Segmenter`, which `diffWords` accepts.
 */
import { diffWords } from 'diff';
import type { AlignedPair, DiffPart, Document } from '../types.js';

type WordOp = NonNullable<DiffPart['words']>[number];

const segmenters = new Map<string, Intl.Segmenter>();

export function diffParts(member: Document, canonical: Document, pairs: readonly AlignedPair[]): DiffPart[] {
  return pairs.map((pair): DiffPart => {
    if (pair.member === null) return { op: 'delete', canonical: pair.canonical! };
    if (pair.canonical === null) return { op: 'insert', member: pair.member };
    const a = canonical.blocks[pair.canonical]!;
    const b = member.blocks[pair.member]!;
    if (a.text === b.text) return { op: 'equal', canonical: pair.canonical, member: pair.member };
    const part: DiffPart = { op: 'replace', canonical: pair.canonical, member: pair.member };
    const langA = canonical.language.blocks[pair.canonical];
    const langB = member.language.blocks[pair.member];
    if (langA !== undefined && langA === langB) part.words = wordDiff(a.text, b.text, langA);
    return part;
  });
}

/** Word-level diff from the canonical text to the member text. */
export function wordDiff(from: string, to: string, lang: string): WordOp[] {
  const changes = diffWords(from, to, segmenterOptions(lang));
  const out: WordOp[] = [];
  for (const c of changes) {
    const op: WordOp['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else out.push({ op, text: c.value });
  }
  return out;
}

/** Languages written without spaces get a dictionary-based word segmenter. */
function segmenterOptions(lang: string): { intlSegmenter?: Intl.Segmenter } {
  const locale = { cmn: 'zh', zho: 'zh', yue: 'zh', jpn: 'ja', tha: 'th', khm: 'km', lao: 'lo', mya: 'my' }[lang];
  if (!locale) return {};
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return { intlSegmenter: s };
}
