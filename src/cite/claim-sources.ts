/**
 * Where a research claim without a marker names its source, so that cite/uncited-claim reports
 * it as info (the source can be looked up) rather than as a warning. In order:
 *
 * - the claim's sentence ("the VITAL trial found …");
 * - its paragraph, unless the sentence brings in a study of its own; then only a later sentence
 *   of the paragraph that goes on about that study ("A recent survey found … These findings were
 *   reported at the American Diabetes Association's …");
 * - for an appeal to experts ("experts say", "专家指出"), the expert the paragraph, or one a few
 *   blocks below, names by title (a news page quotes its expert further down);
 * - for a sentence about "the researchers" or "this study", the source a paragraph above names;
 * - the paragraphs below, where a news lede's study is named (see `below`);
 * - for a lede and a claim that points back at the study, the line a news item closes on to
 *   say where the study appeared (see `closingSource`).
 *
 * One per prose block: what the paragraph and its neighbours name is read once for all its claims.
 */
import type { Document } from '../types.js';
import { SENTENCE_END, followsUp, introducesStudy, opensOnStudyBefore, opensWithBackReference, refersBack } from './claims.js';
import { namedExpert, namedSource, type NamedSource } from './sources.js';
import { isSourceLine } from '../parse/blocks.js';

export class ClaimSources {
  /** What the paragraph names, and what the paragraphs below it name (null: not looked for yet). */
  #paragraph: NamedSource | undefined | null = null;
  #below: NamedSource | undefined | null = null;

  /**
   * `index` is the paragraph's block, `split` its sentences; `prose` tells which blocks are
   * paragraphs of prose; `lede` whether this one is the article's first (a news page's lede).
   */
  constructor(
    private readonly doc: Document,
    private readonly index: number,
    private readonly prose: (j: number) => boolean,
    private readonly lede: boolean,
    private readonly split: readonly { start: number; end: number }[],
  ) {}

