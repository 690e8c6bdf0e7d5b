/**
 * lang/mt-artifact — traces a machine-translation step leaves inside a sentence:
 * a Latin word fragment glued to Chinese (`分钟eral`, from "mineral" read as "min" + "eral"),
 * two English words glued together (`andeating`), a Han character doubled where Chinese does
 * not reduplicate it (`镁镁`), a pinyin syllable a broken conversion glued after a character
 * (`醫(yī)生`: see src/lang/pinyin.ts), a term glossed in brackets by itself (`烟酸(烟酸)`). See src/lang/artifacts.ts and src/lang/doubled.ts for the tests.
 *
 * A glued-word candidate is reported only when
 * - it splits in one way only into two very common words ("and eating": high confidence), or
 *   the draft shows machine translation elsewhere: Han characters, a split word or a doubled
 *   character (low confidence: the split may be a word no list holds);
 * - it is not a word of the large dictionary (medical and scientific terms, names; a split
 *   into two very common words is checked against the general dictionaries only);
 * - it does not stand elsewhere in the draft as the same token (a term the author uses);
 * - it is not inside a code span.
 */
import type { Block, Document, DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan, pointAt, sourceOffset } from '../../position.js';
import { doubledCharacters, gluedWords, pinyinAnnotations, selfGlosses, splitWords, type Artifact } from '../../lang/artifacts.js';
import { isEnglishWord } from '../../lang/english-dictionary.js';
import { languageOfScript } from '../../lang/runs.js';
import { maskedRanges } from '../../lang/scan.js';
import { LATIN, languagesOfScript } from '../../lang/scripts.js';
import { ScopedTextMemo } from '../../text-memo.js';
import { append, firstAtOrAfter } from '../../collections.js';

export const mtArtifact: DocumentRule = {
  id: 'lang/mt-artifact',
  scope: 'document',
  meta: {
    description: 'Machine-translation artifact inside a sentence',
    defaultSeverity: 'warning',
    docs: 'A split word glued to Chinese (`分钟eral`), two English words run together (`andeating`), a doubled Chinese character (`镁镁`), a pinyin syllable a broken conversion left after a character (`醫(yī)生`) or a term glossed in brackets by itself (`烟酸(烟酸)`). `data.kind` names which; `data.expected` carries the repair where it is known ("and eating", "镁"), with `data.confidence` and `data.reason`. On a line of sure site debris (artifact/cms-leftover, reported whole) it is not reported: the debris finding stands for the line.',
    fix: 'Correct the fragment by hand: separate the glued words, remove the doubled character or the stray half-word, and read the sentence again as a whole.',
    example: 'You can get magnesium through drinking water andeating foods such as green vegetables.',
    fixable:
      'Glued words that split in one way only into two very common words, doubled characters neither copy of which belongs to a dictionary word, pinyin syllables inside a word or among others, and terms glossed by themselves are repaired; the others are reported only.',
  },
  check(doc, ctx) {
    const profile = doc.language;
    const latinIsEnglish = languageOfScript(profile, LATIN) === 'eng';
    const terms = JSON.stringify(ctx.config.allowedTerms);
    const [inEnglish, inOther] = [artifactsMemo.in(`eng ${terms}`), artifactsMemo.in(`other ${terms}`)];
    const found: Array<{ block: Block; a: Artifact }> = [];
    for (const block of doc.blocks) {
      if (block.kind === 'reference') continue;
      const lang = profile.blocks[block.index] ?? profile.primary;
      const english = lang === 'eng' || (!languagesOfScript(LATIN).includes(lang) && latinIsEnglish);
      for (const a of (english ? inEnglish : inOther).get(block.text, (text) => artifactsOf(text, english, ctx.config.allowedTerms))) {
        found.push({ block, a });
      }
    }
    const evidence = found.some(({ a }) => a.kind !== 'glued-words') || (found.length > 0 && HAN.test(doc.text));
    // A lone syllable is sure too where other blocks of the draft hold pinyin: the conversion ran over the draft.
    const pinyinElsewhere = found.filter(({ a }) => a.kind === 'pinyin').length >= 2;
    const findings: RuleFinding[] = [];
    // Read from the whole draft once, when a glued-word candidate first asks (each candidate
    // scanning the draft again was quadratic on a long draft full of them).
    let draft: DraftTokens | undefined;
    for (const { block, a } of found) {
      let confidence = a.confidence;
      let reason = a.reason;
      if (a.kind === 'glued-words') {
        if (!a.common && !evidence) continue;
        draft ??= draftTokens(doc.text);
        if (inCodeSpan(doc, draft, block, a.start) || (draft.counts.get(a.actual.toLowerCase()) ?? 0) > 1 || isEnglishWord(a.actual, a.common ? 'general' : 'all')) continue;
        confidence = a.common ? 'high' : 'low';
        reason = a.common ? 'splits in one way only, into two very common words' : 'the split is not into very common words; the draft shows machine translation elsewhere';
      }
      if (a.kind === 'pinyin' && confidence === 'low' && pinyinElsewhere) {
        confidence = 'high';
        reason = 'tone-marked syllables glued after characters elsewhere in the draft';
      }
      const data: Record<string, unknown> = { kind: a.kind, actual: a.actual };
      if (a.expected !== undefined) data.expected = a.expected;
      if (a.fragment !== undefined) data.fragment = a.fragment;
      if (a.count !== undefined) data.count = a.count;
      if (confidence !== undefined) data.confidence = confidence;
      if (reason !== undefined) data.reason = reason;
      findings.push({ span: blockSpan(doc.lineStarts, block, a.start, a.end), message: messageOf(a, confidence), data });
    }
    return findings;
  },
};

const HAN = /\p{Script=Han}/u;

/** The artifacts of a block's text, in text order (glued-word candidates only in English text). */
function artifactsOf(text: string, english: boolean, allowedTerms: readonly string[]): Artifact[] {
  const found: Artifact[] = [...splitWords(text), ...doubledCharacters(text), ...pinyinAnnotations(text), ...selfGlosses(text)];
  if (english) append(found, gluedWords(text, maskedRanges(text, allowedTerms)));
  return found.sort((a, b) => a.start - b.start);
}

/** The artifacts of block texts met again in other versions (see text-memo.ts). */
const artifactsMemo = new ScopedTextMemo<Artifact[]>(2048);

/** What the glued-word checks read from the whole draft: its tokens, counted, and where its backticks stand. */
interface DraftTokens {
  /** Each maximal run of letters and digits, lower-cased, with how often it stands in the draft. */
  counts: Map<string, number>;
  /** Offsets of the backticks, ascending. */
  ticks: number[];
}

function draftTokens(text: string): DraftTokens {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0].toLowerCase();
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const ticks: number[] = [];
  for (let k = text.indexOf('`'); k !== -1; k = text.indexOf('`', k + 1)) ticks.push(k);
  return { counts, ticks };
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** True when text index `i` of the block stands inside a code span (an odd number of backticks before it on its line; a code span's text maps to its opening backtick). */
function inCodeSpan(doc: Document, draft: DraftTokens, block: Block, i: number): boolean {
  if (draft.ticks.length === 0) return false;
  const offset = sourceOffset(block, i);
  const lineStart = doc.lineStarts[pointAt(doc.lineStarts, offset).line - 1]!;
  const ticks = firstAtOrAfter(draft.ticks, (k) => k, offset + 1) - firstAtOrAfter(draft.ticks, (k) => k, lineStart);
  return ticks % 2 === 1;
}

function messageOf(a: Artifact, confidence: string | undefined): string {
  switch (a.kind) {
    case 'split-word':
      return `Word fragment “${a.fragment}” glued to Chinese in “${a.actual}”: part of an English word was translated`;
    case 'glued-words':
      return confidence === 'high' ? `“${a.actual}” is two words run together: “${a.expected}”` : `“${a.actual}” may be two words run together: “${a.expected}”`;
    case 'doubled-character':
      return confidence === 'high' ? `Doubled character “${a.actual}”; expected “${a.expected}”` : `Doubled character “${a.actual}”, perhaps; expected “${a.expected}”`;
    case 'self-gloss':
      return `“${a.actual}” glosses a term with itself: a name and its gloss were translated alike; expected “${a.expected}”`;
    case 'pinyin':
      return (a.count ?? 1) > 1
        ? `${a.count} pinyin syllables glued after characters (${a.fragment!.split(' ').slice(0, 3).join(', ')}${a.count! > 3 ? ', …' : ''}): a conversion left the pronunciation in the text`
        : `Pinyin “${a.fragment}” glued after “${a.expected}”: a conversion left the pronunciation in the text; expected “${a.expected}”`;
  }
}