  /** The source that claim sentence `k` (its `cue` the wording that reads as a claim) names, or undefined. */
  of(sentence: string, cue: string, k: number): NamedSource | undefined {
    const text = this.doc.blocks[this.index]!.text;
    const back = refersBack(sentence);
    return (
      namedSource(sentence) ??
      (introducesStudy(sentence) ? laterSource(text, this.split, k) : this.#paragraph === null ? (this.#paragraph = namedSource(text)) : this.#paragraph) ??
      (EXPERTS.test(cue) ? (namedExpert(text) ?? expertBelow(this.doc, this.index)) : undefined) ??
      (back ? sourceAbove(this.doc, this.index, this.prose) : undefined) ??
      (this.#below === null ? (this.#below = sourceBelow(this.doc, this.index, this.prose, this.lede)) : this.#below) ??
      (this.lede || back || opensWithBackReference(sentence) ? closingSource(this.doc, this.index) : undefined)
    );
  }
}

/**
 * The line a news item closes on to say where its study appeared, however far below the claim:
 * "Details of these findings are published in the British Journal of Clinical Pharmacology.",
 * or the reference alone ("BMJ 2010 341; c5702", a DOI). It names the study of the lede and of
 * the claims that point back at it ("The study found …", "The researchers concluded …").
 */
function closingSource(doc: Document, i: number): NamedSource | undefined {
  const found = closingOf(doc);
  return found !== null && found.block > i ? found.source : undefined;
}

/** The block of the line `doc` closes on to say where its study appeared (see closingSource): a source, no claim of its own. */
export function closingSourceBlock(doc: Document): number | undefined {
  return closingOf(doc)?.block;
}

function closingOf(doc: Document): { block: number; source: NamedSource } | null {
  let found = closing.get(doc);
  if (found === undefined) closing.set(doc, (found = closingLine(doc)));
  return found;
}

const closing = new WeakMap<Document, { block: number; source: NamedSource } | null>();

/**
 * A sentence on where the study appeared, opening on the study itself ("The findings were
 * published in …", "Details of these findings are published in …").
 */
function appearedIn(text: string): boolean {
  return (opensWithBackReference(text) || DETAILS_OF.test(text)) && PUBLISHED_IN.test(text);
}
const DETAILS_OF = /^details\s+of\s+(?:these|the)\s+(?:findings|results)\b/iu;
const PUBLISHED_IN = /^[^.]{0,160}?\b(?:published|appear(?:s|ed)?|reported|presented)\s+(?:online\s+)?(?:in|at)\b/iu;
/** How long a closing line may be. */
const CLOSING_LINE = 240;

/** A label before the source a news item closes on: "Source: Annals of Internal Medicine, July 2007", "Original title:" over the title. */
const CLOSING_LABEL = /^(?:sources?|references?|citation|original\s+(?:title|article|paper|study)|study|paper|journal)\s*[:：]\s*(.*)$/iu;

/** Words of a sentence of prose: one this long after a source line means the line closes nothing. */
const PROSE_WORDS = 15;

/**
 * The last paragraph of `doc` that is a closing source line, with what it names, or null: a
 * line with no sentence of prose after it (a fact box's "Source:" mid-page names the box's).
 */
function closingLine(doc: Document): { block: number; source: NamedSource } | null {
  const labelAlone = (j: number): boolean => j >= 0 && CLOSING_LABEL.exec(doc.blocks[j]!.text.trim())?.[1] === '';
  for (let j = doc.blocks.length - 1; j >= 0; j--) {
    const b = doc.blocks[j]!;
    const text = b.text.trim();
    // (A sentence under a label alone, "Original title:", is the label's value, not prose.)
    if (b.kind === 'paragraph' && !labelAlone(j - 1) && SENTENCE_END.test(text) && text.split(/\s+/).length >= PROSE_WORDS) return null;
    // (A plain-text draft may make a short reference line a heading.)
    if ((b.kind !== 'paragraph' && b.kind !== 'heading') || text.length > CLOSING_LINE) continue;
    if (isSourceLine(text)) return { block: j, source: { text, start: 0, end: text.length } };
    // A label with its value on its line, or alone over the line that holds it.
    const label = CLOSING_LABEL.exec(text);
    const below = doc.blocks[j + 1];
    const at = label?.[1] !== '' ? j : below?.kind === 'paragraph' && below.text.length <= CLOSING_LINE ? j + 1 : -1;
    const value = at === j ? label?.[1] : at === j + 1 ? below!.text.trim() : undefined;
    if (value && /\p{Lu}/u.test(value)) return { block: at, source: { text: value, start: 0, end: value.length } };
    if (b.kind === 'paragraph' && appearedIn(text)) {
      const source = namedSource(text);
      if (source) return { block: j, source };
    }
  }
  return null;
}

/** Words that speak of a study, with or without a finding. */
export const STUDY_WORD = /\b(?:stud(?:y|ies)|trials?|research(?:ers)?|experiments?|investigators|scientists)\b|研究|试验|試驗/iu;

/**
 * A news lede's study told by the meeting it was presented at ("Neeraj Kumar, MD, of the Mayo
 * Clinic, presented a clinical overview of 25 such patients at the AAN Annual Meeting"): the
 * paragraph speaks of the lede's study without pointing back at it.
 */
const PRESENTED_AT = /\bpresented\b[^.]{0,160}?\bat\s+(?:the\s+|this\s+year['’]s\s+)?[^.]{0,80}?\b(?:meeting|congress|conference|sessions|symposium|summit)\b/iu;

/** How many prose blocks below a claim's paragraph are read for the source it sums up; below a lede, more. */
const BELOW = 2;
const LEDE_BELOW = 4;

/**
 * A source named in the prose blocks right below block `i`, before any heading, by a block
 * that speaks of the same study ("The study, published in …", "该研究发表在《…》"); a block that
 * brings in a study of its own ("A large Cochrane review found …") names another one. Past a
 * heading only a block that opens on the study ("这项研究报告发表在《…》上" under a teaser's
 * subheading) still speaks of it.
 */
function sourceBelow(doc: Document, i: number, prose: (j: number) => boolean, lede: boolean): NamedSource | undefined {
  if (!prose(i + 1) && doc.blocks[i + 1]?.kind === 'heading' && prose(i + 2)) {
    const text = doc.blocks[i + 2]!.text;
    return opensOnStudyBefore(text) ? namedSource(text) : undefined;
  }
  // (A lede's study may be named a few short paragraphs on: "The findings were published in …".)
  for (let j = i + 1; j <= i + (lede ? LEDE_BELOW : BELOW) && j < doc.blocks.length && prose(j); j++) {
    const text = doc.blocks[j]!.text;
    // ("Another study, published in …": another study's source, whatever it says of "these researchers" after.)
    if (introducesStudy(text)) return undefined;
    // (Below a lede, the paragraph that tells who found it: "But researchers at the University of
    // Auckland have found that …" is the lede's study told again, with its source; one that opens
    // on "A …" brings in something of its own, "A large Cochrane review, published in …".)
    if (!refersBack(text) && !opensWithBackReference(text) && !PRESENTED_AT.test(text) && !(lede && STUDY_WORD.test(text) && !OPENS_ON_NEW.test(text))) continue;
    const found = namedSource(text);
    if (found) return found;
  }
  return undefined;
}

/** A paragraph that opens on something new: "A large Cochrane review …", "Another trial …", "另據國泰醫院…", "此外…". */
const OPENS_ON_NEW = /^\s*(?:(?:a|an|another|one)\s|另|此外)/iu;

/** How many prose blocks above a claim about "the researchers" are read for the study they did. */
const ABOVE = 3;

/** The source named in the prose blocks right above block `i`, before any heading: the study "the researchers" of a claim did. */
function sourceAbove(doc: Document, i: number, prose: (j: number) => boolean): NamedSource | undefined {
  for (let j = i - 1; j >= i - ABOVE && j >= 0 && prose(j); j--) {
    const found = namedSource(doc.blocks[j]!.text);
    if (found) return found;
    // (Past a paragraph that brings in a study of its own, the study above is another one.)
    if (introducesStudy(doc.blocks[j]!.text)) return undefined;
  }
  return undefined;
}

/** An appeal to experts as the source: "Experts say", "scientists believe", "专家指出". */
const EXPERTS = /^(?:experts|scientists)\b|^(?:专家|專家|科学家|科學家|学者|學者)/iu;

/** How many blocks below an appeal to experts are read for the expert it speaks for (a news lede's expert is quoted further down, past subheadings). */
const EXPERTS_BELOW = 4;

/** The expert a block below block `i` names by title: "experts say" in a news lede, the expert quoted further down. */
function expertBelow(doc: Document, i: number): NamedSource | undefined {
  for (let j = i + 1; j <= i + EXPERTS_BELOW && j < doc.blocks.length; j++) {
    const block = doc.blocks[j]!;
    if (block.kind !== 'paragraph' && block.kind !== 'heading') return undefined;
    const found = block.kind === 'paragraph' ? namedExpert(block.text) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The source a later sentence of the paragraph names while it goes on about the study sentence
 * `k` brought in ("A recent survey found … These findings were reported at the American Diabetes
 * Association's …"), up to a sentence that brings in another study.
 */
function laterSource(text: string, split: readonly { start: number; end: number }[], k: number): NamedSource | undefined {
  for (let n = k + 1; n < split.length; n++) {
    const sentence = text.slice(split[n]!.start, split[n]!.end);
    if (introducesStudy(sentence)) return undefined;
    if (opensWithBackReference(sentence) || followsUp(sentence) || refersBack(sentence)) {
      const found = namedSource(sentence);
      if (found) return found;
    }
  }
  return undefined;
}
